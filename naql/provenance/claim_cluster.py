"""Claims: the reports of one statement by one origin, across articles.

Two signals propose candidate pairs. Meaning: each report's vector (``meaning``), compared
with the reports of its time window by matrix products (``neighbours``); and characters:
each report's statement is sketched (MinHash of its shingles, the signature stored with
it), and LSH bands find near-copies among new and stored reports. A candidate pair is the
same claim when (``_same_claim``) the two have one polarity (assert or deny: a hedged
report of a statement reports it), give no different figures, were published within the window, have no conflicting origins
(``identity.origins``), and either mean the same (cosine at least MEANING, whatever their
origins, which may be unnamed) or have the same origin and mean nearly the same (cosine
at least SAME_ORIGIN, or near-duplicate statements about one thing: outlets cut one
statement differently, while a name or a fragment contained in a statement is no copy of
it). Claims are the connected components of these links (union-find): a new
report joins a stored claim or links two, which merge into the older; nothing clustered
before is compared again.

The thresholds were calibrated on real coverage of ten events by four to six outlets each
(../shared/gold/provenance): between reports of one claim the cosine is often low (outlets
quote different parts of one statement), while reports of different claims of one story
share its topic, so meaning alone links only close paraphrases, and origins decide the rest.

Signatures are stored rather than LSH keys: a key table costs a row per band per report
(forty here), which makes writing a corpus slower than clustering it, while banding stored
signatures again is vectorised and reads 512 bytes a report.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection, bindparam, or_, select, update

from naql.store.schema import articles, attributions, claim_members, claims

from . import meaning
from .components import Components, Outcome, merge
from .divergence import ONE_THING, figures_agree
from .identity import CONFLICT, SAME, AliasWords, Identity, Reported, Words, origins
from .neighbours import days, near, on_day, windows
from .outlets import Outlets
from .shingles import figures, statement, statement_shingles
from .sketch import band_keys, distinct, from_bytes, signatures, to_bytes

MEANING = 0.8  # the same claim by meaning alone: a close paraphrase
SAME_ORIGIN = 0.7  # by one origin: nearly the same meaning
WINDOW_DAYS = 3.0  # one story's reports appear within days of each other
LSH_THRESHOLD = 0.25  # candidates: reports likely to share this much of their shingles
MARGIN = 0.1  # how far a MinHash estimate (128 values) may fall below the true Jaccard
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
    figures: frozenset[str]  # the numbers it gives
    vector: np.ndarray  # what it means (meaning.encode)
    days: float  # its article's date (neighbours.days), NaN when unknown
    signature: np.ndarray | None = None
    claim: int | None = None  # its stored claim, for reports of earlier runs


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


def cluster(conn: Connection, new: list[Report], outlets: Outlets
            ) -> dict[tuple[int, int], int]:
    """Store ``new`` reports in claims, joining and merging stored ones; returns each new
    report's claim id by (attribution, part)."""
    if not new:
        return {}
    for r, sig in zip(new, signatures([r.shingles for r in new])):
        r.signature = sig
    keys = band_keys(np.stack([r.signature for r in new]), LSH_THRESHOLD)
    reports = new + _stored_reports(conn, _stored_candidates(conn, keys)
                                    | _stored_neighbours(conn, new))
    sigs = np.stack([r.signature for r in reports])
    vecs = np.stack([r.vector for r in reports])
    pairs = _resembling(_candidates(band_keys(sigs, LSH_THRESHOLD), len(new)), reports, sigs)
    when = np.array([r.days for r in reports])
    i, j, _ = near(vecs[:len(new)], when[:len(new)], vecs, when, SAME_ORIGIN, WINDOW_DAYS)
    pairs = np.concatenate((pairs, np.sort(np.stack((i, j), axis=1), axis=1)))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    codes = distinct(pairs[:, 0].astype(np.int64) * len(reports) + pairs[:, 1])
    pairs = np.stack((codes // len(reports), codes % len(reports)), axis=1)
    cosines = np.einsum("ij,ij->i", vecs[pairs[:, 0]], vecs[pairs[:, 1]])
    pairs = pairs[np.argsort(-cosines, kind="stable")]  # most alike first: fewer to check
    words = AliasWords(conn)
    words.load(i.source for k in distinct(pairs).tolist() for i in reports[k].reported.chain)

    links = Components(len(new), [r.claim for r in reports[len(new):]])
    for i, j in pairs.tolist():
        if not links.joined(i, j) and _same_claim(reports[i], reports[j], words, outlets):
            links.union(i, j)
    return _write(conn, new, links.outcome())


def _same_claim(a: Report, b: Report, words: Words, outlets: Outlets) -> bool:
    if (a.polarity != b.polarity or not figures_agree(a.figures, b.figures)
            or abs(a.days - b.days) > WINDOW_DAYS):
        return False
    origin = origins(a.reported, b.reported, words, outlets)
    if origin == CONFLICT:
        return False
    cosine = float(a.vector @ b.vector)
    return cosine >= MEANING or (origin == SAME and (cosine >= SAME_ORIGIN or (
        cosine >= ONE_THING and near_duplicates(a.shingles, b.shingles))))


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
        x, y = _peers(k)
        found.append(np.stack((groups[:, x].ravel(), groups[:, y].ravel()), axis=1))
    pairs = np.sort(np.concatenate(found), axis=1)
    pairs = pairs[(pairs[:, 0] < n) & (pairs[:, 0] != pairs[:, 1])]
    codes = distinct(pairs[:, 0].astype(np.int64) * m + pairs[:, 1])
    return np.stack((codes // m, codes % m), axis=1)


def _peers(k: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions (x, y) of the pairs compared in a bucket of k: each with the GROUP_PEERS
    after it, so a bucket of thousands of copies costs no more than a linear pass."""
    d = min(GROUP_PEERS, k - 1)
    x = np.repeat(np.arange(k), d)
    y = x + np.tile(np.arange(1, d + 1), k)
    return x[y < k], y[y < k]


def _resembling(pairs: np.ndarray, reports: list[Report], sigs: np.ndarray,
                chunk: int = 500_000) -> np.ndarray:
    """The pairs whose estimated Jaccard could pass ``near_duplicates``, most alike first
    (so that fewer need checking). The least Jaccard it accepts depends on the two set sizes
    (a short set contained in a long one has a low Jaccard); the estimate may fall short of
    it by MARGIN."""
    sizes = np.fromiter((len(r.shingles) for r in reports), dtype=np.float64,
                        count=len(reports))
    kept, scores = [np.empty((0, 2), dtype=np.int64)], [np.empty(0)]
    for lo in range(0, len(pairs), chunk):
        p = pairs[lo:lo + chunk]
        est = (sigs[p[:, 0]] == sigs[p[:, 1]]).mean(axis=1)
        a, b = sizes[p[:, 0]], sizes[p[:, 1]]
        small = np.minimum(a, b)
        contained = np.where(small >= MIN_CONTAINED,
                             CONTAINED * small / np.maximum(1, a + b - CONTAINED * small), 1.0)
        ok = est >= np.minimum(JACCARD, contained) - MARGIN
        kept.append(p[ok])
        scores.append(est[ok])
    pairs, score = np.concatenate(kept), np.concatenate(scores)
    return pairs[np.argsort(-score, kind="stable")]


def _stored_candidates(conn: Connection, keys: np.ndarray) -> set[tuple[int, int]]:
    """Stored reports sharing a band key with a new one: their signatures are banded a page
    at a time."""
    wanted = distinct(keys)
    matched: set[tuple[int, int]] = set()
    result = conn.execute(
        select(claim_members.c.attribution_id, claim_members.c.part, claim_members.c.signature)
        .execution_options(yield_per=PAGE))
    for page in result.partitions():
        sigs = np.stack([from_bytes(r.signature) for r in page])
        hit = np.isin(band_keys(sigs, LSH_THRESHOLD), wanted).any(axis=1)
        matched.update((page[k].attribution_id, page[k].part) for k in np.flatnonzero(hit).tolist())
    return matched


def _stored_neighbours(conn: Connection, new: list[Report]) -> set[tuple[int, int]]:
    """Stored reports close in meaning to a new one, read a page at a time: those of the new
    reports' windows, and the undated (all of them when a new report is undated)."""
    query = (select(claim_members.c.attribution_id, claim_members.c.part,
                    attributions.c.vector, attributions.c.published)
             .join(attributions, attributions.c.id == claim_members.c.attribution_id))
    dated = sorted(r.days for r in new if not np.isnan(r.days))
    if len(dated) == len(new):
        query = query.where(or_(attributions.c.published.is_(None), *(
            attributions.c.published.between(on_day(lo), on_day(hi))
            for lo, hi in windows(dated, WINDOW_DAYS))))
    vecs = np.stack([r.vector for r in new])
    when = np.array([r.days for r in new])
    matched: set[tuple[int, int]] = set()
    for page in conn.execute(query.execution_options(yield_per=PAGE)).partitions():
        rows = np.stack([meaning.from_bytes(r.vector)[r.part] for r in page])
        _, j, _ = near(vecs, when, rows, np.array([days(r.published) for r in page]),
                       SAME_ORIGIN, WINDOW_DAYS)
        matched.update((page[k].attribution_id, page[k].part) for k in set(j.tolist()))
    return matched


def _stored_reports(conn: Connection, matched: set[tuple[int, int]]) -> list[Report]:
    ids = sorted({a for a, _ in matched})
    out = []
    for i in range(0, len(ids), CHUNK):
        for r in conn.execute(
                select(attributions.c.id, attributions.c.article_id, attributions.c.polarity,
                       attributions.c.content, attributions.c.vector,
                       attributions.c.published, articles.c.outlet, claim_members.c.part,
                       claim_members.c.claim_id, claim_members.c.position,
                       claim_members.c.chain, claim_members.c.signature)
                .join(claim_members, claim_members.c.attribution_id == attributions.c.id)
                .join(articles, articles.c.id == attributions.c.article_id)
                .where(attributions.c.id.in_(ids[i:i + CHUNK]))):
            if (r.id, r.part) in matched:
                said = statement(r.content, r.part)
                out.append(Report(r.id, r.part, r.article_id, r.polarity, r.position,
                                  Reported(r.outlet, _chain(r.chain)),
                                  statement_shingles(said), figures(said),
                                  meaning.from_bytes(r.vector)[r.part], days(r.published),
                                  from_bytes(r.signature), r.claim_id))
    return out


def _chain(stored: list[dict[str, Any]]) -> tuple[Identity, ...]:
    return tuple(Identity.from_json(d) for d in stored)


# --- writing -------------------------------------------------------------------------------

def _write(conn: Connection, new: list[Report], outcome: Outcome) -> dict[tuple[int, int], int]:
    merge(conn, claim_members.c.claim_id, claims, outcome.merged)
    claim_of = {i: claim for claim, added in outcome.joined.items() for i in added}
    if outcome.fresh:
        published = _published(conn, sorted({new[i].article for g in outcome.fresh for i in g}))
        ids = conn.execute(claims.insert().returning(claims.c.id, sort_by_parameter_order=True),
                           [_summary([_facts(new[i], published) for i in group])
                            for group in outcome.fresh]).scalars().all()
        claim_of.update((i, claim) for claim, group in zip(ids, outcome.fresh) for i in group)
    conn.execute(claim_members.insert(), [
        {"attribution_id": r.attribution, "part": r.part, "claim_id": claim_of[i],
         "position": r.position, "chain": [x.to_json() for x in r.reported.chain],
         "signature": to_bytes(r.signature)} for i, r in enumerate(new)])
    _refresh(conn, sorted(outcome.joined))
    return {(r.attribution, r.part): claim_of[i] for i, r in enumerate(new)}


@dataclass(frozen=True, slots=True)
class Facts:
    """What a claim's summary is made of, for one member."""

    reported: Reported
    polarity: str
    position: str
    published: datetime | None
    article: int


def _facts(r: Report, published: dict[int, datetime | None]) -> Facts:
    return Facts(r.reported, r.polarity, r.position, published.get(r.article), r.article)


def _published(conn: Connection, article_ids: list[int]) -> dict[int, datetime | None]:
    out: dict[int, datetime | None] = {}
    for i in range(0, len(article_ids), CHUNK):
        out.update(conn.execute(select(articles.c.id, articles.c.published)
                                .where(articles.c.id.in_(article_ids[i:i + CHUNK]))).all())
    return out


def _summary(members: list[Facts]) -> dict[str, Any]:
    """A claim's row: its origin as fully named as a member names it (the most reported
    stored source, else an outlet, else an unnamed description), the members' position,
    when it was first seen, and whether it rests only on unnamed speakers."""
    members = sorted(members, key=lambda m: (m.published is None, m.published or datetime.min))
    found = [m.reported.origin for m in members]
    named = [s for s in found if not s.anonymous and not s.outlet]
    speakers = named or [s for s in found if s.outlet] or found
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
        "anonymous_only": (any(m.reported.speaker.anonymous for m in members) and not any(
            not m.reported.speaker.anonymous and not m.reported.speaker.outlet
            for m in members)),
    }


def _refresh(conn: Connection, claim_ids: list[int]) -> None:
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
                Reported(None, _chain(r.chain)), r.polarity, r.position, r.published,
                r.article_id))
        if by_claim:
            conn.execute(update(claims).where(claims.c.id == bindparam("claim_id")),
                         [{"claim_id": c, **_summary(m)} for c, m in by_claim.items()])
