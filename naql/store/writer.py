"""Storing extracted documents: insert-or-skip, one source row per person or body."""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Insert, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from . import search
from .keys import fold, source_key
from .schema import aliases, articles, attributions, mentions, source_terms, sources


@dataclass(slots=True)
class Article:
    """An extracted document and what the archive says about it."""

    document: dict[str, Any]  # Document.to_dict()
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None  # naive UTC
    place: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.document["text"])


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


class Writer:
    """Writes articles on the caller's connection and transaction, so a batch commits or
    vanishes whole. Call ``forget()`` after a rollback: memoised ids may not exist then."""

    def __init__(self, cache_size: int = 50_000) -> None:
        self._source_ids = _Lru(cache_size)
        self._aliases = _Lru(cache_size)

    def forget(self) -> None:
        self._source_ids.clear()
        self._aliases.clear()

    def write(self, conn: Connection, article: Article) -> bool:
        """Store ``article`` unless its url or content is already stored; True if stored."""
        doc = article.document
        digest = article.content_hash
        stmt = insert_or_skip(conn, articles).values(
            url=article.url, content_hash=digest, outlet=article.outlet,
            published=article.published, title=doc.get("title"), text=doc["text"],
            language=doc.get("language"), document={**doc, "text": None}, place=article.place,
        ).returning(articles.c.id)
        article_id = conn.execute(stmt).scalar()
        if article_id is None:
            return False
        search.index_article(conn, article_id, doc.get("title"), doc["text"])
        self._write_attributions(conn, article_id, digest, article.published,
                                 doc.get("attributions") or [])
        return True

    def _write_attributions(self, conn: Connection, article_id: int, digest: str,
                            published: datetime | None, attrs: list[dict[str, Any]]) -> None:
        if not attrs:
            return
        rows, named = [], []
        for a in attrs:
            src = a["source"]
            via = a.get("via") or []
            source_id = self._source_id(conn, src, digest)
            named.append([(source_id, src, "source")] +
                         [(self._source_id(conn, v, digest), v, "via") for v in via])
            rows.append({
                "article_id": article_id, "local_id": a["id"], "type": a["type"],
                "polarity": a["polarity"], "source_id": source_id,
                "anonymous": bool(src.get("anonymous")) or any(v.get("anonymous") for v in via),
                "cue": (a.get("cue") or {}).get("text"), "content": a["content"]["text"],
                "confidence": a.get("confidence"), "published": published,
            })
        ids = conn.execute(attributions.insert().returning(attributions.c.id,
                                                           sort_by_parameter_order=True),
                           rows).scalars().all()
        spans = [{"article_id": article_id, "attribution_id": attribution_id,
                  "source_id": source_id, "role": role, "text": span.get("text"),
                  "span_start": span.get("start"), "span_end": span.get("end"),
                  "resolved": _name(span)}
                 for attribution_id, group in zip(ids, named)
                 for source_id, span, role in group if source_id is not None]
        if spans:
            conn.execute(mentions.insert(), spans)

    def _source_id(self, conn: Connection, span: dict[str, Any], digest: str) -> int | None:
        """The id of the source a span names, created on first sight, with its spellings."""
        name = _name(span)
        key = source_key(name) or fold(name).strip()
        if not key:
            return None
        anonymous = bool(span.get("anonymous"))
        if anonymous:
            key = f"~{digest[:16]}:{key}"
        source_id = self._source_ids.get(key)
        if source_id is None:
            conn.execute(insert_or_skip(conn, sources).values(
                key=key, name=name, kind=span.get("kind") or "unknown", anonymous=anonymous))
            source_id = conn.execute(select(sources.c.id).where(sources.c.key == key)).scalar_one()
            if not anonymous:
                self._source_ids.remember(key, source_id)
        for spelling in {name, span.get("text")} - {None, ""}:
            self._add_alias(conn, source_id, spelling)
        return source_id

    def _add_alias(self, conn: Connection, source_id: int, spelling: str) -> None:
        if (source_id, spelling) in self._aliases:
            return
        alias_key = source_key(spelling)
        added = conn.execute(insert_or_skip(conn, aliases).values(
            source_id=source_id, name=spelling, key=alias_key)).rowcount
        if added:
            terms = [{"term": t, "source_id": source_id} for t in set(alias_key.split())]
            if terms:
                conn.execute(insert_or_skip(conn, source_terms), terms)
        self._aliases.remember((source_id, spelling), True)


def _name(span: dict[str, Any]) -> str:
    return (span.get("resolved") or span.get("text") or "").strip()
