"""Benchmark of the diplomacy project: a generated corpus with known answers, ingest and API measurements."""
