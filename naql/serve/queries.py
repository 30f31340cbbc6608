"""Read queries the reader needs beyond naql.store.queries: by article and source id, so
pages can link to each other. Every one is bounded and walks an existing index."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, case, extract, func, select

from naql.store import search
from naql.store import queries as store_queries
from naql.store.queries import iso
from naql.store.schema import aliases, articles, attributions, mentions, sources

from .memo import Memo


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
    """Who a source is and how the corpus cites it. The figures come from one pass grouped
    by outlet and month: an article has one of each, so distinct articles add up."""
    src = conn.execute(select(sources).where(sources.c.id == source_id)).first()
    if src is None:
        return None
    year, month = extract("year", articles.c.published), extract("month", articles.c.published)
    said = mentions.c.role == "source"
    groups = conn.execute(
        select(articles.c.outlet, year, month, _sum(said), _sum(mentions.c.role == "via"),
               _sum(and_(said, attributions.c.polarity == "deny")),
               func.count(mentions.c.article_id.distinct()))
        .select_from(mentions.join(attributions, attributions.c.id == mentions.c.attribution_id)
                     .join(articles, articles.c.id == mentions.c.article_id))
        .where(mentions.c.source_id == source_id)
        .group_by(articles.c.outlet, year, month)).all()
    by_outlet: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    statements = via = denials = n_articles = 0
    for outlet, y, m, speaks, cited, denied, distinct in groups:
        speaks, cited = int(speaks), int(cited)  # PostgreSQL sums are Decimal
        statements, via = statements + speaks, via + cited
        denials, n_articles = denials + int(denied), n_articles + distinct
        by_outlet[outlet or "-"] += speaks + cited
        if y is not None:
            by_month[f"{int(y):04d}-{int(m):02d}"] += speaks + cited
    names = conn.execute(select(aliases.c.name).where(aliases.c.source_id == source_id)
                         .order_by(aliases.c.id)).scalars().all()
    name = display_names(conn, [source_id]).get(source_id, src.name)
    top_outlets = sorted(by_outlet.items(), key=lambda item: (-item[1], item[0]))[:8]
    return SourceProfile(
        id=src.id, name=name, kind=src.kind, anonymous=src.anonymous, statements=statements,
        via=via, articles=n_articles, denials=denials,
        spellings=[n for n in names if n != name],
        outlets=[Count(o, n) for o, n in top_outlets],
        months=[Count(m, n) for m, n in sorted(by_month.items())])


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
    """Every attribution naming a source, as speaker or as cited, newest first. The speaker's
    own come in order off the (source_id, published) index and the rarer ones citing it are
    merged in, so a source quoted thousands of times costs no sort of them all."""
    wanted = {"source_id": source_id, "n": offset + limit}
    own = conn.execute(_OWN, wanted).all()
    cited = conn.execute(_CITING, wanted).all()
    role = {r.id: "via" for r in cited} | {r.id: "source" for r in own}
    newest = sorted({r.id: r for r in cited + own}.values(), reverse=True,
                    key=lambda r: (r.published is not None, r.published or datetime.min, r.id))
    ids = [r.id for r in newest[offset:offset + limit]]
    if not ids:
        return []
    rows = {r.id: r for r in conn.execute(
        select(attributions, articles.c.outlet, articles.c.url, articles.c.title)
        .join(articles, articles.c.id == attributions.c.article_id)
        .where(attributions.c.id.in_(ids)))}
    named = _cited(conn, ids)
    return [Statement(
        attribution_id=r.id, article_id=r.article_id, attribution=r.local_id,
        published=iso(r.published), outlet=r.outlet, url=r.url, title=r.title, role=role[r.id],
        type=r.type, polarity=r.polarity, cue=r.cue, content=r.content,
        source=(named.get(r.id, {}).get("source") or [None])[0],
        via=named.get(r.id, {}).get("via", [])) for r in map(rows.__getitem__, ids)]


_NEWEST_FIRST = (attributions.c.published.desc().nulls_last(), attributions.c.id.desc())
_OWN = (select(attributions.c.id, attributions.c.published)
        .where(attributions.c.source_id == bindparam("source_id"))
        .order_by(*_NEWEST_FIRST).limit(bindparam("n")))
_CITING = (select(attributions.c.id, attributions.c.published)
           .join(mentions, mentions.c.attribution_id == attributions.c.id)
           .where(mentions.c.source_id == bindparam("source_id"), mentions.c.role == "via")
           .order_by(*_NEWEST_FIRST).limit(bindparam("n")))


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


def most_cited(conn: Connection, memo: Memo, top: int) -> store_queries.SourceReport:
    """``naql sources``'s report, kept until the corpus changes."""
    return memo.get(conn, ("most_cited", top), lambda: store_queries.top_sources(conn, top))


def profile(conn: Connection, memo: Memo, source_id: int) -> SourceProfile | None:
    """``source_profile``, kept until the corpus changes."""
    return memo.get(conn, ("profile", source_id), lambda: source_profile(conn, source_id))


def all_outlets(conn: Connection, memo: Memo) -> list[store_queries.Outlet]:
    """``naql outlets``'s table, kept until the corpus changes."""
    return memo.get(conn, "outlets", lambda: store_queries.outlets(conn))
