"""Reading claims and stories (for the command line, exports and the web reader). Reads
only: ``naql.provenance.update`` brings them up to date with the stored articles."""
from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, Select, select

from naql.store.queries import iso, matching_sources
from naql.store.schema import articles, attributions, claim_members, story_articles
from naql.store.schema import claims as claims_table
from naql.store.schema import stories as stories_table

from . import chains
from .identity import Identity
from .model import Claim, Link, Member, Story, StoryArticle, StorySummary
from .outlets import Outlets, load as load_outlets
from .positions import POSITIONS
from .shingles import statements

CHUNK = 500


def claims(conn: Connection, source: str | None = None, anonymous_only: bool = False,
                min_articles: int = 2, limit: int | None = 20, offset: int = 0) -> list[Claim]:
    """Claims reported by at least ``min_articles`` articles, most reported first; only a
    source's (any spelling, as ``naql quotes`` matches them) or only those resting on
    unnamed sources."""
    query = select(claims_table.c.id).where(claims_table.c.articles >= min_articles)
    if source is not None:
        query = query.where(claims_table.c.source_id.in_(matching_sources(conn, source)))
    if anonymous_only:
        query = query.where(claims_table.c.anonymous_only.is_(True))
    ids = conn.execute(query.order_by(claims_table.c.articles.desc(), claims_table.c.first_seen.desc(),
                                      claims_table.c.id).limit(limit).offset(offset)).scalars().all()
    return _claims(conn, ids)


def claim(conn: Connection, claim_id: int) -> Claim | None:
    found = _claims(conn, [claim_id])
    return found[0] if found else None


def claims_of(conn: Connection, attribution_id: int) -> list[int]:
    """The claims a stored attribution reports, one per statement of its content (none for
    carriers and articles not yet processed)."""
    return conn.execute(select(claim_members.c.claim_id)
                        .where(claim_members.c.attribution_id == attribution_id)
                        .order_by(claim_members.c.part)).scalars().all()


def chain_links(conn: Connection) -> Iterator[Link]:
    """Every chain link of every claim reported by more than one article."""
    last = 0
    outlets = load_outlets(conn)
    while ids := conn.execute(select(claims_table.c.id).where(claims_table.c.articles > 1, claims_table.c.id > last)
                              .order_by(claims_table.c.id).limit(CHUNK)).scalars().all():
        last = ids[-1]
        for c in _claims(conn, ids, outlets):
            yield from c.chain


def stories(conn: Connection, min_articles: int = 2, limit: int | None = 20, offset: int = 0
                 ) -> list[StorySummary]:
    """Stories of at least ``min_articles`` articles, newest first."""
    rows = conn.execute(select(stories_table).where(stories_table.c.articles >= min_articles)
                        .order_by(stories_table.c.first_seen.desc().nulls_last(), stories_table.c.id.desc())
                        .limit(limit).offset(offset)).all()
    return [_summary(r) for r in rows]


def story(conn: Connection, story_id: int) -> Story | None:
    row = conn.execute(select(stories_table).where(stories_table.c.id == story_id)).first()
    if row is None:
        return None
    members = conn.execute(
        select(articles.c.id, articles.c.url, articles.c.outlet, articles.c.published,
               articles.c.title)
        .join(story_articles, story_articles.c.article_id == articles.c.id)
        .where(story_articles.c.story_id == story_id)
        .order_by(articles.c.published.nulls_last(), articles.c.id)).all()
    in_story = [a.id for a in members]
    claim_ids = conn.execute(
        select(claim_members.c.claim_id).distinct()
        .join(attributions, attributions.c.id == claim_members.c.attribution_id)
        .where(attributions.c.article_id.in_(in_story))).scalars().all()
    positions: dict[str, list[Claim]] = {p: [] for p in POSITIONS}
    for c in _claims(conn, sorted(claim_ids), articles_in=in_story):
        positions[c.position].append(c)
    for cs in positions.values():
        cs.sort(key=lambda c: (-len(c.members), c.first_seen or "", c.id))
    return Story(_summary(row), [StoryArticle(a.id, a.url, a.outlet, iso(a.published), a.title)
                                 for a in members], positions)


def story_of(conn: Connection, article_id: int) -> int | None:
    return conn.execute(select(story_articles.c.story_id)
                        .where(story_articles.c.article_id == article_id)).scalar()


def _summary(r) -> StorySummary:
    return StorySummary(r.id, r.title, iso(r.first_seen), iso(r.last_seen), r.articles)


def _members(claim_ids: list[int], articles_in: list[int] | None) -> Select:
    query = (select(claim_members.c.claim_id, claim_members.c.part, claim_members.c.position,
                    claim_members.c.chain, attributions.c.id, attributions.c.local_id, attributions.c.content,
                    attributions.c.polarity, articles.c.url, articles.c.outlet,
                    articles.c.published, articles.c.title)
             .join(attributions, attributions.c.id == claim_members.c.attribution_id)
             .join(articles, articles.c.id == attributions.c.article_id)
             .where(claim_members.c.claim_id.in_(claim_ids))
             .order_by(articles.c.published.nulls_last(), attributions.c.id,
                       claim_members.c.part))
    return query if articles_in is None else query.where(articles.c.id.in_(articles_in))


def _claims(conn: Connection, claim_ids: list[int], outlets: Outlets | None = None,
            articles_in: list[int] | None = None) -> list[Claim]:
    """Claims in the order of ``claim_ids``, with their members (only those in
    ``articles_in`` when given), chain and tree."""
    if not claim_ids:
        return []
    outlets = outlets or load_outlets(conn)
    rows = {r.id: r for r in conn.execute(select(claims_table)
                                          .where(claims_table.c.id.in_(claim_ids)))}
    members: dict[int, list[Member]] = {}
    cited: dict[int, list[chains.Cited]] = {}
    for r in conn.execute(_members(claim_ids, articles_in)):
        chain = tuple(Identity.from_json(d) for d in r.chain)
        published = iso(r.published)
        members.setdefault(r.claim_id, []).append(Member(
            url=r.url, attribution=r.local_id, attribution_id=r.id,
            content=statements(r.content)[r.part],
            polarity=r.polarity, position=r.position, source=chain[-1].name,
            via=[i.name for i in chain[:-1]], outlet=r.outlet, published=published,
            title=r.title))
        cited.setdefault(r.claim_id, []).append(chains.Cited(r.url, r.outlet, published, chain))
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
