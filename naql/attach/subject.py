"""The speaker of a reporting verb: the words between the verb and its content split into
source, object and recipient (قال لها الضابط إن), or a subject standing before the verb (X قال)."""
from __future__ import annotations

from ..cues import Cue, frame_at
from ..text.tokens import PUNCT, QUOTE, WORD
from .core import COMMAS, DEMONSTRATIVES, LOOK_BACK, SEPARATORS, VIA_VERBS, Context, Range
from .phrases import (
    builds_source, is_event_phrase, is_masdar, is_recipient, recipient_in, starts_adjunct,
    starts_adjunct_word, verbal_noun_object)

AUXILIARIES = frozenset({"كان", "كانت", "وكان", "وكانت"})
NP_PREPOSITIONS = frozenset({"في", "عن", "من", "علي", "الي", "مع", "لدي"})  # inside a description


def _arabic(word: str) -> bool:
    return "\u0621" <= word[0] <= "\u064a"


def parse_region(ctx: Context, cue: Cue, a: int, b: int) -> tuple[Range | None, int | None, Range | None]:
    """Split what stands between cue and content into (source, object start, recipient)."""
    src: Range | None = None
    rest: int | None = None
    recipient: Range | None = None
    closed = False
    for sa, sb in segments(ctx, a, b):
        if not closed:
            if src is None:
                if sa == a:
                    lead = leading_recipient(ctx, sa, sb)  # قال لها الضابط / قال لـ«الشروق» مصدر
                    if lead is not None:
                        recipient, sa = lead, lead[1]
                        if not any(ctx.tokens[k].kind == WORD for k in range(sa, sb)):
                            continue
                if (starts_adjunct(ctx, sa) or (ctx.first_word_in(sa, ctx.lex.function_words)
                                                and not demonstrative_source(ctx, sa))
                        or is_masdar(ctx, sa) or charged(ctx, cue, sa)):  # وجدد نفيه أن، واتهمه بالتقصير: no subject
                    recipient = recipient or recipient_in(ctx, sa, sb)
                    closed = True
                    continue
                cut, rec = source_cut(ctx, cue, sa, sb)
                recipient = recipient or rec
                if cut > sa:
                    src = (sa, cut)
                closed = cut < sb
                if closed and rec is None:
                    rest = object_after_circumstance(ctx, cut, sb)
                continue
            if is_apposition(ctx, sa, sb):
                cut, rec = source_cut(ctx, cue, sa, sb)
                src = (src[0], max(src[1], cut))
                recipient = recipient or rec
                closed = cut < sb
                continue
            closed = True
        if rest is None and not starts_adjunct(ctx, sa):
            rest = sa
        recipient = recipient or recipient_in(ctx, sa, sb)
    if src is not None and src[1] < b and ctx.tokens[src[1]].text == ")" and any(
            ctx.tokens[k].text == "(" for k in range(*src)):
        src = (src[0], src[1] + 1)  # وكالة الأنباء الفرنسية (أ ف ب)
    return src, rest, recipient


def segments(ctx: Context, a: int, b: int) -> list[Range]:
    out, start = [], a
    for k in range(a, b):
        if ctx.tokens[k].text in SEPARATORS and ctx.layout.depth[k] == ctx.layout.depth[a]:
            out.append((start, k))
            start = k + 1
    out.append((start, b))
    return [(sa, sb) for sa, sb in out if any(ctx.tokens[k].kind == WORD for k in range(sa, sb))]


def leading_recipient(ctx: Context, sa: int, sb: int) -> Range | None:
    """لها / لنا / لـ«الشروق» right after the verb, before its subject."""
    n = ctx.norms[sa]
    if n in ("له", "لها", "لهم", "لنا", "لي"):
        return (sa, sa + 1)
    if n == "ل" and sa + 1 < sb and ctx.tokens[sa + 1].kind == QUOTE:
        q = ctx.layout.quote_at.get(sa + 1)
        if q is not None and q.close is not None and q.close < sb:
            return (sa + 1, q.close + 1)
    return None


def source_cut(ctx: Context, cue: Cue, sa: int, sb: int) -> tuple[int, Range | None]:
    """Where the source ends inside a segment, and the recipient if that is what ends it."""
    form = cue.form
    for k in range(sa, sb):
        t = ctx.tokens[k]
        if k == sa or t.kind != WORD:
            if k > sa and t.kind == QUOTE and ctx.is_long_quote(k):
                return k, None
            continue
        n = ctx.norms[k]
        if k in ctx.in_name:
            continue
        if (ctx.in_set(k, ctx.lex.adjunct_times) or is_event_phrase(ctx, k) or n == "قد"
                or n in ctx.lex.adjunct_preps or frame_at(ctx.lex, ctx.norms, k) is not None
                or is_masdar(ctx, k) or (n in ctx.lex.prepositions and k + 1 < sb and is_masdar(ctx, k + 1))):
            return k, recipient_in(ctx, k, sb)
        if is_recipient(ctx, k):
            return k, recipient_in(ctx, k, sb)
        if form is not None and form.lemma in VIA_VERBS and n == "عن":
            return k, None
        if form is not None and form.cls == "describe" and starts_described(ctx, k):
            return k, None
        if charged(ctx, cue, k):
            return accused_at(ctx, sa, k), None
    return sb, None


