"""Reading claims and stories (for the command line, exports and the web reader). Reads
only: ``naql.provenance.update`` brings them up to date with the stored articles."""
from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, Select, func, select

from naql.store.queries import iso, matching_sources
from naql.store.schema import articles, attributions, claim_members, story_articles
from naql.store.schema import claims as claim_rows
from naql.store.schema import stories as story_rows

from . import chains
from .divergence import disagreements
from .identity import Identity
from .model import Claim, Member, Story, StoryArticle, StorySummary
from .outlets import Outlets, load as load_outlets
from .positions import POSITIONS
from .shingles import statement

CHUNK = 500


def claims(conn: Connection, source: str | None = None, anonymous_only: bool = False,
           min_articles: int = 2, limit: int | None = 20, offset: int = 0,
           source_id: int | None = None) -> list[Claim]:
    """Claims reported by at least ``min_articles`` articles, most reported first; only a
    source's (by name in any spelling, as ``naql quotes`` matches them, or by its id) or
    only those resting on unnamed sources."""
    query = select(claim_rows.c.id).where(claim_rows.c.articles >= min_articles)
    if source is not None:
        query = query.where(claim_rows.c.source_id.in_(matching_sources(conn, source)))
    if source_id is not None:
        query = query.where(claim_rows.c.source_id == source_id)
    if anonymous_only:
        query = query.where(claim_rows.c.anonymous_only.is_(True))
    query = query.order_by(claim_rows.c.articles.desc(), claim_rows.c.first_seen.desc(),
                           claim_rows.c.id)
    return _claims(conn, conn.execute(query.limit(limit).offset(offset)).scalars().all())


def claim(conn: Connection, claim_id: int) -> Claim | None:
    found = _claims(conn, [claim_id])
    return found[0] if found else None


def claims_of(conn: Connection, article_id: int) -> dict[str, list[tuple[int, int]]]:
    """For each attribution of a stored article (by its id in the document, "a3"): the claims
    it reports, one per statement of its content, as (claim id, articles reporting it). None
    for carriers and for articles not yet processed."""
    out: dict[str, list[tuple[int, int]]] = {}
    for local_id, claim_id, n in conn.execute(
            select(attributions.c.local_id, claim_rows.c.id, claim_rows.c.articles)
            .join(claim_members, claim_members.c.attribution_id == attributions.c.id)
            .join(claim_rows, claim_rows.c.id == claim_members.c.claim_id)
            .where(attributions.c.article_id == article_id)
            .order_by(attributions.c.id, claim_members.c.part)):
        out.setdefault(local_id, []).append((claim_id, n))
    return out


def unprocessed(conn: Connection) -> int:
    """How many stored articles ``update`` has not yet brought into claims and stories."""
    return conn.execute(select(func.count()).select_from(articles)
                        .outerjoin(story_articles, story_articles.c.article_id == articles.c.id)
                        .where(story_articles.c.article_id.is_(None))).scalar_one()


def every_claim(conn: Connection, min_articles: int = 2) -> Iterator[Claim]:
    """Every claim reported by at least ``min_articles`` articles, in the order they were
    made, read CHUNK at a time (for exports and scoring: memory stays flat)."""
    last = 0
    outlets = load_outlets(conn)
    query = (select(claim_rows.c.id).where(claim_rows.c.articles >= min_articles)
             .order_by(claim_rows.c.id))
    while ids := conn.execute(query.where(claim_rows.c.id > last).limit(CHUNK)).scalars().all():
        last = ids[-1]
        yield from _some_claims(conn, ids, outlets, None)


def stories(conn: Connection, min_articles: int = 2, limit: int | None = 20, offset: int = 0
            ) -> list[StorySummary]:
    """Stories of at least ``min_articles`` articles, newest first."""
    rows = conn.execute(select(story_rows).where(story_rows.c.articles >= min_articles)
                        .order_by(story_rows.c.first_seen.desc().nulls_last(),
                                  story_rows.c.id.desc())
                        .limit(limit).offset(offset)).all()
    return [_summary(r) for r in rows]


