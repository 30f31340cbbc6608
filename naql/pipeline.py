"""The pipeline: read → clean → segment → find cues → attach sources and contents → keep
plausible speakers → resolve."""
from __future__ import annotations

from .attach import Candidate, attach
from .clean import clean
from .confidence import confidence
from .cues import find_cues
from .lexicon import load
from .plausible import plausible
from .model import Attribution, Document, Entity, Source, Span, Via
from .read import Page, parse, read
from .resolve import UNKNOWN, Resolved, Resolver
from .text.normalize import without_format
from .text.segment import Layout, layout
from .text.tokens import tokenize


def extract(data: bytes | str, input_format: str = "auto", name: str | None = None) -> Document:
    """Analyse one article given as text or HTML (str or bytes)."""
    return analyse(parse(data, input_format, name=name))


def extract_path(source: str, input_format: str = "auto") -> Document:
    """Analyse one file, URL or '-' (stdin)."""
    return analyse(read(source, input_format))


def analyse(page: Page) -> Document:
    text, title = clean(page.text, page.title)
    lex = load()
    lay = layout(tokenize(text))
    candidates = plausible(attach(lay, lex, find_cues(lay, lex)), lay, lex)
    resolver = Resolver(lay, lex)
    resolved = resolver.run(candidates)
    doc = Document(input=page.input, text=text, title=title, meta=dict(page.meta))
    doc.attributions = [_attribution(f"a{n}", r, lay, text, resolver) for n, r in enumerate(resolved, 1)]
    doc.entities = [Entity(e.id, without_format(e.name), e.kind, sorted(set(e.spans)), e.anonymous)
                    for e in resolver.entities if e.spans]
    return doc


def _span(lay: Layout, text: str, r: tuple[int, int] | None, skip: int = 0) -> Span | None:
    if r is None or r[0] >= r[1]:
        return None
    return Span.of(text, lay.tokens[r[0]].start + skip, lay.tokens[r[1] - 1].end)


def _attribution(aid: str, r: Resolved, lay: Layout, text: str, resolver: Resolver) -> Attribution:
    c: Candidate = r.candidate
    e = r.entity
    source = Source(
        span=_span(lay, text, c.source, c.source_skip),
        resolved=without_format(e.name) if e else UNKNOWN,
        entity=e.id if e and e.spans else None,
        kind=e.kind if e else "unknown",
        anonymous=e.anonymous if e else False,
    )
    vias = []
    for v in c.via:
        m = resolver.mention(v)
        vias.append(Via(_span(lay, text, v), without_format(m.name or m.description), m.anonymous))
    content = _span(lay, text, c.content)
    assert content is not None
    return Attribution(
        id=aid, type=c.type, polarity=c.polarity, cue=_span(lay, text, c.cue), source=source,
        content=content, via=vias, recipient=_span(lay, text, c.recipient),
        confidence=confidence(c.rule, resolved=e is not None), rule=c.rule,
    )
