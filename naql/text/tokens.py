"""Tokens with offsets: words, punctuation, quotation marks and line breaks."""
from __future__ import annotations

import re
from dataclasses import dataclass

from functools import lru_cache

from .normalize import FORMAT, normalize

# Word frequencies are Zipfian: most tokens of a corpus are a few thousand word forms.
_normalize_word = lru_cache(maxsize=1 << 16)(normalize)

WORD, PUNCT, QUOTE, BREAK = "word", "punct", "quote", "break"

# Words: letters, digits, marks, joined by internal periods/commas of numbers (107,47 or 3.5)
# and the tatweel; format characters (bidi marks, joiners) inside a word are part of it, and
# no token on their own. A zero-width space is a space. Every other non-space character is
# a token of its own.
_LETTER = r"\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_IN_WORD = FORMAT.replace("\u200b", "")
_TOKEN = re.compile(rf"(?P<word>[{_LETTER}]+(?:[{_IN_WORD}]+[{_LETTER}]+)*(?:[.,٫][0-9٠-٩]+)*)"
                    rf"|(?P<break>\n)|(?P<punct>[^\w\s{FORMAT}])")
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
