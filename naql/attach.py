"""Attach a source and a content to each cue, and find the cue-less patterns.

Works on token indices over one ``Layout``; ``Candidate`` ranges are half-open token ranges.
The patterns, in the order an Arabic sentence offers them:

- cue first:     قال X إن Y / قال X: «Y» / X قال إن Y / كشف X عن Y / نفى X ما Y
- content first: «Y»، قال X / Y، بحسب X
- according-to:  بحسب X، Y / Y بحسب X   (نقلاً عن X inside another attribution is its ``via``)
- participial:   ...، مضيفاً أن Y
- headline:      X: Y          - verbless: X «Y»
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .cues import NAME_QUOTE_WORDS, RELATIVES, Cue, frame_at, pronoun_stems, verb_form
from .lexicon import PARTICIPLE, PERFECT, Lexicon, VerbForm
from .text.normalize import normalize, strip_conjunction
from .text.segment import SENTENCE_END, Layout
from .text.tokens import BREAK, PUNCT, QUOTE, WORD, Token

Range = tuple[int, int]
SEPARATORS = frozenset("،,-–—()/؛;")
COMMAS = frozenset("،,")
NP_CONTENT_CLASSES = frozenset({"reveal", "deny", "accuse", "describe"})
VIA_VERBS = frozenset({"نقل", "روي"})  # نقلت X عن Y: Y is cited by X
NAME_PARTICLES = frozenset({"بن", "ابن", "بنت", "ال", "ابو", "ام", "عبد", "ابي"})
# بها، عليه، إليها ...: a preposition carrying a pronoun never opens a source.
PREPOSITION_PRONOUNS = frozenset(p + s for p in ("ب", "ل", "عن", "من", "علي", "الي", "في")
                                 for s in ("ه", "ها", "هم", "هما", "نا", "ي"))
MAX_SOURCE_WORDS = 12
# Bounds that keep the work per cue constant, so a page with no punctuation stays linear.
LOOK_BACK = 60  # tokens searched before a cue for its clause start or subject
MAX_CONTENT = 600  # tokens in one content
AUXILIARIES = frozenset({"كان", "كانت", "وكان", "وكانت"})
NP_PREPOSITIONS = frozenset({"في", "عن", "من", "علي", "الي", "مع", "لدي"})  # inside a description
NESTED_SOURCE_TOKENS = 6  # a report inside another's words names its source briefly
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


class Attacher:
    def __init__(self, layout: Layout, lex: Lexicon, cues: list[Cue]):
        self.layout, self.lex, self.cues = layout, lex, cues
        self.tokens = layout.tokens
        self.norms = [t.norm for t in layout.tokens]
        self.cue_at = {c.start: c for c in cues}
        self.consumed_frames: set[int] = set()
        self.by_sentence: dict[int, list[Candidate]] = {}  # cue-based candidates, for frames to find
        self.in_name = self.media_name_tokens()  # سي إن إن، المصري اليوم: no complementiser, no time word

    def media_name_tokens(self) -> frozenset[int]:
        covered: set[int] = set()
        names = self.lex.media_names
        for i, n in enumerate(self.norms):
            if n in names.by_first:
                m = names.match(self.norms, i)
                if m > 1:
                    covered.update(range(i, i + m))
        return frozenset(covered)

    # --- small predicates -------------------------------------------------------------
    def is_word(self, i: int) -> bool:
        return self.tokens[i].kind == WORD

    def text_is(self, i: int, chars: frozenset[str] | str) -> bool:
        return self.tokens[i].text in chars

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

    # --- run --------------------------------------------------------------------------
    def run(self) -> list[Candidate]:
        found: list[Candidate] = []
        for cue in self.cues:
            if cue.form is not None:
                cand = self.from_verb(cue)
                if cand:
                    found.append(cand)
                    self.by_sentence.setdefault(self.layout.sentence_of[cue.start], []).append(cand)
        for cue in self.cues:
            if cue.frame is not None and cue.start not in self.consumed_frames:
                cand = self.from_frame(cue)
                if cand:
                    found.append(cand)
        found.extend(self.headlines())
        found.extend(self.verbless())
        for c in found:
            c.opens_quote = c.cue is not None and c.cue[0] > 0 and self.layout.quote_at.get(c.cue[0] - 1) is not None
        return _dedupe(found)

    # --- cue first / content first ----------------------------------------------------
    def from_verb(self, cue: Cue) -> Candidate | None:
        form = cue.form
        assert form is not None
        s0, s1 = self.layout.sentence_range(cue.start)
        opener, region_end, vias = self.scan_region(cue, s1)
        participle = form.aspect == PARTICIPLE
        src, rest, recipient = (None, None, None) if participle else self.parse_region(cue, cue.end, region_end)
        if form.lemma in VIA_VERBS:
            vias = self.cited_after(src[1] if src else cue.end, region_end) + vias
        rule = "participle" if participle else "verb"
        if not participle:
            svo = self.subject_before(cue, s0)
            if svo is not None:
                if src is not None:  # X قال لبلدي نيوز / X يوضح حقيقة ...: what follows is not the subject
                    recipient = self.recipient_in(cue.end, cue.end + 1) or recipient
                    rest = None
                src, rule = svo, "verb.svo"
            elif src is not None and form.cls == "describe" and self.has_relative(src):
                src, rule = None, "verb.pro"  # ووصفت المعلومات التي ذكرها ... بـ: the object, not the subject
            elif src is None and self.is_impersonal(cue):
                return None
            elif src is None:
                rule = "verb.pro"
        if src is not None and self.words_in(self.head_of(src)) > MAX_SOURCE_WORDS:
            return None
        kind = "indirect"
        if form.cls == "call" and not self.calls_for_clause(opener):
            return None  # دعا إلى الحوار: a call is reported only with a clause (دعا إلى أن)
        if opener is not None:
            what, at = opener
            if what == "colon":
                start = at + 1
                if start < s1 and self.is_complementiser(start):
                    start += 1
                else:
                    kind = "direct"
            elif what == "comp":
                start = at + 1
            elif what == "quote":
                start = at
            elif what == "prep":
                start = at + 1
                if start < s1 and self.is_complementiser(start):
                    start += 1
                elif form.cls == "call":
                    return None  # دعا إلى X: a call, reported only with a clause (دعا إلى أن)
            else:  # a noun-phrase content opens here
                start = at
            if form.cls == "accuse" and rest is not None:
                start = rest
        elif rule == "verb.svo" and form.cls in NP_CONTENT_CLASSES:
            start = rest if rest is not None else self.skip_recipient(cue.end, region_end)
            if start < s1 and self.tokens[start].kind == WORD and self.starts_adjunct(start):
                return None  # الصفقة قد تُعلن خلال أيام: no content, the verb is passive
        elif form.cls in NP_CONTENT_CLASSES and src is not None and rest is None and (
                before := self.content_before(cue, s0, src, region_end, s1)) is not None:
            content, kind = before  # «Y»، أكد X
            return Candidate((cue.start, cue.end), src, content, kind, self.polarity(cue), rule + ".after",
                             form, vias, recipient)
        elif form.cls in NP_CONTENT_CLASSES:
            if rest is not None:
                start = rest
            elif participle or src is None:
                start = cue.end
            elif form.cls == "deny" and (split := self.object_in(src)) is not None:
                src, start = (src[0], split), split  # نفى الجيش استهداف المدنيين
            elif (split := self.verbal_noun_object(src[0] + 1, region_end)) is not None:
                src, start = (src[0], min(src[1], split)), split  # أعلنت الوزارة السودانية تسجيل ...
            else:
                return None
        elif rest is not None and form.cls == "say" and rule in ("verb.pro", "verb.svo"):
            start = rest  # قالت للصحيفة، توجد ...
        else:
            before = self.content_before(cue, s0, src, region_end, s1)
            if before is None:
                return None
            content, kind = before
            return Candidate((cue.start, cue.end), src, content, kind, self.polarity(cue), rule + ".after",
                             form, vias, recipient)
        content = self.content_from(start, s1)
        if content is None or self.is_byline(cue, src, content[0], s1):
            return None
        (c0, c1), quoted = content
        if quoted:
            kind = "direct"
        found = Candidate((cue.start, cue.end), src, (c0, c1), kind, self.polarity(cue), rule, form, vias, recipient)
        if participle:
            found.speaker = self.framing_subject(cue, s0)
        return found

    def framing_subject(self, cue: Cue, s0: int) -> Range | None:
        """أدانت وزارة الخارجية القطرية الهجوم، معتبرة أنه ...: a participle hanging on a clause
        that reports nothing is said by that clause's subject, the words after the verb it opens
        with, up to the object or a circumstance."""
        lead = self.skip_discourse(s0)
        if lead + 1 >= cue.start or not self.is_word(lead):
            return None
        n = self.norms[lead]
        if not (n in self.lex.framing_verbs or n[1:] in self.lex.framing_verbs or verb_form(self.lex, n)):
            return None
        end = lead + 1
        while end < cue.start and self.is_word(end) and end - lead <= MAX_SOURCE_WORDS and not self.ends_subject(end):
            end += 1
        return (lead + 1, end) if end > lead + 1 else None

    def ends_subject(self, k: int) -> bool:
        """The first word after a subject: a function word, a circumstance, بـ or عن with the
        object (رحب الوزير بالاتفاق)، a verbal noun opening the object, or a definite noun after
        a gentilic (الخارجية القطرية | الهجوم)."""
        n = self.norms[k]
        return (n in self.lex.function_words or self.starts_adjunct(k) or n.startswith("بال")
                or self.verbal_noun_object(k, k + 1) is not None
                or (n.startswith("ال") and self.gentilic(k - 1) and not self.gentilic(k)))

    def gentilic(self, k: int) -> bool:
        """القطرية، الأمريكي، المصريين."""
        n = self.norms[k]
        return self.lex.is_gentilic(n[2:] if n.startswith("ال") else n)

    def head_of(self, src: Range) -> Range:
        """The source up to its first apposition: a long office in apposition (الشيخ محمد بن
        راشد، نائب رئيس الدولة رئيس مجلس الوزراء حاكم دبي) makes a source long, not wrong."""
        comma = next((k for k in range(*src) if self.tokens[k].text in COMMAS), src[1])
        return (src[0], comma)

    def polarity(self, cue: Cue) -> str:
        """لم ينفِ الوزير أن ...: a negated denial lets the statement stand, so it is no denial."""
        assert cue.form is not None
        return "assert" if self.negated(cue.start) else cue.form.polarity

    def negated(self, i: int) -> bool:
        """لم / ولا / فلن right before token i."""
        if i == 0 or self.tokens[i - 1].kind != WORD:
            return False
        return strip_conjunction(self.norms[i - 1]) in self.lex.negations

    def object_in(self, src: Range) -> int | None:
        """نفى الجيش استهداف المدنيين: a denial always has an object, so where none was found
        the subject ran into it. The object begins with a bare noun governing a definite one
        (استهداف المدنيين) right after a definite word; the words a source is made of (titles,
        roles, kinds, outlets, given names, particles) and words carrying a clitic are not it."""
        for k in range(src[0] + 1, src[1] - 1):
            prev, n, nxt = self.norms[k - 1], self.norms[k], self.norms[k + 1]
            if not (self.tokens[k - 1].kind == self.tokens[k].kind == self.tokens[k + 1].kind == WORD):
                continue
            if (prev.startswith(("ال", "وال")) and nxt.startswith("ال") and not n.startswith("ال")
                    and n[0] not in "بلكوف" and not self.builds_source(k)):
                return k
        return None

    def builds_source(self, k: int) -> bool:
        """A word sources are named with (وزارة، رئيس، محمد، عبد), so no object starts there."""
        n = self.norms[k]
        lex = self.lex
        return (self.in_set(k, lex.roles) or bool(lex.titles.match(self.norms, k)) or self.in_set(k, lex.kinds)
                or n in lex.outlets.by_first or n in lex.anonymous or n in lex.given_names
                or n in lex.function_words or n in NAME_PARTICLES or n in lex.countries)

    def calls_for_clause(self, opener: tuple[str, int] | None) -> bool:
        """طالب بأن ... / مطالباً «الكتل أن تتحمل ...»: the demand is a clause."""
        if opener is None:
            return False
        what, at = opener
        if what == "quote":
            a, b = self.layout.quote_at[at].inner
            return any(self.is_complementiser(k) for k in range(a, min(b, a + 30)))
        return what in ("comp", "prep")

    def has_relative(self, r: Range) -> bool:
        return any(self.norms[k] in ("التي", "الذي", "الذين") for k in range(*r))

    def is_byline(self, cue: Cue, src: Range | None, content: Range, s1: int) -> bool:
        """كتب - فلان: a verb at a line start whose "content" is a short name closing the line."""
        starts_line = self.layout.line_start[cue.start] == self.skip_discourse(self.layout.line_start[cue.start])
        return (src is None and starts_line and cue.start == self.layout.line_start[cue.start]
                and self.words_in(content) <= 3 and self.words_in((content[1], s1)) == 0)

    def scan_region(self, cue: Cue, s1: int) -> tuple[tuple[str, int] | None, int, list[Range]]:
        """Walk from the cue to what opens its content; collect نقلاً عن X on the way."""
        form = cue.form
        assert form is not None
        vias: list[Range] = []
        j = cue.end
        circumstance = False  # inside في بيان على موقعها ...: its prepositions open nothing
        while j < s1 and j - cue.end <= 40:
            t = self.tokens[j]
            if self.is_sentence_end(j):
                break
            if t.kind == WORD:
                if self.lex.withheld.match(self.norms, j):
                    j = self.withheld_end(j, s1)
                    continue
                circumstance = circumstance or self.starts_adjunct_word(j) or self.is_event_phrase(j)
                after_via = self.take_via(j, s1, vias) or self.past_frame(j, s1)
                if after_via is not None:
                    j = after_via
                    continue
                if self.is_complementiser(j):
                    return ("comp", j), j, vias
                if self.norms[j] in form.preps and j + 1 < s1 and (
                        self.is_complementiser(j + 1) or (form.cls in NP_CONTENT_CLASSES and not circumstance)):
                    return ("prep", j), j, vias
                if (form.cls in NP_CONTENT_CLASSES and form.cls not in ("describe", "accuse")
                        and (self.norms[j] in self.lex.content_starts or self.demonstrative_object(j, cue.end, s1))):
                    return ("np", j), j, vias
                if self.is_verb_cue(j) and self.norms[j - 1] not in RELATIVES:
                    break
            elif t.text == ":":
                return ("colon", j), j, vias
            elif t.kind == QUOTE and self.is_long_quote(j):
                return ("quote", j), j, vias
            j += 1
        return None, j, vias

    def demonstrative_object(self, j: int, after: int, s1: int) -> bool:
        """نفت الوزارة هذه الاتهامات: after the subject, a demonstrative with a definite noun
        that names no source (not هذا المسؤول) opens the object denied or disclosed."""
        return (j > after and self.norms[j] in DEMONSTRATIVES and j + 1 < s1 and self.is_word(j + 1)
                and self.norms[j + 1].startswith("ال") and not self.builds_source(j + 1)
                and (not self.in_set(j + 1, self.lex.anonymous) or self.norms[j + 1] in self.lex.content_starts))

    def demonstrative_source(self, i: int) -> bool:
        """ونفى هذا المسؤول أن ...: a demonstrative before a word sources are named with points
        back to a source, so it opens the subject, not a circumstance."""
        return (self.norms[i] in DEMONSTRATIVES and i + 1 < len(self.tokens) and self.is_word(i + 1)
                and (self.builds_source(i + 1) or self.in_set(i + 1, self.lex.anonymous)))

    def withheld_end(self, i: int, s1: int) -> int:
        """The end of a clause asking not to be named (طلب عدم الكشف عن هويته): it belongs to the
        source, so its words (عدم، الكشف عن) open no content. It runs to a comma, a
        complementiser, a colon or a quotation."""
        k = i + self.lex.withheld.match(self.norms, i)
        while k < s1 and not (self.is_sentence_end(k) or self.tokens[k].text in COMMAS or self.tokens[k].text == ":"
                              or self.tokens[k].kind == QUOTE or self.is_complementiser(k)):
            k += 1
        return k

    def take_via(self, i: int, s1: int, vias: list[Range]) -> int | None:
        """نقلاً عن X at token i: add X to ``vias`` and return where it ends."""
        framed = frame_at(self.lex, self.norms, i)
        if not framed or framed[0].use != "via":
            return None
        self.consumed_frames.add(i)
        via = self.np_after(i + framed[1], s1)
        if not via:
            return i + framed[1]
        vias.extend(self.split_conjuncts(via))
        return via[1]

    def past_frame(self, i: int, s1: int) -> int | None:
        """Where an according-to frame at token i and its source end: what it names (بحسب
        وكالة الأنباء، وفق ما قاله مصدران) opens no content of the verb before it."""
        cue = self.cue_at.get(i)
        if cue is None or cue.frame is None:
            return None
        start = self.frame_opening(cue, s1)[0]
        src = self.np_after(start, s1)
        return src[1] if src else start

    def cited_after(self, a: int, b: int) -> list[Range]:
        """نقلت X عن Y: Y, the source X cites."""
        for k in range(a, b):
            if self.norms[k] == "عن":
                via = self.np_after(k + 1, b)
                return self.split_conjuncts(via) if via else []
        return []

    def parse_region(self, cue: Cue, a: int, b: int) -> tuple[Range | None, int | None, Range | None]:
        """Split what stands between cue and content into (source, object start, recipient)."""
        src: Range | None = None
        rest: int | None = None
        recipient: Range | None = None
        closed = False
        for sa, sb in self.segments(a, b):
            if not closed:
                if src is None:
                    if sa == a:
                        lead = self.leading_recipient(sa, sb)  # قال لها الضابط / قال لـ«الشروق» مصدر
                        if lead is not None:
                            recipient, sa = lead, lead[1]
                            if not any(self.tokens[k].kind == WORD for k in range(sa, sb)):
                                continue
                    if (self.starts_adjunct(sa) or (self.first_word_in(sa, self.lex.function_words)
                                                    and not self.demonstrative_source(sa))
                            or self.is_masdar(sa) or self.charged(cue, sa)):  # وجدد نفيه أن، واتهمه بالتقصير: no subject
                        recipient = recipient or self.recipient_in(sa, sb)
                        closed = True
                        continue
                    cut, rec = self.source_cut(cue, sa, sb)
                    recipient = recipient or rec
                    if cut > sa:
                        src = (sa, cut)
                    closed = cut < sb
                    if closed and rec is None:
                        rest = self.object_after_circumstance(cut, sb)
                    continue
                if self.is_apposition(sa, sb):
                    cut, rec = self.source_cut(cue, sa, sb)
                    src = (src[0], max(src[1], cut))
                    recipient = recipient or rec
                    closed = cut < sb
                    continue
                closed = True
            if rest is None and not self.starts_adjunct(sa):
                rest = sa
            recipient = recipient or self.recipient_in(sa, sb)
        if src is not None and src[1] < b and self.tokens[src[1]].text == ")" and any(
                self.tokens[k].text == "(" for k in range(*src)):
            src = (src[0], src[1] + 1)  # وكالة الأنباء الفرنسية (أ ف ب)
        return src, rest, recipient

    def object_after_circumstance(self, k: int, sb: int) -> int | None:
        """أكد الوزيران خلال لقائهما أهمية ...: where the object starts after a short
        circumstance (a time word, or خلال/في with a speech event) that ended the subject; None
        when something else follows (خلال اللقاء مع الرئيس)."""
        while k < sb and self.is_word(k):
            if self.in_set(k, self.lex.adjunct_times):
                k += 1
            elif ((self.norms[k] in self.lex.adjunct_preps or self.norms[k] in self.lex.event_preps)
                  and k + 1 < sb and self.is_word(k + 1) and (self.in_set(k + 1, self.lex.adjunct_events)
                                                               or self.in_set(k + 1, self.lex.interviews))):
                k += 2
            else:
                break
        if k < sb and self.is_word(k) and self.norms[k] in self.lex.verbal_nouns:
            return k
        later = self.verbal_noun_object(k, sb)  # في كلمته أمام البرلمان التزام ...، مؤتمر صحفي مشترك مع ...
        if later is not None or k >= sb or not self.is_word(k) or self.norms[k] in self.lex.function_words \
                or self.starts_adjunct(k):
            return later
        return k

    def verbal_noun_object(self, a: int, b: int) -> int | None:
        """Where a noun-phrase object opens in the unbroken words from a to b: at a verbal noun
        (verbal_nouns.txt: تسجيل، التزام، مقتل) right after a definite word, since a bare noun
        cannot continue a definite noun phrase (وزارة الصحة السودانية | تسجيل 15 حالة)."""
        for k in range(max(a, 1), b):
            if not self.is_word(k) or not self.is_word(k - 1):
                return None
            if self.norms[k] in self.lex.verbal_nouns and self.norms[k - 1].startswith(("ال", "وال", "لل", "بال")):
                return k
        return None

    def leading_recipient(self, sa: int, sb: int) -> Range | None:
        """لها / لنا / لـ«الشروق» right after the verb, before its subject."""
        n = self.norms[sa]
        if n in ("له", "لها", "لهم", "لنا", "لي"):
            return (sa, sa + 1)
        if n == "ل" and sa + 1 < sb and self.tokens[sa + 1].kind == QUOTE:
            q = self.layout.quote_at.get(sa + 1)
            if q is not None and q.close is not None and q.close < sb:
                return (sa + 1, q.close + 1)
        return None

    def first_word_in(self, i: int, words: frozenset[str]) -> bool:
        while i < len(self.tokens) and self.tokens[i].kind != WORD:
            i += 1
        return i < len(self.tokens) and self.norms[i] in words

    def segments(self, a: int, b: int) -> list[Range]:
        out, start = [], a
        for k in range(a, b):
            if self.tokens[k].text in SEPARATORS and self.layout.depth[k] == self.layout.depth[a]:
                out.append((start, k))
                start = k + 1
        out.append((start, b))
        return [(sa, sb) for sa, sb in out if any(self.tokens[k].kind == WORD for k in range(sa, sb))]

    def starts_adjunct(self, i: int) -> bool:
        while self.tokens[i].kind != WORD:
            i += 1
        n = self.norms[i]
        if self.in_set(i, self.lex.adjunct_times) or n in self.lex.adjunct_preps or n in PREPOSITION_PRONOUNS:
            return True
        return self.is_event_phrase(i) or self.is_recipient(i) or frame_at(self.lex, self.norms, i) is not None

    def is_event_phrase(self, i: int) -> bool:
        """في تصريح، على هامش، بتصريح، تصريحه، في حواره مع: the occasion of speaking, not the speaker."""
        n = self.norms[i]
        if n in self.lex.event_preps and i + 1 < len(self.tokens):
            return any(self.in_set(i + 1, words) for words in (self.lex.adjunct_events, self.lex.interviews,
                                                               self.lex.adjunct_times))
        if n in self.lex.adjunct_events and n.endswith(("ه", "ها")):
            return True
        return len(n) > 3 and n[0] in "بل" and n[1:] in self.lex.adjunct_events

    def is_recipient(self, i: int) -> bool:
        """لـ / للصحيفة / لوكالة / لها: the person or outlet spoken to."""
        n = self.norms[i]
        if n == "ل":
            return True
        if not n.startswith("ل") or len(n) < 2:
            return False
        rest = n[2:] if n.startswith("لل") else n[1:]
        return (rest in ("ه", "ها", "هم", "نا", "ي") or rest in self.lex.outlets.by_first
                or rest in self.lex.recipients or n[1:] in self.lex.recipients
                or any(self.lex.media_names.match([w], 0) == 1 for w in (rest, "ال" + rest)))  # لرويترز، للجزيرة

    def recipient_in(self, sa: int, sb: int) -> Range | None:
        for k in range(sa, sb):
            if self.tokens[k].kind == WORD and self.interviewed_by(k):
                return self.np_after(k + 1, sb)
            if self.tokens[k].kind == WORD and self.is_recipient(k):
                if self.norms[k] == "ل":
                    end = self.np_after(k + 1, sb)
                    return (k + 1, end[1]) if end else None
                end = k + 1
                while end < sb and self.tokens[end].kind != PUNCT and not self.starts_adjunct_word(end):
                    end += 1
                return (k, end)
        return None

    def interviewed_by(self, k: int) -> bool:
        """في مقابلة مع «الأفق» / خلال اتصال هاتفي مع: مع after an interview names whom the
        source spoke to (an adjective may stand between: مقابلة خاصة مع)."""
        return self.norms[k] == "مع" and any(
            j >= 0 and self.tokens[j].kind == WORD and self.in_set(j, self.lex.interviews) for j in (k - 1, k - 2))

    def starts_adjunct_word(self, i: int) -> bool:
        return self.tokens[i].kind == WORD and (self.norms[i] in self.lex.adjunct_preps
                                                or self.in_set(i, self.lex.adjunct_times))

    def source_cut(self, cue: Cue, sa: int, sb: int) -> tuple[int, Range | None]:
        """Where the source ends inside a segment, and the recipient if that is what ends it."""
        form = cue.form
        for k in range(sa, sb):
            t = self.tokens[k]
            if k == sa or t.kind != WORD:
                if k > sa and t.kind == QUOTE and self.is_long_quote(k):
                    return k, None
                continue
            n = self.norms[k]
            if k in self.in_name:
                continue
            if (self.in_set(k, self.lex.adjunct_times) or self.is_event_phrase(k) or n == "قد"
                    or n in self.lex.adjunct_preps or frame_at(self.lex, self.norms, k) is not None
                    or self.is_masdar(k) or (n in self.lex.prepositions and k + 1 < sb and self.is_masdar(k + 1))):
                return k, self.recipient_in(k, sb)
            if self.is_recipient(k):
                return k, self.recipient_in(k, sb)
            if form is not None and form.lemma in VIA_VERBS and n == "عن":
                return k, None
            if form is not None and form.cls == "describe" and self.starts_described(k):
                return k, None
            if self.charged(cue, k):
                return self.accused_at(sa, k), None
        return sb, None

    def accused_at(self, sa: int, k: int) -> int:
        """Where the one accused starts before the charge at k: the subject comes first, so a
        country closing the stretch (اتهم الرئيس الأمريكي الصين بالتلاعب) or, as in a denial
        (``object_in``), a bare noun governing a definite one begins the object; else the two
        cannot be told apart and the charge alone is the content."""
        if k - 1 > sa and self.is_word(k - 1) and self.in_set(k - 1, self.lex.countries):
            return k - 1
        return self.object_in((sa, k)) or k

    def charged(self, cue: Cue, k: int) -> bool:
        """اتهمه بالتقصير، وصفه بالخائن، اتهم الجيش قوات الدعم السريع بارتكاب: the charge or
        description, with بـ joined to its noun, follows the one accused."""
        n = self.norms[k]
        return (cue.form is not None and cue.form.cls in ("accuse", "describe") and self.is_word(k)
                and ((n.startswith("بال") and len(n) > 4) or (n[0] == "ب" and n[1:] in self.lex.verbal_nouns)))

    def starts_described(self, k: int) -> bool:
        """ووصف السعدي التقارير بأنها ...: the thing described stands between the speaker and
        بـ; a report noun (content_starts.txt), ما or a demonstrative begins it."""
        return self.norms[k] in self.lex.content_starts or self.norms[k] in DEMONSTRATIVES

    def is_masdar(self, k: int) -> bool:
        """قوله، تأكيده، اعتقاده: a verbal noun of saying or stance carrying its speaker as a
        pronoun; or after بالـ, the manner of closing a speech (وختم بالقول إن، ومضى بالتأكيد)."""
        n = self.norms[k]
        if n.startswith("بال") and n[3:] in self.lex.masdars:
            return True
        return any(stem in self.lex.masdars for stem in pronoun_stems(n))

    def is_apposition(self, sa: int, sb: int) -> bool:
        words = [k for k in range(sa, sb) if self.tokens[k].kind == WORD]
        first = words[0]
        if self.starts_adjunct(first):
            return False  # قالت الوزيرة، بحسب وكالة الرائد، إن: a citation, not a second name
        if (self.in_set(first, self.lex.roles) or self.lex.titles.match(self.norms, first)
                or self.lex.withheld.match(self.norms, first)):  # مسؤول، طلب عدم ذكر اسمه، إن
            return True
        if self.parenthesised(sa, sb) and len(words) <= 3:
            return True  # وكالة الأنباء السعودية (واس): the acronym names the same source
        if len(words) < 2 or len(words) > 6:
            return False
        return not any(self.norms[k] in self.lex.function_words or self.starts_adjunct_word(k)
                       or self.is_complementiser(k) for k in words)

    def parenthesised(self, sa: int, sb: int) -> bool:
        """A segment that is the whole inside of a pair of parentheses: (واس)."""
        return sa > 0 and self.tokens[sa - 1].text == "(" and sb < len(self.tokens) and self.tokens[sb].text == ")"

    def skip_recipient(self, a: int, b: int) -> int:
        """Content after a verb whose subject stands before it: skip لـ«X» and the preposition."""
        i = a
        rec = self.recipient_in(a, min(b, a + 1)) if a < b else None
        if rec:
            i = rec[1]
        return i

    def subject_before(self, cue: Cue, s0: int) -> Range | None:
        """X قال / X يكشف: a subject standing before its verb in the same clause."""
        i = cue.start
        conjoined = self.norms[i] not in self.lex.verbs and self.norms[i][0] in "وف" and not self.norms[i].startswith("وس")
        if conjoined or (i > 0 and self.norms[i - 1] in ("و", "ف")):
            return None  # وقال: a conjoined verb does not follow its subject
        s0 = max(s0, i - LOOK_BACK)
        lead = self.skip_discourse(s0)
        after_aux = lead < i and self.norms[lead] in AUXILIARIES
        end = i
        if end > s0 and after_aux and self.tokens[end - 1].text in COMMAS:
            end -= 1  # وكان الدكتور فلان، وزير الصحة، أكد أن
        if i == s0 or self.tokens[end - 1].kind == PUNCT:
            return None
        start = self.clause_start(i, s0)
        if end > start and (self.norms[end - 1] == "قد" or self.negated(end)):
            end -= 1  # الوزير قد أكد / الوزير لم يستبعد
        words = [k for k in range(start, end) if self.tokens[k].kind == WORD]
        for n, k in enumerate(words):  # المتهم خلال محاكمته اعترف: the subject ends at the circumstance
            if n and (self.norms[k] in self.lex.adjunct_preps or self.is_event_phrase(k)):
                words, end = words[:n], k
                break
        if not words or len(words) > 15 or not _arabic(self.tokens[words[0]].text):
            return None
        if any(self.is_verb_cue(k) or self.is_complementiser(k) or self.is_clausal(k, k == words[0]) for k in words):
            return None
        return (words[0], end)

    def is_clausal(self, k: int, first: bool) -> bool:
        """A word that shows the stretch before a verb is a clause, not its subject."""
        n = self.norms[k]
        stripped = n[1:] if len(n) > 2 and n[0] in "وف" else n
        if first:
            return (n in self.lex.function_words or stripped in self.lex.function_words
                    or n in self.lex.adjunct_preps or stripped in self.lex.adjunct_preps
                    or bool(self.lex.clause_links.match(self.norms, k)))
        if stripped != n and (stripped in self.lex.function_words or stripped in self.lex.adjunct_preps):
            return True
        return n in self.lex.function_words and n not in NP_PREPOSITIONS

    def clause_start(self, i: int, s0: int) -> int:
        """After the nearest complementiser, colon, opening quote or comma before token i."""
        s0 = max(s0, i - LOOK_BACK)
        lead = self.skip_discourse(s0)
        aux = lead < i and self.norms[lead] in AUXILIARIES
        if aux:
            return lead + 1
        k = i - 1
        while k >= lead:
            t = self.tokens[k]
            if (self.is_complementiser(k) or t.text in (":", "؛", ";") or t.text in COMMAS
                    or (t.kind == QUOTE and self.layout.quote_at.get(k) is not None and self.is_long_quote(k))):
                return k + 1
            k -= 1
        return lead

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

    def is_impersonal(self, cue: Cue) -> bool:
        n = self.norms[cue.start]
        return n in self.lex.impersonal or (n[:1] in "وف" and n[1:] in self.lex.impersonal)

    # --- content -------------------------------------------------------------------------
    def content_from(self, start: int, s1: int) -> tuple[Range, bool] | None:
        """The content opening at ``start``: a whole quotation, or the clause to its end."""
        while start < s1 and self.tokens[start].kind == PUNCT and not self.is_sentence_end(start):
            start += 1
        if start >= s1:
            return None
        q = self.layout.quote_at.get(start)
        # a quotation that stands alone is the content, however short (بأنها «تكهنات إعلامية»)
        if q is not None and (q.close is not None or self.is_long_quote(start)) and q.end - q.open <= MAX_CONTENT:
            after = q.close + 1 if q.close is not None else q.end
            if self.ends_content(after, s1):
                a, b = q.inner
                while a < b and self.is_complementiser(a):
                    a += 1
                return ((a, b), True) if self.words_in((a, b)) else None
        end = self.content_end(start, s1)
        return ((start, end), False) if self.words_in((start, end)) else None

    def ends_content(self, i: int, s1: int) -> bool:
        """Whether what follows a closing quote leaves the quote as the whole content."""
        while i < s1 and self.tokens[i].kind == PUNCT and self.tokens[i].text not in COMMAS:
            if self.is_sentence_end(i):
                return True
            i += 1
        if i >= s1 or self.is_sentence_end(i):
            return True
        if self.tokens[i].text in COMMAS:
            return True
        return self.tokens[i].kind == WORD and (i in self.cue_at or self.norms[i] in ("و",)
                                                or self.lex.content_end.match(self.norms, i) > 0)

    def content_end(self, start: int, s1: int) -> int:
        s1 = min(s1, start + MAX_CONTENT)
        base = self.layout.depth[start]
        end = s1
        for k in range(start, s1):
            t = self.tokens[k]
            if self.is_sentence_end(k) or self.layout.depth[k] < base:
                end = k
                break
            if k > start and t.text in COMMAS and self.layout.depth[k] == base and k + 1 < s1:
                if self.closes_content(k + 1):
                    end = k
                    break
            if k > start and t.kind == WORD and self.layout.depth[k] == base and self.closes_content_bare(k):
                end = k
                break
        while end > start and self.tokens[end - 1].kind in (PUNCT, BREAK):
            end -= 1
        if end > start and self.tokens[end - 1].kind == QUOTE:
            q = self.layout.quote_closing(end - 1)
            if q is None or q.open < start:
                end -= 1
        return end

    def closes_content(self, i: int) -> bool:
        """After a comma: framing (وذلك، وفق ما), or the next attribution (مضيفاً، وأضاف)."""
        if self.tokens[i].kind != WORD:
            return False
        n = self.norms[i]
        if self.lex.content_end.match(self.norms, i) or (n[:1] == "و" and self.lex.content_end.match(
                [n[1:]] + self.norms[i + 1:i + 3], 0)):
            return True
        cue = self.cue_at.get(i)
        if cue is not None:  # ، أشار إلى / ، مضيفاً / ، وأضاف — not a predicate (، تخبرنا بأن)
            return cue.frame is not None or cue.is_participle or n[:1] in "وف" or cue.form.aspect == PERFECT
        linked = self.lex.clause_links.match(self.norms, i)
        if linked and i + linked < len(self.tokens) and self.is_verb_cue(i + linked):
            return True  # ، حيث كشفت / ، لكنه أكد: a new clause with its own report
        if n in ("وذلك", "ذلك") and i + 1 < len(self.tokens):
            return self.starts_adjunct(i + 1) or self.is_event_phrase(i + 1)  # ، وذلك خلال ...
        return False

    def closes_content_bare(self, k: int) -> bool:
        """Framing that ends a content even without a comma (... بحسب ما نشرته)."""
        cue = self.cue_at.get(k)
        return cue is not None and cue.frame is not None and cue.frame.use == "via"

    def content_before(self, cue: Cue, s0: int, src: Range | None, region_end: int,
                       s1: int) -> tuple[Range, str] | None:
        """«Y»، قال X  /  Y، قال X: the content stands before a cue that ends its sentence."""
        if src is None or self.norms[cue.start] not in self.lex.verbs or self.words_in(src) > 8:
            return None  # a conjoined verb (وقال) does not close a content-first sentence
        if any(self.tokens[k].kind == WORD for k in range(region_end, s1)):
            return None
        s0 = max(s0, cue.start - LOOK_BACK)
        k = cue.start - 1
        if k < s0 or not (self.tokens[k].text in COMMAS or self.tokens[k].kind == QUOTE):
            return None
        while k >= s0 and self.tokens[k].kind == PUNCT:
            k -= 1
        if k < s0:
            return None
        if self.tokens[k].kind == QUOTE:
            q = self.layout.quote_closing(k)
            if q is not None and NAME_QUOTE_WORDS < q.words <= MAX_CONTENT:
                a, b = q.inner
                return (a, b), "direct"
            return None
        start = self.skip_discourse(s0)
        if self.words_in((start, k + 1)) < 3:
            return None
        return (start, k + 1), "indirect"

    # --- noun phrases ------------------------------------------------------------------
    def comma_soon(self, i: int, s1: int) -> bool:
        """وبحسب بيان صادر عن وزارة الداخلية، فإن ...: after an indefinite head, a comma closes the
        source (after a definite one the content may follow directly: وبحسب الصحيفة قابل ...)."""
        for k in range(i, min(s1, i + 12)):
            if self.tokens[k].text in COMMAS:
                return True
            if self.is_complementiser(k) or self.is_verb_cue(k) or self.is_sentence_end(k):
                return False
        return False

    def np_after(self, i: int, s1: int, leading: bool = False) -> Range | None:
        """A noun phrase from token i: to the next comma, complementiser or sentence end."""
        while i < s1 and self.tokens[i].kind in (PUNCT,) and self.tokens[i].text not in COMMAS:
            i += 1
        start = i
        k = i
        while k < s1:
            t = self.tokens[k]
            if (self.is_sentence_end(k) or (t.text in SENTENCE_END and k + 1 < s1 and self.tokens[k + 1].start > t.end)
                    or t.text in COMMAS or t.text in SEPARATORS - {"/"}):
                break
            if t.kind == WORD:
                if k > start and (self.is_complementiser(k) or self.norms[k] in ("فان",) or self.is_masdar(k)
                                  or self.norms[k] in RELATIVE_PRONOUNS
                                  or self.is_verb_cue(k) or k in self.cue_at
                                  or self.lex.content_end.match(self.norms, k)):
                    break
                if leading and k > start and not self.continues_np(k):
                    break
            elif t.kind == QUOTE and self.layout.quote_at.get(k) is None and self.layout.quote_closing(k) is None:
                break
            elif t.kind == QUOTE and self.layout.quote_closing(k) is not None and self.layout.quote_closing(k).open < start:
                break
            k += 1
            if self.words_in((start, k)) >= 10:
                break
        while k > start and self.tokens[k - 1].kind == PUNCT:
            k -= 1
        return (start, k) if self.words_in((start, k)) else None

    def continues_np(self, k: int) -> bool:
        """Heuristic NP continuation after a sentence-initial frame (بحسب الصحيفة قابل ...)."""
        n = self.norms[k]
        if self.layout.depth[k] > self.layout.depth[k - 1] or self.tokens[k - 1].kind == QUOTE:
            return True
        if n.startswith("ل") and k + 1 < len(self.norms) and self.norms[k + 1].startswith("ال"):
            return True  # المرصد السوري لحقوق الإنسان
        return n.startswith("ال") or n in NAME_PARTICLES or n.startswith(("لل", "بال")) or n.startswith("عبدال")

    def split_conjuncts(self, r: Range) -> list[Range]:
        """مسؤول إيراني ومصدرين إقليميين → two cited sources."""
        out, start = [], r[0]
        for k in range(r[0] + 1, r[1]):
            n = self.norms[k]
            if n.startswith("و") and (n[1:] in self.lex.anonymous or n[1:] in self.lex.outlets.by_first):
                out.append((start, k))
                start = k
        out.append((start, r[1]))
        return out

    # --- according-to frames -------------------------------------------------------------
    def frame_opening(self, cue: Cue, s1: int) -> tuple[int, int, VerbForm | None]:
        """Where a frame's source begins, the clitic letters to trim from it (وفقاً لـالوزارة),
        and the verb of a relative frame (بحسب ما أكدته صحيفة ...)."""
        frame = cue.frame
        assert frame is not None
        i = cue.end
        skip = 0
        clitic_apart = self.norms[cue.end - 1] == frame.clitic  # وفقاً لـ الوزارة: the cue took لـ
        if frame.clitic and not clitic_apart and i < s1 and self.norms[i].startswith(frame.clitic):
            skip = 1 + (1 if self.tokens[i].text[1:2] == "ـ" else 0)
        reported_by: VerbForm | None = None  # بحسب ما نقلته قناة X عن Y: Y is cited
        relative = frame.words[-1].endswith("ما")  # حسبما أفادت الوكالة
        if relative or (i < s1 and self.norms[i] in ("ما", "لما")):  # بحسب ما أكدته صحيفة ...
            i += 0 if relative else 1
            if i < s1 and self.tokens[i].kind == WORD:
                reported_by = self.cue_at[i].form if i in self.cue_at else verb_form(self.lex, self.norms[i], True)
                i += 1
            while i < s1 and self.norms[i] in ("اليه", "اليها", "له", "به", "عنه", "فيه"):
                i += 1
        return i, skip, reported_by

    def from_frame(self, cue: Cue) -> Candidate | None:
        s0, s1 = self.layout.sentence_range(cue.start)
        frame = cue.frame
        assert frame is not None
        i, skip, reported_by = self.frame_opening(cue, s1)
        same = self.by_sentence.get(self.layout.sentence_of[cue.start], [])
        inside = next((c for c in same if c.cue and c.cue[1] <= cue.start < c.content[0]), None)
        if frame.use == "via" or inside is not None:  # قالت X، بحسب وكالة Y، إن ...: Y is cited
            host = inside or next((c for c in reversed(same) if c.cue and c.cue[0] < cue.start), None)
            if host is not None:
                via = self.np_after(i, s1)
                if via:
                    host.via.extend(self.split_conjuncts(via))
                return None
        lead = self.skip_discourse(s0)
        leading = cue.start <= lead or (cue.start > 0 and self.tokens[cue.start - 1].kind == QUOTE)
        indefinite_head = i < s1 and not self.norms[i].startswith("ال")
        src = self.np_after(i, s1, leading=leading and not (indefinite_head and self.comma_soon(i, s1)))
        if src is None or not self.plausible_source(src[0], skip if src[0] == cue.end else 0):
            return None
        if self.speaks_in_relative(src, same):
            return None
        vias: list[Range] = []
        after = src[1]
        if reported_by is not None and reported_by.lemma in VIA_VERBS:
            cut = next((k for k in range(*src) if self.norms[k] == "عن"), None)
            if cut is not None and cut > src[0]:
                via = self.np_after(cut + 1, s1)
                src = (src[0], cut)
                if via:
                    vias.extend(self.split_conjuncts(via))
                    after = via[1]
        if after < s1 and self.tokens[after].kind == WORD:
            after = self.take_via(after, s1, vias) or after
        recipient = None
        if reported_by is not None:  # وفق ما قاله مصدران لوكالة رويترز: spoken to, not speaking
            to = next((k for k in range(src[0] + 1, src[1]) if self.is_recipient(k)), None)
            if to is not None:
                src, recipient = (src[0], to), self.recipient_in(to, src[1])
        if leading:
            start = after
            while start < s1 and (self.tokens[start].kind == PUNCT or self.norms[start] == "فان"
                                  or self.is_complementiser(start)):
                if self.is_sentence_end(start):
                    return None
                start += 1
            content = self.content_from(start, s1)
            if content is None:
                return None
            c = content[0]
        else:
            begin = self.clause_start_for_frame(cue.start, s0)
            end = cue.start
            while end > begin and self.tokens[end - 1].kind in (PUNCT, BREAK):
                end -= 1
            if self.words_in((begin, end)) < 2:
                return None
            c = (begin, end)
            host = next((h for h in same if h.cue and h.cue[0] < cue.start and h.content[0] == begin), None)
            if host is not None:  # قالت الحكومة إن الأسعار ارتفعت، بحسب وكالة Y: Y is cited
                host.via.extend([*self.split_conjuncts(src), *vias])
                return None
        self.add_to_host(c, src, same)
        return Candidate((cue.start, cue.end), src, c, "according_to", "assert", "frame",
                         via=vias, recipient=recipient, source_skip=skip if src[0] == cue.end else 0)

    def speaks_in_relative(self, src: Range, same: list[Candidate]) -> bool:
        """جاء ذلك على لسان المتحدث فلان الذي قال إن ...: the frame only announces the report
        the relative clause makes, so the frame's source becomes that verb's subject."""
        rel = src[1]
        if rel + 1 >= len(self.tokens) or self.norms[rel] not in RELATIVE_PRONOUNS:
            return False
        verb = next((c for c in same if c.cue and c.cue[0] == rel + 1 and c.source is None), None)
        if verb is None:
            return False
        verb.source, verb.rule = src, "verb"
        return True

    def plausible_source(self, i: int, skip: int = 0) -> bool:
        """بحسب الموعد المقرر، وفقاً للقانون: what follows the frame names no source."""
        while i < len(self.tokens) and self.tokens[i].kind != WORD:
            i += 1
        n = normalize(self.tokens[i].text[skip:]) if skip else self.norms[i]
        return n not in self.lex.not_sources and "ال" + n not in self.lex.not_sources

    def clause_start_for_frame(self, i: int, s0: int) -> int:
        s0 = max(s0, i - LOOK_BACK)
        k = i - 1
        while k >= s0:
            t = self.tokens[k]
            if t.kind == QUOTE and self.layout.quote_at.get(k) is not None:
                return k + 1
            if self.is_complementiser(k) or t.text in (":",):
                return k + 1
            k -= 1
        return self.skip_discourse(s0)

    def add_to_host(self, content: Range, src: Range, same_sentence: list[Candidate]) -> None:
        """A frame inside another attribution's content is a source that one cites."""
        for c in same_sentence:
            if c.content[0] < content[0] and content[1] <= c.content[1] and c.cue is not None:
                c.via.append(src)

    # --- cue-less patterns -----------------------------------------------------------------
    def line_starts(self) -> list[int]:
        out = []
        for s0, _ in self.layout.sentences:
            if self.layout.line_start[s0] == s0 or (s0 > 0 and self.tokens[s0 - 1].kind == BREAK):
                out.append(s0)
        return out

    def headlines(self) -> list[Candidate]:
        """X: Y at the start of a line, where X is a short name or description."""
        out = []
        for s0 in self.line_starts():
            s1 = self.layout.sentences[self.layout.sentence_of[s0]][1]
            colon = next((k for k in range(s0, min(s1, s0 + 12)) if self.tokens[k].text == ":"), None)
            if colon is None or colon == s0:
                continue
            lead = self.skip_discourse(s0)
            words = [k for k in range(lead, colon) if self.tokens[k].kind == WORD]
            if not words or len(words) > 7:
                continue
            if (self.lex.headline_stop.match(self.norms, words[0]) or any(
                    self.norms[k] in self.lex.verbs or k in self.cue_at or self.tokens[k].text.isdigit()
                    or any(ch.isdigit() for ch in self.tokens[k].text) for k in words)
                    or any(self.tokens[k].text in "-–—" for k in range(s0, colon))
                    or self.norms[words[0]] in self.lex.function_words):
                continue
            content = self.content_from(colon + 1, s1)
            if content is None or self.words_in(content[0]) < 2:
                continue
            out.append(Candidate(None, (words[0], words[-1] + 1), content[0], "direct", "assert", "headline"))
        return out

    def verbless(self) -> list[Candidate]:
        """X «Y»: a speaker named before a quotation with no verb between them."""
        out = []
        for s0, s1 in self.layout.sentences:
            lead = self.skip_discourse(s0)
            marked = lead > s0
            q = next((k for k in range(lead, min(s1, lead + 25))
                      if self.tokens[k].kind == QUOTE and self.is_long_quote(k)), None)
            if q is None or q == lead:
                continue
            words = [k for k in range(lead, q) if self.tokens[k].kind == WORD]
            if not words or len(words) > 15:
                continue
            if any(k in self.cue_at or self.is_complementiser(k) or self.norms[k] in self.lex.verbs
                   for k in words) or self.norms[words[0]] in self.lex.function_words:
                continue
            titled = any(self.in_set(k, self.lex.roles) or self.lex.titles.match(self.norms, k) for k in words)
            if not (marked or titled):
                continue
            content = self.content_from(q, s1)
            if content is None or not content[1]:
                continue
            end = words[-1] + 1
            out.append(Candidate(None, (words[0], end), content[0], "direct", "assert", "verbless"))
        return out


