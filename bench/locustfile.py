"""One API path (BENCH_PATH) requested in a closed loop, no think time: the load of `python -m bench`."""
import os

from locust import FastHttpUser, task


class Reader(FastHttpUser):
    @task
    def read(self) -> None:
        self.client.get(os.environ["BENCH_PATH"], headers={"Accept": "application/json"})
