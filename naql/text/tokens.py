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


def _token_pattern(format_chars: str) -> re.Pattern[str]:
    in_word = format_chars.replace("\u200b", "")
    return re.compile(rf"(?P<word>[{_LETTER}]+(?:[{in_word}]+[{_LETTER}]+)*(?:[.,٫][0-9٠-٩]+)*)"
                      rf"|(?P<break>\n)|(?P<punct>[^\w\s{format_chars}])")


# Format characters beyond the Basic Multilingual Plane (tags, musical controls) slow every
# match down by half, and almost no text has any: such a text gets the pattern that knows them.
_TOKEN = _token_pattern("".join(ch for ch in FORMAT if ord(ch) <= 0xFFFF))
_TOKEN_ASTRAL = _token_pattern(FORMAT)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
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
    for m in (_TOKEN_ASTRAL if _ASTRAL.search(text) else _TOKEN).finditer(text):
        t = m.group()
        kind = m.lastgroup
        if kind == WORD:
            append(Token(m.start(), m.end(), t, _normalize_word(t), WORD))
        else:
            if kind == PUNCT and t in QUOTE_CHARS:
                kind = QUOTE
            append(Token(m.start(), m.end(), t, t, kind))
    return out
