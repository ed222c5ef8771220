"""Measurements that run inside Django, in a child process of the benchmark (one database each):

    python -m bench.probe stages ARTICLES      time per stage and SQL queries per article of one ingest
    python -m bench.probe profile ARTICLES     cProfile of one ingest: the top costs
    python -m bench.probe fill MEETINGS        bulk-create synthetic persons and meetings for the API test
    python -m bench.probe api                  SQL queries per API request, and EXPLAIN of each on PostgreSQL
    python -m bench.probe explain              PostgreSQL: does each main filter read large tables by an index?
    python -m bench.probe growth ARTICLES [N]  one ingest: wall and CPU ms and queries per article, first and last N

Each prints one JSON object. The pipeline is not edited: its stage functions are wrapped here at run time.
"""
from __future__ import annotations

import contextlib
import cProfile
import datetime
import functools
import inspect
import io
import json
import os
import pstats
import random
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")

import django

django.setup()

from django.core.management import CommandError, call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# stage of the pipeline -> package of events.extraction that does it
STAGES = {"sources": "read", "text": "clean", "recognise.nlp": "nlp", "context": "nlp", "recognise": "recognise",
          "resolve": "resolve", "store": "store"}


def stage_of(module: str) -> str | None:
    rest = module.removeprefix("events.extraction.")
    for prefix in sorted(STAGES, key=len, reverse=True):
        if rest == prefix or rest.startswith(prefix + "."):
            return STAGES[prefix]
    return None


