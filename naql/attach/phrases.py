"""Where the parts of a reporting clause begin and end, shared by every pattern: noun phrases
(a cited source, a recipient), circumstances (في تصريح، خلال، أمس) and the words sources are
named with."""
from __future__ import annotations

from ..cues import frame_at, pronoun_stems
from ..text.segment import SENTENCE_END
from ..text.tokens import PUNCT, QUOTE, WORD
from .core import COMMAS, NAME_PARTICLES, RELATIVE_PRONOUNS, SEPARATORS, Context, Range

# بها، عليه، إليها ...: a preposition carrying a pronoun never opens a source.
PREPOSITION_PRONOUNS = frozenset(p + s for p in ("ب", "ل", "عن", "من", "علي", "الي", "في")
                                 for s in ("ه", "ها", "هم", "هما", "نا", "ي"))


def builds_source(ctx: Context, k: int) -> bool:
    """A word sources are named with (وزارة، رئيس، محمد، عبد), so no object starts there."""
    n = ctx.norms[k]
    lex = ctx.lex
    return (ctx.in_set(k, lex.roles) or bool(lex.titles.match(ctx.norms, k)) or ctx.in_set(k, lex.kinds)
            or n in lex.outlets.by_first or n in lex.anonymous or n in lex.given_names
            or n in lex.function_words or n in NAME_PARTICLES or n in lex.countries)


def starts_adjunct(ctx: Context, i: int) -> bool:
    while ctx.tokens[i].kind != WORD:
        i += 1
    n = ctx.norms[i]
    if ctx.in_set(i, ctx.lex.adjunct_times) or n in ctx.lex.adjunct_preps or n in PREPOSITION_PRONOUNS:
        return True
    return is_event_phrase(ctx, i) or is_recipient(ctx, i) or frame_at(ctx.lex, ctx.norms, i) is not None


def starts_adjunct_word(ctx: Context, i: int) -> bool:
    return ctx.tokens[i].kind == WORD and (ctx.norms[i] in ctx.lex.adjunct_preps
                                            or ctx.in_set(i, ctx.lex.adjunct_times))


def is_event_phrase(ctx: Context, i: int) -> bool:
    """في تصريح، على هامش، بتصريح، تصريحه، في حواره مع: the occasion of speaking, not the speaker."""
    n = ctx.norms[i]
    if n in ctx.lex.event_preps and i + 1 < len(ctx.tokens):
        return any(ctx.in_set(i + 1, words) for words in (ctx.lex.adjunct_events, ctx.lex.interviews,
                                                           ctx.lex.adjunct_times))
    if n in ctx.lex.adjunct_events and n.endswith(("ه", "ها")):
        return True
    return len(n) > 3 and n[0] in "بل" and n[1:] in ctx.lex.adjunct_events


def is_recipient(ctx: Context, i: int) -> bool:
    """لـ / للصحيفة / لوكالة / لها: the person or outlet spoken to."""
    n = ctx.norms[i]
    if n == "ل":
        return True
    if not n.startswith("ل") or len(n) < 2:
        return False
    rest = n[2:] if n.startswith("لل") else n[1:]
    return (rest in ("ه", "ها", "هم", "نا", "ي") or rest in ctx.lex.outlets.by_first
            or rest in ctx.lex.recipients or n[1:] in ctx.lex.recipients
            or any(ctx.lex.media_names.match([w], 0) == 1 for w in (rest, "ال" + rest)))  # لرويترز، للجزيرة


def recipient_in(ctx: Context, sa: int, sb: int) -> Range | None:
    for k in range(sa, sb):
        if ctx.tokens[k].kind == WORD and interviewed_by(ctx, k):
            return np_after(ctx, k + 1, sb)
        if ctx.tokens[k].kind == WORD and is_recipient(ctx, k):
            if ctx.norms[k] == "ل":
                end = np_after(ctx, k + 1, sb)
                return (k + 1, end[1]) if end else None
            end = k + 1
            while end < sb and ctx.tokens[end].kind != PUNCT and not starts_adjunct_word(ctx, end):
                end += 1
            return (k, end)
    return None


def interviewed_by(ctx: Context, k: int) -> bool:
    """في مقابلة مع «الأفق» / خلال اتصال هاتفي مع: مع after an interview names whom the
    source spoke to (an adjective may stand between: مقابلة خاصة مع)."""
    return ctx.norms[k] == "مع" and any(
        j >= 0 and ctx.tokens[j].kind == WORD and ctx.in_set(j, ctx.lex.interviews) for j in (k - 1, k - 2))


