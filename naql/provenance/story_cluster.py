"""Stories: the articles about one event.

Two articles are one story when they appeared within three days of each other and their
words overlap: enough on their own (OVERLAP), or less when they carry reports of one claim
(WITH_CLAIM); or when what their reports say is about one thing (the cosine of their
topics, the mean of their reports' vectors, at least TOPIC), which also links an undated
article to the others, as outlets retell one event in words of their own. Overlap is the share of the smaller article's words found in the other, so a
short denial belongs to the story it denies; it is estimated from MinHash signatures and
word counts stored per article, so a new article is compared with earlier ones without
reading them again. Stories are connected components: a new article joins, or merges, the
stories it links to. Articles without a date join a story only through a shared claim or topic.
A story spans at most MAX_SPAN: links chain, and a topic covered day after day would
otherwise become one story of months; past that span its coverage starts a new story.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from sqlalchemy import Connection, bindparam, func, select, update

from naql.store.schema import articles, attributions, claim_members, claims, stories, story_articles

from . import meaning
from .components import Components, Outcome, merge
from .neighbours import days, near, on_day, windows
from .shingles import statement
from .sketch import from_bytes, resemblance, to_bytes

WINDOW = timedelta(days=3)
MAX_SPAN = timedelta(days=14)
OVERLAP = 0.25
WITH_CLAIM = 0.1
TOPIC = 0.7  # reports of one event: most pairs of stories' articles fall below 0.55
CHUNK = 5000
TITLE_WORDS = 14  # a story named after a claim: its first words


@dataclass(slots=True)
class Piece:
    """An article as story clustering sees it."""

    article: int
    published: datetime | None
    signature: np.ndarray
    words: int
    claims: frozenset[int]
    topic: np.ndarray | None  # the mean of its reports' vectors, unit length; None without
    story: int | None = None  # its stored story, for articles of earlier runs


def overlap(sig: np.ndarray, words: int, sigs: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Estimated share of the smaller article's words in the other: one article (signature,
    word count) against others (``sigs``, ``sizes``)."""
    j = resemblance(sig, sigs)
    common = j * (words + sizes) / (1 + j)
    return common / np.maximum(1, np.minimum(words, sizes))


def add(conn: Connection, new: list[Piece]) -> None:
    """Store ``new`` articles in stories, joining and merging stored ones."""
    if not new:
        return
    pieces = new + _stored_pieces(conn, new)
    held = [p.story for p in pieces[len(new):]]
    links = Components(len(new), held)
    stored = _spans(conn, set(held))
    spans = _Spans(links, [(p.published, p.published) for p in new]
                   + [stored.get(story, (None, None)) for story in held])
    for i, j in (*_links(pieces, len(new)), *_topical(pieces, len(new))):
        spans.union(i, j)
    _write(conn, new, links.outcome())


Span = tuple[datetime | None, datetime | None]  # first and last date; None when undated


class _Spans:
    """Unions that keep every story within MAX_SPAN: a link that would stretch one further
    is not made."""

    def __init__(self, links: Components, spans: list[Span]) -> None:
        self.links = links
        self.span: dict[int, Span] = {}
        for i, span in enumerate(spans):
            root = links.find(i)
            self.span[root] = _joined(self.span.get(root, (None, None)), span)

    def union(self, i: int, j: int) -> None:
        a, b = self.links.find(i), self.links.find(j)
        if a == b:
            return
        first, last = span = _joined(self.span[a], self.span[b])
        if first is not None and last - first > MAX_SPAN:
            return
        self.links.union(a, b)
        self.span[self.links.find(a)] = span


def _joined(a: Span, b: Span) -> Span:
    firsts = [t for t in (a[0], b[0]) if t is not None]
    lasts = [t for t in (a[1], b[1]) if t is not None]
    return (min(firsts), max(lasts)) if firsts else (None, None)


