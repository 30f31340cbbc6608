"""Reading an archive: files and folders into article records, one at a time.

Every record or failure carries its place (``file``, ``file:line``, ``file:offset`` or
``file#item``) so a bad input can be found and fixed; a failure never stops the rest.
"""
from __future__ import annotations

import email.utils
import gzip
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from naql.read.decode import lone_surrogate


@dataclass(slots=True)
class Record:
    """One article to extract, with what the archive says about it."""

    place: str
    content: str | bytes
    input_format: str  # text | html | auto, as naql.extract takes it
    url: str | None = None
    title: str | None = None
    outlet: str | None = None  # when the archive names it; else the page's site or host
    published: datetime | None = None  # naive UTC


@dataclass(slots=True)
class Failure:
    place: str
    reason: str


Item = Record | Failure
Progress = Callable[[int], None]  # told how many input bytes were consumed

_KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
          ".warc": "warc", ".warc.gz": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed",
          ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}


_LONGEST_FIRST = sorted(_KINDS.items(), key=lambda kv: -len(kv[0]))


def kind_of(path: str) -> str | None:
    """The reader for a file name, by its suffix; None for formats not read in folders."""
    name = path.lower()
    return next((kind for suffix, kind in _LONGEST_FIRST if name.endswith(suffix)), None)


def expand(paths: Iterable[str]) -> Iterator[str | Failure]:
    """Files named and the known-format files under folders named, in a stable order."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                yield from (os.path.join(root, f) for f in sorted(files)
                            if not f.startswith(".") and kind_of(f))
        elif os.path.exists(path):
            yield path
        else:
            yield Failure(path, "no such file or directory")


def read_all(files: Iterable[str | Failure], progress: Progress = lambda n: None
             ) -> Iterator[Item]:
    """Records and failures of every file, in order; failures of ``expand`` pass through."""
    for path in files:
        if isinstance(path, Failure):
            yield path
            continue
        reader = _READERS.get(kind_of(path) or "auto", _read_file)
        yield from _guarded(path, reader(path, progress))


def read_stream(path: str, stream: BinaryIO, size: int) -> Iterator[Item]:
    """Records and failures of a JSONL or WARC file given as an open stream named ``path``,
    e.g. bytes handed over by Spark, exactly as ``read_all`` reads the file itself."""
    items = (_jsonl(path, stream, _ignore) if kind_of(path) == "jsonl"
             else _warc(path, stream, size, _ignore))
    return _guarded(path, items)


def _ignore(nbytes: int) -> None:
    """Progress nobody follows."""


def _guarded(path: str, items: Iterator[Item]) -> Iterator[Item]:
    """A file that cannot be read further ends with a failure at its name."""
    try:
        yield from items
    except (OSError, EOFError, UnicodeDecodeError, ArchiveLoadFailed) as exc:
        yield Failure(path, _reason(exc))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return f"{type(exc).__name__}: {exc}".strip()


def _read_file(path: str, progress: Progress) -> Iterator[Item]:
    data = Path(path).read_bytes()
    progress(len(data))
    yield Record(place=path, content=data, input_format=_FORMATS.get(kind_of(path), "auto"))


_FORMATS = {"html": "html", "text": "text"}


def _read_jsonl(path: str, progress: Progress) -> Iterator[Item]:
    with open(path, "rb") as raw:
        yield from _jsonl(path, raw, progress)


def _jsonl(path: str, raw: BinaryIO, progress: Progress) -> Iterator[Item]:
    lines = gzip.GzipFile(fileobj=raw) if path.lower().endswith(".gz") else raw
    done = 0
    for lineno, line in enumerate(lines, 1):
        progress(raw.tell() - done)
        done = raw.tell()
        item = from_line(f"{path}:{lineno}", line)
        if item is not None:
            yield item


def from_line(place: str, line: bytes) -> Item | None:
    """The record or failure of one JSONL line; None for a blank line."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except ValueError as exc:  # also bad UTF-8
        return Failure(place, f"malformed JSON: {exc}")
    return _from_json(place, obj)


_FIELDS = ("text", "html", "url", "title", "outlet", "published", "date")


def _from_json(place: str, obj: Any) -> Item:
    if not isinstance(obj, dict):
        return Failure(place, "not a JSON object")
    for key in _FIELDS:  # "\udcd9" is valid JSON, but no such string can be stored or printed
        if isinstance(obj.get(key), str) and lone_surrogate(obj[key]) is not None:
            return Failure(place, f'"{key}" is not valid Unicode: it has a lone surrogate')
    body, fmt = next(((obj[k], k) for k in ("text", "html") if isinstance(obj.get(k), str)
                      and obj[k].strip()), (None, None))
    if body is None:
        return Failure(place, 'no "text" or "html"')
    url = _str(obj.get("url"))
    return Record(place=place, content=body, input_format=fmt, url=url,
                  title=_str(obj.get("title")), outlet=_str(obj.get("outlet")),
                  published=parse_date(_str(obj.get("published") or obj.get("date"))))


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _read_warc(path: str, progress: Progress) -> Iterator[Item]:
    with open(path, "rb") as fh:
        yield from _warc(path, fh, os.path.getsize(path), progress)


def _warc(path: str, fh: BinaryIO, size: int, progress: Progress) -> Iterator[Item]:
    """HTML responses (2xx) of a WARC or WARC.gz. A record that cannot be parsed or is cut
    short is a failure at its offset; parsing cannot resume after it, so the file ends there."""
    records = ArchiveIterator(fh)
    done = 0
    try:
        for record in records:
            item = _from_warc(f"{path}:{records.offset}", record)
            records.read_to_end()  # moves records.offset to the next record
            progress(records.offset - done)
            done = records.offset
            if item is not None:
                yield item
    except (ArchiveLoadFailed, EOFError, OSError, ValueError,
            AttributeError) as exc:  # AttributeError: warcio, on a record cut in its headers
        yield Failure(f"{path}:{records.offset}", f"broken WARC record: {_reason(exc)}")
    else:
        if records.offset < size:
            yield Failure(f"{path}:{records.offset}", "broken WARC record: cut short")
    progress(size - done)


def _from_warc(place: str, record) -> Item | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or "html" not in ctype:
        return None
    payload = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Failure(place, "broken WARC record: cut short")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Record(place=place, content=payload, input_format="html", url=url)


def _read_feed(path: str, progress: Progress) -> Iterator[Item]:
    data = Path(path).read_bytes()
    progress(len(data))
    feed = feedparser.parse(data)
    if not feed.entries:
        why = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield Failure(path, "feed has no items" + why)
        return
    outlet = _str(feed.feed.get("title"))
    for n, entry in enumerate(feed.entries, 1):
        place = f"{path}#{n}"
        # The full content when the feed carries it, else the summary.
        detail = entry["content"][0] if entry.get("content") else entry.get("summary_detail") or {}
        body = _str(detail.get("value"))
        if body is None:
            yield Failure(place, "feed item has no content or summary")
            continue
        url = _str(entry.get("link"))
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Record(place=place, content=body,
                     input_format="html" if "html" in (detail.get("type") or "html") else "text",
                     url=url, title=_str(entry.get("title")), outlet=outlet,
                     published=datetime(*when[:6]) if when else None)


_READERS = {"jsonl": _read_jsonl, "warc": _read_warc, "feed": _read_feed}


def outlet_of(url: str | None) -> str | None:
    """An outlet named by its web host when the archive does not name it."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def parse_date(value: str | None) -> datetime | None:
    """ISO 8601 or RFC 822 (feeds, e-mail style) as naive UTC; None when not a date."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc).replace(tzinfo=None)
    return when
