"""The position a report takes in a story: it asserts, denies (نفى، or a content that
denies whatever the cue: "لا صحة لما يروج"), or hedges (رجح، توقع، لم يستبعد، قد تتأخر).
Hedges and denials are a data file (lexicon/data/stance.tsv)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from naql.lexicon import load, table
from naql.store.keys import words
from naql.text.normalize import normalize, strip_conjunction

POSITIONS = ("assert", "deny", "hedge")

_ROWS = table("stance.tsv")


def _of_kind(kind: str) -> list[list[str]]:
    """The folded words of each entry of a kind in stance.tsv."""
    return [words(r["words"]) for r in _ROWS if r["kind"] == kind]


_CUES = frozenset(w[0] for w in _of_kind("cue"))
_NEGATED = frozenset(w[0] for w in _of_kind("negated cue"))


def _by_first(kind: str) -> dict[str, list[tuple[str, ...]]]:
    """The phrases of a kind, by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ws in _of_kind(kind):
        out.setdefault(ws[0], []).append(tuple(ws))
    return out


_HEDGES = _by_first("content")
_DENIALS = _by_first("denial")
_MODALS: dict[str, tuple[str, ...]] = {}  # the modal -> what the next word may start with
for _words in _of_kind("modal"):
    _MODALS[_words[0]] = (*_MODALS.get(_words[0], ()), _words[1])


def position(a: dict[str, Any], text: str) -> str:
    """``a`` is an attribution of the document whose text is ``text``."""
    cue = a.get("cue")
    lemma = _lemma(cue["text"]) if cue else None
    negated = cue is not None and _word_before(text, cue["start"]) in load().negations
    said = words(a["content"]["text"])
    if lemma in _CUES or (negated and lemma in _NEGATED) or _hedged(said):
        return "hedge"
    return "deny" if a["polarity"] == "deny" or _says(said, _DENIALS) else "assert"


@lru_cache(maxsize=10_000)
def _lemma(cue: str) -> str | None:
    verbs = load().verbs
    for w in reversed(normalize(cue).split()):
        form = verbs.get(w) or verbs.get(strip_conjunction(w))
        if form:
            return form.lemma
    return None


def _word_before(text: str, start: int) -> str | None:
    before = words(text[max(0, start - 40):start])
    return strip_conjunction(before[-1]) if before else None


def _says(ws: list[str], phrases: dict[str, list[tuple[str, ...]]]) -> bool:
    return any(tuple(ws[i:i + len(p)]) == p for i, w in enumerate(ws) for p in phrases.get(w, ()))


def _hedged(ws: list[str]) -> bool:
    return _says(ws, _HEDGES) or any(
        w in _MODALS and i + 1 < len(ws) and ws[i + 1].startswith(_MODALS[w])
        for i, w in enumerate(ws))
