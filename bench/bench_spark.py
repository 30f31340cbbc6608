"""naql on Spark in local mode: articles/s with 1 and with 2 cores on the same input, against
plain ``naql.extract`` on one core in this process.

    python bench/bench_spark.py [--articles 10000]

The corpus is generated (bench/articles.py, ~3 KB each) and written as JSONL. Each Spark run
is a fresh process running the whole job (list, read, extract, write the four Parquet
tables): its rate is given without the session start (JVM launch and SparkContext) and with
it. Python workers starting and loading the lexicons happen inside the job, so they count.
The plain rate extracts the same records, read as ``naql ingest`` reads them, lexicons
loaded beforehand.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import naql
from naql.ingest.sources import Record, read_all

try:
    from articles import corpus
except ImportError:  # run from the repository root
    sys.path.insert(0, str(Path(__file__).parent))
    from articles import corpus


def write_corpus(path: Path, n: int, html: bool) -> None:
    """One record a line; with ``html``, each article as a page (paragraphs in <p>), which
    sends it through trafilatura as a WARC's pages go."""
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(corpus(n)):
            record = {"url": f"https://bench.example/{i}", "text": text}
            if html:
                paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
                record = {"url": record["url"], "html": "<html><head><meta charset='utf-8'>"
                          f"</head><body><article>{paragraphs}</article></body></html>"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def plain_rate(path: Path) -> float:
    records = [r for r in read_all([str(path)]) if isinstance(r, Record)]
    naql.extract(records[0].content, records[0].input_format)  # lexicons loaded, not timed
    start = time.perf_counter()
    for r in records:
        naql.extract(r.content, r.input_format, name=r.place)
    return len(records) / (time.perf_counter() - start)


def spark_run(master: str, path: Path, out: Path) -> dict[str, float]:
    """One job in a fresh process, so each run pays its own JVM start."""
    done = subprocess.run([sys.executable, __file__, "--child", master, str(path), str(out)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def child(master: str, path: str, out: str) -> None:
    from naql.spark.job import run, session

    began = time.perf_counter()
    spark = session(master)
    started = time.perf_counter()
    counts = run(spark, [path], out)
    finished = time.perf_counter()
    spark.stop()
    print(json.dumps({"articles": counts.articles, "startup": started - began,
                      "job": finished - started}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--html", action="store_true", help="records as HTML pages, not text")
    ap.add_argument("--child", nargs=3, metavar=("MASTER", "INPUT", "OUTPUT"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="naql-bench-spark-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        write_corpus(path, args.articles, args.html)
        size = path.stat().st_size
        plain = plain_rate(path)
        runs = {cores: spark_run(f"local[{cores}]", path, Path(tmp) / f"out{cores}")
                for cores in (1, 2)}
    print(f"corpus: {args.articles:,} {'HTML' if args.html else 'text'} articles, "
          f"{size / 1e6:.1f} MB of JSONL; machine load "
          f"{load:.1f} at start, {os.getloadavg()[0]:.1f} at end ({os.cpu_count()} cores)")
    print(f"plain naql.extract, one core:    {plain:,.0f} articles/s")
    rate = {}
    for cores, r in runs.items():
        assert r["articles"] == args.articles, r
        rate[cores] = r["articles"] / r["job"]
        print(f"spark local[{cores}]: {rate[cores]:,.0f} articles/s without session start "
              f"({r['job']:.1f} s), {r['articles'] / (r['job'] + r['startup']):,.0f} with it "
              f"(+{r['startup']:.1f} s)")
    print(f"ratio local[2] / local[1]:       {rate[2] / rate[1]:.2f}")
    print(f"overhead local[1] vs plain:      {1 - rate[1] / plain:.0%} slower "
          f"(plain is {plain / rate[1]:.2f}x local[1])")


if __name__ == "__main__":
    main()
