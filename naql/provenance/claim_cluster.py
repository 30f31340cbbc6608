"""Claims: the reports of one statement by one speaker, across articles.

Each report's statement is sketched (MinHash of its shingles) and the signature stored with
it. A run bands the new reports' signatures (LSH) and reads the stored signatures, a page at
a time, to find the stored reports sharing a band with a new one: these pairs are the
candidates. A candidate whose estimated resemblance is low is dropped at once (vectorised);
the others are the same claim when the polarities agree, the statements are near-duplicates
(exact Jaccard of shingles, or the shorter mostly contained in the longer: outlets cut a
statement differently) and the speakers are the same or compatible
(``identity.same_speaker``). Claims are the connected components of these links
(union-find): a new report joins a stored claim or links two, which merge into the older;
nothing clustered before is compared again.

Signatures are stored rather than LSH keys: a key table costs a row per band per report,
which makes writing a large corpus slower than clustering it, while banding stored
signatures again is vectorised and reads 256 bytes a report.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection, bindparam, delete, select, update

from naql.store.schema import articles, attributions, claim_members, claims

from .identity import AliasWords, Identity, Reported, same_speaker
from .outlets import Outlets
from .shingles import shingles, statements
from .sketch import band_keys, from_bytes, hashed, signatures, to_bytes

LSH_THRESHOLD = 0.25  # candidates: reports likely to share this much of their shingles
RESEMBLANCE = 0.2  # a candidate whose estimated Jaccard is lower is not checked
JACCARD = 0.4  # a near-duplicate: this much of the two shingle sets shared
CONTAINED = 0.6  # or this much of the smaller set in the larger (a headline, a cut quote),
MIN_CONTAINED = 10  # when the smaller has at least this many shingles (two or three words)
GROUP_PEERS = 64  # a report is compared with at most this many others of one LSH bucket
PAGE = 50_000  # stored signatures read at a time
CHUNK = 5000  # ids per IN (...) list


@dataclass(slots=True)
class Report:
    """A report as clustering sees it."""

    attribution: int
    part: int  # which of its content's statements (shingles.statements)
    article: int
    polarity: str
    position: str
    reported: Reported
    shingles: np.ndarray  # hashed, sorted, unique
    signature: np.ndarray | None = None
    claim: int | None = None  # its stored claim, for reports of earlier runs


def report_shingles(content: str) -> np.ndarray:
    return hashed(shingles(content))


def _common(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted unique arrays share."""
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return 0
    at = np.minimum(np.searchsorted(b, a), len(b) - 1)
    return int(np.count_nonzero(b[at] == a))


def near_duplicates(a: np.ndarray, b: np.ndarray) -> bool:
    common = _common(a, b)
    if not common:
        return False
    smaller = min(len(a), len(b))
    return (common / (len(a) + len(b) - common) >= JACCARD
            or (smaller >= MIN_CONTAINED and common / smaller >= CONTAINED))


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def cluster(conn: Connection, new: list[Report], outlets: Outlets
            ) -> dict[tuple[int, int], int]:
    """Store ``new`` reports in claims, joining and merging stored ones; returns each new
    report's claim id by (attribution, part)."""
    if not new:
        return {}
    for r, sig in zip(new, signatures([r.shingles for r in new])):
        r.signature = sig
    keys = band_keys(np.stack([r.signature for r in new]), LSH_THRESHOLD)
    reports = new + _stored_candidates(conn, keys)
    sigs = np.stack([r.signature for r in reports])
    pairs = _candidates(band_keys(sigs, LSH_THRESHOLD), len(new))
    pairs = _resembling(pairs, sigs)
    words = AliasWords(conn)
    words.load(i.source for k in np.unique(pairs).tolist() for i in reports[k].reported.chain)

    links = _UnionFind(len(reports))
    first_of_claim: dict[int, int] = {}
    for i in range(len(new), len(reports)):
        links.union(i, first_of_claim.setdefault(reports[i].claim, i))
    for i, j in pairs.tolist():
        if links.find(i) != links.find(j) and _same_claim(reports[i], reports[j], words, outlets):
            links.union(i, j)
    components: dict[int, list[int]] = {}
    for i in range(len(reports)):
        components.setdefault(links.find(i), []).append(i)
    return _write(conn, new, reports, components.values())


