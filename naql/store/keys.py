"""Matching keys: one key per source across spellings, and terms for full-text search.

Letters are folded by the shared normaliser (``naql.text.normalize``); the titles dropped
and the transliteration variants are data files (lexicon/data/key_titles.txt and
name_variants.tsv); the rules for the definite article live here. Stored keys and
the search index are built with these functions, so changing a rule means re-keying an
existing store.
"""
from __future__ import annotations

import re

from naql.lexicon import lines, table
from naql.text.normalize import normalize

_NON_WORD = re.compile(r"[^\w\s]|_")


def fold(s: str) -> str:
    """Fold spelling variants (diacritics, tatweel, hamza seats, alef maqsura, ta marbuta,
    presentation forms); Latin lower-cased."""
    return normalize(s).lower()


def words(s: str) -> list[str]:
    """The folded words of ``s``, punctuation dropped."""
    return _NON_WORD.sub(" ", fold(s)).split()


_TITLE_WORDS = sorted((words(t) for t in lines("key_titles.txt")), key=len, reverse=True)
_VARIANT_KEYS = {fold(r["variant"]): fold(r["spelling"]) for r in table("name_variants.tsv")}
# A nisba after a title ("الرئيس الأمريكي ..."): definite, ending in ي or يه.
_NISBA = re.compile(r"^ال\w+يه?$")
# ال only when three letters remain, so "الله" and "الى" stay whole; in search terms also
# with a prefixed و ف ب ك, or لل.
_DEFINITE = re.compile(r"^ال(?=\w{3})")
_PREFIXED_DEFINITE = re.compile(r"(?<!\w)(?:[وفبك]?ال|لل)(?=\w{3})")


def source_key(name: str) -> str:
    """One key for every spelling of a source's name: folded, title-less, without ال, with
    known transliteration variants unified ("الرئيس ترمب" and "ترامب" give "ترامب").
    A title alone ("وزير الخارجية") is the name and is kept."""
    ws = words(name)
    while (title := next((t for t in _TITLE_WORDS if ws[:len(t)] == t), None)) and len(ws) > len(title):
        ws = ws[len(title):]
        while len(ws) > 1 and _NISBA.match(ws[0]):
            ws = ws[1:]
    return " ".join(_VARIANT_KEYS.get(w, w) for w in (_DEFINITE.sub("", w) for w in ws))


def search_terms(s: str) -> list[str]:
    """Terms for the full-text index and its queries: folded words without a leading article
    (ال, وال, بال, فال, كال, لل), so "والهجمات" finds "هجمات"."""
    return _PREFIXED_DEFINITE.sub("", " ".join(words(s))).split()
