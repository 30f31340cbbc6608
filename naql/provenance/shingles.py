"""What two wordings of a statement share, and what two articles are about.

A content may join statements (أكد أن الاتفاق صامد، وأن المفاوضات مستمرة): each is a report
of its own, so that a report of both does not tie their two claims together. Text is
folded (hamza, ى/ي, ة/ه, diacritics) and split into words without ال; function words and
complementisers are dropped, negations kept. A statement is then cut into character
n-grams inside each word, padded at its ends: they see through the clitics and inflections
that differ between outlets rewording one statement (ستخفض / بخفض، الضرائب / ضرائب) where
whole words do not (measured on the team's corpus: whole words and word pairs lose recall).
An article is the set of its words, without a leading و/ف and without reporting verbs
(قال، أضاف), which every article has. Both are hashed (CRC-32) for MinHash; the hashes of
a word are cached, as the same few thousand words make most of any text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

import numpy as np

from naql.lexicon import lines, load
from naql.store.keys import search_terms, words
from naql.text.normalize import FORMAT, normalize, strip_conjunction

from .sketch import crc, distinct

N = 4

_COMPLEMENTISERS = frozenset(normalize(w) for w in lines("complementisers.txt"))
_STOP = (frozenset(search_terms(" ".join(lines("function_words.txt")))) - load().negations
         | _COMPLEMENTISERS)
_WORD = re.compile(rf"\w+(?:[{FORMAT}]+\w+)*")  # a bidi mark or joiner inside a word is part of it
_NUMBER = re.compile(r"\d+(?:[.,٫]\d+)?")
_EDGES = " \t\n،,;؛:"
MIN_WORDS = 2  # a shorter piece stays with the statement before it


def statements(content: str) -> list[str]:
    """The statements a content joins with و before a complementiser (، وأن ...), without
    that joining word."""
    joins = [m for m in _WORD.finditer(content) if m.start() > 0 and m.group()[:1] == "و"
             and normalize(m.group()[1:]) in _COMPLEMENTISERS]
    spans: list[list[int]] = []
    for start, end in zip([0, *(m.end() for m in joins)],
                          [*(m.start() for m in joins), len(content)]):
        if spans and len(content[start:end].split()) < MIN_WORDS:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [p for start, end in spans if (p := content[start:end].strip(_EDGES))] or [content]


def statement(content: str, part: int) -> str:
    """A stored report's statement: part ``part`` of its content (the whole content should
    the splitting rules have changed since it was stored)."""
    parts = statements(content)
    return parts[part] if part < len(parts) else content


def figures(text: str) -> frozenset[str]:
    """The numbers a statement gives (in any digits): "120 حالة" and "135 حالة" are two
    statements however alike their words."""
    return frozenset(_NUMBER.findall(normalize(text)))


def content_words(text: str) -> list[str]:
    """Folded words without ال (as keys.search_terms), function words left out."""
    return [t for w in words(text) if (t := _term(w))]


@lru_cache(maxsize=500_000)
def _term(word: str) -> str | None:
    """One folded word as a search term, None for a function word (cached: the same few
    thousand words make most of any text)."""
    terms = search_terms(word)
    return terms[0] if terms and terms[0] not in _STOP else None


@lru_cache(maxsize=500_000)
def _grams(word: str) -> tuple[int, ...]:
    padded = f" {word} "
    return tuple(crc(padded[i:i + N]) for i in range(max(1, len(padded) - N + 1)))


def statement_shingles(text: str) -> np.ndarray:
    """A statement's character n-grams, hashed: sorted and unique."""
    grams = chain.from_iterable(_grams(w) for w in content_words(text))
    return distinct(np.fromiter(grams, dtype=np.uint32))


def article_shingles(title: str | None, text: str) -> np.ndarray:
    """The words an article is about, hashed, for telling whether two articles tell one
    story."""
    topics = (h for w in set(words(f"{title or ''}\n{text}")) if (h := _topic(w)) is not None)
    return distinct(np.fromiter(topics, dtype=np.uint32))


@lru_cache(maxsize=500_000)
def _topic(word: str) -> int | None:
    """A folded word without a leading و/ف and ال, hashed; None for function words,
    reporting verbs (every article has قال، أضاف) and words of one or two letters."""
    term = _term(word)
    term = term and strip_conjunction(term)
    if term and len(term) > 2 and term not in _STOP and term not in load().verbs:
        return crc(term)
    return None
