"""Where a story's accounts disagree on a figure: two claims about one thing (close in
meaning) giving different numbers for it (32 dead, 19 dead). Opposite positions (asserts
against denies) are shown by the story's columns; this flags what the columns cannot."""
from __future__ import annotations

from itertools import combinations

import numpy as np
from sqlalchemy import Connection, select

from naql.store.schema import attributions

from . import meaning
from .model import Claim
from .shingles import figures

ONE_THING = 0.5  # two statements about one thing: well above unrelated ones (0.2–0.45)


def figures_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Statements giving numbers agree on them unless each gives one the other does not
    (a report may leave out a figure, not change it)."""
    return not (a and b) or a <= b or b <= a


def disagreements(conn: Connection, found: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs of ``found`` claims close in meaning whose figures differ."""
    numbered = [c for c in found if c.members and figures(c.said)]
    if len(numbered) < 2:
        return []
    stored = dict(conn.execute(select(attributions.c.id, attributions.c.vector).where(
        attributions.c.id.in_([c.members[0].attribution_id for c in numbered]))).all())
    vec = {c.id: rows[0] for c in numbered
           if len(rows := meaning.from_bytes(stored.get(c.members[0].attribution_id)))}
    return [(a, b) for a, b in combinations(numbered, 2)
            if a.id in vec and b.id in vec and float(np.dot(vec[a.id], vec[b.id])) >= ONE_THING
            and not figures_agree(figures(a.said), figures(b.said))]
