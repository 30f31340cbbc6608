"""Storing what ``naql spark extract`` wrote: its articles as extracted, its errors as failures.

The job writes its articles in input order, part files numbered in that order, so reading
them back in that order gives a store the rows ``naql ingest`` of the same input gives,
without extracting again. Only pyarrow is needed here, not Spark.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator

import pyarrow.parquet as pq

from naql.store.writer import Article, Derived

from .sources import Failure, Progress

ARTICLES, ERRORS = "articles", "errors"  # the job's table folders (naql/spark/schema.py)
_ARTICLE_COLUMNS = ["place", "url", "outlet", "published", "document", "content_hash",
                    "title_terms", "body_terms", "source_keys"]
_OPTIONAL = ["vectors"]  # tables written with --vectors


def is_spark_output(path: str) -> bool:
    """A folder that holds the job's articles and errors tables."""
    return all(os.path.isdir(os.path.join(path, table)) for table in (ARTICLES, ERRORS))


def output_bytes(path: str) -> int:
    """Size of what ``read_output`` reads from ``path``, for the progress bar."""
    return sum(os.path.getsize(p) for table in (ARTICLES, ERRORS) for p in _parts(path, table))


def read_output(paths: Iterable[str], batch: int, progress: Progress
                ) -> Iterator[list[Article | Failure]]:
    """Articles then failures of each output folder, ``batch`` at a time."""
    for path in paths:
        for part in _parts(path, ARTICLES):
            columns = _ARTICLE_COLUMNS + [c for c in _OPTIONAL if c in _names(part)]
            for rows in _rows(part, batch, columns):
                yield [_article(r) for r in rows]
            progress(os.path.getsize(part))
        for part in _parts(path, ERRORS):
            for rows in _rows(part, batch, ["place", "reason"]):
                yield [Failure(r["place"], r["reason"]) for r in rows]
            progress(os.path.getsize(part))


def _article(row: dict) -> Article:
    """As extracted, with what storing computes already computed by the job."""
    return Article(document=json.loads(row["document"]), url=row["url"], outlet=row["outlet"],
                   published=row["published"], place=row["place"],
                   derived=Derived(row["content_hash"], row["title_terms"], row["body_terms"],
                                   dict(row["source_keys"])),
                   vectors=dict(row["vectors"]) if row.get("vectors") else None)


def _names(part: str) -> list[str]:
    return pq.ParquetFile(part).schema_arrow.names


def _rows(part: str, batch: int, columns: list[str]) -> Iterator[list[dict]]:
    for record_batch in pq.ParquetFile(part).iter_batches(batch_size=batch, columns=columns):
        yield record_batch.to_pylist()


def _parts(path: str, table: str) -> list[str]:
    """A table's Parquet files in the order they were written (Spark numbers them so)."""
    folder = os.path.join(path, table)
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))
            if name.endswith(".parquet") and not name.startswith((".", "_"))]
