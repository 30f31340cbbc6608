"""Attach a source and a content to each cue, and find the cue-less patterns.

Works on token indices over one ``Layout``; ``Candidate`` ranges are half-open token ranges.
Each pattern is a module, and the ``rule`` recorded on an attribution names it:

| rule                                   | module          | pattern                           |
|----------------------------------------|-----------------|-----------------------------------|
| verb, verb.svo, verb.pro, *.after      | ``verb``        | قال X إن Y / X قال إن Y / وأضاف أن Y / «Y»، قال X |
| participle                             | ``participle``  | ...، مضيفاً أن Y                  |
| noun                                   | ``noun``        | بعد تأكيد X أن Y                  |
| frame                                  | ``frames``      | بحسب X، Y / Y بحسب X (inside another: its ``via``) |
| headline                               | ``headline``    | X: Y at a line start              |
| verbless                               | ``verbless``    | X «Y»                             |

``subject``, ``phrases`` and ``content`` hold what the patterns share: where a speaker, a noun
phrase, a circumstance and a content begin and end. The patterns run in the order an Arabic
sentence offers them: verbs and participles first (frames look for the verb of their
sentence), then frames, then the cue-less patterns; one attribution is kept per content.
"""
from __future__ import annotations

from bisect import bisect_right

from ..cues import Cue
from ..lexicon import NOUN, PARTICIPLE, Lexicon
from ..text.segment import Layout
from ..text.tokens import BREAK, Token
from .core import (
    DEMONSTRATIVES, NAME_PARTICLES, RELATIVE_PRONOUNS, SEPARATORS, Candidate, Context, Range, word_forms)
from .frames import from_frame
from .headline import headlines
from .noun import from_noun
from .participle import from_participle
from .verb import from_verb
from .verbless import verbless

__all__ = ["DEMONSTRATIVES", "NAME_PARTICLES", "RELATIVE_PRONOUNS", "SEPARATORS", "Candidate", "attach", "word_forms"]

NESTED_SOURCE_TOKENS = 6  # a report inside another's words names its source briefly


def attach(layout: Layout, lex: Lexicon, cues: list[Cue]) -> list[Candidate]:
    tokens = layout.tokens
    found = _run(Context(layout, lex, cues))
    for c in found:  # a rule may reach across a line break; a span never starts or ends on one
        c.cue, c.source, c.recipient = (_unbroken(tokens, r) for r in (c.cue, c.source, c.recipient))
        c.content = _unbroken(tokens, c.content) or c.content
        c.via = [v for v in (_unbroken(tokens, v) for v in c.via) if v]
    return found


def _run(ctx: Context) -> list[Candidate]:
    found: list[Candidate] = []
    for cue in ctx.cues:
        if cue.form is not None:
            pattern = {PARTICIPLE: from_participle, NOUN: from_noun}.get(cue.form.aspect, from_verb)
            cand = pattern(ctx, cue)
            if cand:
                found.append(cand)
                ctx.by_sentence.setdefault(ctx.layout.sentence_of[cue.start], []).append(cand)
    for cue in ctx.cues:
        if cue.frame is not None and cue.start not in ctx.consumed_frames:
            cand = from_frame(ctx, cue)
            if cand:
                found.append(cand)
    found.extend(headlines(ctx))
    found.extend(verbless(ctx))
    for c in found:
        c.opens_quote = c.cue is not None and c.cue[0] > 0 and ctx.layout.quote_at.get(c.cue[0] - 1) is not None
    return _dedupe(found)


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
