"""How far a content reaches: a whole quotation, or the clause from where it opens to the
framing, the next report or the sentence end."""
from __future__ import annotations

from ..lexicon import PERFECT
from ..text.tokens import BREAK, PUNCT, QUOTE, WORD
from .core import COMMAS, MAX_CONTENT, Context, Range

ANNOUNCEMENT = 4  # البيان الآتي: words before a colon that only announce a quotation
LINKED_SUBJECT = 5  # ، لكن قوى سياسية عديدة أعلنت: words between a clause link and its cue
from .phrases import is_event_phrase, starts_adjunct


def content_from(ctx: Context, start: int, s1: int) -> tuple[Range, bool] | None:
    """The content opening at ``start``: a whole quotation, or the clause to its end."""
    while start < s1 and ctx.tokens[start].kind == PUNCT and not ctx.is_sentence_end(start):
        start += 1
    if start >= s1:
        return None
    start = past_announcement(ctx, start, s1)
    q = ctx.layout.quote_at.get(start)
    # a quotation that stands alone is the content, however short (بأنها «تكهنات إعلامية»)
    if q is not None and (q.close is not None or ctx.is_long_quote(start)) and q.end - q.open <= MAX_CONTENT:
        after = q.close + 1 if q.close is not None else q.end
        if ends_content(ctx, after, s1):
            a, b = q.inner
            while a < b and ctx.is_complementiser(a):
                a += 1
            return ((a, b), True) if ctx.words_in((a, b)) else None
    end = content_end(ctx, start, s1)
    return ((start, end), False) if ctx.words_in((start, end)) else None


def past_announcement(ctx: Context, start: int, s1: int) -> int:
    """البيان الآتي: «...»: a few words announcing a quotation are not what was said."""
    for k in range(start + 1, min(start + ANNOUNCEMENT + 1, s1)):
        if ctx.tokens[k].kind == WORD and k in ctx.cue_at:
            return start
        if ctx.tokens[k].text == ":":
            q = ctx.layout.quote_at.get(k + 1)
            return k + 1 if q is not None and q.close is not None else start
    return start


def ends_content(ctx: Context, i: int, s1: int) -> bool:
    """Whether what follows a closing quote leaves the quote as the whole content."""
    while i < s1 and ctx.tokens[i].kind == PUNCT and ctx.tokens[i].text not in COMMAS:
        if ctx.is_sentence_end(i):
            return True
        i += 1
    if i >= s1 or ctx.is_sentence_end(i):
        return True
    if ctx.tokens[i].text in COMMAS:
        return True
    return ctx.tokens[i].kind == WORD and (i in ctx.cue_at or ctx.norms[i] in ("و",)
                                            or ctx.lex.content_end.match(ctx.norms, i) > 0)


def content_end(ctx: Context, start: int, s1: int) -> int:
    s1 = min(s1, start + MAX_CONTENT)
    base = ctx.layout.depth[start]
    end = s1
    for k in range(start, s1):
        t = ctx.tokens[k]
        if ctx.is_sentence_end(k) or ctx.layout.depth[k] < base:
            end = k
            break
        if k > start and t.text in COMMAS and ctx.layout.depth[k] == base and k + 1 < s1:
            if closes_content(ctx, k + 1):
                end = k
                break
        if k > start and t.kind == WORD and ctx.layout.depth[k] == base and closes_content_bare(ctx, k):
            end = k
            break
        if k > start and t.kind == QUOTE and k + 1 < s1 and opens_report(ctx, k + 1):
            end = k + 1  # ... للمحافظة " مشيرا إلى: a quotation closed, then the next report
            break
    while end > start and ctx.tokens[end - 1].kind in (PUNCT, BREAK):
        end -= 1
    if end > start and ctx.tokens[end - 1].kind == QUOTE:
        q = ctx.layout.quote_closing(end - 1)
        if q is None or q.open < start:
            end -= 1
    return end


def closes_content(ctx: Context, i: int) -> bool:
    """After a comma: framing (وذلك، وفق ما), or the next attribution (مضيفاً، وأضاف)."""
    if ctx.tokens[i].kind != WORD:
        return False
    n = ctx.norms[i]
    if ctx.lex.content_end.match(ctx.norms, i) or (n[:1] == "و" and ctx.lex.content_end.match(
            [n[1:]] + ctx.norms[i + 1:i + 3], 0)):
        return True
    cue = ctx.cue_at.get(i)
    if cue is not None:  # ، أشار إلى / ، مضيفاً / ، وأضاف — not a predicate (، تخبرنا بأن)
        return cue.frame is not None or cue.is_participle or n[:1] in "وف" or cue.form.aspect == PERFECT
    linked = ctx.lex.clause_links.match(ctx.norms, i)
    if linked and any(ctx.is_verb_cue(k) for k in range(i + linked, min(i + linked + LINKED_SUBJECT, len(ctx.tokens)))
                      if k == i + linked or ctx.tokens[k].kind == WORD):
        return True  # ، حيث كشفت / ، لكنه أكد / ، لكن قوى سياسية أعلنت: a new clause with its own report
    if n in ("وذلك", "ذلك") and i + 1 < len(ctx.tokens):
        return starts_adjunct(ctx, i + 1) or is_event_phrase(ctx, i + 1)  # ، وذلك خلال ...
    return False


def opens_report(ctx: Context, i: int) -> bool:
    """A participle or a conjoined verb cue (مشيراً، وأضاف) right after a closing quotation mark."""
    cue = ctx.cue_at.get(i)
    return cue is not None and cue.form is not None and (cue.is_participle or ctx.norms[i][:1] in "وف")


def closes_content_bare(ctx: Context, k: int) -> bool:
    """Framing that ends a content even without a comma (... بحسب ما نشرته)."""
    cue = ctx.cue_at.get(k)
    return cue is not None and cue.frame is not None and cue.frame.use == "via"
