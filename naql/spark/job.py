"""The job: list the inputs, read them into records, extract each once, write the tables.

Extraction results are cached and each table is a projection of them, so writing four
tables does not extract four times. Articles and errors are written in input order.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import partial

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from .inputs import exists, list_inputs
from .read import read_items
from .rows import extract_rows
from .schema import RESULT, TABLES


@dataclass(frozen=True, slots=True)
class Counts:
    articles: int
    attributions: int
    mentions: int
    errors: int


def session(master: str | None = None) -> SparkSession:
    """The Spark session: ``master`` if given, else spark-submit's (or local[*]). When this
    process starts Spark locally, the Python workers are this very interpreter (it has naql)
    and Spark listens on the loopback interface only."""
    builder = SparkSession.builder.appName("naql")
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # set by spark-submit
    if (master or "local").startswith("local") and not submitted:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.driver.host", "127.0.0.1"))
    return (builder.master(master) if master else builder).getOrCreate()


def run(spark: SparkSession, paths: list[str], output: str, partitions: int | None = None,
        overwrite: bool = False, vectors: bool = False) -> Counts:
    """Extract everything under ``paths`` into Parquet tables under ``output``. Extraction
    runs in ``partitions`` tasks (default: twice the cores, and no fewer than input splits);
    with ``vectors``, the attributions are encoded too (provenance.meaning), so that
    ``naql claims`` on the stored tables computes none."""
    output = output.rstrip("/")
    if not overwrite and (taken := [t for t in TABLES if exists(spark, f"{output}/{t}")]):
        raise FileExistsError(f"{output} already holds {', '.join(taken)} (use --overwrite)")
    items = read_items(spark, list_inputs(spark, paths))
    tasks = partitions or max(items.getNumPartitions(), 2 * spark.sparkContext.defaultParallelism)
    results = spark.createDataFrame(
        items.repartition(tasks).mapPartitions(partial(extract_rows, vectors=vectors)), RESULT)
    results.persist()
    try:
        counts = _count(results)
        for name, table in _tables(results).items():
            table.write.mode("overwrite").parquet(f"{output}/{name}")
        return counts
    finally:
        results.unpersist()


def _count(results: DataFrame) -> Counts:
    row = results.select(F.count("article"), F.sum(F.size("attributions")),
                         F.sum(F.size("mentions")), F.count("error")).first()
    return Counts(*(int(n or 0) for n in row))


def _tables(results: DataFrame) -> dict[str, DataFrame]:
    """Each table from the cached results, in the column order of its schema."""
    in_order = ("file_no", "seq")
    return {
        "articles": results.where(F.col("article").isNotNull()).orderBy(*in_order)
        .select("article.*"),
        "attributions": results.select(F.explode("attributions").alias("a")).select("a.*"),
        "mentions": results.select(F.explode("mentions").alias("m")).select("m.*"),
        "errors": results.where(F.col("error").isNotNull()).orderBy(*in_order)
        .select("error.*"),
    }
