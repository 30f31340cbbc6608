"""Confidence per attribution, from the pattern that found it.

The figures in ``lexicon/data/confidence.tsv`` are the share of attributions found by each
rule that were right end to end on the annotated dev set (bench/calibrate.py writes them).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

DEFAULT = 0.5
UNRESOLVED_FACTOR = 0.5


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    path = resources.files("naql.lexicon").joinpath("data", "confidence.tsv")
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("rule\t"):
            rule, value = line.split("\t")[:2]
            out[rule] = float(value)
    return out


def confidence(rule: str, resolved: bool = True) -> float:
    value = _table().get(rule, DEFAULT)
    return value if resolved else value * UNRESOLVED_FACTOR
