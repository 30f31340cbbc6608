"""Reading the inputs into records, numbered in input order, with the places and failures
``naql ingest`` gives for the same files.

Plain JSONL goes through Spark's text reader, split across tasks, each line kept as its raw
bytes so a bad line fails as it does in ``naql ingest``. Line numbers are found in two
passes: Spark counts the lines of each split, then each split numbers its own from the count
of the splits before it. WARC and gzip files are read whole, by ``sources.read_stream``.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import accumulate
from urllib.parse import unquote

from pyspark import RDD, Broadcast
from pyspark.sql import Row, SparkSession
from pyspark.sql import functions as F

from naql.ingest.sources import Failure, from_line, read_stream

from .inputs import LINES, WHOLE, Input
from .rows import Item

# Shipped to the tasks as broadcast variables, once per executor, however many the files.
Names = dict[str, tuple[int, str]]  # uri -> (file number, name in places)
Split = tuple[str, int]  # (uri, first byte)


def read_items(spark: SparkSession, inputs: list[Input | Failure]) -> RDD:
    """An RDD of ``rows.Item``: every record and failure of ``inputs``."""
    sc = spark.sparkContext
    names = sc.broadcast({i.uri: (n, i.name) for n, i in enumerate(inputs)
                          if isinstance(i, Input)})
    failed = [(n, 0, f) for n, f in enumerate(inputs) if isinstance(f, Failure)]
    parts = [sc.parallelize(failed, 1)]
    if lines := [i.uri for i in inputs if isinstance(i, Input) and i.how == LINES]:
        parts.append(_lines(spark, lines, names))
    if whole := [i.uri for i in inputs if isinstance(i, Input) and i.how == WHOLE]:
        parts.append(sc.binaryFiles(",".join(whole), minPartitions=len(whole))
                     .flatMap(partial(_whole, names)))
    return sc.union(parts)


def _lines(spark: SparkSession, uris: list[str], names: Broadcast[Names]) -> RDD:
    text = spark.read.text(uris).select(F.col("_metadata.file_path").alias("path"),
                                        F.col("_metadata.file_block_start").alias("start"),
                                        F.col("value").cast("binary").alias("line"))
    counts = text.groupBy("path", "start").count().collect()
    first = spark.sparkContext.broadcast(_first_lines(counts))
    return text.rdd.mapPartitions(partial(_numbered, first, names))


def _first_lines(counts: list[Row]) -> dict[Split, int]:
    """For each split, the number of lines of its file before it."""
    by_file: dict[str, list[tuple[int, int]]] = {}
    for r in counts:
        by_file.setdefault(unquote(r["path"]), []).append((r["start"], r["count"]))
    first = {}
    for uri, splits in by_file.items():
        splits.sort()
        before = accumulate((n for _, n in splits[:-1]), initial=0)
        first.update({(uri, start): n for (start, _), n in zip(splits, before)})
    return first


def _numbered(first: Broadcast[dict[Split, int]], names: Broadcast[Names],
              rows: Iterable[Row]) -> Iterator[Item]:
    """Lines of one task, numbered; a task reads each of its splits in order."""
    seen: dict[Split, int] = {}
    for path, start, line in rows:
        split = (unquote(path), start)
        seen[split] = n = seen.get(split, 0) + 1
        file_no, name = names.value[split[0]]
        lineno = first.value[split] + n
        item = from_line(f"{name}:{lineno}", bytes(line))
        if item is not None:
            yield file_no, lineno, item


def _whole(names: Broadcast[Names], file: tuple[str, bytes]) -> Iterator[Item]:
    uri, data = file
    file_no, name = names.value[uri]
    for seq, item in enumerate(read_stream(name, io.BytesIO(data), len(data))):
        yield file_no, seq, item