def story(conn: Connection, story_id: int, per_position: int | None = None,
          limit: int | None = None, offset: int = 0) -> Story | None:
    """A story's articles, earliest first, and its claims by position, the most reported in
    the story first; with ``per_position``, only so many claims of each (``Story.totals``
    counts them all), with ``limit`` and ``offset`` a page of its articles. Each claim has
    its members in this story's articles; pairs of them giving different figures for one
    thing are flagged (``divergence``)."""
    row = conn.execute(select(story_rows).where(story_rows.c.id == story_id)).first()
    if row is None:
        return None
    in_story = select(story_articles.c.article_id).where(story_articles.c.story_id == story_id)
    members = conn.execute(
        select(articles.c.id, articles.c.url, articles.c.outlet, articles.c.published,
               articles.c.title)
        .where(articles.c.id.in_(in_story))
        .order_by(articles.c.published.nulls_last(), articles.c.id)
        .limit(limit).offset(offset)).all()
    counted = conn.execute(
        select(claim_rows.c.id, claim_rows.c.position, claim_rows.c.first_seen,
               func.count().label("reports"))
        .join(claim_members, claim_members.c.claim_id == claim_rows.c.id)
        .join(attributions, attributions.c.id == claim_members.c.attribution_id)
        .where(attributions.c.article_id.in_(in_story))
        .group_by(claim_rows.c.id, claim_rows.c.position, claim_rows.c.first_seen)).all()
    ranked: dict[str, list[int]] = {p: [] for p in POSITIONS}
    for r in sorted(counted, key=lambda r: (-r.reports, iso(r.first_seen) or "", r.id)):
        ranked[r.position].append(r.id)
    shown = {p: ids[:per_position] for p, ids in ranked.items()}
    found = {c.id: c for c in _claims(conn, sorted(i for ids in shown.values() for i in ids),
                                      articles_in=in_story)}
    by_position = {p: [found[i] for i in ids if i in found] for p, ids in shown.items()}
    return Story(_summary(row), [StoryArticle(a.id, a.url, a.outlet, iso(a.published), a.title)
                                 for a in members],
                 by_position, {p: len(ids) for p, ids in ranked.items()},
                 disagreements(conn, [c for cs in by_position.values() for c in cs]))


def story_of(conn: Connection, article_id: int) -> StorySummary | None:
    """The story an article is in (a story of one article when no other tells it)."""
    row = conn.execute(select(story_rows)
                       .join(story_articles, story_articles.c.story_id == story_rows.c.id)
                       .where(story_articles.c.article_id == article_id)).first()
    return None if row is None else _summary(row)


def _summary(r) -> StorySummary:
    return StorySummary(r.id, r.title, iso(r.first_seen), iso(r.last_seen), r.articles)


def _members(claim_ids: list[int], articles_in: Select | None) -> Select:
    query = (select(claim_members.c.claim_id, claim_members.c.part, claim_members.c.position,
                    claim_members.c.chain, attributions.c.id, attributions.c.local_id,
                    attributions.c.content, attributions.c.polarity,
                    articles.c.id.label("article_id"), articles.c.url, articles.c.outlet,
                    articles.c.published, articles.c.title)
             .join(attributions, attributions.c.id == claim_members.c.attribution_id)
             .join(articles, articles.c.id == attributions.c.article_id)
             .where(claim_members.c.claim_id.in_(claim_ids))
             .order_by(articles.c.published.nulls_last(), attributions.c.id,
                       claim_members.c.part))
    return query if articles_in is None else query.where(articles.c.id.in_(articles_in))


def _claims(conn: Connection, claim_ids: list[int], outlets: Outlets | None = None,
            articles_in: Select | None = None) -> list[Claim]:
    """Claims in the order of ``claim_ids``, with their members (only those in
    ``articles_in`` when given), chain and tree; read CHUNK claims at a time."""
    outlets = outlets or load_outlets(conn)
    out: list[Claim] = []
    for i in range(0, len(claim_ids), CHUNK):
        out += _some_claims(conn, claim_ids[i:i + CHUNK], outlets, articles_in)
    return out


def _some_claims(conn: Connection, claim_ids: list[int], outlets: Outlets,
                 articles_in: Select | None) -> list[Claim]:
    rows = {r.id: r for r in conn.execute(select(claim_rows)
                                          .where(claim_rows.c.id.in_(claim_ids)))}
    members: dict[int, list[Member]] = {}
    cited: dict[int, list[chains.Cited]] = {}
    for r in conn.execute(_members(claim_ids, articles_in)):
        chain = tuple(Identity.from_json(d) for d in r.chain)
        published = iso(r.published)
        members.setdefault(r.claim_id, []).append(Member(
            url=r.url, attribution=r.local_id, attribution_id=r.id, article_id=r.article_id,
            content=statement(r.content, r.part), polarity=r.polarity, position=r.position,
            source=chain[-1].name, via=[i.name for i in chain[:-1]], outlet=r.outlet,
            published=published, title=r.title))
        cited.setdefault(r.claim_id, []).append(chains.Cited(r.article_id, r.url, r.outlet,
                                                                  published, chain))
    out = []
    for claim_id in claim_ids:
        r = rows.get(claim_id)
        if r is None:
            continue
        links = chains.links(cited.get(claim_id, []), outlets)
        out.append(Claim(id=r.id, source=r.source, source_id=r.source_id, polarity=r.polarity,
                         position=r.position, first_seen=iso(r.first_seen),
                         anonymous_only=r.anonymous_only, articles=r.articles,
                         members=members.get(claim_id, []), chain=links,
                         tree=chains.tree(cited.get(claim_id, []), links)))
    return out
