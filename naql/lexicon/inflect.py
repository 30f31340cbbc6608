"""Generate the inflected forms of a reporting verb from its three citation forms.

News reports speakers in the third person, and quotes speak in the first; so the perfect
and imperfect are inflected for those persons, the participle for gender and number in the
accusative (مضيفاً، مشيرةً، مؤكدين). Forms are built on normalised spelling (hamza, ى and ة
folded), which is how tokens are matched.
"""
from __future__ import annotations

from collections.abc import Iterator

# (suffix, gender, number, person) on the perfect stem
Features = tuple[str | None, str, int]


def perfect_forms(p: str) -> Iterator[tuple[str, Features]]:
    if p.endswith(("ي", "ا")):  # defective: نفى → نفت، نفوا؛ دعا → دعت، دعوا
        stem = p[:-1]
        yield p, ("m", "sg", 3)
        yield stem + "ت", ("f", "sg", 3)
        yield stem + "وا", (None, "pl", 3)
        yield p + "ا" if p.endswith("ي") else stem + "وا", (None, "du", 3)
        yield stem + "تا", ("f", "du", 3)
        return
    yield p, ("m", "sg", 3)
    yield p + "ت", ("f", "sg", 3)
    yield p + "وا", (None, "pl", 3)
    yield p + "ا", ("m", "du", 3)
    yield p + "تا", ("f", "du", 3)
    # first and second person, as quotes and interviews speak (أكدنا، أكدتم؛ قلت، قلنا، قلتم):
    # hollow verbs shorten before consonant suffixes (قال → قل)
    stem = p[0] + p[2] if len(p) == 3 and p[1] == "ا" else p
    if stem != p:
        yield stem + "ت", (None, "sg", 1)
    yield stem + "نا", (None, "pl", 1)
    yield stem + "تم", (None, "pl", 2)


def imperfect_forms(i: str) -> Iterator[tuple[str, Features]]:
    stem = i[1:]
    plural_stem = stem[:-1] if stem.endswith(("ي", "و")) else stem
    yield "ي" + stem, ("m", "sg", 3)
    yield "ت" + stem, ("f", "sg", 3)
    yield "ي" + plural_stem + "ون", ("m", "pl", 3)
    yield "ي" + stem + "ان", ("m", "du", 3)
    yield "ت" + stem + "ان", ("f", "du", 3)
    yield "ن" + stem, (None, "pl", 1)
    yield "ا" + stem, (None, "sg", 1)


def participle_forms(a: str) -> Iterator[tuple[str, Features]]:
    yield a + "ا", ("m", "sg", 3)
    yield a + "ه", ("f", "sg", 3)
    yield a + "ين", ("m", "pl", 3)


def jussive_forms(i: str) -> Iterator[tuple[str, Features]]:
    """After لم a defective verb loses its last letter (لم ينفِ، لم تروِ، لم يدعُ), so the
    indicative forms do not match it; other verbs look the same unvowelled. Forms of two
    letters (لم يرَ) are left out: too many other words are spelled so."""
    stem = i[1:]
    if not stem.endswith(("ي", "و")):
        return
    short = stem[:-1]
    for form, features in (("ي" + short, ("m", "sg", 3)), ("ت" + short, ("f", "sg", 3)),
                           ("ي" + short + "وا", (None, "pl", 3)), ("ي" + stem + "ا", ("m", "du", 3)),
                           ("ت" + stem + "ا", ("f", "du", 3)), ("ن" + short, (None, "pl", 1)),
                           ("ا" + short, (None, "sg", 1))):
        if len(form) > 2:
            yield form, features
