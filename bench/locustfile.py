"""One API path (BENCH_PATH) requested in a closed loop, no think time: the load of `python -m bench` when wrk is
not installed. BENCH_DEFEAT=1 defeats the response cache as bench/wrk_report.lua does (a Host of its own per
request)."""
import itertools
import os
import random

from locust import FastHttpUser, task

DEFEAT = os.environ.get("BENCH_DEFEAT") == "1"
NUMBERS = itertools.count()
SALT = random.randrange(10**9)


class Reader(FastHttpUser):
    @task
    def read(self) -> None:
        headers = {"Accept": "application/json"}
        if DEFEAT:
            headers["Host"] = f"127.0.0.1:{SALT}{next(NUMBERS)}"
        self.client.get(os.environ["BENCH_PATH"], headers=headers)
