"""Reporting verbs, rules ``verb`` (قال X إن Y), ``verb.svo`` (X قال إن Y), ``verb.pro`` (the
subject only in the verb: وأضاف أن Y) and ``*.after`` for content first («Y»، قال X)."""
from __future__ import annotations

from ..cues import NAME_QUOTE_WORDS, RELATIVES, Cue
from ..lexicon import VerbForm
from ..text.tokens import PUNCT, QUOTE, WORD
from .content import content_from
from .core import (
    COMMAS, DEMONSTRATIVES, LOOK_BACK, MAX_CONTENT, MAX_SOURCE_WORDS, VIA_VERBS, Candidate, Context, Range)
from .frames import past_frame, take_via
from .phrases import (
    builds_source, is_event_phrase, np_after, recipient_in, split_conjuncts, starts_adjunct,
    starts_adjunct_word, verbal_noun_object)
from .subject import object_in, parse_region, subject_before

NP_CONTENT_CLASSES = frozenset({"reveal", "deny", "accuse", "describe"})


def from_verb(ctx: Context, cue: Cue) -> Candidate | None:
    """A finite reporting verb: its source after it (``verb``), before it (``verb.svo``) or only
    in the verb (``verb.pro``); its content after it, or before it (``.after``)."""
    form = cue.form
    assert form is not None
    s0, s1 = ctx.layout.sentence_range(cue.start)
    opener, region_end, vias = scan_region(ctx, cue, s1)
    src, rest, recipient = parse_region(ctx, cue, cue.end, region_end)
    if form.lemma in VIA_VERBS:
        vias = cited_after(ctx, src[1] if src else cue.end, region_end) + vias
    if form.cls == "learn":  # علمت الصحيفة من مصادر أن: the sources speak, the paper only learned
        src = taught_by(ctx, cue.end, region_end) or src
    rule = "verb"
    svo = subject_before(ctx, cue, s0)
    if svo is not None:
        if src is not None:  # X قال لبلدي نيوز / X يوضح حقيقة ...: what follows is not the subject
            recipient = recipient_in(ctx, cue.end, cue.end + 1) or recipient
            rest = None
        src, rule = svo, "verb.svo"
    elif src is not None and form.cls in ("describe", "accuse") and (split := name_then_object(ctx, src)):
        src = (src[0], split)  # وصف ترمب الهجوم بأنه: the name, then what it describes
    elif src is not None and form.cls == "describe" and has_relative(ctx, src):
        src, rule = None, "verb.pro"  # ووصفت المعلومات التي ذكرها ... بـ: the object, not the subject
    elif src is None and is_impersonal(ctx, cue):
        return None
    elif src is None:
        rule = "verb.pro"
    if src is not None and ctx.words_in(head_of(ctx, src)) > MAX_SOURCE_WORDS:
        return None
    kind = "indirect"
    if form.cls == "call" and not calls_for_clause(ctx, opener):
        return None  # دعا إلى الحوار: a call is reported only with a clause (دعا إلى أن)
    if opener is not None:
        opened = opened_at(ctx, opener, form, s1)
        if opened is None:
            return None
        start, kind = opened
        if form.cls == "accuse" and rest is not None:
            start = rest
        elif (opener[0] == "np" and src is not None and form.cls in NP_CONTENT_CLASSES
              and (split := verbal_noun_object(ctx, src[0] + 1, src[1])) is not None):
            src, start = (src[0], split), split  # نفت الحكومة إرسال أي مبعوث: the act is denied
    elif rule == "verb.svo" and form.cls in NP_CONTENT_CLASSES:
        start = rest if rest is not None else skip_recipient(ctx, cue.end, region_end)
        if start < s1 and ctx.tokens[start].kind == WORD and starts_adjunct(ctx, start):
            return None  # الصفقة قد تُعلن خلال أيام: no content, the verb is passive
    elif form.cls in NP_CONTENT_CLASSES and src is not None and rest is None and (
            before := content_before(ctx, cue, s0, src, region_end, s1)) is not None:
        content, kind = before  # «Y»، أكد X
        return Candidate((cue.start, cue.end), src, content, kind, polarity(ctx, cue), rule + ".after",
                         form, vias, recipient)
    elif form.cls in NP_CONTENT_CLASSES:
        if src is not None and (split := verbal_noun_object(ctx, src[0] + 1, src[1])) is not None:
            src, start = (src[0], split), split  # أعلن المجلس العسكري دعمه للحوار، لكن ...
        elif rest is not None:
            start = rest
        elif src is None:
            start = cue.end
        elif form.cls == "deny" and (split := object_in(ctx, src)) is not None:
            src, start = (src[0], split), split  # نفى الجيش استهداف المدنيين
        elif (split := verbal_noun_object(ctx, src[0] + 1, region_end)) is not None:
            src, start = (src[0], min(src[1], split)), split  # أعلنت الوزارة السودانية تسجيل ...
        else:
            return None
    elif rest is not None and form.cls == "say" and rule in ("verb.pro", "verb.svo"):
        start = rest  # قالت للصحيفة، توجد ...
    else:
        before = content_before(ctx, cue, s0, src, region_end, s1)
        if before is None:
            return None
        content, kind = before
        return Candidate((cue.start, cue.end), src, content, kind, polarity(ctx, cue), rule + ".after",
                         form, vias, recipient)
    return reported(ctx, cue, src, start, s1, kind, rule, vias, recipient)


