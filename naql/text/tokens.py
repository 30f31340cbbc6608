"""Tokens with offsets: words, punctuation, quotation marks and line breaks."""
from __future__ import annotations

import re
from dataclasses import dataclass

from functools import lru_cache

from .normalize import normalize

# Word frequencies are Zipfian: most tokens of a corpus are a few thousand word forms.
_normalize_word = lru_cache(maxsize=1 << 16)(normalize)

WORD, PUNCT, QUOTE, BREAK = "word", "punct", "quote", "break"

# Words: letters, digits, marks, joined by internal periods/commas of numbers (107,47 or 3.5)
# and the tatweel. Every other non-space character is a token of its own.
_TOKEN = re.compile(r"(?P<word>[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+(?:[.,٫][0-9٠-٩]+)*)"
                    r"|(?P<break>\n)|(?P<punct>[^\w\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff])",
                    re.UNICODE)  # format characters (bidi marks, joiners) are no tokens
QUOTE_CHARS = frozenset("«»\"“”„‘’‹›")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str
    kind: str


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        t = m.group()
        kind = m.lastgroup
        if kind == WORD:
            append(Token(m.start(), m.end(), t, _normalize_word(t), WORD))
        else:
            if kind == PUNCT and t in QUOTE_CHARS:
                kind = QUOTE
            append(Token(m.start(), m.end(), t, t, kind))
    return out
