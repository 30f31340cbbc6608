"""Headlines, rule ``headline``: X: Y at the start of a line, where X is a short name or
description and no verb stands before the colon, and Y is no report of its own."""
from __future__ import annotations

from ..text.tokens import BREAK, WORD
from .content import content_from
from .core import Candidate, Context


def line_starts(ctx: Context) -> list[int]:
    out = []
    for s0, _ in ctx.layout.sentences:
        if ctx.layout.line_start[s0] == s0 or (s0 > 0 and ctx.tokens[s0 - 1].kind == BREAK):
            out.append(s0)
    return out


def headlines(ctx: Context) -> list[Candidate]:
    """X: Y at the start of a line, where X is a short name or description."""
    out = []
    for s0 in line_starts(ctx):
        s1 = ctx.layout.sentences[ctx.layout.sentence_of[s0]][1]
        colon = next((k for k in range(s0, min(s1, s0 + 12)) if ctx.tokens[k].text == ":"), None)
        if colon is None or colon == s0:
            continue
        lead = ctx.skip_discourse(s0)
        words = [k for k in range(lead, colon) if ctx.tokens[k].kind == WORD]
        if not words or len(words) > 7:
            continue
        if (ctx.lex.headline_stop.match(ctx.norms, words[0]) or any(
                ctx.norms[k] in ctx.lex.verbs or k in ctx.cue_at or ctx.tokens[k].text.isdigit()
                or any(ch.isdigit() for ch in ctx.tokens[k].text) for k in words)
                or any(ctx.tokens[k].text in "-–—" for k in range(s0, colon))
                or ctx.norms[words[0]] in ctx.lex.function_words):
            continue
        content = content_from(ctx, colon + 1, s1)
        if content is None or ctx.words_in(content[0]) < 2 or opens_with_report(ctx, content[0][0]):
            continue
        out.append(Candidate(None, (words[0], words[-1] + 1), content[0], "direct", "assert", "headline"))
    return out


def opens_with_report(ctx: Context, i: int) -> bool:
    """واشنطن: دعت الوزارة ... / كتب فلان: قال ترامب ...: a dateline or a byline, whose text
    goes on with a report of its own, is not a headline."""
    return any(k in ctx.cue_at and ctx.cue_at[k].form is not None for k in range(i, min(i + 2, len(ctx.tokens))))
