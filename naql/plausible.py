"""Keep only sources that could be speakers and contents that could be statements, before
resolving them.

A source is a nominal: a name, a title or role, a body, a description of people, a document.
A parse that puts a verb, a preposition, an adverb or a page label first (وأتم، وعن توقعات،
أخيراً، تاريخ النشر) went wrong somewhere. A cue still reports, with its subject left to the
verb and resolved as any pro-drop subject is; a pattern without a cue (a headline ``X: Y``, a
verbless ``X «Y»``) rests on its source alone and is dropped.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .attach import Candidate
from .cues import TANWEEN_FATHA
from .lexicon import Lexicon
from .text.normalize import normalize, strip_conjunction
from .text.segment import Layout



ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def plausible(candidates: list[Candidate], layout: Layout, lex: Lexicon) -> list[Candidate]:
    out = []
    for c in candidates:
        if not statement_like(layout, c.content):
            continue
        if c.source is not None and not could_speak(layout, c.source, c.source_skip, lex,
                                                     accusative=c.rule == "verb.svo"):
            if c.cue is None:
                continue
            c = replace(c, source=None, source_skip=0)
        out.append(c)
    return out


def statement_like(layout: Layout, content: tuple[int, int]) -> bool:
    """نشر منذ 01:52 PM - عدد المشاهدات: 433: page metadata after a verb at a line start is no
    statement. A content of mostly figures and Latin letters is taken for such metadata."""
    words = [t.text for t in layout.tokens[content[0]:content[1]] if t.kind == "word"]
    return 2 * sum(1 for w in words if ARABIC_LETTER.search(w)) >= len(words)


def could_speak(layout: Layout, source: tuple[int, int], skip: int, lex: Lexicon, accusative: bool = False) -> bool:
    """``accusative``: the subject stands before its verb, where إنّ or لكنّ make it accusative
    (لكن أحزاباً معارضة أعلنت)."""
    words = [t for t in layout.tokens[source[0]:source[1]] if t.kind == "word"]
    if not words:
        return False
    skipped = skip and words[0] is layout.tokens[source[0]]
    first = words[0].text[skip:] if skipped else words[0].text
    n = normalize(first) if skipped else words[0].norm
    norms = [n, *(t.norm for t in words[1:])]
    bare = [strip_conjunction(n), *norms[1:]]
    if lex.not_speakers.match(norms, 0) or lex.not_speakers.match(bare, 0):
        return False
    if TANWEEN_FATHA in first and not accusative:
        return False
    if n in lex.roles or n in lex.given_names or lex.titles.match(norms, 0):  # والي، وليد، د.
        return True
    if (len(bare[0]) < 2 and not bare[0].isdigit()) or n in lex.subordinators:  # بـ، بعد (not 3 مصادر)
        return False
    return not any(w in lex.verbs or w in lex.framing_verbs or w in lex.prepositions for w in (n, bare[0]))
