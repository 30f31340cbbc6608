"""Article text with its attributions marked: spans turned into properly nested pieces.

Spans may nest (a report inside another's content) or cross (a source that begins inside
another attribution's content and ends after it). HTML elements can only nest, so a mark
that is crossed is closed and opened again around the crossing; every piece of text keeps
the set of marks that cover it. The template writes the pieces, escaping every text.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

ROLES = ("content", "source", "via", "cue")  # outermost first when two start together


@dataclass(frozen=True, slots=True)
class Mark:
    """One span of one attribution: its cue, source, content or a source it cites."""

    start: int
    end: int
    role: str
    attribution: str  # the document's id, "a1"
    colour: int  # index into the page's palette
    label: str  # shown on hover: who, and what this span is
    focus: bool = False  # the attribution's first span, which takes keyboard focus


@dataclass(frozen=True, slots=True)
class Piece:
    """``kind`` is "text", "open" or "close"; ``first`` marks a span's first opening (a
    crossed span is opened again further on)."""

    kind: str
    text: str = ""
    mark: Mark | None = None
    first: bool = False


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """Text and open/close events in document order, nesting properly, ready to write out."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starting: dict[int, list[Mark]] = defaultdict(list)
    for m in valid:
        starting[m.start].append(m)
    points = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out: list[Piece] = []
    stack: list[Mark] = []
    for at, until in zip(points, points[1:] + [len(text)]):
        _close_ending(at, stack, out)
        for m in sorted(starting.get(at, ()), key=lambda m: (-m.end, ROLES.index(m.role))):
            out.append(Piece("open", mark=m, first=True))
            stack.append(m)
        if until > at:
            out.append(Piece("text", text=text[at:until]))
    _close_ending(len(text), stack, out)
    return out


def _close_ending(at: int, stack: list[Mark], out: list[Piece]) -> None:
    """Close the marks that end at ``at``; marks opened inside them that go on are closed
    with them and opened again, widest first."""
    ending = [i for i, m in enumerate(stack) if m.end <= at]
    if not ending:
        return
    lowest = ending[0]
    going_on = sorted((m for m in stack[lowest:] if m.end > at), key=lambda m: -m.end)
    out.extend(Piece("close", mark=m) for m in reversed(stack[lowest:]))
    del stack[lowest:]
    for m in going_on:
        out.append(Piece("open", mark=m))
        stack.append(m)
