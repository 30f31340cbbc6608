"""What the executors run: each record through the ingest extractor, flattened into a
``naql.spark.schema.RESULT`` row. Plain Python, so it is tested without a JVM.

The lexicons load on the first article a Python worker extracts and stay loaded
(``naql.lexicon.load`` is cached per process, and PySpark reuses its workers), so an
executor loads them once per worker process, never per record or partition.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from naql.ingest.run import extract_record
from naql.ingest.sources import Failure, Record
from naql.store.writer import Article

BATCH = 256  # articles encoded together when vectors are asked for
Row = dict[str, Any]
Item = tuple[int, int, Record | Failure]  # (file number, order in the file, what was read)


def extract_rows(items: Iterable[Item], vectors: bool = False) -> Iterator[Row]:
    """One result row per item; a record that fails is an error row, never dropped. With
    ``vectors``, each attribution's vectors too, encoded a batch of articles at a time."""
    batch: list[tuple[int, int, Article | Failure]] = []
    for file_no, seq, item in items:
        batch.append((file_no, seq, item if isinstance(item, Failure) else extract_record(item)))
        if len(batch) == (BATCH if vectors else 1):
            yield from _rows(batch, vectors)
            batch = []
    yield from _rows(batch, vectors)


def _rows(batch: list[tuple[int, int, Article | Failure]], vectors: bool) -> Iterator[Row]:
    if vectors:
        from naql.provenance import meaning

        found = [r for _, _, r in batch if isinstance(r, Article)]
        blobs = iter(meaning.vectors([a for r in found for a in r.document["attributions"]]))
        for r in found:
            r.vectors = {a["id"]: next(blobs) for a in r.document["attributions"]}
    for file_no, seq, result in batch:
        yield result_row(file_no, seq, result)


def result_row(file_no: int, seq: int, result: Article | Failure) -> Row:
    row: Row = {"file_no": file_no, "seq": seq, "article": None, "attributions": [],
                "mentions": [], "error": None}
    if isinstance(result, Failure):
        row["error"] = {"place": result.place, "reason": result.reason}
        return row
    doc = result.document
    where = {"place": result.place, "url": result.url, "outlet": result.outlet,
             "published": result.published}
    derived = result.prepare()
    row["article"] = {**where, "title": doc.get("title"),
                      "document": json.dumps(doc, ensure_ascii=False),
                      "content_hash": derived.content_hash, "title_terms": derived.title_terms,
                      "body_terms": derived.body_terms, "source_keys": derived.keys,
                      "vectors": result.vectors}
    for a in doc["attributions"]:
        row["attributions"].append({**_attribution(where, a),
                                    "vector": (result.vectors or {}).get(a["id"])})
        row["mentions"] += [_mention(result.place, a["id"], "source", a["source"]),
                            *(_mention(result.place, a["id"], "via", v) for v in a["via"])]
    return row


def _attribution(where: Row, a: dict[str, Any]) -> Row:
    src, via = a["source"], a["via"]
    return {**where, "attribution": a["id"], "type": a["type"], "polarity": a["polarity"],
            "cue": _text(a["cue"]), "source": _name(src), "source_text": src["text"],
            "source_kind": src["kind"], "source_entity": src["entity"],
            "source_anonymous": src["anonymous"],
            "anonymous": src["anonymous"] or any(v["anonymous"] for v in via),
            "via": [_name(v) for v in via], "content": a["content"]["text"],
            "content_start": a["content"]["start"], "content_end": a["content"]["end"],
            "recipient": _text(a["recipient"]), "confidence": a["confidence"], "rule": a["rule"]}


def _mention(place: str, attribution: str, role: str, span: dict[str, Any]) -> Row:
    return {"place": place, "attribution": attribution, "role": role, "text": span["text"],
            "start": span["start"], "end": span["end"], "resolved": _name(span),
            "kind": span.get("kind"), "anonymous": span["anonymous"]}


def _name(span: dict[str, Any]) -> str | None:
    return span["resolved"] or span["text"]


def _text(span: dict[str, Any] | None) -> str | None:
    return span["text"] if span else None
