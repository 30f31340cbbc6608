"""Matching keys: one key per source across spellings, and terms for full-text search.

Letters are folded by the shared normaliser (``naql.text.normalize``); the title list, the
transliteration variants and the rules for the definite article live here. Stored keys and
the search index are built with these functions, so changing a rule means re-keying an
existing store.
"""
from __future__ import annotations

import re

from naql.text.normalize import normalize

_NON_WORD = re.compile(r"[^\w\s]|_")


def fold(s: str) -> str:
    """Fold spelling variants (diacritics, tatweel, hamza seats, alef maqsura, ta marbuta,
    presentation forms); Latin lower-cased."""
    return normalize(s).lower()


def words(s: str) -> list[str]:
    """The folded words of ``s``, punctuation dropped."""
    return _NON_WORD.sub(" ", fold(s)).split()


# Titles and offices that may precede a name; the longest match is dropped, the name stays.
# Kept here rather than shared with the extractor's lexicon so that keys stay stable.
TITLES = (
    "الرئيس", "رئيس", "الوزير", "وزير", "الدكتور", "الدكتورة", "د", "دكتور", "الشيخ", "السيد",
    "السيدة", "الأمير", "الأميرة", "الملك", "الملكة", "الجنرال", "اللواء", "العميد", "العقيد",
    "الفريق", "المشير", "السفير", "النائب", "القاضي", "الأستاذ", "المهندس", "الحاج", "الإمام",
    "البروفيسور", "المستشار", "السيناتور", "المرشد", "البابا", "الأب", "الحاخام", "المتحدث",
    "الناطق", "المبعوث", "المدير", "سمو", "معالي", "فخامة", "سماحة", "جلالة",
    "وزير الخارجية", "وزير الدفاع", "وزير الداخلية", "وزير المالية", "رئيس الوزراء",
    "رئيس الحكومة", "المتحدث باسم", "الناطق باسم", "المبعوث الخاص", "المدير العام",
    "الأمين العام", "ولي العهد", "الرئيس التنفيذي",
)
# Transliterations of the same foreign name; each maps to one spelling.
VARIANTS = {
    "ترمب": "ترامب", "بامبيو": "بومبيو", "بوتن": "بوتين", "بايدين": "بايدن",
    "نتانياهو": "نتنياهو", "زيلنسكي": "زيلينسكي", "ماكرن": "ماكرون", "ميركيل": "ميركل",
    "أردوجان": "أردوغان", "جوتيريش": "غوتيريش", "غوتيريس": "غوتيريش", "جوتيريس": "غوتيريش",
    "كلينتن": "كلينتون", "جونسن": "جونسون",
}
_TITLE_WORDS = sorted((words(t) for t in TITLES), key=len, reverse=True)
_VARIANT_KEYS = {fold(k): fold(v) for k, v in VARIANTS.items()}
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
