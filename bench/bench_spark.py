"""naql on Spark in local mode: articles/s with 1 and with 2 cores on the same input, against
plain ``naql.extract`` on one core in this process.

    python bench/bench_spark.py [--articles 10000]

The corpus is generated (bench/articles.py, ~3 KB each) and written as JSONL. Each Spark run
is a fresh process running the whole job (list, read, extract, write the four Parquet
tables): its rate is given without the session start (JVM launch and SparkContext) and with
it. Python workers starting and loading the lexicons happen inside the job, so they count.
The plain rate extracts the same records, read as ``naql ingest`` reads them, lexicons
loaded beforehand. The job also does what ``naql ingest`` does to an article besides
extracting it (hash, search terms, source keys), timed apart for comparison. CPU time is
counted too (Linux): on a busy machine wall time also measures the other work, CPU time not.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import naql
from naql.ingest.run import extract_record
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


def plain_rates(path: Path, work: Callable[[Record], object]) -> tuple[float, float]:
    """Articles per second of wall time and of CPU time, doing ``work`` on each record."""
    records = [r for r in read_all([str(path)]) if isinstance(r, Record)]
    work(records[0])  # lexicons loaded, not timed
    start, cpu = time.perf_counter(), time.process_time()
    for r in records:
        work(r)
    return (len(records) / (time.perf_counter() - start),
            len(records) / (time.process_time() - cpu))


def extract(r: Record) -> object:
    return naql.extract(r.content, r.input_format, name=r.place)


def tree_cpu(root: int) -> float:
    """CPU seconds used by a process and all its descendants (Linux /proc): for Spark, the
    JVM and its Python workers. Counts what a busy machine's other work does not."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        stats[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo += [p for p, (parent, _) in stats.items() if parent == pid and p not in tree]
    return sum(stats[p][1] for p in tree if p in stats) / os.sysconf("SC_CLK_TCK")


def spark_run(master: str, path: Path, out: Path) -> dict[str, float]:
    """One job in a fresh process, so each run pays its own JVM start."""
    done = subprocess.run([sys.executable, __file__, "--child", master, str(path), str(out)],
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"spark {master} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def child(master: str, path: str, out: str) -> None:
    from naql.spark.job import run, session

    began = time.perf_counter()
    spark = session(master)
    jvm = spark.sparkContext._gateway.proc.pid
    started, cpu = time.perf_counter(), tree_cpu(jvm) + time.process_time()
    counts = run(spark, [path], out)
    finished, cpu = time.perf_counter(), tree_cpu(jvm) + time.process_time() - cpu
    spark.stop()
    print(json.dumps({"articles": counts.articles, "startup": started - began,
                      "job": finished - started, "cpu": cpu}))


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
    with tempfile.TemporaryDirectory(prefix="naql-spark-bench-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        write_corpus(path, args.articles, args.html)
        size = path.stat().st_size
        plain, plain_cpu = plain_rates(path, extract)
        ingest_cpu = plain_rates(path, extract_record)[1]
        runs = {cores: spark_run(f"local[{cores}]", path, Path(tmp) / f"out{cores}")
                for cores in (1, 2)}
    print(f"corpus: {args.articles:,} {'HTML' if args.html else 'text'} articles, "
          f"{size / 1e6:.1f} MB of JSONL; machine load "
          f"{load:.1f} at start, {os.getloadavg()[0]:.1f} at end ({os.cpu_count()} cores)")
    print(f"plain naql.extract, one core:    {plain:,.0f} articles/s "
          f"({plain_cpu:,.0f} per CPU-second); naql ingest's work per record (extract, hash, "
          f"search terms, source keys): {ingest_cpu:,.0f} per CPU-second")
    rate = {}
    for cores, r in runs.items():
        assert r["articles"] == args.articles, r
        rate[cores] = r["articles"] / r["job"]
        print(f"spark local[{cores}]: {rate[cores]:,.0f} articles/s without session start "
              f"({r['job']:.1f} s), {r['articles'] / (r['job'] + r['startup']):,.0f} with it "
              f"(+{r['startup']:.1f} s); {r['articles'] / r['cpu']:,.0f} per CPU-second of "
              f"the JVM, its Python workers and the driver")
    print(f"ratio local[2] / local[1]:       {rate[2] / rate[1]:.2f}")
    print(f"overhead local[1] vs plain:      {1 - rate[1] / plain:.0%} slower "
          f"(plain is {plain / rate[1]:.2f}x local[1]); in CPU time, Spark spends "
          f"{plain_cpu * runs[1]['cpu'] / runs[1]['articles']:.2f}x plain's per article, "
          f"{ingest_cpu * runs[1]['cpu'] / runs[1]['articles']:.2f}x naql ingest's")


if __name__ == "__main__":
    main()
