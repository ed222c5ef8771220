"""The benchmark: `python -m bench` (or `make bench`) prints a table and writes bench/results/latest.json.

Default (about 10 minutes on 2 cores): a generated corpus of 1,000 articles ingested 3 times into SQLite and
once into PostgreSQL; time per stage, queries per article and a cProfile of 200 of them; extraction F1 with
../shared/eval/score.py; the API on 100,000 synthetic meetings in each database, served by gunicorn (2 workers)
and loaded by wrk (locust if wrk is not installed). `--full` adds 10,000 articles (and 3 PostgreSQL runs of
1,000), `--huge` 100,000.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
BIN = Path(PYTHON).parent
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/bench")
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def log(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


class Database:
    """A new empty database for each measurement: an SQLite file, or the `bench` PostgreSQL database recreated."""

    def __init__(self, vendor: str, work: Path):
        self.vendor, self.work, self.count = vendor, work, 0

    def fresh(self) -> dict[str, str]:
        self.count += 1
        if self.vendor == "sqlite":
            url = f"sqlite:///{self.work}/bench-{self.count}.sqlite3"
            for old in self.work.glob("bench-*.sqlite3"):
                old.unlink()
        else:
            url = POSTGRES
            name, admin = url.rsplit("/", 1)[1], url.rsplit("/", 1)[0] + "/postgres"
            for sql in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
                subprocess.run(["psql", admin, "-q", "-c", sql], check=True, capture_output=True)
        env = environment(url)
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        return env


def environment(url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ, DATABASE_URL=url, DEBUG="1", PYTHONPATH=str(ROOT), **extra)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def timed_child(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident memory (MB) and exit code of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, child.returncode


def probe(command: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run([PYTHON, "-m", "bench.probe", *command], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def machine() -> dict:
    def run(*command: str) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return "unavailable"

    return {
        "cores": os.cpu_count(), "platform": platform.platform(), "processor": platform.processor(),
        "python": run(PYTHON, "-c", "import sys; print(sys.version.split()[0])"),
        "sqlite": run(PYTHON, "-c", "import sqlite3; print(sqlite3.sqlite_version)"),
        "postgresql": run("psql", POSTGRES.rsplit("/", 1)[0] + "/postgres", "-tAc", "SHOW server_version"),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "date": datetime.date.today().isoformat(),
    }


def corpus(work: Path, articles: int, seed: int) -> Path:
    folder = work / f"corpus-{articles}"
    if not (folder / "gold.json").exists():
        log(f"generating {articles} articles (seed {seed})")
        generate(articles=articles, seed=seed, out=folder)
    return folder


def subset(source: Path, articles: int, work: Path) -> Path:
    folder = work / f"subset-{articles}"
    if not folder.exists():
        folder.mkdir()
        for path in sorted((source / "articles").iterdir())[:articles]:
            shutil.copy(path, folder / path.name)
    return folder


def ingest(db: Database, folder: Path, runs: int, workers: int = 1) -> dict:
    articles = len(list((folder / "articles").iterdir()))
    command = [PYTHON, "manage.py", "ingest_articles", str(folder / "articles"), "--workers", str(workers)]
    samples = []
    for run in range(runs):
        env = db.fresh()
        seconds, peak, code = timed_child(command, env)
        log(f"{db.vendor} {articles} articles, run {run + 1}/{runs}: {seconds:.1f} s, {peak:.0f} MB, exit {code}")
        samples.append({"seconds": seconds, "peak_mb": peak, "exit": code})
    seconds = statistics.median(s["seconds"] for s in samples)
    return {"articles": articles, "runs": samples, "median_s": seconds, "articles_per_s": articles / seconds,
            "peak_mb": max(s["peak_mb"] for s in samples)}


def extraction_f1(folder: Path, work: Path) -> dict:
    """../shared/eval/score.py on the corpus. The scorer stops when any article fails to ingest; then the API's
    records come from `manage.py evaluate` (which goes on past failed articles) and the scorer scores them."""
    if not SCORER.exists():
        return {"skipped": f"{SCORER} not found"}
    out, payload = work / "score.json", work / "payload.json"
    scorer = [sys.executable, str(SCORER), "--gold", str(folder / "gold.json"), "--json", str(out)]
    log("scoring extraction with shared/eval/score.py")
    done = subprocess.run([*scorer, "--articles", str(folder / "articles"), "--project", str(ROOT), "--python", PYTHON],
                          cwd=ROOT, capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"})
    method = "score.py --articles"
    if not out.exists():
        log(f"  the scorer stopped ({done.stderr.strip().splitlines()[-1:]}); scoring evaluate's payload instead")
        env = Database("sqlite", work).fresh()
        subprocess.run([PYTHON, "manage.py", "evaluate", str(folder / "articles"), str(folder / "gold.json"),
                        "--save-payload", str(payload)], cwd=ROOT, env=env, capture_output=True, check=True)
        done = subprocess.run([*scorer, "--payload", str(payload)], cwd=ROOT, capture_output=True, text=True)
        method = "manage.py evaluate --save-payload, then score.py --payload (an article failed to ingest)"
    result = json.loads(out.read_text())
    return {"method": method, "report": done.stdout, "overall_f1": result["overall_f1"],
            **{table: {k: result[table][k] for k in ("precision", "recall", "f1")}
               for table in ("persons", "meetings", "agreements")}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def worker_cpu(server: subprocess.Popen) -> float:
    """CPU seconds (user and system) the gunicorn workers have used so far."""
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    except OSError:
        return float("nan")
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in children:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def load_tool() -> str:
    return "wrk" if shutil.which("wrk") else "locust"


def run_load(tool: str, url: str, path: str, env: dict[str, str], seconds: int, users: int, prefix: Path) -> dict:
    """One closed-loop run of `users` connections for `seconds`: requests, failures, req/s, p50/p95/p99 ms."""
    if tool == "wrk":
        done = subprocess.run(["wrk", "-t1", f"-c{users}", f"-d{seconds}s", "--timeout", "10s", "-s",
                               str(ROOT / "bench" / "wrk_report.lua"), url + path],
                              cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        return {"requests": row["requests"], "failures": row["errors"], "rps": row["requests"] / row["seconds"],
                "p50_ms": row["p50_ms"], "p95_ms": row["p95_ms"], "p99_ms": row["p99_ms"]}
    subprocess.run([str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
                    "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "-H", url,
                    "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"],
                   cwd=ROOT, env=dict(env, BENCH_PATH=path), capture_output=True, check=False)
    with open(f"{prefix}_stats.csv") as handle:
        row = next(r for r in csv.DictReader(handle) if r["Name"] == "Aggregated")
    return {"requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
            "rps": float(row["Requests/s"]), "p50_ms": float(row["50%"]), "p95_ms": float(row["95%"]),
            "p99_ms": float(row["99%"])}


def load(paths: dict[str, str], env: dict[str, str], seconds: int, users: int, work: Path) -> dict:
    """gunicorn with 2 workers on 127.0.0.1, each path loaded for `seconds` by wrk (or locust headless, if wrk is not
    installed) twice: `warm`, the same address each time, answered from the response cache after the first
    (events.api.response_cache); `defeated`, each request with a Host of its own, so each one misses the cache and
    does the whole work. With each, the CPU the two workers spent per request (from /proc)."""
    port = free_port()
    serve_env = dict(env, API_ANON_THROTTLE_RATE="1000000/second", CONN_MAX_AGE="60")
    serve_env.pop("DEBUG")
    server = subprocess.Popen([str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
                               "diplomacy.wsgi"], cwd=ROOT, env=serve_env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    url, tool = f"http://127.0.0.1:{port}", load_tool()
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/api/", timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        results = {}
        for name, path in paths.items():
            for mode in ("warm", "defeated"):
                warm_up = urllib.request.Request(url + path, headers={"Accept": "application/json"})
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(warm_up, timeout=30).read()
                cpu = worker_cpu(server)
                run = run_load(tool, url, path, dict(serve_env, BENCH_DEFEAT="1" if mode == "defeated" else "0"),
                               seconds, users, work / f"load-{name}-{mode}")
                run["worker_cpu_ms"] = (worker_cpu(server) - cpu) * 1000 / max(run["requests"], 1)
                results[f"{name} {mode}"] = {"path": path, "tool": tool, **run}
                log(f"  {name} ({mode}): {run['rps']:.0f} req/s, p50 {run['p50_ms']:.0f} ms, "
                    f"p95 {run['p95_ms']:.0f} ms, worker CPU {run['worker_cpu_ms']:.1f} ms/request")
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def api(db: Database, meetings: int, seconds: int, users: int, work: Path) -> dict:
    env = db.fresh()
    log(f"{db.vendor}: bulk-creating {meetings} meetings")
    filled = probe(["fill", str(meetings)], env)
    # The queries of the work itself: with the response cache on, the probe's repeated requests would be hits.
    uncached = dict(env, API_RESPONSE_CACHE_SECONDS="0")
    queries = probe(["api"], uncached)
    explained = probe(["explain"], uncached)
    for name, check in explained.items():
        log(f"  EXPLAIN {name}: {'index scans' if check['passed'] else 'seq scan of ' + ','.join(check['seq_scans'])}")
    paths = probe(["paths"], env)
    return {"rows": filled, "queries": queries, "explain_check": explained,
            "load": load(paths, env, seconds, users, work)}


def table(result: dict) -> str:
    lines = [f"machine: {result['machine']['cores']} cores, Python {result['machine']['python']}, "
             f"SQLite {result['machine']['sqlite']}, PostgreSQL {result['machine']['postgresql']}", "",
             f"ingest (--workers {result['settings'].get('workers', 1)})"
             "      articles  runs  median s  articles/s  peak MB"]
    for key, entry in result["ingest"].items():
        lines.append(f"{key:26} {entry['articles']:>8}  {len(entry['runs']):>4}  {entry['median_s']:>8.1f}  "
                     f"{entry['articles_per_s']:>10.1f}  {entry['peak_mb']:>7.0f}")
    for key, ratio in result.get("ratios", {}).items():
        lines.append(f"{key}: {ratio:.2f} (flat is 10)")
    stages = result.get("stages")
    if stages:
        lines += ["", f"ms per article by stage ({stages['articles']} articles, SQLite): " + ", ".join(
            f"{k} {v:.1f}" for k, v in stages["ms_per_article"].items()),
            f"SQL queries per ingested article: {stages['queries_per_article']:.1f}"]
    f1 = result.get("f1", {})
    if "overall_f1" in f1:
        lines += ["", "extraction on the generated corpus   P     R     F1"]
        for tbl in ("persons", "meetings", "agreements"):
            lines.append(f"  {tbl:34} {f1[tbl]['precision']:.2f}  {f1[tbl]['recall']:.2f}  {f1[tbl]['f1']:.2f}")
        lines.append(f"  overall F1 {f1['overall_f1']:.3f}")
    for vendor, entry in result.get("api", {}).items():
        tool = next(iter(entry["load"].values()), {}).get("tool", "locust")
        lines += ["", f"API on {vendor}, {entry['rows']['meetings']} meetings, gunicorn -w 2, {tool} "
                  f"{result['settings']['users']} connections x {result['settings']['seconds']} s "
                  "(warm: answered from the response cache; defeated: every request a cache miss)",
                  "  endpoint                     req/s   p50 ms  p95 ms  p99 ms  worker CPU ms/req  "
                  "queries (page 10/100)  seq scans (EXPLAIN)"]
        for key, run in entry["load"].items():
            name = key.split()[0]
            q = entry["queries"][name]
            seq = ",".join(q.get("seq_scans", [])) or ("none" if "seq_scans" in q else "-")
            lines.append(f"  {key:26} {run['rps']:>7.0f}  {run['p50_ms']:>6.0f}  {run['p95_ms']:>6.0f}  "
                         f"{run['p99_ms']:>6.0f}  {run.get('worker_cpu_ms', float('nan')):>17.1f}  "
                         f"{q['queries_page_10']:>10}/{q['queries_page_100']:<10}  {seq}")
        checks = entry.get("explain_check") or {}
        if checks:
            failed = [f"{name} ({','.join(c['seq_scans']) or 'no index'})"
                      for name, c in checks.items() if not c["passed"]]
            lines.append(f"  EXPLAIN check, main filters read large tables by index: "
                         f"{len(checks) - len(failed)}/{len(checks)} pass"
                         + (f"; failing: {', '.join(failed)}" if failed else ""))
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="also 10,000 articles, and 3 PostgreSQL runs of 1,000")
    parser.add_argument("--huge", action="store_true", help="also 100,000 articles (with --full)")
    parser.add_argument("--runs", type=int, default=3, help="runs of the 1,000-article ingest on SQLite (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--api-meetings", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10, help="load time per endpoint")
    parser.add_argument("--users", type=int, default=4,
                        help="concurrent connections of wrk (or locust users), closed loop, no wait")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--workers", type=int, default=1,
                        help="ingest_articles --workers N: spaCy's parse in N processes (peak MB: the largest process's)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: ingest,stages,f1,api")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    vendors = ["sqlite"] + ([] if args.no_postgres else ["postgresql"])
    started = time.perf_counter()
    result = {"machine": machine(), "settings": {"seed": args.seed, "users": args.users, "seconds": args.seconds,
                                                 "full": args.full, "huge": args.huge, "workers": args.workers},
              "ingest": {}, "ratios": {}}
    try:
        small = corpus(work, 1000, args.seed)
        if "ingest" not in skip:
            sizes = [1000] + ([10_000] if args.full else []) + ([100_000] if args.huge else [])
            for vendor in vendors:
                db = Database(vendor, work)
                for size in sizes:
                    runs = (args.runs if vendor == "sqlite" or args.full else 1) if size == 1000 else 1
                    result["ingest"][f"{vendor} {size}"] = ingest(db, corpus(work, size, args.seed), runs,
                                                                  args.workers)
                if 10_000 in sizes:
                    result["ratios"][f"{vendor} 10k/1k time"] = (result["ingest"][f"{vendor} 10000"]["median_s"]
                                                                 / result["ingest"][f"{vendor} 1000"]["median_s"])
        if "stages" not in skip:
            part = subset(small, 200, work)
            log("time per stage and queries per article (200 articles)")
            result["stages"] = probe(["stages", str(part)], Database("sqlite", work).fresh())
            log("cProfile of the same ingest")
            result["profile"] = probe(["profile", str(part)], Database("sqlite", work).fresh())
        if "f1" not in skip:
            result["f1"] = extraction_f1(small, work)
        if "api" not in skip:
            result["api"] = {v: api(Database(v, work), args.api_meetings, args.seconds, args.users, work)
                             for v in vendors}
    finally:
        shutil.rmtree(work, ignore_errors=True)
        result["total_s"] = time.perf_counter() - started
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=1, default=str) + "\n")
    print(table(result))
    print(f"\nwritten to {args.out} in {result['total_s']:.0f} s")
