"""Arabic normalisation for matching: source keys and search terms.

Stored keys and the search index are built with these functions, so changing a rule means
re-indexing an existing store. The folding rules mirror the shared normaliser planned in
``naql/text/normalize.py``; once it lands this module should call it instead.
"""
from __future__ import annotations

import re
import unicodedata

# Harakat, Quranic marks, superscript alef; tatweel.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك",
})
_NON_WORD = re.compile(r"[^\w\s]|_")

# Titles and roles that may precede a name; longest match wins, the name stays.
TITLES = (
    "الرئيس", "رئيس", "الوزير", "وزير", "الدكتور", "د", "دكتور", "الشيخ", "السيد", "السيده",
    "الدكتوره", "الامير", "الاميره", "الملك", "الملكه", "الجنرال", "اللواء", "العميد", "العقيد", "الفريق",
    "المشير", "السفير", "النائب", "القاضي", "الاستاذ", "المهندس", "الحاج", "الامام", "البروفيسور",
    "المستشار", "السيناتور", "المرشد", "البابا", "الاب", "الحاخام", "المتحدث", "الناطق",
    "وزير الخارجيه", "وزير الدفاع", "وزير الداخليه", "وزير الماليه", "رئيس الوزراء",
    "رئيس الحكومه", "المتحدث باسم", "الناطق باسم", "المبعوث", "المبعوث الخاص",
    "المدير", "المدير العام", "الامين العام", "ولي العهد", "الرئيس التنفيذي",
)
# Transliterations of the same foreign name, folded; each maps to one spelling.
VARIANTS = {
    "ترمب": "ترامب", "بامبيو": "بومبيو", "بوتن": "بوتين", "بايدين": "بايدن",
    "نتانياهو": "نتنياهو", "زيلنسكي": "زيلينسكي", "ماكرن": "ماكرون", "ميركيل": "ميركل",
    "اردوجان": "اردوغان", "جوتيريش": "غوتيريش", "غوتيريس": "غوتيريش", "جوتيريس": "غوتيريش",
    "كلينتن": "كلينتون", "جونسن": "جونسون",
}
_TITLE_WORDS = sorted((t.split() for t in TITLES), key=len, reverse=True)
# A nisba after a title ("الرئيس الأمريكي ..."): definite, ending in ي or يه.
_NISBA = re.compile(r"^ال\w+يه?$")


def fold(s: str) -> str:
    """Fold spelling variants: presentation forms, diacritics, tatweel, hamza seats on alef,
    alef maqsura and ta marbuta; Latin lower-cased."""
    return _MARKS.sub("", unicodedata.normalize("NFKC", s)).translate(_FOLD).lower()


def words(s: str) -> list[str]:
    """The folded words of ``s``, punctuation dropped."""
    return _NON_WORD.sub(" ", fold(s)).split()


def source_key(name: str) -> str:
    """One key for every spelling of a source's name: folded, title-less, without ال, with
    known transliteration variants unified ("الرئيس ترمب" and "ترامب" give "ترامب").
    A title alone ("وزير الخارجية") is the name and is kept."""
    ws = words(name)
    while (title := next((t for t in _TITLE_WORDS if ws[:len(t)] == t), None)) and len(ws) > len(title):
        ws = ws[len(title):]
        while len(ws) > 1 and _NISBA.match(ws[0]):
            ws = ws[1:]
    return " ".join(VARIANTS.get(w, w) for w in (_DEFINITE.sub("", w) for w in ws))


def search_terms(s: str) -> list[str]:
    """Terms for the full-text index and its queries: folded words with a leading article
    (ال, وال, بال, فال, كال, لل) removed, so "والهجمات" finds "هجمات"."""
    return [_PREFIXED_DEFINITE.sub("", w) for w in words(s)]


# Only when three letters remain, so "الله" and "الى" stay whole.
_DEFINITE = re.compile(r"^ال(?=\w{3})")
_PREFIXED_DEFINITE = re.compile(r"^(?:[وفبك]?ال|لل)(?=\w{3})")
