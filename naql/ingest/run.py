"""Ingesting an archive: worker processes extract, the parent alone writes, in input order.

Each small batch is one transaction and every article is insert-or-skip on its url and
content hash, so a run killed at any point and started again ends with the rows one clean
run gives. Inputs are streamed and at most a few batches are in flight, so memory stays
flat however large the archive.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DataError, IntegrityError

import naql
from naql.read import InputError
from naql.store.retry import reconnecting
from naql.store.schema import articles
from naql.store.writer import Article, Writer

from .parquet import is_spark_output, output_bytes, read_output
from .sources import Failure, Record, expand, outlet_of, parse_date, read_all


class Reporter(Protocol):
    """Told what happens, e.g. to draw a progress bar."""

    def start(self, total_bytes: int) -> None: ...
    def read(self, nbytes: int) -> None: ...
    def failed(self, failure: Failure) -> None: ...
    def stored(self, summary: "Summary") -> None: ...


@dataclass(slots=True)
class Summary:
    ingested: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)  # the first MAX_KEPT
    MAX_KEPT = 1000

    def fail(self, failure: Failure) -> None:
        self.failed += 1
        if len(self.failures) < self.MAX_KEPT:
            self.failures.append(failure)


def extract_batch(records: Sequence[Record]) -> list[Article | Failure]:
    """Runs in a worker process: extract each record; a record's error is its own failure."""
    return [extract_record(r) for r in records]


def extract_record(record: Record) -> Article | Failure:
    """The article as ingest stores it, or why it cannot be (also run by naql spark)."""
    try:
        doc = naql.extract(record.content, record.input_format, name=record.place)
    except InputError as exc:
        return Failure(record.place, str(exc))
    except Exception as exc:  # an extractor bug must not take the run down
        return Failure(record.place, f"extractor error: {type(exc).__name__}: {exc}")
    if not doc.text.strip():
        return Failure(record.place, "no article text")
    document = doc.to_dict()
    document["title"] = record.title or document.get("title")
    # What the archive says wins; else what the page itself says (canonical url, date, site).
    url = record.url or document.get("url")
    article = Article(document=document, url=url,
                      outlet=record.outlet or document.get("site") or outlet_of(url),
                      published=record.published or parse_date(document.get("published")),
                      place=record.place)
    article.prepare()
    return article


def ingest(paths: Iterable[str], engine: Engine, workers: int | None = None,
           batch: int = 16, reporter: Reporter | None = None) -> Summary:
    """Read, extract and store everything under ``paths``; returns what happened. Folders
    written by ``naql spark extract`` are stored as they are, without extracting again."""
    paths = list(paths)
    extracted = [p for p in paths if is_spark_output(p)]
    paths = [p for p in paths if p not in extracted]
    summary = Summary()
    workers = max(1, workers or os.cpu_count() or 1)
    if reporter:  # a first walk for the total, so that memory does not grow with file count
        reporter.start(sum(os.path.getsize(f) for f in expand(paths) if isinstance(f, str))
                       + sum(map(output_bytes, extracted)))
    progress = reporter.read if reporter else lambda n: None
    items = read_all(expand(paths), progress)
    writer = Writer()
    window: deque[Future] = deque()
    # spawn: workers inherit no connections or threads; a worker that dies breaks the pool
    # (BrokenProcessPool) instead of hanging the run.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             max_tasks_per_child=500) as pool, \
            engine.connect().execution_options(immediate=True) as conn:
        for done in read_output(extracted, batch, progress):
            _store(conn, writer, done, summary, reporter)
        for chunk in _new_records(engine, items, batch, summary, reporter):
            window.append(pool.submit(extract_batch, chunk))
            if len(window) >= 4 * workers:
                _store(conn, writer, window.popleft().result(), summary, reporter)
        while window:
            _store(conn, writer, window.popleft().result(), summary, reporter)
    return summary


def _failed(failure: Failure, summary: Summary, reporter: Reporter | None) -> None:
    summary.fail(failure)
    if reporter:
        reporter.failed(failure)


def _new_records(engine: Engine, items: Iterator[Record | Failure], batch: int,
                 summary: Summary, reporter: Reporter | None) -> Iterator[list[Record]]:
    """Batches of records not yet stored; records whose url is stored are counted as
    duplicates without being extracted again, which makes resuming cheap."""
    records = _records_only(items, summary, reporter)
    while chunk := list(islice(records, batch)):
        urls = {r.url for r in chunk if r.url}
        if urls:
            known = reconnecting(lambda: _stored_urls(engine, urls))
            summary.duplicates += sum(r.url in known for r in chunk)
            chunk = [r for r in chunk if r.url not in known]
        if chunk:
            yield chunk


def _records_only(items: Iterator[Record | Failure], summary: Summary,
                  reporter: Reporter | None) -> Iterator[Record]:
    for item in items:
        if isinstance(item, Failure):
            _failed(item, summary, reporter)
        else:
            yield item


def _stored_urls(engine: Engine, urls: set[str]) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(articles.c.url).where(articles.c.url.in_(urls))).scalars())


def _store(conn: Connection, writer: Writer, results: list[Article | Failure],
           summary: Summary, reporter: Reporter | None) -> None:
    """Write a batch and count what happened; a lost connection (a database server
    restarting) is waited out and the batch written again."""
    outcomes = reconnecting(lambda: _write(conn, writer, results), writer.forget)
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            _failed(outcome, summary, reporter)
        elif outcome:
            summary.ingested += 1
        else:
            summary.duplicates += 1
    if reporter:
        reporter.stored(summary)


def _write(conn: Connection, writer: Writer, results: list[Article | Failure]
           ) -> list[bool | Failure]:
    """One transaction for the batch. Should the database refuse an article, the batch is
    redone one article per transaction, so that one is reported and the rest stored."""
    try:
        with conn.begin():
            return [r if isinstance(r, Failure) else writer.write(conn, r) for r in results]
    except (DataError, IntegrityError):
        writer.forget()
        return [r if isinstance(r, Failure) else _write_alone(conn, writer, r) for r in results]


def _write_alone(conn: Connection, writer: Writer, article: Article) -> bool | Failure:
    try:
        with conn.begin():
            return writer.write(conn, article)
    except (DataError, IntegrityError) as exc:
        writer.forget()
        return Failure(article.place or "?", f"not stored: {exc.orig}")
