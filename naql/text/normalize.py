"""Arabic normalisation, used for matching only: reported spans always index the original text."""
from __future__ import annotations

import re
import unicodedata

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# hamza-carrying alefs and alef wasla → bare alef; alef maqsura and Persian yeh → yeh;
# ta marbuta → heh; Persian kaf → kaf; Arabic-Indic digits → ASCII.
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "ؤ": "و",
    "ک": "ك", "گ": "ك",
    **{chr(0x660 + d): str(d) for d in range(10)},
    **{chr(0x6F0 + d): str(d) for d in range(10)},
})
_NEEDS_NFKC = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")  # presentation forms (ﻻ ﺍ)


def normalize(s: str) -> str:
    """Fold spelling variants so that equal words compare equal."""
    if _NEEDS_NFKC.search(s):
        s = unicodedata.normalize("NFKC", s)
    return _DIACRITICS.sub("", s).translate(_FOLD)


def strip_definite(word: str) -> str:
    """Drop a leading ال (and لل/بال/وال handled by the caller's clitic stripping)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


CONJUNCTIONS = ("و", "ف")


def strip_conjunction(word: str) -> str:
    """Drop a leading و/ف conjunction from a normalised word (وقال → قال)."""
    if len(word) > 2 and word[0] in CONJUNCTIONS:
        return word[1:]
    return word


def bare(word: str) -> str:
    """A normalised word without its article: الوكالة، والشرطة، للصحيفة → وكاله، شرطه، صحيفه."""
    if len(word) > 4 and word.startswith(("وال", "فال", "بال", "كال")):
        return word[3:]
    if len(word) > 3 and word.startswith(("ال", "لل")):
        return word[2:]
    return word
