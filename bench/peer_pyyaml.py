#!/usr/bin/env python3
"""The peer an analyst would write: PyYAML (C loader) + fractions, scoring evidence files against
the spbe-2020 pack exactly as `spbe score` does (verified level where given, else the self level).

  peer_pyyaml.py [--rubric DIR] FILE... | @LIST    prints path,index,exact,predicate per file (CSV)

The pack is read once from rubrics/ (not per file). Used by bench/run.sh as the speed peer and to
cross-check spbe's numbers; it does no validation beyond what the arithmetic needs.
"""
import argparse
import os
import sys
from fractions import Fraction

import yaml

Loader = yaml.CSafeLoader  # the fast libyaml binding; the pure-Python loader is ~10x slower


def load_pack(pack_dir):
    with open(os.path.join(pack_dir, "pack.yaml"), encoding="utf-8") as f:
        manifest = yaml.load(f, Loader=Loader)
    weights = {}
    for name in manifest["files"]:
        with open(os.path.join(pack_dir, name), encoding="utf-8") as f:
            domain = yaml.load(f, Loader=Loader)
        for aspect in domain["aspects"]:
            for ind in aspect["indicators"]:
                weights[str(ind["id"])] = Fraction(str(ind["weight"]))
    predicates = sorted(((Fraction(str(p["min"])), p["name"]["id"]) for p in manifest["predicates"]), reverse=True)
    return weights, Fraction(str(manifest["total_weight"])), predicates


def half_up(x, places=2):
    scale = 10 ** places
    q = (x * scale + Fraction(1, 2)).__floor__()
    return f"{q // scale}.{q % scale:0{places}d}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rubric", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubrics", "spbe-2020"))
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    files = []
    for arg in a.files:
        if arg.startswith("@"):
            with open(arg[1:], encoding="utf-8") as f:
                files.extend(line.strip() for line in f if line.strip())
        else:
            files.append(arg)
    weights, total, predicates = load_pack(a.rubric)
    out = sys.stdout
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
        s = Fraction(0)
        seen = 0
        for ind_id, entry in doc["indicators"].items():
            level = entry.get("verified", entry.get("level")) if isinstance(entry, dict) else entry
            if level is None:
                level = entry.get("level")
            s += weights[str(ind_id)] * level
            seen += 1
        if seen != len(weights):
            print(f"{path}: {len(weights) - seen} indicators missing", file=sys.stderr)
            bad += 1
            continue
        index = s / total
        predicate = next(name for low, name in predicates if index >= low)
        out.write(f"{path},{half_up(index)},{index.numerator}/{index.denominator},{predicate}\n")
    return 3 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
