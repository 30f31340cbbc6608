"""Questions asked of a corpus: a source's statements, full-text search, most-cited sources,
outlets, and the stored documents for export."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, bindparam, case, func, intersect, select

from . import search
from .keys import source_key
from .schema import aliases, articles, attributions, mentions, source_terms, sources


def iso(value: datetime | None) -> str | None:
    """Stored datetimes are naive UTC; shown as ISO 8601 with Z."""
    return value.isoformat() + "Z" if value else None


@dataclass(slots=True)
class Quote:
    published: str | None
    outlet: str | None
    url: str | None
    title: str | None
    attribution: str  # its id in the article's document, e.g. "a1"
    source: str  # as this article names it
    source_id: int
    type: str
    polarity: str
    cue: str | None
    content: str
    via: list[str]
    anonymous: bool


def quotes(conn: Connection, source: str, limit: int = 20, exact: bool = False) -> list[Quote]:
    """What a source said, newest first. A source matches when one of its spellings has the
    same key as ``source``, or (unless ``exact``) when its name contains all of the query's
    words, so "بومبيو" also finds "مايك بومبيو"."""
    source_ids = matching_sources(conn, source, exact)
    if len(source_ids) <= 50:
        # Per source, the newest come straight off the (source_id, published) index; sorting
        # all of a much-quoted source's statements instead would cost far more.
        newest: list[Row] = []
        for source_id in source_ids:
            newest += conn.execute(_NEWEST_BY_SOURCE, {"source_id": source_id, "n": limit}).all()
    else:  # a common word of many names: one sort beats many round trips
        newest = list(conn.execute(_NEWEST.where(attributions.c.source_id.in_(source_ids))
                                   .limit(limit)))
    newest.sort(key=lambda r: (r.published is not None, r.published or datetime.min, r.id),
                reverse=True)
    ids = [r.id for r in newest[:limit]]
    if not ids:
        return []
    said_by = mentions.alias("said_by")
    rows = {r.id: r for r in conn.execute(
        select(attributions, articles.c.url, articles.c.outlet, articles.c.title,
               said_by.c.resolved.label("source_name"))
        .join(articles, articles.c.id == attributions.c.article_id)
        .join(said_by, and_(said_by.c.attribution_id == attributions.c.id,
                            said_by.c.role == "source"))
        .where(attributions.c.id.in_(ids)))}
    vias = _vias(conn, ids)
    return [Quote(published=iso(r.published), outlet=r.outlet, url=r.url, title=r.title,
                  attribution=r.local_id, source=r.source_name, source_id=r.source_id,
                  type=r.type, polarity=r.polarity, cue=r.cue, content=r.content,
                  via=vias.get(r.id, []), anonymous=r.anonymous) for r in map(rows.get, ids)]


_NEWEST = (select(attributions.c.id, attributions.c.published)
           .order_by(attributions.c.published.desc().nulls_last(), attributions.c.id.desc()))
_NEWEST_BY_SOURCE = (_NEWEST.where(attributions.c.source_id == bindparam("source_id"))
                     .limit(bindparam("n")))


def matching_sources(conn: Connection, name: str, exact: bool = False) -> list[int]:
    """Ids of the sources ``name`` designates: by the key of any of their spellings, or
    (unless ``exact``) named sources whose spellings contain every word of the name."""
    key = source_key(name)
    if not key:
        return []
    found = set(conn.execute(select(aliases.c.source_id).where(aliases.c.key == key)).scalars())
    if not exact:
        by_word = [select(source_terms.c.source_id).where(source_terms.c.term == t)
                   for t in key.split()]
        found.update(conn.execute(intersect(*by_word) if len(by_word) > 1 else by_word[0])
                     .scalars())
    return sorted(found)


def _vias(conn: Connection, attribution_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if attribution_ids:
        for row in conn.execute(select(mentions.c.attribution_id, mentions.c.resolved)
                                .where(mentions.c.attribution_id.in_(attribution_ids),
                                       mentions.c.role == "via").order_by(mentions.c.id)):
            out.setdefault(row.attribution_id, []).append(row.resolved)
    return out


@dataclass(slots=True)
class Hit:
    published: str | None
    outlet: str | None
    url: str | None
    title: str | None
    snippet: str
    attributions: int


def search_articles(conn: Connection, query: str, limit: int = 20) -> list[Hit]:
    """Articles matching all words of ``query`` (a phrase when it is in double quotes), in
    any spelling of hamza, alef maqsura or ta marbuta, best match first."""
    parsed = search.Query.parse(query)
    ids = search.matching_articles(conn, parsed, limit)
    if not ids:
        return []
    counts = dict(conn.execute(select(attributions.c.article_id, func.count())
                               .where(attributions.c.article_id.in_(ids))
                               .group_by(attributions.c.article_id)).all())
    rows = {r.id: r for r in conn.execute(
        select(articles.c.id, articles.c.published, articles.c.outlet, articles.c.url,
               articles.c.title, articles.c.text).where(articles.c.id.in_(ids)))}
    return [Hit(published=iso(r.published), outlet=r.outlet, url=r.url, title=r.title,
                snippet=search.snippet(r.text, parsed), attributions=counts.get(r.id, 0))
            for r in map(rows.__getitem__, ids)]


@dataclass(slots=True)
class SourceCount:
    source_id: int
    name: str  # its most frequent spelling
    kind: str
    cited: int  # mentions: as the speaker plus as a source cited by another
    statements: int  # as the speaker
    via: int
    articles: int
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SourceReport:
    attributions: int
    named: int
    anonymous: int  # resting on an unnamed source, directly or via
    anonymous_share: float
    sources: list[SourceCount]


def top_sources(conn: Connection, top: int = 20) -> SourceReport:
    """The most cited named sources, and how much of the corpus rests on unnamed ones."""
    total, anonymous = map(int, conn.execute(select(
        func.count(), func.coalesce(func.sum(case((attributions.c.anonymous, 1), else_=0)), 0))
    ).one())  # PostgreSQL sums are Decimal
    ranked = conn.execute(
        select(mentions.c.source_id, sources.c.kind, func.count().label("cited"),
               func.sum(case((mentions.c.role == "source", 1), else_=0)).label("statements"),
               func.count(mentions.c.article_id.distinct()).label("articles"))
        .join(sources, sources.c.id == mentions.c.source_id)
        .where(sources.c.anonymous.is_(False))
        .group_by(mentions.c.source_id, sources.c.kind)
        .order_by(func.count().desc(), mentions.c.source_id)
        .limit(top)).all()
    out = []
    for r in ranked:
        spellings = conn.execute(
            select(mentions.c.resolved).where(mentions.c.source_id == r.source_id)
            .group_by(mentions.c.resolved).order_by(func.count().desc(), mentions.c.resolved)
        ).scalars().all()
        names = conn.execute(select(aliases.c.name).where(aliases.c.source_id == r.source_id)
                             .order_by(aliases.c.id)).scalars().all()
        out.append(SourceCount(source_id=r.source_id, name=spellings[0], kind=r.kind,
                               cited=r.cited, statements=int(r.statements),
                               via=r.cited - int(r.statements), articles=r.articles,
                               aliases=[n for n in names if n != spellings[0]]))
    return SourceReport(attributions=total, named=total - anonymous, anonymous=anonymous,
                        anonymous_share=round(anonymous / total, 3) if total else 0.0,
                        sources=out)


@dataclass(slots=True)
class Outlet:
    outlet: str | None
    articles: int
    attributions: int
    anonymous_share: float
    first: str | None
    last: str | None


def outlets(conn: Connection) -> list[Outlet]:
    """Each outlet's articles, attributions and share resting on unnamed sources."""
    per_article = (select(attributions.c.article_id, func.count().label("n"),
                          func.sum(case((attributions.c.anonymous, 1), else_=0)).label("anon"))
                   .group_by(attributions.c.article_id).subquery())
    rows = conn.execute(
        select(articles.c.outlet, func.count().label("articles"),
               func.coalesce(func.sum(per_article.c.n), 0).label("attributions"),
               func.coalesce(func.sum(per_article.c.anon), 0).label("anonymous"),
               func.min(articles.c.published).label("first"),
               func.max(articles.c.published).label("last"))
        .outerjoin(per_article, per_article.c.article_id == articles.c.id)
        .group_by(articles.c.outlet)
        .order_by(func.count().desc(), articles.c.outlet)).all()
    return [Outlet(outlet=r.outlet, articles=r.articles, attributions=int(r.attributions),
                   anonymous_share=round(int(r.anonymous) / int(r.attributions), 3)
                   if r.attributions else 0.0,
                   first=iso(r.first), last=iso(r.last)) for r in rows]


def documents(conn: Connection, page: int = 500) -> Iterator[tuple[dict[str, Any], dict[str, int]]]:
    """Every stored article in storage order as its SPEC document plus url, outlet and
    published, with the store's attribution ids by document id ("a1" -> 17). Reads a page
    at a time so memory stays flat."""
    last = 0
    while True:
        rows = conn.execute(select(articles).where(articles.c.id > last)
                            .order_by(articles.c.id).limit(page)).all()
        if not rows:
            return
        last = rows[-1].id
        ids: dict[int, dict[str, int]] = {}
        for a in conn.execute(select(attributions.c.article_id, attributions.c.local_id,
                                     attributions.c.id)
                              .where(attributions.c.article_id.between(rows[0].id, last))):
            ids.setdefault(a.article_id, {})[a.local_id] = a.id
        for r in rows:
            doc = dict(r.document)
            doc["text"] = r.text
            doc.update(url=r.url, outlet=r.outlet, published=iso(r.published))
            yield doc, ids.get(r.id, {})
