"""According-to frames, rule ``frame``: بحسب X، Y / Y، بحسب X / وفق ما قاله X. A frame inside
another attribution (قالت X، نقلاً عن Y، إن ...) adds Y to that one's ``via`` instead."""
from __future__ import annotations

from ..cues import Cue, frame_at, pronoun_stems, verb_form
from ..lexicon import VerbForm
from ..text.normalize import normalize
from ..text.tokens import BREAK, PUNCT, QUOTE, WORD
from .content import content_from
from .core import COMMAS, LOOK_BACK, RELATIVE_PRONOUNS, VIA_VERBS, Candidate, Context, Range
from .phrases import is_recipient, np_after, recipient_in, split_conjuncts


def from_frame(ctx: Context, cue: Cue) -> Candidate | None:
    s0, s1 = ctx.layout.sentence_range(cue.start)
    frame = cue.frame
    assert frame is not None
    i, skip, reported_by = frame_opening(ctx, cue, s1)
    same = ctx.by_sentence.get(ctx.layout.sentence_of[cue.start], [])
    inside = next((c for c in same if c.cue and c.cue[1] <= cue.start < c.content[0]), None)
    if frame.use == "via" or inside is not None:  # قالت X، بحسب وكالة Y، إن ...: Y is cited
        host = inside or next((c for c in reversed(same) if c.cue and c.cue[0] < cue.start), None)
        if host is not None:
            via = np_after(ctx, i, s1)
            if via:
                host.via.extend(split_conjuncts(ctx, via))
            return None
    lead = ctx.skip_discourse(s0)
    leading = cue.start <= lead or (cue.start > 0 and ctx.tokens[cue.start - 1].kind == QUOTE)
    indefinite_head = i < s1 and not ctx.norms[i].startswith("ال")
    src = np_after(ctx, i, s1, leading=leading and not (indefinite_head and comma_soon(ctx, i, s1)))
    if src is None or not plausible_source(ctx, src[0], skip if src[0] == cue.end else 0):
        return None
    if speaks_in_relative(ctx, src, same):
        return None
    vias: list[Range] = []
    after = src[1]
    if reported_by is not None and reported_by.lemma in VIA_VERBS:
        cut = next((k for k in range(*src) if ctx.norms[k] == "عن"), None)
        if cut is not None and cut > src[0]:
            via = np_after(ctx, cut + 1, s1)
            src = (src[0], cut)
            if via:
                vias.extend(split_conjuncts(ctx, via))
                after = via[1]
    if after < s1 and ctx.tokens[after].kind == WORD:
        after = take_via(ctx, after, s1, vias) or after
    recipient = None
    if reported_by is not None:  # وفق ما قاله مصدران لوكالة رويترز: spoken to, not speaking
        to = next((k for k in range(src[0] + 1, src[1]) if is_recipient(ctx, k)), None)
        if to is not None:
            src, recipient = (src[0], to), recipient_in(ctx, to, src[1])
    if leading:
        start = after
        while start < s1 and (ctx.tokens[start].kind == PUNCT or ctx.norms[start] == "فان"
                              or ctx.is_complementiser(start)):
            if ctx.is_sentence_end(start):
                return None
            start += 1
        content = content_from(ctx, start, s1)
        if content is None:
            return None
        c = content[0]
    else:
        begin = clause_start_for_frame(ctx, cue.start, s0)
        end = cue.start
        while end > begin and ctx.tokens[end - 1].kind in (PUNCT, BREAK):
            end -= 1
        if ctx.words_in((begin, end)) < 2:
            return None
        c = (begin, end)
        host = next((h for h in same if h.cue and h.cue[0] < cue.start and h.content[0] == begin), None)
        if host is not None:  # قالت الحكومة إن الأسعار ارتفعت، بحسب وكالة Y: Y is cited
            host.via.extend([*split_conjuncts(ctx, src), *vias])
            return None
    add_to_host(ctx, c, src, same)
    return Candidate((cue.start, cue.end), src, c, "according_to", "assert", "frame",
                     via=vias, recipient=recipient, source_skip=skip if src[0] == cue.end else 0)