def _spans(conn: Connection, story_ids: set[int]) -> dict[int, Span]:
    ids = sorted(story_ids)
    return {r.id: (r.first_seen, r.last_seen)
            for i in range(0, len(ids), CHUNK)
            for r in conn.execute(select(stories.c.id, stories.c.first_seen, stories.c.last_seen)
                                  .where(stories.c.id.in_(ids[i:i + CHUNK])))}


def _links(pieces: list[Piece], n: int) -> Iterable[tuple[int, int]]:
    """Pairs (new, other) of linked articles: dated ones within the window by their words,
    and any with an undated one through a shared claim. Each pair of new ones once."""
    sizes = np.array([p.words for p in pieces], dtype=np.float64)
    dated = sorted((p.published, i) for i, p in enumerate(pieces) if p.published is not None)
    times = [t for t, _ in dated]
    order = np.array([i for _, i in dated], dtype=np.int64)
    sigs = np.stack([pieces[i].signature for _, i in dated]) if dated else None
    undated = [j for j, q in enumerate(pieces) if q.published is None]
    for i, p in enumerate(pieces[:n]):
        if p.published is not None:
            lo = bisect_left(times, p.published - WINDOW)
            hi = bisect_right(times, p.published + WINDOW)
            later = order[lo:hi] > i
            yield from _linked(p, i, pieces, order[lo:hi][later], sigs[lo:hi][later], sizes,
                               OVERLAP)
        others = [j for j in (range(len(pieces)) if p.published is None else undated)
                  if j > i and p.claims & pieces[j].claims]
        if others:
            yield from _linked(p, i, pieces, np.array(others),
                               np.stack([pieces[j].signature for j in others]), sizes,
                               WITH_CLAIM)


def _topical(pieces: list[Piece], n: int) -> list[tuple[int, int]]:
    """Pairs (new, other) of articles about one thing by what their reports say."""
    with_topic = [i for i, p in enumerate(pieces) if p.topic is not None]
    new = [i for i in with_topic if i < n]
    if not new:
        return []
    when = np.array([days(pieces[i].published) for i in with_topic])
    topics = np.stack([pieces[i].topic for i in with_topic])
    i, j, _ = near(topics[:len(new)], when[:len(new)], topics, when, TOPIC, WINDOW.days)
    return [(with_topic[a], with_topic[b]) for a, b in zip(i.tolist(), j.tolist()) if a != b]


def _linked(p: Piece, i: int, pieces: list[Piece], others: np.ndarray, sigs: np.ndarray,
            sizes: np.ndarray, alone: float) -> Iterable[tuple[int, int]]:
    scores = overlap(p.signature, p.words, sigs, sizes[others])
    for k in np.flatnonzero(scores >= min(alone, WITH_CLAIM)).tolist():
        j = int(others[k])
        if scores[k] >= alone or p.claims & pieces[j].claims:
            yield i, j


def _stored_pieces(conn: Connection, new: list[Piece]) -> list[Piece]:
    """Stored articles that a new one may link to: in its window, or sharing a claim."""
    stored = (select(story_articles, articles.c.published)
              .join(articles, articles.c.id == story_articles.c.article_id))
    rows = {r.article_id: r
            for start, end in windows(sorted(days(p.published) for p in new if p.published),
                                      WINDOW.days)
            for r in conn.execute(stored.where(articles.c.published.between(on_day(start),
                                                                            on_day(end))))}
    if any(p.published is None and p.topic is not None for p in new):  # any may be its story
        rows.update((r.article_id, r) for r in conn.execute(
            stored.where(story_articles.c.topic.is_not(None))) if r.article_id not in rows)
    else:  # undated ones may be of a new article's story
        rows.update((r.article_id, r) for r in conn.execute(
            stored.where(articles.c.published.is_(None), story_articles.c.topic.is_not(None))))
    claim_ids = sorted({c for p in new for c in p.claims})
    for i in range(0, len(claim_ids), CHUNK):
        sharing = (select(attributions.c.article_id)
                   .join(claim_members, claim_members.c.attribution_id == attributions.c.id)
                   .where(claim_members.c.claim_id.in_(claim_ids[i:i + CHUNK])))
        for r in conn.execute(stored.where(story_articles.c.article_id.in_(sharing))):
            rows.setdefault(r.article_id, r)
    claims = _article_claims(conn, list(rows))
    return [Piece(r.article_id, r.published, from_bytes(r.signature), r.words,
                  claims.get(r.article_id, frozenset()), _topic(r.topic), r.story_id)
            for r in rows.values()]