def accused_at(ctx: Context, sa: int, k: int) -> int:
    """Where the one accused starts before the charge at k: the subject comes first, so a
    country closing the stretch (اتهم الرئيس الأمريكي الصين بالتلاعب) or, as in a denial
    (``object_in``), a bare noun governing a definite one begins the object; else the two
    cannot be told apart and the charge alone is the content."""
    if k - 1 > sa and ctx.is_word(k - 1) and ctx.in_set(k - 1, ctx.lex.countries):
        return k - 1
    return object_in(ctx, (sa, k)) or k


def charged(ctx: Context, cue: Cue, k: int) -> bool:
    """اتهمه بالتقصير، وصفه بالخائن، اتهم الجيش قوات الدعم السريع بارتكاب: the charge or
    description, with بـ joined to its noun, follows the one accused."""
    n = ctx.norms[k]
    return (cue.form is not None and cue.form.cls in ("accuse", "describe") and ctx.is_word(k)
            and ((n.startswith("بال") and len(n) > 4) or (n[0] == "ب" and n[1:] in ctx.lex.verbal_nouns)))


def starts_described(ctx: Context, k: int) -> bool:
    """ووصف السعدي التقارير بأنها ...: the thing described stands between the speaker and
    بـ; a report noun (content_starts.txt), ما or a demonstrative begins it."""
    return ctx.norms[k] in ctx.lex.content_starts or ctx.norms[k] in DEMONSTRATIVES


def is_apposition(ctx: Context, sa: int, sb: int) -> bool:
    words = [k for k in range(sa, sb) if ctx.tokens[k].kind == WORD]
    first = words[0]
    if starts_adjunct(ctx, first):
        return False  # قالت الوزيرة، بحسب وكالة الرائد، إن: a citation, not a second name
    if (ctx.in_set(first, ctx.lex.roles) or ctx.lex.titles.match(ctx.norms, first)
            or ctx.lex.withheld.match(ctx.norms, first)):  # مسؤول، طلب عدم ذكر اسمه، إن
        return True
    if parenthesised(ctx, sa, sb) and len(words) <= 3:
        return True  # وكالة الأنباء السعودية (واس): the acronym names the same source
    if len(words) < 2 or len(words) > 6:
        return False
    return not any(ctx.norms[k] in ctx.lex.function_words or starts_adjunct_word(ctx, k)
                   or ctx.is_complementiser(k) for k in words)


def parenthesised(ctx: Context, sa: int, sb: int) -> bool:
    """A segment that is the whole inside of a pair of parentheses: (واس)."""
    return sa > 0 and ctx.tokens[sa - 1].text == "(" and sb < len(ctx.tokens) and ctx.tokens[sb].text == ")"


def object_in(ctx: Context, src: Range) -> int | None:
    """نفى الجيش استهداف المدنيين: a denial always has an object, so where none was found
    the subject ran into it. The object begins with a bare noun governing a definite one
    (استهداف المدنيين) right after a definite word; the words a source is made of (titles,
    roles, kinds, outlets, given names, particles) and words carrying a clitic are not it."""
    for k in range(src[0] + 1, src[1] - 1):
        prev, n, nxt = ctx.norms[k - 1], ctx.norms[k], ctx.norms[k + 1]
        if not (ctx.tokens[k - 1].kind == ctx.tokens[k].kind == ctx.tokens[k + 1].kind == WORD):
            continue
        if (prev.startswith(("ال", "وال")) and nxt.startswith("ال") and not n.startswith("ال")
                and n[0] not in "بلكوف" and not builds_source(ctx, k)):
            return k
    return None