class StageClock:
    """Exclusive time per stage: entering a stage pauses the one that called it."""

    def __init__(self):
        self.totals: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.stack: list[list] = []  # [stage, started]

    def wrap(self, stage: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            now = time.perf_counter()
            if self.stack:
                outer = self.stack[-1]
                self.totals[outer[0]] = self.totals.get(outer[0], 0.0) + now - outer[1]
            self.stack.append([stage, now])
            self.calls[stage] = self.calls.get(stage, 0) + 1
            try:
                return function(*args, **kwargs)
            finally:
                end = time.perf_counter()
                name, started = self.stack.pop()
                self.totals[name] = self.totals.get(name, 0.0) + end - started
                if self.stack:
                    self.stack[-1][1] = end
        return timed

    def install(self) -> None:
        import importlib
        import pkgutil

        import events.extraction

        for info in pkgutil.walk_packages(events.extraction.__path__, "events.extraction."):
            importlib.import_module(info.name)
        importlib.import_module("events.management.commands.ingest_articles")
        wrapped = {}
        for name, module in list(sys.modules.items()):
            stage = stage_of(name) if name.startswith("events.extraction.") else None
            if stage is None:
                continue
            for attr, value in list(vars(module).items()):
                if inspect.isfunction(value) and value.__module__ == name and not attr.startswith("__"):
                    wrapped[value] = self.wrap(stage, value)
                elif inspect.isclass(value) and value.__module__ == name:
                    for method, member in list(vars(value).items()):
                        if inspect.isfunction(member) and not method.startswith("__"):
                            setattr(value, method, self.wrap(stage, member))
        for name, module in list(sys.modules.items()):
            if name.startswith("events."):
                for attr, value in list(vars(module).items()):
                    if inspect.isfunction(value) and value in wrapped:
                        setattr(module, attr, wrapped[value])


def ingest(articles: str) -> float:
    started = time.perf_counter()
    # a failed article makes the command exit 1 (CommandError through call_command); the counts still hold
    with contextlib.suppress(SystemExit, CommandError):
        call_command("ingest_articles", articles, verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
    return time.perf_counter() - started


def count_articles(articles: str) -> int:
    from events.models import Article

    return Article.objects.count() or len(os.listdir(articles))


def stages(articles: str) -> dict:
    clock = StageClock()
    clock.install()
    queries = QueryCounter()
    # Counted as they run, not captured: CaptureQueriesContext keeps the last 9,000 (Django's queries_log), so 200
    # articles of some 50 queries each read as 45.0 whatever the ingest ran.
    with connection.execute_wrapper(queries):
        wall = ingest(articles)
    n = count_articles(articles)
    per_stage = {stage: seconds / n * 1000 for stage, seconds in sorted(clock.totals.items())}
    per_stage["other"] = wall / n * 1000 - sum(per_stage.values())
    return {"articles": n, "wall_s": wall, "ms_per_article": per_stage, "queries_per_article": queries.count / n}


class QueryCounter:
    """An execute wrapper (connection.execute_wrapper) that counts the statements the database is sent."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def profile(articles: str, top: int = 15) -> dict:
    profiler = cProfile.Profile()
    profiler.enable()
    wall = ingest(articles)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (path, line, function), (_, calls, tottime, cumtime, _) in stats.stats.items():
        rows.append({"function": f"{path.split('site-packages/')[-1].replace(os.getcwd() + '/', '')}:{line}"
                                 f"({function})", "calls": calls, "tottime_s": tottime, "cumtime_s": cumtime})
    own = [r for r in rows if r["function"].startswith("events/")]
    return {"wall_s": wall,
            "top_tottime": sorted(rows, key=lambda r: -r["tottime_s"])[:top],
            "top_events_cumtime": sorted(own, key=lambda r: -r["cumtime_s"])[:top]}


def growth(articles: str, window: int = 1000) -> dict:
    """Whether an article costs more as the database fills: one ingest of the folder (into the database as it is),
    with the wall and CPU (this process: SQLite's work, not a PostgreSQL server's) milliseconds and the queries per
    article of its first and last `window` articles, and of each `window` along the way (on stderr as it goes, with
    the peak memory so far). The model's load is left out of the first window and the totals."""
    import events.extraction.pipeline as pipeline

    queries = QueryCounter()
    marks: list[tuple[float, float, int]] = []  # after each article
    start = (time.perf_counter(), time.process_time(), 0)
    ingest_document = pipeline.ingest_document

    def per(first: int, last: int) -> dict:
        begin, end = marks[first - 1] if first else start, marks[last - 1]
        n = last - first
        return {"articles": n, "wall_ms": round((end[0] - begin[0]) / n * 1000, 1),
                "cpu_ms": round((end[1] - begin[1]) / n * 1000, 1), "queries": round((end[2] - begin[2]) / n, 1)}

    def timed(*args, **kwargs):
        result = ingest_document(*args, **kwargs)
        marks.append((time.perf_counter(), time.process_time(), queries.count))
        if len(marks) % window == 0:
            print(json.dumps({"after": len(marks), **per(len(marks) - window, len(marks)), "peak_mb": peak_mb()}),
                  file=sys.stderr, flush=True)
        return result

    import events.extraction.context as context

    load_model = context.load_model

    def loaded(*args, **kwargs):  # once per command, not a cost of the first articles: taken out of their window
        nonlocal start
        began = (time.perf_counter(), time.process_time())
        model = load_model(*args, **kwargs)
        start = (start[0] + time.perf_counter() - began[0], start[1] + time.process_time() - began[1], start[2])
        return model

    pipeline.ingest_document = timed  # the command imports it when it runs
    context.load_model = loaded
    with connection.execute_wrapper(queries):
        ingest(articles)
    n = len(marks)
    return {"articles": n, "wall_s": round(marks[-1][0] - start[0], 1), "cpu_s": round(marks[-1][1] - start[1], 1),
            "queries_per_article": round(marks[-1][2] / n, 1), "first": per(0, min(window, n)),
            "last": per(max(0, n - window), n), "peak_mb": peak_mb()}


def peak_mb() -> int:
    """This process's peak resident memory so far (Linux reports ru_maxrss in KB)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def fill(meetings: int, seed: int = 7) -> dict:
    """Synthetic rows straight through the ORM: persons with aliases, meetings with two participants each."""
    from events.models import Country, Meeting, Participant, Person, PersonAlias

    rng = random.Random(seed)
    started = time.perf_counter()
    countries = list(Country.objects.filter(code__in=[
        "JP", "CN", "KR", "IN", "US", "GB", "FR", "DE", "BR", "ZA", "NG", "KE", "AU", "ID", "VN", "TR", "EG", "SA",
        "AE", "MX", "AR", "CA", "IT", "ES", "PL", "UA", "RU", "PK", "BD", "TH", "MY", "PH", "SG", "NZ", "CL", "PE",
        "CO", "ET", "GH", "SN"]).order_by("code"))
    syllables = ["ka", "mo", "ri", "ta", "sa", "no", "ve", "lu", "de", "an", "zo", "mi", "ro", "be", "chi", "el"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).title()

    people = [Person(name=f"{word()} {word()}", country=rng.choice(countries)) for _ in range(max(1000, meetings // 5))]
    Person.objects.bulk_create(people, batch_size=2000)
    people = list(Person.objects.select_related("country").order_by("id"))
    PersonAlias.objects.bulk_create([PersonAlias(person=p, name=p.name.split()[-1]) for p in people], batch_size=2000)
    kinds = ["in_person", "phone_call", "summit_sidelines", "visit", "video_call"]
    day0 = datetime.date(2010, 1, 1)
    batch = 5000
    for start in range(0, meetings, batch):
        rows = []
        pairs = []
        for _ in range(min(batch, meetings - start)):
            a, b = rng.sample(people, 2)
            rows.append(Meeting(date=day0 + datetime.timedelta(days=rng.randint(0, 5800)), date_precision="day",
                                kind=rng.choice(kinds), title=f"{a.name} - {b.name}", country=a.country))
            pairs.append((a, b))
        rows = Meeting.objects.bulk_create(rows, batch_size=batch)
        if rows[0].pk is None:  # backends that do not return ids
            rows = list(Meeting.objects.order_by("-id")[:len(rows)])[::-1]
        Participant.objects.bulk_create([
            Participant(meeting=m, person=p, raw_name=p.name, country=p.country)
            for m, pair in zip(rows, pairs, strict=True) for p in pair], batch_size=batch * 2)
    if connection.vendor == "postgresql":
        # As autovacuum leaves a database at rest: statistics, the visibility map (index-only scans) and the GIN
        # indexes' pending lists flushed (a trigram index behind a long pending list looks dearer than a seq scan).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return {"meetings": Meeting.objects.count(), "persons": Person.objects.count(),
            "participants": Participant.objects.count(), "seconds": time.perf_counter() - started}


def api_paths() -> dict[str, str]:
    """The endpoints under test, with ids and names taken from the database."""
    from events.models import Meeting, Person

    meeting = Meeting.objects.order_by("id").values_list("id", flat=True)[Meeting.objects.count() // 2]
    person = Person.objects.order_by("id")[Person.objects.count() // 3]
    return {
        "meetings_filter": "/api/meetings/?country=JP&date_after=2020-01-01",
        "persons_search": f"/api/persons/?search={person.name.split()[-1][:6]}",
        "meeting_detail": f"/api/meetings/{meeting}/",
        "relations": "/api/countries/JP/relations/?with=IN",
    }


# Each main filter of the list endpoints alone, for the EXPLAIN check: on PostgreSQL at 100,000 meetings the
# queries that read a large table must read it through an index.
MAIN_FILTERS = {
    "meetings?country": "/api/meetings/?country=JP",
    "meetings?date_after": "/api/meetings/?date_after=2024-06-01",
    "meetings?date_before": "/api/meetings/?date_before=2010-03-01",
    "meetings?person": "/api/meetings/?person={person}",
    "meetings?country&date_after": "/api/meetings/?country=JP&date_after=2020-01-01",
    "meetings?search": "/api/meetings/?search={name}",
    "persons?search": "/api/persons/?search={name}",
    "persons?country": "/api/persons/?country=JP",
}


def explain(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return [row[0] for row in cursor.fetchall()]


def large_tables() -> set[str]:
    # a sequential scan of a table of a few rows is the right plan
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > 10000")
        return {row[0] for row in cursor.fetchall()}


def plans_of(captured: list[dict], big: set[str]) -> list[dict]:
    plans = []
    for query in captured:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT") or "events_" not in sql:
            continue
        plan = explain(sql)
        seq = sorted({line.split("Seq Scan on ")[1].split()[0] for line in plan if "Seq Scan on " in line} & big)
        plans.append({"sql": sql[:300], "seq_scans": seq, "index_scan": "Index" in "\n".join(plan), "plan": plan})
    return plans


def reads(plan: list[str], tables: set[str]) -> bool:
    """Whether a plan reads any of the tables (by whatever scan)."""
    return any(f" on {table} " in f"{line} " for line in plan for table in tables)


def explain_check() -> dict:
    """PostgreSQL only: for each main filter, the large tables its queries scan sequentially (none is the pass)."""
    from django.test import Client

    from events.models import Participant

    if connection.vendor != "postgresql":
        return {}
    big = large_tables()
    participant = Participant.objects.filter(person__isnull=False).order_by("id").first()
    values = {"person": participant.person_id, "name": participant.person.name.split()[-1][:6]}
    client = Client()
    result = {}
    for name, path in MAIN_FILTERS.items():
        path = path.format(**values)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path, HTTP_ACCEPT="application/json", HTTP_HOST="127.0.0.1").status_code
        plans = [p for p in plans_of(queries.captured_queries, big) if reads(p["plan"], big)]
        seq = sorted({t for p in plans for t in p["seq_scans"]})
        result[name] = {"path": path, "status": status, "seq_scans": seq,
                        "passed": status == 200 and not seq and all(p["index_scan"] for p in plans), "plans": plans}
    return result


def api() -> dict:
    from django.test import Client

    client = Client()
    result = {}
    big = large_tables() if connection.vendor == "postgresql" else set()
    for name, path in api_paths().items():
        # as under load: a large count is then cached (events.api.pagination), and the counts are of that state
        client.get(path, HTTP_ACCEPT="application/json", HTTP_HOST="127.0.0.1")
        counts = {}
        for size in (10, 100):
            url = f"{path}&page_size={size}" if "?" in path and name != "relations" else path
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, HTTP_ACCEPT="application/json", HTTP_HOST="127.0.0.1")
            counts[size] = len(queries)
        entry = {"path": path, "status": response.status_code, "queries_page_10": counts[10],
                 "queries_page_100": counts[100]}
        if connection.vendor == "postgresql":
            plans = plans_of(queries.captured_queries, big)
            entry["explain"] = plans
            entry["seq_scans"] = sorted({t for p in plans for t in p["seq_scans"]})
            entry["large_tables"] = sorted(big)
        result[name] = entry
    return result


def main(argv: list[str]) -> None:
    command, args = argv[0], argv[1:]
    if command == "stages":
        out = stages(args[0])
    elif command == "profile":
        out = profile(args[0])
    elif command == "fill":
        out = fill(int(args[0]))
    elif command == "api":
        out = api()
    elif command == "explain":
        out = explain_check()
    elif command == "paths":
        out = api_paths()
    elif command == "growth":
        out = growth(args[0], int(args[1]) if len(args) > 1 else 1000)
    else:
        raise SystemExit(__doc__)
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
