"""Check that `manage.py evaluate` scores as the shared scorer does, on the same gold and the same API records.

    python scripts/check_evaluate.py GOLD PAYLOAD ../shared/eval/score.py

Exits 1 (naming the table) if any count or F1 differs.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.evaluation.scoring import score


def main(gold_path: str, payload_path: str, reference_path: str) -> int:
    spec = importlib.util.spec_from_file_location("reference_score", reference_path)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    gold, payload = json.loads(Path(gold_path).read_text()), json.loads(Path(payload_path).read_text())
    theirs, ours = reference.score(gold, payload), score(gold, payload)
    differences = [
        name for name in ("persons", "meetings", "agreements")
        if (theirs[name]["tp"], theirs[name]["fp"], theirs[name]["fn"])
        != (getattr(ours, name).tp, getattr(ours, name).fp, getattr(ours, name).fn)
    ]
    if differences or abs(theirs["overall_f1"] - ours.overall) > 1e-9:
        print(f"check: evaluate and {reference_path} disagree on {', '.join(differences) or 'overall F1'}")
        return 1
    print(f"check: evaluate agrees with {reference_path} (overall F1 {ours.overall:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
