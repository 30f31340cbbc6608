"""Writing a store out: documents as JSON lines, attributions as CSV or Parquet rows (and,
through the same writers, claims: ``naql.provenance.export``)."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Connection

from .queries import documents

FORMATS = ("jsonl", "csv", "parquet")


@dataclass(frozen=True, slots=True)
class Export:
    """What can be written out: whole objects for JSON lines, flat rows for CSV and Parquet."""

    items: Callable[[Connection], Iterator[dict[str, Any]]]
    rows: Callable[[Connection], Iterator[dict[str, Any]]]
    columns: pa.Schema


def document_items(conn: Connection) -> Iterator[dict[str, Any]]:
    """Each article's SPEC document plus url, outlet and published."""
    for doc, _ in documents(conn):
        yield doc


def attribution_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    """One row per attribution: who said what, where and when, with the store's ids."""
    for doc, ids in documents(conn):
        for a in doc.get("attributions") or []:
            src = a["source"]
            yield {
                "url": doc["url"], "outlet": doc["outlet"], "published": doc["published"],
                "title": doc.get("title"), "attribution_id": ids.get(a["id"]),
                "attribution": a["id"], "type": a["type"], "polarity": a["polarity"],
                "cue": (a.get("cue") or {}).get("text"),
                "source": src.get("resolved") or src.get("text"), "source_kind": src.get("kind"),
                "source_anonymous": bool(src.get("anonymous")), "content": a["content"]["text"],
                "via": " | ".join(v.get("resolved") or v["text"] for v in a.get("via") or []),
                "confidence": a.get("confidence"),
            }


ARTICLES = Export(document_items, attribution_rows, pa.schema([
    ("url", pa.string()), ("outlet", pa.string()), ("published", pa.string()),
    ("title", pa.string()), ("attribution_id", pa.int64()), ("attribution", pa.string()),
    ("type", pa.string()), ("polarity", pa.string()), ("cue", pa.string()),
    ("source", pa.string()), ("source_kind", pa.string()), ("source_anonymous", pa.bool_()),
    ("content", pa.string()), ("via", pa.string()), ("confidence", pa.float64()),
]))


def write_jsonl(conn: Connection, out: IO[str], what: Export = ARTICLES) -> int:
    n = 0
    for item in what.items(conn):
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(conn: Connection, out: IO[str], what: Export = ARTICLES) -> int:
    writer = csv.DictWriter(out, fieldnames=what.columns.names)
    writer.writeheader()
    n = 0
    for row in what.rows(conn):
        writer.writerow(row)
        n += 1
    return n


def write_parquet(conn: Connection, path: str, what: Export = ARTICLES,
                  batch: int = 10_000) -> int:
    """Written in row groups of ``batch`` rows, so memory stays flat."""
    n = 0
    with pq.ParquetWriter(path, what.columns) as writer:
        rows: list[dict[str, Any]] = []
        for row in what.rows(conn):
            rows.append(row)
            if len(rows) == batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=what.columns))
                n, rows = n + len(rows), []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=what.columns))
            n += len(rows)
    return n
