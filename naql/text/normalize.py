"""Arabic normalisation, used for matching only: reported spans always index the original text."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Unicode's format characters (category Cf, as of Unicode 15; tests check the running
# Python's table): bidi marks, embeddings and isolates (LRM, RLM, ALM, RLE ... PDF, RLI ...
# PDI), joiners, the soft hyphen, the BOM, Arabic number signs, tags. Some CMSs sprinkle
# them through a text; they change no word, so matching ignores them.
_FORMAT_RANGES = ((0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F),
                  (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F),
                  (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF),
                  (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F),
                  (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F))
FORMAT = "".join(chr(c) for first, last in _FORMAT_RANGES for c in range(first, last + 1))
_NO_FORMAT = dict.fromkeys(map(ord, FORMAT))
# Diacritics, tatweel and format characters: dropped for matching.
_IGNORED = "".join(chr(c) for first, last in ((0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670), (0x6D6, 0x6ED),
                                              (0x640, 0x640)) for c in range(first, last + 1)) + FORMAT
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
    **dict.fromkeys(_IGNORED),
})
_NEEDS_NFKC = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")  # presentation forms (ﻻ ﺍ)


def normalize(s: str) -> str:
    """Fold spelling variants so that equal words compare equal."""
    if _NEEDS_NFKC.search(s):
        s = unicodedata.normalize("NFKC", s)
    return s.translate(_FOLD)


def without_format(s: str) -> str:
    """``s`` without format characters: names read from the text (spans keep them)."""
    return s.translate(_NO_FORMAT)


def strip_definite(word: str) -> str:
    """Drop a leading ال (and لل/بال/وال handled by the caller's clitic stripping)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


CONJUNCTIONS = ("و", "ف")


def strip_conjunction(word: str) -> str:
    """Drop a leading و/ف conjunction from a normalised word (وقال → قال)."""
    if len(word) > 2 and word[0] in CONJUNCTIONS:
        return word[1:]
    return word


@lru_cache(maxsize=1 << 16)  # word forms repeat (Zipf): each is stripped once
def bare(word: str) -> str:
    """A normalised word without its article: الوكالة، والشرطة، للصحيفة → وكاله، شرطه، صحيفه."""
    if len(word) > 4 and word.startswith(("وال", "فال", "بال", "كال")):
        return word[3:]
    if len(word) > 3 and word.startswith(("ال", "لل")):
        return word[2:]
    return word