def opened_at(ctx: Context, opener: tuple[str, int], form: VerbForm, s1: int) -> tuple[int, str] | None:
    """Where the content opens after what ``scan_region`` stopped at, and whether it is direct
    speech (a colon with no complementiser after it); None for a call with no clause."""
    what, at = opener
    kind = "indirect"
    if what == "colon":
        start = at + 1
        if start < s1 and ctx.is_complementiser(start):
            start += 1
        else:
            kind = "direct"
    elif what == "comp":
        start = at + 1
    elif what == "quote":
        start = at
    elif what == "prep":
        start = at + 1
        if start < s1 and ctx.is_complementiser(start):
            start += 1
        elif form.cls == "call":
            return None  # دعا إلى X: a call, reported only with a clause (دعا إلى أن)
    else:  # a noun-phrase content opens here
        start = at
    return start, kind


def reported(ctx: Context, cue: Cue, src: Range | None, start: int, s1: int, kind: str, rule: str,
             vias: list[Range], recipient: Range | None) -> Candidate | None:
    """The candidate whose content opens at ``start``; a whole quotation makes it direct."""
    content = content_from(ctx, start, s1)
    if content is None or is_byline(ctx, cue, src, content[0], s1):
        return None
    (c0, c1), quoted = content
    if quoted:
        kind = "direct"
    return Candidate((cue.start, cue.end), src, (c0, c1), kind, polarity(ctx, cue), rule, cue.form, vias, recipient)


def content_before(ctx: Context, cue: Cue, s0: int, src: Range | None, region_end: int,
                   s1: int) -> tuple[Range, str] | None:
    """«Y»، قال X  /  Y، قال X: the content stands before a cue that ends its sentence."""
    if src is None or ctx.norms[cue.start] not in ctx.lex.verbs or ctx.words_in(src) > 8:
        return None  # a conjoined verb (وقال) does not close a content-first sentence
    if any(ctx.tokens[k].kind == WORD for k in range(region_end, s1)):
        return None
    s0 = max(s0, cue.start - LOOK_BACK)
    k = cue.start - 1
    if k < s0 or not (ctx.tokens[k].text in COMMAS or ctx.tokens[k].kind == QUOTE):
        return None
    while k >= s0 and ctx.tokens[k].kind == PUNCT:
        k -= 1
    if k < s0:
        return None
    if ctx.tokens[k].kind == QUOTE:
        q = ctx.layout.quote_closing(k)
        if q is not None and NAME_QUOTE_WORDS < q.words <= MAX_CONTENT:
            a, b = q.inner
            return (a, b), "direct"
        return None
    start = ctx.skip_discourse(s0)
    if ctx.words_in((start, k + 1)) < 3:
        return None
    return (start, k + 1), "indirect"


def scan_region(ctx: Context, cue: Cue, s1: int) -> tuple[tuple[str, int] | None, int, list[Range]]:
    """Walk from the cue to what opens its content; collect نقلاً عن X on the way."""
    form = cue.form
    assert form is not None
    vias: list[Range] = []
    j = cue.end
    circumstance = False  # inside في بيان على موقعها ...: its prepositions open nothing
    while j < s1 and j - cue.end <= 40:
        t = ctx.tokens[j]
        if ctx.is_sentence_end(j):
            break
        if t.kind == WORD:
            if ctx.lex.withheld.match(ctx.norms, j):
                j = withheld_end(ctx, j, s1)
                continue
            circumstance = circumstance or starts_adjunct_word(ctx, j) or is_event_phrase(ctx, j)
            after_via = take_via(ctx, j, s1, vias) or past_frame(ctx, j, s1)
            if after_via is not None:
                j = after_via
                continue
            if ctx.is_complementiser(j):
                return ("comp", j), j, vias
            if ctx.norms[j] in form.preps and j + 1 < s1 and (
                    ctx.is_complementiser(j + 1) or (form.cls in NP_CONTENT_CLASSES and not circumstance)):
                return ("prep", j), j, vias
            if (form.cls in NP_CONTENT_CLASSES and form.cls not in ("describe", "accuse")
                    and (ctx.norms[j] in ctx.lex.content_starts or demonstrative_object(ctx, j, cue.end, s1))):
                return ("np", j), j, vias
            if ctx.is_verb_cue(j) and ctx.norms[j - 1] not in RELATIVES:
                break
        elif t.text == ":":
            return ("colon", j), j, vias
        elif t.kind == QUOTE and ctx.is_long_quote(j):
            return ("quote", j), j, vias
        j += 1
    return None, j, vias


