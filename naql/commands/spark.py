"""``naql spark extract``: the extractor on Apache Spark (the ``spark`` extra installs pyspark)."""
from __future__ import annotations

import argparse
import sys
import time


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("spark", help="run naql on Apache Spark (pip install 'naql[spark]')")
    commands = p.add_subparsers(dest="spark_command", required=True)
    e = commands.add_parser(
        "extract", help="extract JSONL and WARC archives into Parquet tables",
        description="Extract every article of JSONL and WARC(.gz) files, folders or globs on "
        "any path Spark reads, and write Parquet tables OUTPUT/articles, attributions, "
        "mentions and errors; 'naql ingest OUTPUT' stores them without extracting again. "
        "Exit status 1 if any record failed (each is in OUTPUT/errors with its reason).")
    e.add_argument("paths", nargs="+", metavar="INPUT")
    e.add_argument("output", metavar="OUTPUT")
    e.add_argument("--partitions", type=int, default=None,
                   help="extraction tasks (default: twice the cores, no fewer than input splits)")
    e.add_argument("--master", default=None,
                   help="Spark master, e.g. local[2] (default: spark-submit's, else local[*])")
    e.add_argument("--overwrite", action="store_true", help="replace tables already in OUTPUT")
    e.add_argument("--vectors", action="store_true",
                   help="also encode each attribution (the vectors naql claims compares), "
                   "so that naql claims on the stored tables computes none")
    e.set_defaults(func=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    try:
        from naql.spark.job import run, session
    except ImportError as exc:
        print(f"naql: naql spark needs pyspark ({exc}); pip install 'naql[spark]'",
              file=sys.stderr)
        return 2
    began = time.monotonic()
    spark = session(args.master)
    try:
        counts = run(spark, args.paths, args.output, args.partitions, args.overwrite,
                     args.vectors)
    except FileExistsError as exc:
        print(f"naql: {exc}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    print(f"{counts.articles:,} articles, {counts.attributions:,} attributions, "
          f"{counts.mentions:,} source mentions, {counts.errors:,} errors -> {args.output} "
          f"({time.monotonic() - began:,.1f} s)")
    return 1 if counts.errors else 0