def _same_claim(a: Report, b: Report, words: AliasWords, outlets: Outlets) -> bool:
    return (a.polarity == b.polarity and near_duplicates(a.shingles, b.shingles)
            and same_speaker(a.reported, b.reported, words, outlets))


def _candidates(keys: np.ndarray, n: int) -> np.ndarray:
    """Pairs (i, j), i < j, of reports sharing a band key, at least one new (index < n)."""
    m, bands = keys.shape
    flat = keys.ravel()
    owner = np.repeat(np.arange(m), bands)
    order = np.argsort(flat, kind="stable")
    flat, owner = flat[order], owner[order]
    starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
    sizes = np.diff(np.concatenate((starts, [len(flat)])))
    found = [np.empty((0, 2), dtype=np.int64)]
    for k in np.unique(sizes[sizes > 1]).tolist():
        groups = owner[starts[sizes == k][:, None] + np.arange(k)]  # one row per bucket
        x, y = np.triu_indices(k, 1)
        near = y - x <= GROUP_PEERS
        found.append(np.stack((groups[:, x[near]].ravel(), groups[:, y[near]].ravel()), axis=1))
    pairs = np.sort(np.concatenate(found), axis=1)
    pairs = pairs[(pairs[:, 0] < n) & (pairs[:, 0] != pairs[:, 1])]
    codes = np.unique(pairs[:, 0].astype(np.int64) * m + pairs[:, 1])
    return np.stack((codes // m, codes % m), axis=1)


def _resembling(pairs: np.ndarray, sigs: np.ndarray, chunk: int = 500_000) -> np.ndarray:
    """The pairs whose estimated Jaccard is at least RESEMBLANCE, most alike first."""
    kept, scores = [], []
    for lo in range(0, len(pairs), chunk):
        p = pairs[lo:lo + chunk]
        est = (sigs[p[:, 0]] == sigs[p[:, 1]]).mean(axis=1)
        kept.append(p[est >= RESEMBLANCE])
        scores.append(est[est >= RESEMBLANCE])
    if not kept:
        return pairs
    pairs, score = np.concatenate(kept), np.concatenate(scores)
    return pairs[np.argsort(-score, kind="stable")]


def _stored_candidates(conn: Connection, keys: np.ndarray) -> list[Report]:
    """Stored reports sharing a band key with a new one: their signatures are banded a page
    at a time, the rest of them read only for those that match."""
    wanted = np.unique(keys)
    matched: dict[tuple[int, int], np.ndarray] = {}
    result = conn.execution_options(yield_per=PAGE).execute(
        select(claim_members.c.attribution_id, claim_members.c.part, claim_members.c.signature))
    for page in result.partitions():
        sigs = np.stack([from_bytes(r.signature) for r in page])
        hit = np.isin(band_keys(sigs, LSH_THRESHOLD), wanted).any(axis=1)
        matched.update(((page[k].attribution_id, page[k].part), sigs[k])
                       for k in np.flatnonzero(hit).tolist())
    return _stored_reports(conn, matched)


def _stored_reports(conn: Connection, matched: dict[tuple[int, int], np.ndarray]
                    ) -> list[Report]:
    ids = sorted({a for a, _ in matched})
    out = []
    for i in range(0, len(ids), CHUNK):
        for r in conn.execute(
                select(attributions.c.id, attributions.c.article_id, attributions.c.polarity,
                       attributions.c.content, articles.c.outlet, claim_members.c.part,
                       claim_members.c.claim_id, claim_members.c.position, claim_members.c.chain)
                .join(claim_members, claim_members.c.attribution_id == attributions.c.id)
                .join(articles, articles.c.id == attributions.c.article_id)
                .where(attributions.c.id.in_(ids[i:i + CHUNK]))):
            if (r.id, r.part) in matched:
                out.append(Report(r.id, r.part, r.article_id, r.polarity, r.position,
                                  Reported(r.outlet, _chain(r.chain)),
                                  report_shingles(statements(r.content)[r.part]),
                                  matched[r.id, r.part], r.claim_id))
    return out


def _chain(stored: list[dict[str, Any]]) -> tuple[Identity, ...]:
    return tuple(Identity.from_json(d) for d in stored)


# --- writing ---------------------------------------------------------------------------------

def _write(conn: Connection, new: list[Report], reports: list[Report],
           components: Sequence[list[int]]) -> dict[tuple[int, int], int]:
    n = len(new)
    assigned: dict[tuple[int, int], int] = {}
    fresh: list[list[Report]] = []
    refresh: set[int] = set()
    for members in components:
        added = [reports[i] for i in members if i < n]
        if not added:
            continue
        held = sorted({reports[i].claim for i in members if i >= n})
        if not held:
            fresh.append(added)
            continue
        target, merged = held[0], held[1:]
        if merged:
            conn.execute(update(claim_members).where(claim_members.c.claim_id.in_(merged))
                         .values(claim_id=target))
            conn.execute(delete(claims).where(claims.c.id.in_(merged)))
        assigned.update(((r.attribution, r.part), target) for r in added)
        refresh.add(target)

    published = _published(conn, sorted({r.article for group in fresh for r in group}))
    if fresh:
        ids = conn.execute(claims.insert().returning(claims.c.id, sort_by_parameter_order=True),
                           [summary([_facts(r, published) for r in group]) for group in fresh]
                           ).scalars().all()
        for claim_id, group in zip(ids, fresh):
            assigned.update(((r.attribution, r.part), claim_id) for r in group)
    conn.execute(claim_members.insert(), [
        {"attribution_id": r.attribution, "part": r.part,
         "claim_id": assigned[r.attribution, r.part], "position": r.position,
         "chain": [i.to_json() for i in r.reported.chain], "signature": to_bytes(r.signature)}
        for r in new])
    refresh_claims(conn, sorted(refresh))
    return assigned


@dataclass(frozen=True, slots=True)
class Facts:
    """What a claim's summary is made of, for one member."""

    source: Identity
    polarity: str
    position: str
    published: datetime | None
    article: int


def _facts(r: Report, published: dict[int, datetime | None]) -> Facts:
    return Facts(r.reported.speaker, r.polarity, r.position, published.get(r.article), r.article)


def _published(conn: Connection, article_ids: list[int]) -> dict[int, datetime | None]:
    out: dict[int, datetime | None] = {}
    for i in range(0, len(article_ids), CHUNK):
        out.update(conn.execute(select(articles.c.id, articles.c.published)
                                .where(articles.c.id.in_(article_ids[i:i + CHUNK]))).all())
    return out


def summary(members: list[Facts]) -> dict[str, Any]:
    """A claim's row: its speaker as fully named as a member names it (the most reported
    stored source, else an outlet, else an unnamed description), the members' position,
    when it was first seen, and whether it rests only on unnamed sources."""
    members = sorted(members, key=lambda m: (m.published is None, m.published or datetime.min))
    named = [m.source for m in members if not m.source.anonymous and not m.source.outlet]
    speakers = named or [m.source for m in members if m.source.outlet] or [m.source for m in members]
    top = Counter(s.source for s in speakers if s.source is not None).most_common(1)
    if top:
        speakers = [s for s in speakers if s.source == top[0][0]]
    speaker = max(speakers, key=lambda s: len(s.name.split()))
    positions = Counter(m.position for m in members)
    best = max(positions.values())
    return {
        "source": speaker.name, "source_id": speaker.source if named else None,
        "polarity": members[0].polarity,
        "position": next(m.position for m in members if positions[m.position] == best),
        "first_seen": members[0].published, "members": len(members),
        "articles": len({m.article for m in members}),
        "anonymous_only": not named and any(m.source.anonymous for m in members),
    }


def refresh_claims(conn: Connection, claim_ids: list[int]) -> None:
    """Recompute the summaries of stored claims that gained or merged members."""
    for i in range(0, len(claim_ids), CHUNK):
        part = claim_ids[i:i + CHUNK]
        by_claim: dict[int, list[Facts]] = {}
        for r in conn.execute(
                select(claim_members.c.claim_id, claim_members.c.chain, claim_members.c.position,
                       attributions.c.polarity, attributions.c.article_id, articles.c.published)
                .join(attributions, attributions.c.id == claim_members.c.attribution_id)
                .join(articles, articles.c.id == attributions.c.article_id)
                .where(claim_members.c.claim_id.in_(part))):
            by_claim.setdefault(r.claim_id, []).append(Facts(
                Identity.from_json(r.chain[-1]), r.polarity, r.position, r.published,
                r.article_id))
        if by_claim:
            conn.execute(update(claims).where(claims.c.id == bindparam("claim_id")),
                         [{"claim_id": c, **summary(m)} for c, m in by_claim.items()])