def frame_opening(ctx: Context, cue: Cue, s1: int) -> tuple[int, int, VerbForm | None]:
    """Where a frame's source begins, the clitic letters to trim from it (وفقاً لـالوزارة),
    and the verb of a relative frame (بحسب ما أكدته صحيفة ...)."""
    frame = cue.frame
    assert frame is not None
    i = cue.end
    skip = 0
    clitic_apart = ctx.norms[cue.end - 1] == frame.clitic  # وفقاً لـ الوزارة: the cue took لـ
    if (frame.clitic and not clitic_apart and i < s1 and ctx.norms[i].startswith(frame.clitic)
            and not ctx.lex.after_lam(ctx.norms[i]).startswith("ال")):  # للبيت: read from the whole word
        skip = 1 + (1 if ctx.tokens[i].text[1:2] == "ـ" else 0)
    reported_by: VerbForm | None = None  # بحسب ما نقلته قناة X عن Y: Y is cited
    relative = frame.words[-1].endswith("ما")  # حسبما أفادت الوكالة
    if relative or (i < s1 and ctx.norms[i] in ("ما", "لما")):  # بحسب ما أكدته صحيفة ...
        i += 0 if relative else 1
        if i < s1 and ctx.tokens[i].kind == WORD:
            reported_by = ctx.cue_at[i].form if i in ctx.cue_at else verb_form(ctx.lex, ctx.norms[i], True)
            i += 1
        while i < s1 and ctx.norms[i] in ("اليه", "اليها", "له", "به", "عنه", "فيه"):
            i += 1
    return i, skip, reported_by


def take_via(ctx: Context, i: int, s1: int, vias: list[Range]) -> int | None:
    """نقلاً عن X at token i: add X to ``vias`` and return where it ends."""
    framed = frame_at(ctx.lex, ctx.norms, i)
    if not framed or framed[0].use != "via":
        return None
    ctx.consumed_frames.add(i)
    via = np_after(ctx, i + framed[1], s1)
    if not via:
        return i + framed[1]
    vias.extend(split_conjuncts(ctx, via))
    return via[1]


def past_frame(ctx: Context, i: int, s1: int) -> int | None:
    """Where an according-to frame at token i and its source end: what it names (بحسب
    وكالة الأنباء، وفق ما قاله مصدران) opens no content of the verb before it."""
    cue = ctx.cue_at.get(i)
    if cue is None or cue.frame is None:
        return None
    start = frame_opening(ctx, cue, s1)[0]
    src = np_after(ctx, start, s1)
    return src[1] if src else start


def speaks_in_relative(ctx: Context, src: Range, same: list[Candidate]) -> bool:
    """جاء ذلك على لسان المتحدث فلان الذي قال إن ...: the frame only announces the report
    the relative clause makes, so the frame's source becomes that verb's subject."""
    rel = src[1]
    if rel + 1 >= len(ctx.tokens) or ctx.norms[rel] not in RELATIVE_PRONOUNS:
        return False
    verb = next((c for c in same if c.cue and c.cue[0] == rel + 1 and c.source is None), None)
    if verb is None:
        return False
    verb.source, verb.rule = src, "verb"
    return True


def plausible_source(ctx: Context, i: int, skip: int = 0) -> bool:
    """بحسب الموعد المقرر، وفقاً للقانون: what follows the frame names no source."""
    while i < len(ctx.tokens) and ctx.tokens[i].kind != WORD:
        i += 1
    n = normalize(ctx.tokens[i].text[skip:]) if skip else ctx.norms[i]
    if n in ctx.lex.masdars or any(stem in ctx.lex.masdars for stem in pronoun_stems(n)):
        return False  # بحسب قولها، وفق تعبيره: an echo of the speaker's own words
    return n not in ctx.lex.not_sources and "ال" + n not in ctx.lex.not_sources


def clause_start_for_frame(ctx: Context, i: int, s0: int) -> int:
    s0 = max(s0, i - LOOK_BACK)
    k = i - 1
    while k >= s0:
        t = ctx.tokens[k]
        if t.kind == QUOTE and ctx.layout.quote_at.get(k) is not None:
            return k + 1
        if ctx.is_complementiser(k) or t.text in (":",):
            return k + 1
        k -= 1
    return ctx.skip_discourse(s0)


def add_to_host(ctx: Context, content: Range, src: Range, same_sentence: list[Candidate]) -> None:
    """A frame inside another attribution's content is a source that one cites."""
    for c in same_sentence:
        if c.content[0] < content[0] and content[1] <= c.content[1] and c.cue is not None:
            c.via.append(src)


def comma_soon(ctx: Context, i: int, s1: int) -> bool:
    """وبحسب بيان صادر عن وزارة الداخلية، فإن ...: after an indefinite head, a comma closes the
    source (after a definite one the content may follow directly: وبحسب الصحيفة قابل ...)."""
    for k in range(i, min(s1, i + 12)):
        if ctx.tokens[k].text in COMMAS:
            return True
        if ctx.is_complementiser(k) or ctx.is_verb_cue(k) or ctx.is_sentence_end(k):
            return False
    return False
