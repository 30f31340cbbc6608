"""Bringing claims and stories up to date with the articles stored since the last run.

An article is processed once it has a story row; each run takes the articles without one,
a chunk per transaction, so memory stays flat and an interrupted run resumes where it
stopped. A run never revisits what it clustered before: new reports and articles are
compared with stored ones through their stored MinHash signatures. Concurrent runs serialise on a lock (PostgreSQL advisory lock, SQLite's write
lock), so two of them never process one article twice.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from sqlalchemy import Connection, Engine, bindparam, delete, func, select, update as sql_update

from naql.store.schema import (articles, attributions, claim_members, claims, mentions,
                               outlet_names, provenance_state, stories, story_articles)

from . import meaning
from .claim_cluster import LSH_THRESHOLD, MEANING, SAME_ORIGIN, WINDOW_DAYS, Report, cluster
from .divergence import ONE_THING
from .identity import Reported, StoredIds, chains
from .neighbours import days
from .outlets import learn, load as load_outlets
from .positions import position
from .shingles import N, article_shingles, figures, statement_shingles, statements
from .sketch import FINGERPRINT, signatures
from .story_cluster import MAX_SPAN, OVERLAP, TOPIC, WINDOW, WITH_CLAIM, Piece, add

CHUNK = 20_000  # articles per transaction
CHUNK_IDS = 5000  # ids per IN (...) list
# What stored signatures, claims and stories depend on; a store clustered with other settings
# is re-clustered.
SETTINGS = (f"{FINGERPRINT};{N}-grams;lsh {LSH_THRESHOLD};{meaning.fingerprint()} "
            f"{MEANING}/{SAME_ORIGIN}/{ONE_THING} "
            f"{WINDOW_DAYS} days;stories {WINDOW.days}/{MAX_SPAN.days} days {OVERLAP}/{WITH_CLAIM}"
            f"/{TOPIC}")
_LOCK = 7270718  # PostgreSQL advisory lock number (migrations use 7270717)
_TABLES = (story_articles, stories, claim_members, claims, outlet_names)


@dataclass(slots=True)
class Progress:
    articles: int = 0  # processed by this run
    reports: int = 0
    encoded: int = 0  # attributions whose vectors this run computed
    vector_seconds: float = 0.0  # computing them
    claim_seconds: float = 0.0  # reading the new articles' reports and clustering them (not
    # computing vectors)
    story_seconds: float = 0.0


def update(engine: Engine, rebuild: bool = False, chunk: int = CHUNK) -> Progress:
    """Cluster the articles stored since the last run into claims and stories; with
    ``rebuild``, or when the store was clustered with other settings, from scratch."""
    done = Progress()
    with engine.connect().execution_options(immediate=True) as conn:
        with conn.begin():
            _lock(conn)
            state = conn.execute(select(provenance_state.c.value)
                                 .where(provenance_state.c.name == "settings")).scalar()
            if rebuild or state != SETTINGS:
                for table in _TABLES:
                    conn.execute(delete(table))
                _set(conn, "settings", SETTINGS)
            _forget_vectors(conn)
        while True:
            with conn.begin():
                _lock(conn)
                ids = conn.execute(
                    select(articles.c.id)
                    .outerjoin(story_articles, story_articles.c.article_id == articles.c.id)
                    .where(story_articles.c.article_id.is_(None))
                    .order_by(articles.c.id).limit(chunk)).scalars().all()
                if not ids:
                    return done
                _process(conn, ids, done)
                done.articles += len(ids)


def _set(conn: Connection, name: str, value: str) -> None:
    conn.execute(delete(provenance_state).where(provenance_state.c.name == name))
    conn.execute(provenance_state.insert().values(name=name, value=value))


def _forget_vectors(conn: Connection) -> None:
    """Stored vectors of another encoder are computed again; others are kept, also by
    ``rebuild`` (those a Spark job wrote before any run are taken as this encoder's)."""
    encoder = meaning.fingerprint()
    known = conn.execute(select(provenance_state.c.value)
                         .where(provenance_state.c.name == "vectors")).scalar()
    if known != encoder:
        if known is not None:
            conn.execute(sql_update(attributions).values(vector=None))
        _set(conn, "vectors", encoder)


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_LOCK)))