def is_masdar(ctx: Context, k: int) -> bool:
    """قوله، تأكيده، اعتقاده: a verbal noun of saying or stance carrying its speaker as a
    pronoun; or after بالـ, the manner of closing a speech (وختم بالقول إن، ومضى بالتأكيد)."""
    n = ctx.norms[k]
    if n.startswith("بال") and n[3:] in ctx.lex.masdars:
        return True
    return any(stem in ctx.lex.masdars for stem in pronoun_stems(n))


def verbal_noun_object(ctx: Context, a: int, b: int) -> int | None:
    """Where a noun-phrase object opens in the unbroken words from a to b: at a verbal noun
    (verbal_nouns.txt: تسجيل، التزام، مقتل، رفضها) right after a definite word, since a bare noun
    cannot continue a definite noun phrase (وزارة الصحة السودانية | تسجيل 15 حالة)."""
    for k in range(max(a, 1), b):
        if not ctx.is_word(k) or not ctx.is_word(k - 1):
            return None
        if ctx.norms[k - 1].startswith(("ال", "وال", "لل", "بال")) and (
                ctx.norms[k] in ctx.lex.verbal_nouns  # ... رفضها للتطبيع: with its agent as a pronoun
                or any(stem in ctx.lex.verbal_nouns for stem in pronoun_stems(ctx.norms[k]))):
            return k
    return None


def np_after(ctx: Context, i: int, s1: int, leading: bool = False) -> Range | None:
    """A noun phrase from token i: to the next comma, complementiser or sentence end."""
    while i < s1 and ctx.tokens[i].kind in (PUNCT,) and ctx.tokens[i].text not in COMMAS:
        i += 1
    start = i
    k = i
    while k < s1:
        t = ctx.tokens[k]
        if (ctx.is_sentence_end(k) or (t.text in SENTENCE_END and k + 1 < s1 and ctx.tokens[k + 1].start > t.end)
                or t.text in COMMAS or t.text in SEPARATORS - {"/"} or t.text == ":"):
            break
        if t.kind == WORD:
            if k > start and (ctx.is_complementiser(k) or ctx.norms[k] in ("فان",) or is_masdar(ctx, k)
                              or ctx.norms[k] in RELATIVE_PRONOUNS
                              or ctx.is_verb_cue(k) or k in ctx.cue_at
                              or ctx.lex.content_end.match(ctx.norms, k)):
                break
            if leading and k > start and not continues_np(ctx, k):
                break
        elif t.kind == QUOTE and ctx.layout.quote_at.get(k) is None and ctx.layout.quote_closing(k) is None:
            break
        elif t.kind == QUOTE and k > start and ctx.layout.quote_at.get(k) is not None and ctx.is_long_quote(k):
            break  # جاء في البيان «...»: a quotation opens what was said, not the name
        elif t.kind == QUOTE and ctx.layout.quote_closing(k) is not None and ctx.layout.quote_closing(k).open < start:
            break
        k += 1
        if ctx.words_in((start, k)) >= 10:
            break
    while k > start and ctx.tokens[k - 1].kind in (PUNCT, QUOTE) and ctx.layout.quote_closing(k - 1) is None:
        k -= 1
    return (start, k) if ctx.words_in((start, k)) else None


def continues_np(ctx: Context, k: int) -> bool:
    """Heuristic NP continuation after a sentence-initial frame (بحسب الصحيفة قابل ...)."""
    n = ctx.norms[k]
    if ctx.layout.depth[k] > ctx.layout.depth[k - 1] or ctx.tokens[k - 1].kind == QUOTE:
        return True
    if n.startswith("ل") and k + 1 < len(ctx.norms) and ctx.norms[k + 1].startswith("ال"):
        return True  # المرصد السوري لحقوق الإنسان
    return (n.startswith("ال") or n in NAME_PARTICLES or n.startswith(("لل", "بال")) or n.startswith("عبدال")
            or n in ctx.lex.given_names  # لوزير الدولة سامي الخطيب
            or n in ctx.lex.anonymous)  # وفقاً لثمانية مسؤولين


def split_conjuncts(ctx: Context, r: Range) -> list[Range]:
    """مسؤول إيراني ومصدرين إقليميين → two cited sources."""
    out, start = [], r[0]
    for k in range(r[0] + 1, r[1]):
        n = ctx.norms[k]
        if n.startswith("و") and (n[1:] in ctx.lex.anonymous or n[1:] in ctx.lex.outlets.by_first):
            out.append((start, k))
            start = k
    out.append((start, r[1]))
    return out