def _arabic(word: str) -> bool:
    return "\u0621" <= word[0] <= "\u064a"


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One attribution per content span; the cue-based reading wins over the cue-less ones.

    A verb inside another attribution's content whose subject is only in the verb is part
    of what that source said (هناك دلائل تشير إلى), not a report of its own; unless it opens a
    quotation (وتابع: «أنكر كل ما جاء ...»), where the quoted speaker reports in the first person.
    """
    seen: dict[Range, Candidate] = {}
    for c in cands:
        if c.content not in seen:
            seen[c.content] = c
    kept = list(seen.values())
    starts = sorted(seen)
    reach, furthest = [], -1  # reach[i]: the furthest end among contents starting at or before starts[i]
    for _, b in starts:
        furthest = max(furthest, b)
        reach.append(furthest)

    def nested(c: Candidate) -> bool:
        if c.cue is None:
            return False
        i = bisect_right(starts, (c.cue[0], len(starts) + c.cue[0] + 1 << 30)) - 1
        return i >= 0 and reach[i] > c.cue[0]

    kept = [c for c in kept if c.opens_quote or not (nested(c) and c.rule.startswith("verb") and (
        c.source is None or c.source[1] - c.source[0] > NESTED_SOURCE_TOKENS))]
    for c in kept:
        c.nested = nested(c)
    return sorted(kept, key=lambda c: (c.cue or c.source or c.content)[0])


def attach(layout: Layout, lex: Lexicon, cues: list[Cue]) -> list[Candidate]:
    tokens = layout.tokens
    found = Attacher(layout, lex, cues).run()
    for c in found:  # a rule may reach across a line break; a span never starts or ends on one
        c.cue, c.source, c.recipient = (_unbroken(tokens, r) for r in (c.cue, c.source, c.recipient))
        c.content = _unbroken(tokens, c.content) or c.content
        c.via = [v for v in (_unbroken(tokens, v) for v in c.via) if v]
    return found


def _unbroken(tokens: list[Token], r: Range | None) -> Range | None:
    """``r`` less the line breaks at its edges; None if nothing else is left."""
    if r is None:
        return None
    start, end = r
    while start < end and tokens[start].kind == BREAK:
        start += 1
    while end > start and tokens[end - 1].kind == BREAK:
        end -= 1
    return (start, end) if start < end else None
