"""What every pattern shares: the ``Candidate`` a pattern proposes, the ``Context`` of one
article it reads (layout, lexicon, cues and the small predicates over tokens) and the bounds
that keep the work per cue constant.

Ranges are half-open token ranges over the ``Layout``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..cues import NAME_QUOTE_WORDS, Cue
from ..lexicon import Lexicon, VerbForm
from ..text.normalize import strip_conjunction
from ..text.segment import Layout
from ..text.tokens import WORD, Token

Range = tuple[int, int]
SEPARATORS = frozenset("،,-–—()/؛;")
COMMAS = frozenset("،,")
VIA_VERBS = frozenset({"نقل", "روي"})  # نقلت X عن Y: Y is cited by X
NAME_PARTICLES = frozenset({"بن", "ابن", "بنت", "ال", "ابو", "ام", "عبد", "ابي"})
MAX_SOURCE_WORDS = 12
# Bounds that keep the work per cue constant, so a page with no punctuation stays linear.
LOOK_BACK = 60  # tokens searched before a cue for its clause start or subject
MAX_CONTENT = 600  # tokens in one content
DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هولاء"})
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان"})  # a clause about the noun, not part of it


@dataclass(slots=True)
class Candidate:
    cue: Range | None
    source: Range | None
    content: Range
    type: str
    polarity: str
    rule: str
    form: VerbForm | None = None
    via: list[Range] = field(default_factory=list)
    recipient: Range | None = None
    # character offsets that trim a clitic written on the first source token (وفقاً لـالوزارة)
    source_skip: int = 0
    nested: bool = False  # reported inside another attribution's content
    opens_quote: bool = False  # the cue is the first word of a quotation: «أنكر بشدة كل ...»
    speaker: Range | None = None  # a participle's: the subject of the verb its clause opens with


def word_forms(w: str) -> list[str]:
    """A normalised word with its clitic-stripped variants: والشرطة → الشرطه، شرطه.

    A conjunction is peeled only before the article, since many words and names begin with
    و or ف (وزير، فاخر).
    """
    out = [w]
    if len(w) > 4 and w[0] in "وف" and w[1:3] == "ال":
        out.append(w[1:])
    for x in list(out):
        if len(x) > 3 and x.startswith(("ال", "لل")):
            out.append(x[2:])
        elif len(x) > 4 and x.startswith(("بال", "كال")):
            out.append(x[3:])
    return out


@dataclass(slots=True)
class Context:
    """One article as the patterns read it. ``by_sentence`` and ``consumed_frames`` are what
    the verb patterns leave for the frames: the candidates of each sentence, and the frames
    already taken as a verb's ``via``."""
    layout: Layout
    lex: Lexicon
    cues: list[Cue]
    tokens: list[Token] = field(init=False)
    norms: list[str] = field(init=False)
    cue_at: dict[int, Cue] = field(init=False)
    in_name: frozenset[int] = field(init=False)  # سي إن إن، المصري اليوم: no complementiser, no time word
    consumed_frames: set[int] = field(default_factory=set)
    by_sentence: dict[int, list[Candidate]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tokens = self.layout.tokens
        self.norms = [t.norm for t in self.layout.tokens]
        self.cue_at = {c.start: c for c in self.cues}
        self.in_name = self.media_name_tokens()

    def media_name_tokens(self) -> frozenset[int]:
        covered: set[int] = set()
        names = self.lex.media_names
        for i, n in enumerate(self.norms):
            if n in names.by_first:
                m = names.match(self.norms, i)
                if m > 1:
                    covered.update(range(i, i + m))
        return frozenset(covered)

    def is_word(self, i: int) -> bool:
        return self.tokens[i].kind == WORD

    def in_set(self, i: int, words: frozenset[str] | dict) -> bool:
        return any(f in words for f in word_forms(self.norms[i]))

    def is_complementiser(self, i: int) -> bool:
        if self.norms[i] not in self.lex.complementisers or i in self.in_name:
            return False
        return i == 0 or self.tokens[i - 1].kind != WORD or self.norms[i - 1] not in self.lex.subordinators

    def is_sentence_end(self, i: int) -> bool:
        return i in self.layout.ends

    def is_long_quote(self, i: int) -> bool:
        q = self.layout.quote_at.get(i)
        return q is not None and (q.close is None or q.words > NAME_QUOTE_WORDS)

    def is_verb_cue(self, i: int) -> bool:
        c = self.cue_at.get(i)
        return c is not None and c.form is not None

    def words_in(self, r: Range) -> int:
        return sum(1 for k in range(*r) if self.tokens[k].kind == WORD)

    def negated(self, i: int) -> bool:
        """لم / ولا / فلن right before token i."""
        if i == 0 or self.tokens[i - 1].kind != WORD:
            return False
        return strip_conjunction(self.norms[i - 1]) in self.lex.negations

    def first_word_in(self, i: int, words: frozenset[str]) -> bool:
        while i < len(self.tokens) and self.tokens[i].kind != WORD:
            i += 1
        return i < len(self.tokens) and self.norms[i] in words

    def skip_discourse(self, s0: int) -> int:
        i = s0
        n = len(self.tokens)
        while i < n and self.tokens[i].kind != WORD:
            i += 1
        while i < n:
            m = self.lex.discourse.match(self.norms, i) or self.lex.discourse.match(
                [w[1:] if w[:1] == "و" else w for w in self.norms[i:i + 4]], 0)
            if not m:
                break
            i += m
            while i < n and self.tokens[i].text in COMMAS:
                i += 1
        return i
