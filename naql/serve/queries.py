"""Read queries the reader needs beyond naql.store.queries: by article and source id, so
pages can link to each other. Every one is bounded and walks an existing index."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, case, extract, func, select

from naql.store import search
from naql.store import queries as store_queries
from naql.store.queries import iso
from naql.store.schema import aliases, articles, attributions, mentions, sources


@dataclass(slots=True)
class ArticleSummary:
    id: int
    published: str | None
    outlet: str | None
    url: str | None
    title: str | None
    attributions: int
    snippet: str | None = None  # around the words searched for


def document(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """A stored article as its SPEC document plus id, url, outlet and published (the text is
    stored apart from the document JSON)."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    doc = dict(row.document)
    doc.update(text=row.text, id=row.id, url=row.url, outlet=row.outlet,
               published=iso(row.published))
    return doc


# A stored span's source: ("a1", "source", None) or ("a1", "via", start of the via's span).
SpanKey = tuple[str, str, int | None]


def span_sources(conn: Connection, article_id: int) -> dict[SpanKey, int]:
    """The store's source id for each source and via span of an article, to link them."""
    rows = conn.execute(
        select(attributions.c.local_id, mentions.c.role, mentions.c.span_start,
               mentions.c.source_id)
        .join(mentions, mentions.c.attribution_id == attributions.c.id)
        .where(attributions.c.article_id == article_id))
    return {(r.local_id, r.role, r.span_start if r.role == "via" else None): r.source_id
            for r in rows}


def latest(conn: Connection, limit: int = 20, offset: int = 0) -> list[ArticleSummary]:
    """The newest articles by publication date (undated ones last)."""
    ids = list(conn.execute(
        select(articles.c.id)
        .order_by(articles.c.published.desc().nulls_last(), articles.c.id.desc())
        .limit(limit).offset(offset)).scalars())
    return _summaries(conn, ids)


def search_articles(conn: Connection, query: str, limit: int = 20) -> list[ArticleSummary]:
    """Articles matching ``query`` as ``naql search`` finds them, best first, with ids."""
    parsed = search.Query.parse(query)
    found = _summaries(conn, search.matching_articles(conn, parsed, limit), with_text=True)
    for hit in found:
        hit.snippet = search.snippet(hit.snippet or "", parsed)
    return found


def _summaries(conn: Connection, ids: list[int], with_text: bool = False
               ) -> list[ArticleSummary]:
    """Summaries of ``ids`` in that order; with the text in ``snippet`` when asked."""
    if not ids:
        return []
    counts = dict(conn.execute(select(attributions.c.article_id, func.count())
                               .where(attributions.c.article_id.in_(ids))
                               .group_by(attributions.c.article_id)).all())
    columns = [articles.c.id, articles.c.published, articles.c.outlet, articles.c.url,
               articles.c.title] + ([articles.c.text] if with_text else [])
    rows = {r.id: r for r in conn.execute(select(*columns).where(articles.c.id.in_(ids)))}
    return [ArticleSummary(id=r.id, published=iso(r.published), outlet=r.outlet, url=r.url,
                           title=r.title, attributions=counts.get(r.id, 0),
                           snippet=r.text if with_text else None)
            for r in map(rows.__getitem__, ids)]


@dataclass(slots=True)
class Count:
    label: str
    n: int


@dataclass(slots=True)
class SourceProfile:
    id: int
    name: str  # its most frequent spelling
    kind: str
    anonymous: bool
    statements: int  # as the speaker
    via: int  # cited by another source
    articles: int
    denials: int
    spellings: list[str] = field(default_factory=list)
    outlets: list[Count] = field(default_factory=list)  # the outlets quoting it most
    months: list[Count] = field(default_factory=list)  # mentions per "YYYY-MM", oldest first


def source_profile(conn: Connection, source_id: int) -> SourceProfile | None:
    """Who a source is and how the corpus cites it."""
    src = conn.execute(select(sources).where(sources.c.id == source_id)).first()
    if src is None:
        return None
    said = mentions.join(attributions, attributions.c.id == mentions.c.attribution_id)
    totals = conn.execute(
        select(_sum(mentions.c.role == "source"), _sum(mentions.c.role == "via"),
               func.count(mentions.c.article_id.distinct()),
               _sum(attributions.c.polarity == "deny"))
        .select_from(said).where(mentions.c.source_id == source_id)).one()
    statements, via, n_articles, denials = map(int, totals)
    names = conn.execute(select(aliases.c.name).where(aliases.c.source_id == source_id)
                         .order_by(aliases.c.id)).scalars().all()
    name = display_names(conn, [source_id]).get(source_id, src.name)
    by_outlet = conn.execute(
        select(articles.c.outlet, func.count())
        .join(mentions, mentions.c.article_id == articles.c.id)
        .where(mentions.c.source_id == source_id)
        .group_by(articles.c.outlet).order_by(func.count().desc(), articles.c.outlet).limit(8))
    year, month = extract("year", attributions.c.published), extract("month", attributions.c.published)
    by_month = conn.execute(
        select(year, month, func.count()).select_from(said)
        .where(mentions.c.source_id == source_id, attributions.c.published.is_not(None))
        .group_by(year, month).order_by(year, month))
    return SourceProfile(
        id=src.id, name=name, kind=src.kind, anonymous=src.anonymous, statements=statements,
        via=via, articles=n_articles, denials=denials,
        spellings=[n for n in names if n != name],
        outlets=[Count(o or "-", n) for o, n in by_outlet],
        months=[Count(f"{int(y):04d}-{int(m):02d}", n) for y, m, n in by_month])


