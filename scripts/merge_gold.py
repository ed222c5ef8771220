"""Merge a part of a gold file into another: persons present in both (by name or alias, as the scorer matches names)
become one, keeping the first file's id; everything else is appended. usage: merge_gold.py GOLD PART [OUT]"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.evaluation.names import person_key


def merge(gold: dict, part: dict) -> dict:
    keys = {}
    for person in gold["persons"]:
        for name in [person["name"], *person.get("aliases", [])]:
            keys.setdefault(person_key(name), person)
    renamed = {}
    for person in part["persons"]:
        same = next((keys[person_key(n)] for n in [person["name"], *person.get("aliases", [])]
                     if person_key(n) in keys), None)
        if same is None:
            gold["persons"].append(person)
            for name in [person["name"], *person.get("aliases", [])]:
                keys.setdefault(person_key(name), person)
            continue
        renamed[person["id"]] = same["id"]
        same["aliases"] = sorted(set(same.get("aliases", [])) | set(person.get("aliases", [])) | {person["name"]}
                                 - {same["name"]})
        same["sources"] = sorted(set(same["sources"]) | set(person["sources"]))
        same["offices"] = same.get("offices", []) + [o for o in person.get("offices", [])
                                                     if o not in same.get("offices", [])]
        if same.get("required", True) is False and person.get("required", True):
            same.pop("required")
    for meeting in part["meetings"]:
        meeting["participants"] = [renamed.get(p, p) for p in meeting["participants"]]
        gold["meetings"].append(meeting)
    gold["agreements"] += part["agreements"]
    gold["articles"].update(part["articles"])
    return gold


if __name__ == "__main__":
    gold_path, part_path = Path(sys.argv[1]), Path(sys.argv[2])
    out = Path(sys.argv[3]) if len(sys.argv) > 3 else gold_path
    merged = merge(json.loads(gold_path.read_text()), json.loads(part_path.read_text()))
    out.write_text(json.dumps(merged, indent=1, ensure_ascii=False) + "\n")
    print(f"{out}: {len(merged['persons'])} persons, {len(merged['meetings'])} meetings, "
          f"{len(merged['agreements'])} agreements")
