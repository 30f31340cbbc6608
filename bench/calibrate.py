"""Calibrate ``confidence`` per rule on annotated articles and write lexicon/data/confidence.tsv.

    python bench/calibrate.py ../shared/gold/dev [--write]

For each rule (the pattern that found an attribution), the share of its attributions that
are right end to end (content matched and source right), smoothed toward the overall share
so that a rule seen a few times does not get 0 or 1.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import naql
from naql.evaluate import evaluate

PRIOR = 4  # pseudo-observations at the overall rate
TABLE = Path(naql.__file__).parent / "lexicon" / "data" / "confidence.tsv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    scores = evaluate(args.gold, lambda text, gid: naql.extract(text, "text", name=gid).to_dict())
    by_rule = scores.by_rule
    seen = {rule: r.predicted for rule, r in by_rule.items()}
    right = {rule: r.end_to_end for rule, r in by_rule.items()}
    overall = sum(right.values()) / max(1, sum(seen.values()))
    rows = {rule: (right[rule] + PRIOR * overall) / (seen[rule] + PRIOR) for rule in seen}
    for rule in sorted(rows, key=lambda r: -seen[r]):
        print(f"{rule:20s} {right[rule]:4d}/{seen[rule]:<4d} -> {rows[rule]:.3f}")
    if args.write:
        lines = [f"# rule\tshare right end to end on {scores.documents} annotated articles, smoothed"
                 " (written by bench/calibrate.py)",
                 "rule\tconfidence"] + [f"{r}\t{v:.3f}" for r, v in sorted(rows.items())]
        TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
