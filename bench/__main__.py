"""python -m bench [generate ...] : the benchmark (default) or the corpus generator."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    if argv[:1] == ["generate"]:
        from bench.generate import generate

        parser = argparse.ArgumentParser(prog="python -m bench generate", description="Write a generated corpus.")
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", type=Path, required=True)
        args = parser.parse_args(argv[1:])
        counts = generate(articles=args.articles, seed=args.seed, out=args.out)
        print(", ".join(f"{value} {key}" for key, value in counts.items()) + f" -> {args.out}")
        return
    from bench.run import main as run

    run(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