def object_after_circumstance(ctx: Context, k: int, sb: int) -> int | None:
    """أكد الوزيران خلال لقائهما أهمية ...: where the object starts after a short
    circumstance (a time word, or خلال/في with a speech event) that ended the subject; None
    when something else follows (خلال اللقاء مع الرئيس)."""
    while k < sb and ctx.is_word(k):
        if ctx.in_set(k, ctx.lex.adjunct_times):
            k += 1
        elif ((ctx.norms[k] in ctx.lex.adjunct_preps or ctx.norms[k] in ctx.lex.event_preps)
              and k + 1 < sb and ctx.is_word(k + 1) and (ctx.in_set(k + 1, ctx.lex.adjunct_events)
                                                           or ctx.in_set(k + 1, ctx.lex.interviews)
                                                           or ctx.in_set(k + 1, ctx.lex.adjunct_times))):
            k += 2  # خلال لقائهما، في يونيو
        else:
            break
    if k < sb and ctx.is_word(k) and ctx.norms[k] in ctx.lex.verbal_nouns:
        return k
    later = verbal_noun_object(ctx, k, sb)  # في كلمته أمام البرلمان التزام ...، مؤتمر صحفي مشترك مع ...
    if later is not None or k >= sb or not ctx.is_word(k) or ctx.norms[k] in ctx.lex.function_words \
            or starts_adjunct(ctx, k):
        return later
    return k


def demonstrative_source(ctx: Context, i: int) -> bool:
    """ونفى هذا المسؤول أن ...: a demonstrative before a word sources are named with points
    back to a source, so it opens the subject, not a circumstance."""
    return (ctx.norms[i] in DEMONSTRATIVES and i + 1 < len(ctx.tokens) and ctx.is_word(i + 1)
            and (builds_source(ctx, i + 1) or ctx.in_set(i + 1, ctx.lex.anonymous)))


def subject_before(ctx: Context, cue: Cue, s0: int) -> Range | None:
    """X قال / X يكشف: a subject standing before its verb in the same clause."""
    i = cue.start
    conjoined = ctx.norms[i] not in ctx.lex.verbs and ctx.norms[i][0] in "وف" and not ctx.norms[i].startswith("وس")
    if conjoined or (i > 0 and ctx.norms[i - 1] in ("و", "ف")):
        return None  # وقال: a conjoined verb does not follow its subject
    s0 = max(s0, i - LOOK_BACK)
    lead = ctx.skip_discourse(s0)
    after_aux = lead < i and ctx.norms[lead] in AUXILIARIES
    end = i
    if end > s0 and after_aux and ctx.tokens[end - 1].text in COMMAS:
        end -= 1  # وكان الدكتور فلان، وزير الصحة، أكد أن
    if i == s0 or ctx.tokens[end - 1].kind == PUNCT:
        return None
    start = clause_start(ctx, i, s0)
    if end > start and (ctx.norms[end - 1] == "قد" or ctx.negated(end)):
        end -= 1  # الوزير قد أكد / الوزير لم يستبعد
    words = [k for k in range(start, end) if ctx.tokens[k].kind == WORD]
    for n, k in enumerate(words):  # المتهم خلال محاكمته اعترف: the subject ends at the circumstance
        if n and (ctx.norms[k] in ctx.lex.adjunct_preps or is_event_phrase(ctx, k)):
            words, end = words[:n], k
            break
    if not words or len(words) > 15 or not _arabic(ctx.tokens[words[0]].text):
        return None
    if any(ctx.is_verb_cue(k) or ctx.is_complementiser(k) or is_clausal(ctx, k, k == words[0]) for k in words):
        return None
    return (words[0], end)


def is_clausal(ctx: Context, k: int, first: bool) -> bool:
    """A word that shows the stretch before a verb is a clause, not its subject."""
    n = ctx.norms[k]
    stripped = n[1:] if len(n) > 2 and n[0] in "وف" else n
    if first:
        return (n in ctx.lex.function_words or stripped in ctx.lex.function_words
                or n in ctx.lex.adjunct_preps or stripped in ctx.lex.adjunct_preps
                or bool(ctx.lex.clause_links.match(ctx.norms, k)))
    if stripped != n and (stripped in ctx.lex.function_words or stripped in ctx.lex.adjunct_preps):
        return True
    return n in ctx.lex.function_words and n not in NP_PREPOSITIONS


def clause_start(ctx: Context, i: int, s0: int) -> int:
    """After the nearest complementiser, colon, opening quote or comma before token i."""
    s0 = max(s0, i - LOOK_BACK)
    lead = ctx.skip_discourse(s0)
    aux = lead < i and ctx.norms[lead] in AUXILIARIES
    if aux:
        return lead + 1
    k = i - 1
    while k >= lead:
        t = ctx.tokens[k]
        if (ctx.is_complementiser(k) or t.text in (":", "؛", ";") or t.text in COMMAS
                or (t.kind == QUOTE and ctx.layout.quote_at.get(k) is not None and ctx.is_long_quote(k))):
            # ، لكن قوى سياسية أعلنت: the clause opens after its link
            return k + 1 + (ctx.lex.clause_links.match(ctx.norms, k + 1) if t.text in COMMAS else 0)
        k -= 1
    return lead
