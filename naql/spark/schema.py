"""The Parquet tables the job writes, with explicit Spark schemas.

``RESULT`` is one extracted record: its article (or its error) and the article's
attributions and source mentions; each table is a projection of it, so the extractor runs
once per record whatever the number of tables. ``naql.spark.rows`` builds its rows.
"""
from __future__ import annotations

from pyspark.sql.types import (ArrayType, BinaryType, BooleanType, DataType, DoubleType,
                               IntegerType, LongType, MapType, StringType, StructField,
                               StructType, TimestampNTZType)


def _table(*fields: tuple[str, DataType, bool]) -> StructType:
    return StructType([StructField(name, kind, nullable) for name, kind, nullable in fields])


_S, _T, _B, _I = StringType(), TimestampNTZType(), BooleanType(), IntegerType()

# One row per article, in input order; "document" is the SPEC document as `naql ingest`
# stores it (JSON), "place" where it was read (file:line or file:offset). The hash, search
# terms and source keys are what storing computes (naql.store.writer.Derived), done here
# so that the single writer of `naql ingest` only writes.
ARTICLES = _table(
    ("place", _S, False), ("url", _S, True), ("outlet", _S, True),
    ("published", _T, True),  # UTC
    ("title", _S, True), ("document", _S, False), ("content_hash", _S, False),
    ("title_terms", _S, False), ("body_terms", _S, False),
    ("source_keys", MapType(_S, _S, False), False),
    # each attribution's vectors by its id (provenance.meaning), with --vectors; else null
    ("vectors", MapType(_S, BinaryType(), False), True))

# One row per attribution: who said what, joined to its article on "place".
ATTRIBUTIONS = _table(
    ("place", _S, False), ("url", _S, True), ("outlet", _S, True), ("published", _T, True),
    ("attribution", _S, False), ("type", _S, False), ("polarity", _S, False),
    ("cue", _S, True), ("source", _S, True), ("source_text", _S, True),
    ("source_kind", _S, True), ("source_entity", _S, True), ("source_anonymous", _B, False),
    ("anonymous", _B, False),  # rests on an unnamed source: its own or one it cites
    ("via", ArrayType(_S, False), False), ("content", _S, False),
    ("content_start", _I, False), ("content_end", _I, False), ("recipient", _S, True),
    ("confidence", DoubleType(), False), ("rule", _S, False),
    ("vector", BinaryType(), True))  # what it means (provenance.meaning), with --vectors

# One row per span naming a source: an attribution's source ("source") and each it cites ("via").
MENTIONS = _table(
    ("place", _S, False), ("attribution", _S, False), ("role", _S, False), ("text", _S, True),
    ("start", _I, True), ("end", _I, True), ("resolved", _S, True), ("kind", _S, True),
    ("anonymous", _B, False))

# One row per record or file that gave no article, with the reason.
ERRORS = _table(("place", _S, False), ("reason", _S, False))

TABLES = {"articles": ARTICLES, "attributions": ATTRIBUTIONS, "mentions": MENTIONS,
          "errors": ERRORS}

RESULT = _table(
    ("file_no", _I, False), ("seq", LongType(), False),  # input order, for writing in it
    ("article", ARTICLES, True), ("attributions", ArrayType(ATTRIBUTIONS, False), False),
    ("mentions", ArrayType(MENTIONS, False), False), ("error", ERRORS, True))