def _topic(blob: bytes | None) -> np.ndarray | None:
    rows = meaning.from_bytes(blob)
    return rows[0] if len(rows) else None


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


def _write(conn: Connection, new: list[Piece], outcome: Outcome) -> None:
    merge(conn, story_articles.c.story_id, stories, outcome.merged)
    story_of = {i: story for story, added in outcome.joined.items() for i in added}
    ids = conn.execute(stories.insert().returning(stories.c.id, sort_by_parameter_order=True),
                       [{"articles": len(group)} for group in outcome.fresh]
                       ).scalars().all() if outcome.fresh else []
    story_of.update((i, story) for story, group in zip(ids, outcome.fresh) for i in group)
    conn.execute(story_articles.insert(), [
        {"article_id": p.article, "story_id": story_of[i], "signature": to_bytes(p.signature),
         "words": p.words, "topic": None if p.topic is None else meaning.to_bytes(p.topic)}
        for i, p in enumerate(new)])
    _refresh(conn, sorted({*outcome.joined, *ids}))


def _refresh(conn: Connection, story_ids: list[int]) -> None:
    """Each story's title (its earliest titled article's, else its most-reported claim),
    first and last dates, size."""
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
            s = summary.setdefault(r.story_id, {"story_id": r.story_id, "title": None,
                                                "first_seen": r.published,
                                                "last_seen": r.published, "articles": 0})
            s["articles"] += 1
            s["title"] = s["title"] or r.title
            if r.published is not None:
                s["last_seen"] = max(s["last_seen"] or r.published, r.published)
        untitled = [story for story, s in summary.items() if not s["title"]]
        for story, title in _claim_titles(conn, untitled).items():
            summary[story]["title"] = title
        if summary:
            conn.execute(update(stories).where(stories.c.id == bindparam("story_id")),
                         list(summary.values()))


def _claim_titles(conn: Connection, story_ids: list[int]) -> dict[int, str]:
    """A title for each story of ``story_ids`` that has claims: its most-reported claim
    (in most of its articles; the first clustered on a tie), as "speaker: statement" in the
    words of its earliest report, cut to TITLE_WORDS words."""
    if not story_ids:
        return {}
    reports = func.count(func.distinct(attributions.c.article_id)).label("reports")
    best: dict[int, int] = {}
    for story, claim, _ in conn.execute(
            select(story_articles.c.story_id, claim_members.c.claim_id, reports)
            .join(attributions, attributions.c.article_id == story_articles.c.article_id)
            .join(claim_members, claim_members.c.attribution_id == attributions.c.id)
            .where(story_articles.c.story_id.in_(story_ids))
            .group_by(story_articles.c.story_id, claim_members.c.claim_id)
            .order_by(story_articles.c.story_id, reports.desc(), claim_members.c.claim_id)):
        best.setdefault(story, claim)
    said: dict[int, str] = {}
    for r in conn.execute(
            select(claim_members.c.claim_id, claim_members.c.part, claims.c.source,
                   attributions.c.content)
            .join(claims, claims.c.id == claim_members.c.claim_id)
            .join(attributions, attributions.c.id == claim_members.c.attribution_id)
            .join(articles, articles.c.id == attributions.c.article_id)
            .where(claim_members.c.claim_id.in_(set(best.values())))
            .order_by(articles.c.published.nulls_last(), attributions.c.id, claim_members.c.part)):
        if r.claim_id not in said:
            words = f"{r.source}: {statement(r.content, r.part)}".split()
            said[r.claim_id] = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    return {story: said[claim] for story, claim in best.items() if claim in said}