def _sum(condition):
    """How many rows meet ``condition``, 0 when none (PostgreSQL sums are Decimal or NULL)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def display_names(conn: Connection, source_ids: list[int]) -> dict[int, str]:
    """Each source's most frequent spelling across the corpus."""
    best: dict[int, tuple[int, str]] = {}
    for sid, name, n in conn.execute(
            select(mentions.c.source_id, mentions.c.resolved, func.count())
            .where(mentions.c.source_id.in_(source_ids))
            .group_by(mentions.c.source_id, mentions.c.resolved)):
        if (n, name) > best.get(sid, (0, "")):
            best[sid] = (n, name)
    return {sid: name for sid, (_, name) in best.items()}


@dataclass(slots=True)
class Cited:
    """A source an attribution rests on, as its article names it."""

    name: str
    source_id: int
    kind: str
    anonymous: bool


@dataclass(slots=True)
class Statement:
    """One attribution in which a source speaks or is cited (``role`` "source" or "via")."""

    attribution_id: int
    article_id: int
    attribution: str  # its id in the article's document, e.g. "a1"
    published: str | None
    outlet: str | None
    url: str | None
    title: str | None
    role: str
    type: str
    polarity: str
    cue: str | None
    content: str
    source: Cited | None  # the attribution's speaker
    via: list[Cited]


def statements(conn: Connection, source_id: int, limit: int = 50, offset: int = 0
               ) -> list[Statement]:
    """Every attribution naming a source, as speaker or as cited, newest first."""
    rows = conn.execute(
        select(mentions.c.role, attributions.c.id, attributions.c.article_id,
               attributions.c.local_id, attributions.c.published, attributions.c.type,
               attributions.c.polarity, attributions.c.cue, attributions.c.content,
               articles.c.outlet, articles.c.url, articles.c.title)
        .join(attributions, attributions.c.id == mentions.c.attribution_id)
        .join(articles, articles.c.id == attributions.c.article_id)
        .where(mentions.c.source_id == source_id)
        .order_by(attributions.c.published.desc().nulls_last(), attributions.c.id.desc())
        .limit(limit).offset(offset)).all()
    cited = _cited(conn, [r.id for r in rows])
    out = []
    for r in rows:
        named = cited.get(r.id, {})
        out.append(Statement(
            attribution_id=r.id, article_id=r.article_id, attribution=r.local_id,
            published=iso(r.published), outlet=r.outlet, url=r.url, title=r.title, role=r.role,
            type=r.type, polarity=r.polarity, cue=r.cue, content=r.content,
            source=(named.get("source") or [None])[0], via=named.get("via", [])))
    return out


def _cited(conn: Connection, attribution_ids: list[int]) -> dict[int, dict[str, list[Cited]]]:
    """The sources of each attribution by role, in the article's order."""
    out: dict[int, dict[str, list[Cited]]] = {}
    if attribution_ids:
        for r in conn.execute(
                select(mentions.c.attribution_id, mentions.c.role, mentions.c.resolved,
                       mentions.c.source_id, sources.c.kind, sources.c.anonymous)
                .join(sources, sources.c.id == mentions.c.source_id)
                .where(mentions.c.attribution_id.in_(attribution_ids)).order_by(mentions.c.id)):
            out.setdefault(r.attribution_id, {}).setdefault(r.role, []).append(
                Cited(r.resolved, r.source_id, r.kind, r.anonymous))
    return out


def denials(conn: Connection, source_ids: list[int]) -> dict[int, int]:
    """How many of each source's own statements are denials."""
    if not source_ids:
        return {}
    return dict(conn.execute(
        select(attributions.c.source_id, func.count())
        .where(attributions.c.source_id.in_(source_ids), attributions.c.polarity == "deny")
        .group_by(attributions.c.source_id)).all())


@dataclass(slots=True)
class SourceRef:
    id: int
    name: str
    kind: str
    cited: int


def find_sources(conn: Connection, name: str, limit: int = 10) -> list[SourceRef]:
    """The most cited named sources that ``name`` designates, as ``naql quotes`` matches."""
    ids = store_queries.matching_sources(conn, name)
    if not ids:
        return []
    rows = conn.execute(
        select(mentions.c.source_id, sources.c.kind, func.count())
        .join(sources, sources.c.id == mentions.c.source_id)
        .where(mentions.c.source_id.in_(ids), sources.c.anonymous.is_(False))
        .group_by(mentions.c.source_id, sources.c.kind)
        .order_by(func.count().desc(), mentions.c.source_id).limit(limit)).all()
    names = display_names(conn, [r.source_id for r in rows])
    return [SourceRef(sid, names[sid], kind, n) for sid, kind, n in rows]
