"""Verbless reports, rule ``verbless``: X «Y», a speaker named before a quotation with no
verb between them."""
from __future__ import annotations

from ..text.tokens import QUOTE, WORD
from .content import content_from
from .core import Candidate, Context


def verbless(ctx: Context) -> list[Candidate]:
    """X «Y»: a speaker named before a quotation with no verb between them."""
    out = []
    for s0, s1 in ctx.layout.sentences:
        lead = ctx.skip_discourse(s0)
        marked = lead > s0
        q = next((k for k in range(lead, min(s1, lead + 25))
                  if ctx.tokens[k].kind == QUOTE and ctx.is_long_quote(k)), None)
        if q is None or q == lead:
            continue
        words = [k for k in range(lead, q) if ctx.tokens[k].kind == WORD]
        if not words or len(words) > 15:
            continue
        if any(k in ctx.cue_at or ctx.is_complementiser(k) or ctx.norms[k] in ctx.lex.verbs
               for k in words) or ctx.norms[words[0]] in ctx.lex.function_words:
            continue
        titled = any(ctx.in_set(k, ctx.lex.roles) or ctx.lex.titles.match(ctx.norms, k) for k in words)
        if not (marked or titled):
            continue
        content = content_from(ctx, q, s1)
        if content is None or not content[1]:
            continue
        end = words[-1] + 1
        out.append(Candidate(None, (words[0], end), content[0], "direct", "assert", "verbless"))
    return out
