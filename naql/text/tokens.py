"""Tokens with offsets: words, punctuation, quotation marks and line breaks."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import normalize

WORD, PUNCT, QUOTE, BREAK = "word", "punct", "quote", "break"

# Words: letters, digits, marks, joined by internal periods/commas of numbers (107,47 or 3.5)
# and the tatweel. Every other non-space character is a token of its own.
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+(?:[.,٫][0-9٠-٩]+)*|\n|[^\w\s]",
                    re.UNICODE)
QUOTE_CHARS = frozenset("«»\"“”„‘’‹›")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str
    kind: str


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t == "\n":
            kind = BREAK
        elif t in QUOTE_CHARS:
            kind = QUOTE
        elif t[0].isalnum() or t[0] == "_" or "\u0610" <= t[0] <= "\u06ff":
            kind = WORD
        else:
            kind = PUNCT
        out.append(Token(m.start(), m.end(), t, normalize(t) if kind == WORD else t, kind))
    return out
