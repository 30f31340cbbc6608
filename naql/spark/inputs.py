"""The files a job reads, listed on the driver through Hadoop (so any path Spark reads:
local, hdfs://, s3a://, globs), in the order ``naql ingest`` reads a folder.

Plain JSONL is read by lines, split across tasks; WARC and gzip files cannot be split and
are read whole by one task each. Files under a folder are chosen by suffix as ``naql ingest``
chooses them; those of a kind the job does not read are errors, so nothing is left out
silently.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyspark.sql import SparkSession

from naql.ingest.sources import Failure, kind_of

LINES, WHOLE = "lines", "whole"
UNREAD = "naql spark extract reads JSONL and WARC files; store this one with naql ingest"


@dataclass(frozen=True, slots=True)
class Input:
    uri: str  # as Hadoop names it (file:/data/a.jsonl)
    name: str  # as places name it: the path for a local file (as naql ingest does), else the URI
    how: str  # LINES or WHOLE


def list_inputs(spark: SparkSession, paths: list[str]) -> list[Input | Failure]:
    """Every file to read, and a failure for each path that names nothing or a file the job
    does not read."""
    found: list[Input | Failure] = []
    for path in paths:
        fs, jpath = _filesystem(spark, path)
        matches = fs.globStatus(jpath) or []
        if not matches:
            found.append(Failure(path, "no such file or directory"))
        for status in sorted(matches, key=lambda s: s.getPath().toString()):
            if status.isDirectory():
                found += [_input(uri) for uri in _walk(fs, status.getPath()) if kind_of(uri)]
            else:
                found.append(_input(status.getPath().toString()))
    return found


def exists(spark: SparkSession, path: str) -> bool:
    fs, jpath = _filesystem(spark, path)
    return bool(fs.exists(jpath))


def _filesystem(spark: SparkSession, path: str) -> tuple[Any, Any]:
    jpath = spark._jvm.org.apache.hadoop.fs.Path(path)
    return jpath.getFileSystem(spark._jsc.hadoopConfiguration()), jpath


def _walk(fs: Any, root: Any) -> list[str]:
    """Files under ``root`` as os.walk visits them in naql ingest: a folder's files by name,
    then its sub-folders by name; names starting with a dot are left out."""
    prefix = root.toString().rstrip("/") + "/"
    keyed = []
    files = fs.listFiles(root, True)
    while files.hasNext():
        uri = files.next().getPath().toString()
        parts = uri[len(prefix):].split("/")
        if not any(p.startswith(".") for p in parts):
            keyed.append(([(1, p) for p in parts[:-1]] + [(0, parts[-1])], uri))
    return [uri for _, uri in sorted(keyed)]


def _input(uri: str) -> Input | Failure:
    name = uri.removeprefix("file:") if uri.startswith("file:/") else uri
    kind = kind_of(uri)
    if kind not in ("jsonl", "warc"):
        return Failure(name, UNREAD)
    return Input(uri, name, LINES if kind == "jsonl" and not uri.lower().endswith(".gz") else WHOLE)
