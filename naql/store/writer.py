"""Storing extracted documents: insert-or-skip, one source row per person or body."""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Insert, Select, Table, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite

from . import search
from .keys import fold, search_terms, source_key
from .schema import aliases, articles, attributions, mentions, source_terms, sources


@dataclass(frozen=True, slots=True)
class Derived:
    """What storing an article computes from its document besides the rows themselves."""

    content_hash: str
    title_terms: str  # keys.search_terms, space-joined, for the full-text index
    body_terms: str
    keys: dict[str, str]  # source_key of every spelling of a source in the document


@dataclass(slots=True)
class Article:
    """An extracted document and what the archive says about it."""

    document: dict[str, Any]  # Document.to_dict()
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None  # naive UTC
    place: str | None = None
    derived: Derived | None = None
    vectors: dict[str, bytes] | None = None  # by local id, when computed (a Spark job's)

    def prepare(self) -> Derived:
        """Hash, search terms and source keys: pure computation, so an ingest does it in the
        worker process that extracted the article and the single writer only writes."""
        if self.derived is None:
            doc = self.document
            spellings = {s for a in doc.get("attributions") or []
                         for span in (a["source"], *(a.get("via") or []))
                         for s in (_name(span), span.get("text")) if s}
            self.derived = Derived(
                content_hash=content_hash(doc["text"]),
                title_terms=" ".join(search_terms(doc.get("title") or "")),
                body_terms=" ".join(search_terms(doc["text"])),
                keys={s: source_key(s) for s in spellings})
        return self.derived


def content_hash(text: str) -> str:
    """Identity of an article's content: the same text under another url is the same article."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def insert_or_skip(conn: Connection, table: Table) -> Insert:
    """INSERT that silently does nothing on a unique-constraint conflict (both dialects)."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}[conn.dialect.name]
    return dialect.insert(table).on_conflict_do_nothing()


class _Lru(OrderedDict):
    """A bounded memo, so a long ingest's memory does not grow with the corpus."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def remember(self, key: Any, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


@dataclass(frozen=True, slots=True)
class _Statements:
    """Built once per dialect and run with parameters: building SQLAlchemy statements per
    row costs more than running them."""

    article: Insert
    source: Insert
    source_id: Select
    alias: Insert
    term: Insert
    attribution: Insert
    mention: Insert

    @classmethod
    def build(cls, conn: Connection) -> "_Statements":
        return cls(
            article=insert_or_skip(conn, articles).returning(articles.c.id),
            source=insert_or_skip(conn, sources).returning(sources.c.id),
            source_id=select(sources.c.id).where(sources.c.key == bindparam("key")),
            alias=insert_or_skip(conn, aliases),
            term=insert_or_skip(conn, source_terms),
            attribution=attributions.insert().returning(attributions.c.id,
                                                        sort_by_parameter_order=True),
            mention=mentions.insert(),
        )


class Writer:
    """Writes articles on the caller's connection and transaction, so a batch commits or
    vanishes whole. Call ``forget()`` after a rollback: memoised ids may not exist then."""

    def __init__(self, cache_size: int = 50_000) -> None:
        self._source_ids = _Lru(cache_size)
        self._aliases = _Lru(cache_size)
        self._sql: dict[str, _Statements] = {}

    def forget(self) -> None:
        self._source_ids.clear()
        self._aliases.clear()

    def write(self, conn: Connection, article: Article) -> bool:
        """Store ``article`` unless its url or content is already stored; True if stored."""
        sql = self._sql.get(conn.dialect.name) or self._sql.setdefault(
            conn.dialect.name, _Statements.build(conn))
        doc = article.document
        derived = article.prepare()
        article_id = conn.execute(sql.article, {
            "url": article.url, "content_hash": derived.content_hash, "outlet": article.outlet,
            "published": article.published, "title": doc.get("title"), "text": doc["text"],
            "language": doc.get("language"), "document": {**doc, "text": None},
            "place": article.place}).scalar()
        if article_id is None:
            return False
        search.index_article(conn, article_id, derived.title_terms, derived.body_terms)
        attrs = doc.get("attributions") or []
        if attrs:
            self._write_attributions(conn, sql, article_id, derived, article.published, attrs,
                                     article.vectors or {})
        return True

    def _write_attributions(self, conn: Connection, sql: _Statements, article_id: int,
                            derived: Derived, published: datetime | None,
                            attrs: list[dict[str, Any]], vectors: dict[str, bytes]) -> None:
        rows, named = [], []
        for a in attrs:
            src = a["source"]
            via = a.get("via") or []
            source_id = self._source_id(conn, sql, src, derived)
            named.append([(source_id, src, "source")] +
                         [(self._source_id(conn, sql, v, derived), v, "via") for v in via])
            rows.append({
                "article_id": article_id, "local_id": a["id"], "type": a["type"],
                "polarity": a["polarity"], "source_id": source_id,
                "anonymous": bool(src.get("anonymous")) or any(v.get("anonymous") for v in via),
                "cue": (a.get("cue") or {}).get("text"), "content": a["content"]["text"],
                "confidence": a.get("confidence"), "published": published,
                "vector": vectors.get(a["id"]),
            })
        ids = conn.execute(sql.attribution, rows).scalars().all()
        spans = [{"article_id": article_id, "attribution_id": attribution_id,
                  "source_id": source_id, "role": role, "text": span.get("text"),
                  "span_start": span.get("start"), "span_end": span.get("end"),
                  "resolved": _name(span)}
                 for attribution_id, group in zip(ids, named)
                 for source_id, span, role in group if source_id is not None]
        if spans:
            conn.execute(sql.mention, spans)

    def _source_id(self, conn: Connection, sql: _Statements, span: dict[str, Any],
                   derived: Derived) -> int | None:
        """The id of the source a span names, created on first sight, with its spellings.
        Unnamed sources are keyed by their article, so they are never merged across articles."""
        name = _name(span)
        key = derived.keys.get(name) or fold(name).strip()
        if not key:
            return None
        anonymous = bool(span.get("anonymous"))
        if anonymous:
            key = f"~{derived.content_hash[:16]}:{key}"
        source_id = self._source_ids.get(key)
        if source_id is None:
            source_id = conn.execute(sql.source, {
                "key": key, "name": name, "kind": span.get("kind") or "unknown",
                "anonymous": anonymous}).scalar()
            if source_id is None:  # seen before, in an earlier run or by the cache's eviction
                source_id = conn.execute(sql.source_id, {"key": key}).scalar_one()
            if not anonymous:
                self._source_ids.remember(key, source_id)
        for spelling in {name, span.get("text")} - {None, ""}:
            if (source_id, spelling) not in self._aliases:
                self._add_alias(conn, sql, source_id, spelling, derived.keys[spelling],
                                named=not anonymous)
        return source_id

    def _add_alias(self, conn: Connection, sql: _Statements, source_id: int, spelling: str,
                   alias_key: str, named: bool) -> None:
        """A spelling of a source; for named sources also its words, so a part of a name
        finds it (unnamed ones are found by their whole description only)."""
        added = conn.execute(sql.alias, {"source_id": source_id, "name": spelling,
                                         "key": alias_key}).rowcount
        if added and named:
            terms = [{"term": t, "source_id": source_id} for t in set(alias_key.split())]
            if terms:
                conn.execute(sql.term, terms)
        if named:
            self._aliases.remember((source_id, spelling), True)


def _name(span: dict[str, Any]) -> str:
    return (span.get("resolved") or span.get("text") or "").strip()
