"""Participles, rule ``participle``: ...، مضيفاً أن Y. The speaker is left to the resolver,
except where the clause the participle hangs on reports nothing (أدانت الوزارة الهجوم، معتبرة
أنه ...): then that clause's subject is recorded as the participle's ``speaker``."""
from __future__ import annotations

from ..cues import Cue, verb_form
from .core import MAX_SOURCE_WORDS, VIA_VERBS, Candidate, Context, Range
from .phrases import starts_adjunct, verbal_noun_object
from .verb import NP_CONTENT_CLASSES, calls_for_clause, cited_after, opened_at, reported, scan_region


def from_participle(ctx: Context, cue: Cue) -> Candidate | None:
    """A participle's content opens as a verb's does; its source is left to the resolver."""
    form = cue.form
    assert form is not None
    s0, s1 = ctx.layout.sentence_range(cue.start)
    opener, region_end, vias = scan_region(ctx, cue, s1)
    if form.lemma in VIA_VERBS:
        vias = cited_after(ctx, cue.end, region_end) + vias
    if form.cls == "call" and not calls_for_clause(ctx, opener):
        return None  # مطالباً بالحوار: a call is reported only with a clause
    if opener is not None:
        opened = opened_at(ctx, opener, form, s1)
        if opened is None:
            return None
        start, kind = opened
    elif form.cls in NP_CONTENT_CLASSES:
        start, kind = cue.end, "indirect"
    else:
        return None
    found = reported(ctx, cue, None, start, s1, kind, "participle", vias, None)
    if found is not None:
        found.speaker = framing_subject(ctx, cue, s0)
    return found


def framing_subject(ctx: Context, cue: Cue, s0: int) -> Range | None:
    """أدانت وزارة الخارجية القطرية الهجوم، معتبرة أنه ...: a participle hanging on a clause
    that reports nothing is said by that clause's subject, the words after the verb it opens
    with, up to the object or a circumstance."""
    lead = ctx.skip_discourse(s0)
    if lead + 1 >= cue.start or not ctx.is_word(lead):
        return None
    n = ctx.norms[lead]
    if not (n in ctx.lex.framing_verbs or n[1:] in ctx.lex.framing_verbs or verb_form(ctx.lex, n)):
        return None
    end = lead + 1
    while end < cue.start and ctx.is_word(end) and end - lead <= MAX_SOURCE_WORDS and not ends_subject(ctx, end):
        end += 1
    return (lead + 1, end) if end > lead + 1 else None


def ends_subject(ctx: Context, k: int) -> bool:
    """The first word after a subject: a function word, a circumstance, بـ or عن with the
    object (رحب الوزير بالاتفاق)، a verbal noun opening the object, or a definite noun after
    a gentilic (الخارجية القطرية | الهجوم)."""
    n = ctx.norms[k]
    return (n in ctx.lex.function_words or starts_adjunct(ctx, k) or n.startswith("بال")
            or verbal_noun_object(ctx, k, k + 1) is not None
            or (n.startswith("ال") and gentilic(ctx, k - 1) and not gentilic(ctx, k)))


def gentilic(ctx: Context, k: int) -> bool:
    """القطرية، الأمريكي، المصريين."""
    n = ctx.norms[k]
    return ctx.lex.is_gentilic(n[2:] if n.startswith("ال") else n)