def _process(conn: Connection, article_ids: list[int], done: Progress) -> None:
    """Claims, then stories, for these articles."""
    began, encoding = time.perf_counter(), done.vector_seconds
    rows = conn.execute(select(articles.c.id, articles.c.outlet, articles.c.published,
                               articles.c.title, articles.c.text, articles.c.document)
                        .where(articles.c.id.in_(article_ids)).order_by(articles.c.id)).all()
    learn(conn, [pair for r in rows
                 for pair in ((r.outlet, r.outlet), ((r.document or {}).get("site"), r.outlet))])
    known = load_outlets(conn)
    local, stored = _stored_ids(conn, article_ids)
    vectors = _vectors(conn, rows, local, done)
    reports = []
    for r in rows:
        doc: dict[str, Any] = r.document or {}
        by_local = {a["id"]: a for a in doc.get("attributions") or []}
        for aid, chain in chains(doc, stored.get(r.id, {}), known).items():
            if aid not in local.get(r.id, {}):
                continue  # not stored (the document and its rows disagree)
            a = by_local[aid]
            stance = position(a, r.text)
            meant = vectors[local[r.id][aid]]
            reports += [Report(local[r.id][aid], part, r.id, a["polarity"], stance,
                               Reported(r.outlet, chain), statement_shingles(statement),
                               figures(statement), meant[part], days(r.published))
                        for part, statement in enumerate(statements(a["content"]["text"]))]
    assigned = cluster(conn, reports, known)
    done.reports += len(reports)
    done.claim_seconds += time.perf_counter() - began - (done.vector_seconds - encoding)
    began = time.perf_counter()
    claims_by_article: dict[int, set[int]] = {}
    said: dict[int, list[np.ndarray]] = {}
    for rep in reports:
        claims_by_article.setdefault(rep.article, set()).add(assigned[rep.attribution, rep.part])
        said.setdefault(rep.article, []).append(rep.vector)
    words = [article_shingles(r.title, r.text) for r in rows]
    add(conn, [Piece(r.id, r.published, sig, len(w), frozenset(claims_by_article.get(r.id, ())),
                     _mean(said.get(r.id)))
               for r, w, sig in zip(rows, words, signatures(words))])
    done.story_seconds += time.perf_counter() - began


def _mean(vectors: list[np.ndarray] | None) -> np.ndarray | None:
    """What an article's reports say, together: their mean vector, of unit length."""
    if not vectors:
        return None
    mean = np.mean(vectors, axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-9)


def _vectors(conn: Connection, rows: list[Any], local: dict[int, dict[str, int]],
             done: Progress) -> dict[int, np.ndarray]:
    """Each stored attribution's vectors, by its id: computed (a batch for all) and stored
    for those without, or whose statements are no longer as many as its rows."""
    ids = [i for r in rows for i in local.get(r.id, {}).values()]
    have = {}
    for i in range(0, len(ids), CHUNK_IDS):
        have.update(conn.execute(select(attributions.c.id, attributions.c.vector)
                                 .where(attributions.c.id.in_(ids[i:i + CHUNK_IDS]))).all())
    out = {i: meaning.from_bytes(v) for i, v in have.items()}
    missing = [(local[r.id][a["id"]], a) for r in rows
               for a in (r.document or {}).get("attributions") or []
               if a["id"] in local.get(r.id, {})
               and len(out[local[r.id][a["id"]]]) != len(statements(a["content"]["text"]))]
    if missing:
        began = time.perf_counter()
        blobs = meaning.vectors([a for _, a in missing])
        conn.execute(sql_update(attributions).where(attributions.c.id == bindparam("aid"))
                     .values(vector=bindparam("blob")),
                     [{"aid": i, "blob": b} for (i, _), b in zip(missing, blobs)])
        out.update((i, meaning.from_bytes(b)) for (i, _), b in zip(missing, blobs))
        done.encoded += len(missing)
        done.vector_seconds += time.perf_counter() - began
    return out


def _stored_ids(conn: Connection, article_ids: list[int]
                ) -> tuple[dict[int, dict[str, int]], dict[int, StoredIds]]:
    """For each article: its attributions' store ids by local id, and the store ids of each
    attribution's source and vias."""
    local: dict[int, dict[str, int]] = {}
    by_id: dict[int, tuple[int, str]] = {}
    for aid, article, lid in conn.execute(
            select(attributions.c.id, attributions.c.article_id, attributions.c.local_id)
            .where(attributions.c.article_id.in_(article_ids))):
        local.setdefault(article, {})[lid] = aid
        by_id[aid] = (article, lid)
    stored: dict[int, StoredIds] = {}
    for aid, role, source_id in conn.execute(
            select(mentions.c.attribution_id, mentions.c.role, mentions.c.source_id)
            .where(mentions.c.article_id.in_(article_ids)).order_by(mentions.c.id)):
        article, lid = by_id[aid]
        source, vias = stored.setdefault(article, {}).get(lid, (None, []))
        if role == "source":
            source = source_id
        else:
            vias = [*vias, source_id]
        stored[article][lid] = (source, vias)
    return local, stored
