"""Back to back on one filled database: two running servers (gunicorn -w 2, one per tree), the same path loaded by
wrk in rounds: BEFORE as is, AFTER with the response cache defeated (a Host of its own per request, as
bench/wrk_report.lua does with BENCH_DEFEAT=1) and AFTER warm (the same address each time). Prints each run and the
medians, with the CPU the server's workers spent per request (from /proc; the server is found by its port).

    python -m bench.compare PATH BEFORE_PORT AFTER_PORT [ROUNDS] [SECONDS]
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

LUA = Path(__file__).resolve().parent / "wrk_report.lua"


def workers_cpu(port: int) -> float:
    found = subprocess.run(["pgrep", "-f", f"gunicorn .*-b 127.0.0.1:{port} "], capture_output=True, text=True)
    master = min(map(int, found.stdout.split()))
    total = 0
    for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def main(argv: list[str]) -> None:
    if len(argv) < 3:
        raise SystemExit(__doc__)
    path, before, after = argv[0], int(argv[1]), int(argv[2])
    rounds, seconds = (int(argv[3]) if len(argv) > 3 else 3), (argv[4] if len(argv) > 4 else "10")
    runs: dict[str, list[dict]] = {}
    for number in range(1, rounds + 1):
        for name, port, defeat in (("before", before, "0"), ("after, defeated", after, "1"), ("after, warm", after, "0")):
            warm_up = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept": "application/json"})
            urllib.request.urlopen(warm_up, timeout=60).read()
            cpu = workers_cpu(port)
            out = subprocess.run(["wrk", "-t1", "-c4", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA),
                                  f"http://127.0.0.1:{port}{path}"], env=dict(os.environ, BENCH_DEFEAT=defeat),
                                 capture_output=True, text=True, check=True).stdout
            run = json.loads(out.strip().splitlines()[-1])
            run["rps"] = run["requests"] / run["seconds"]
            run["cpu_ms"] = (workers_cpu(port) - cpu) * 1000 / max(run["requests"], 1)
            runs.setdefault(name, []).append(run)
            print(f"round {number} {name:16} {run['rps']:6.1f} req/s  p50 {run['p50_ms']:6.1f}  p95 {run['p95_ms']:6.1f}"
                  f"  p99 {run['p99_ms']:6.1f} ms  errors {run['errors']}  worker CPU {run['cpu_ms']:5.1f} ms/request"
                  f"  load {os.getloadavg()[0]:.1f}", flush=True)
    print("medians:")
    for name, done in runs.items():
        median = {k: statistics.median(r[k] for r in done) for k in ("rps", "p50_ms", "p95_ms", "p99_ms", "cpu_ms")}
        print(f"  {name:16} {median['rps']:6.1f} req/s  p50 {median['p50_ms']:6.1f}  p95 {median['p95_ms']:6.1f}  "
              f"p99 {median['p99_ms']:6.1f} ms  worker CPU {median['cpu_ms']:5.1f} ms/request")


if __name__ == "__main__":
    main(sys.argv[1:])
