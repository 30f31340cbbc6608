"""Stories: the articles about one event.

Two articles are one story when they appeared within three days of each other and their
words overlap: enough on their own (OVERLAP), or less when they carry reports of one claim
(WITH_CLAIM). Overlap is the share of the smaller article's words found in the other, so a
short denial belongs to the story it denies; it is estimated from MinHash signatures and
word counts stored per article, so a new article is compared with earlier ones without
reading them again. Stories are connected components: a new article joins, or merges, the
stories it links to. Articles without a date join a story only through a shared claim.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from sqlalchemy import Connection, bindparam, delete, or_, select, update

from naql.store.schema import articles, attributions, claim_members, stories, story_articles

from .sketch import from_bytes, resemblance, to_bytes

WINDOW = timedelta(days=3)
OVERLAP = 0.25
WITH_CLAIM = 0.1
CHUNK = 5000


@dataclass(slots=True)
class Piece:
    """An article as story clustering sees it."""

    article: int
    published: datetime | None
    signature: np.ndarray
    words: int
    claims: frozenset[int]
    story: int | None = None  # its stored story, for articles of earlier runs


def overlap(a: Piece, others: list[Piece], sigs: np.ndarray) -> np.ndarray:
    """Estimated share of the smaller article's words in the other, for each of ``others``
    (``sigs`` their signatures)."""
    j = resemblance(a.signature, sigs)
    sizes = np.fromiter((o.words for o in others), dtype=np.float64, count=len(others))
    common = j * (a.words + sizes) / (1 + j)
    return common / np.maximum(1, np.minimum(a.words, sizes))


def add(conn: Connection, new: list[Piece]) -> None:
    """Store ``new`` articles in stories, joining and merging stored ones."""
    if not new:
        return
    pieces = new + _stored_pieces(conn, new)
    n = len(new)
    parent = list(range(len(pieces)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of_story: dict[int, int] = {}
    for i in range(n, len(pieces)):
        parent[find(i)] = find(first_of_story.setdefault(pieces[i].story, i))
    for i, j in _links(pieces, n):
        parent[find(i)] = find(j)

    components: dict[int, list[int]] = {}
    for i in range(len(pieces)):
        components.setdefault(find(i), []).append(i)
    _write(conn, pieces, n, components.values())


def _links(pieces: list[Piece], n: int) -> Iterable[tuple[int, int]]:
    """Pairs (new, other) of linked articles: dated ones within the window by their words,
    and any with an undated one through a shared claim. Each pair of new ones once."""
    dated = sorted((p.published, i) for i, p in enumerate(pieces) if p.published is not None)
    times = [t for t, _ in dated]
    sigs = np.stack([pieces[i].signature for _, i in dated]) if dated else None
    undated = [j for j, q in enumerate(pieces) if q.published is None]
    for i, p in enumerate(pieces[:n]):
        if p.published is not None:
            lo = bisect_left(times, p.published - WINDOW)
            rows = [k for k in range(lo, bisect_right(times, p.published + WINDOW))
                    if dated[k][1] > i]
            near = [dated[k][1] for k in rows]
            yield from _linked(p, i, pieces, near, sigs[rows], OVERLAP)
        others = [j for j in (range(len(pieces)) if p.published is None else undated)
                  if j > i and p.claims & pieces[j].claims]
        if others:
            yield from _linked(p, i, pieces, others,
                               np.stack([pieces[j].signature for j in others]), WITH_CLAIM)


def _linked(p: Piece, i: int, pieces: list[Piece], others: list[int], sigs: np.ndarray,
            alone: float) -> Iterable[tuple[int, int]]:
    if not others:
        return
    scores = overlap(p, [pieces[j] for j in others], sigs)
    for j, score in zip(others, scores.tolist()):
        if score >= alone or (score >= WITH_CLAIM and p.claims & pieces[j].claims):
            yield i, j


def _stored_pieces(conn: Connection, new: list[Piece]) -> list[Piece]:
    """Stored articles that a new one may link to: in its window, or sharing a claim."""
    shared = (select(attributions.c.article_id)
              .join(claim_members, claim_members.c.attribution_id == attributions.c.id)
              .where(claim_members.c.claim_id.in_(sorted({c for p in new for c in p.claims}))))
    near = [articles.c.published.between(start, end)
            for start, end in _windows(sorted(p.published for p in new if p.published))]
    rows = conn.execute(
        select(story_articles, articles.c.published)
        .join(articles, articles.c.id == story_articles.c.article_id)
        .where(or_(story_articles.c.article_id.in_(shared), *near))).all()
    claims = _article_claims(conn, [r.article_id for r in rows])
    return [Piece(r.article_id, r.published, from_bytes(r.signature), r.words,
                  claims.get(r.article_id, frozenset()), r.story_id) for r in rows]


def _windows(times: list[datetime]) -> list[tuple[datetime, datetime]]:
    """The windows around sorted ``times``, overlapping ones merged."""
    out: list[tuple[datetime, datetime]] = []
    for t in times:
        if out and t - WINDOW <= out[-1][1]:
            out[-1] = (out[-1][0], t + WINDOW)
        else:
            out.append((t - WINDOW, t + WINDOW))
    return out


def _article_claims(conn: Connection, article_ids: list[int]) -> dict[int, frozenset[int]]:
    """The claims each article reports."""
    out: dict[int, set[int]] = {}
    for i in range(0, len(article_ids), CHUNK):
        for article, claim in conn.execute(
                select(attributions.c.article_id, claim_members.c.claim_id)
                .join(claim_members, claim_members.c.attribution_id == attributions.c.id)
                .where(attributions.c.article_id.in_(article_ids[i:i + CHUNK]))):
            out.setdefault(article, set()).add(claim)
    return {a: frozenset(c) for a, c in out.items()}


def _write(conn: Connection, pieces: list[Piece], n: int, components: Iterable[list[int]]
           ) -> None:
    story_of: dict[int, int] = {}
    touched: set[int] = set()
    fresh: list[list[int]] = []
    for members in components:
        added = [i for i in members if i < n]
        if not added:
            continue
        held = sorted({pieces[i].story for i in members if i >= n})
        if not held:
            fresh.append(added)
            continue
        target, merged = held[0], held[1:]
        if merged:
            conn.execute(update(story_articles).where(story_articles.c.story_id.in_(merged))
                         .values(story_id=target))
            conn.execute(delete(stories).where(stories.c.id.in_(merged)))
        story_of.update((i, target) for i in added)
        touched.add(target)
    if fresh:
        ids = conn.execute(stories.insert().returning(stories.c.id, sort_by_parameter_order=True),
                           [{"articles": len(group)} for group in fresh]).scalars().all()
        for story_id, group in zip(ids, fresh):
            story_of.update((i, story_id) for i in group)
        touched.update(ids)
    conn.execute(story_articles.insert(), [
        {"article_id": pieces[i].article, "story_id": story_of[i],
         "signature": to_bytes(pieces[i].signature), "words": pieces[i].words}
        for i in range(n)])
    _refresh(conn, sorted(touched))


def _refresh(conn: Connection, story_ids: list[int]) -> None:
    """Each story's title (its earliest article's), first and last dates, size."""
    for i in range(0, len(story_ids), CHUNK):
        part = story_ids[i:i + CHUNK]
        rows = conn.execute(
            select(story_articles.c.story_id, articles.c.title, articles.c.published)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(story_articles.c.story_id.in_(part))
            .order_by(story_articles.c.story_id, articles.c.published.nulls_last(),
                      articles.c.id)).all()
        summary: dict[int, dict] = {}
        for r in rows:
            s = summary.setdefault(r.story_id, {"story_id": r.story_id, "title": r.title,
                                                "first_seen": r.published,
                                                "last_seen": r.published, "articles": 0})
            s["articles"] += 1
            if r.published is not None:
                s["last_seen"] = max(s["last_seen"] or r.published, r.published)
        if summary:
            conn.execute(update(stories).where(stories.c.id == bindparam("story_id")),
                         list(summary.values()))