def calls_for_clause(ctx: Context, opener: tuple[str, int] | None) -> bool:
    """طالب بأن ... / مطالباً «الكتل أن تتحمل ...»: the demand is a clause."""
    if opener is None:
        return False
    what, at = opener
    if what == "quote":
        a, b = ctx.layout.quote_at[at].inner
        return any(ctx.is_complementiser(k) for k in range(a, min(b, a + 30)))
    return what in ("comp", "prep")


def withheld_end(ctx: Context, i: int, s1: int) -> int:
    """The end of a clause asking not to be named (طلب عدم الكشف عن هويته): it belongs to the
    source, so its words (عدم، الكشف عن) open no content. It runs to a comma, a
    complementiser, a colon or a quotation."""
    k = i + ctx.lex.withheld.match(ctx.norms, i)
    while k < s1 and not (ctx.is_sentence_end(k) or ctx.tokens[k].text in COMMAS or ctx.tokens[k].text == ":"
                          or ctx.tokens[k].kind == QUOTE or ctx.is_complementiser(k)):
        k += 1
    return k


def demonstrative_object(ctx: Context, j: int, after: int, s1: int) -> bool:
    """نفت الوزارة هذه الاتهامات: after the subject, a demonstrative with a definite noun
    that names no source (not هذا المسؤول) opens the object denied or disclosed."""
    return (j > after and ctx.norms[j] in DEMONSTRATIVES and j + 1 < s1 and ctx.is_word(j + 1)
            and ctx.norms[j + 1].startswith("ال") and not builds_source(ctx, j + 1)
            and (not ctx.in_set(j + 1, ctx.lex.anonymous) or ctx.norms[j + 1] in ctx.lex.content_starts))


def taught_by(ctx: Context, a: int, b: int) -> Range | None:
    """علم X من Y أن: Y, from whom X learned what it reports."""
    return np_after_word(ctx, "من", a, b)


def cited_after(ctx: Context, a: int, b: int) -> list[Range]:
    """نقلت X عن Y: Y, the source X cites."""
    via = np_after_word(ctx, "عن", a, b)
    return split_conjuncts(ctx, via) if via else []


def np_after_word(ctx: Context, word: str, a: int, b: int) -> Range | None:
    """The noun phrase after the first ``word`` (a preposition) between a and b."""
    k = next((k for k in range(a, b) if ctx.norms[k] == word), None)
    return np_after(ctx, k + 1, b) if k is not None else None


def is_byline(ctx: Context, cue: Cue, src: Range | None, content: Range, s1: int) -> bool:
    """كتب - فلان: a verb at a line start whose "content" is a short name closing the line."""
    starts_line = ctx.layout.line_start[cue.start] == ctx.skip_discourse(ctx.layout.line_start[cue.start])
    return (src is None and starts_line and cue.start == ctx.layout.line_start[cue.start]
            and ctx.words_in(content) <= 3 and ctx.words_in((content[1], s1)) == 0
            and not ctx.is_complementiser(content[0] - 1))  # وأضاف أن الرواتب لن تتأخر: a report


def head_of(ctx: Context, src: Range) -> Range:
    """The source up to its first apposition: a long office in apposition (الشيخ محمد بن
    راشد، نائب رئيس الدولة رئيس مجلس الوزراء حاكم دبي) makes a source long, not wrong."""
    comma = next((k for k in range(*src) if ctx.tokens[k].text in COMMAS), src[1])
    return (src[0], comma)


def polarity(ctx: Context, cue: Cue) -> str:
    """لم ينفِ الوزير أن ...: a negated denial lets the statement stand, so it is no denial."""
    assert cue.form is not None
    return "assert" if ctx.negated(cue.start) else cue.form.polarity


def name_then_object(ctx: Context, src: Range) -> int | None:
    """وصف ترمب الهجوم، اتهم بايدن روسيا: a bare name closes the subject, and a word with the
    article after it that no source is named with (الهجوم) opens the object."""
    for k in range(src[0] + 1, src[1]):
        prev = ctx.norms[k - 1]
        if (ctx.is_word(k - 1) and ctx.is_word(k) and not prev.startswith(("ال", "وال", "لل"))
                and ctx.norms[k].startswith("ال") and not builds_source(ctx, k - 1) and not builds_source(ctx, k)
                and (k - 1 == src[0] or builds_source(ctx, k - 2))):
            return k
    return None


def has_relative(ctx: Context, r: Range) -> bool:
    return any(ctx.norms[k] in ("التي", "الذي", "الذين") for k in range(*r))


def is_impersonal(ctx: Context, cue: Cue) -> bool:
    n = ctx.norms[cue.start]
    return n in ctx.lex.impersonal or (n[:1] in "وف" and n[1:] in ctx.lex.impersonal)


def skip_recipient(ctx: Context, a: int, b: int) -> int:
    """Content after a verb whose subject stands before it: skip لـ«X» and the preposition."""
    i = a
    rec = recipient_in(ctx, a, min(b, a + 1)) if a < b else None
    if rec:
        i = rec[1]
    return i
