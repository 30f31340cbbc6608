"""naql serve benchmark (not a test): page latency on a 10,000-article SQLite corpus.

    python bench/bench_serve.py [--articles 10000] [--requests 300] [--keep PATH]

Writes a synthetic corpus with bench_store's generator (named sources in several spellings,
Zipf-distributed so a few are quoted thousands of times, unnamed ones, citation chains),
starts ``naql serve`` on loopback in its own process, and times whole HTTP requests from
another process with httpx: the article page of random articles, the source page of random
named sources among the 200 most cited, and of the most cited one; the front page; the
page of random claims among the 200 most reported, and of the stories they are in. The
server brings claims and stories up to date when it starts (timed apart).
Figures over many attributions (a source's profile, the front page's) are computed on a
page's first visit and kept until the corpus changes, so first visits and revisits are
timed apart. Target: article and source pages < 100 ms p95.
"""
from __future__ import annotations

import argparse
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench_store import build_store, p


STORY = re.compile(r'href="/stories/(\d+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "naql.cli", "serve", "--db", str(db),
                               "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(3000):  # it clusters the corpus first
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/articles?limit=1").raise_for_status()
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("naql serve did not start")


def timed(client: httpx.Client, paths: list[str]) -> list[float]:
    out = []
    for path in paths:
        began = time.perf_counter()
        client.get(path).raise_for_status()
        out.append((time.perf_counter() - began) * 1000)
    return out


def report(name: str, ms: list[float]) -> None:
    figures = (f"p50 {p(ms, 50):6.1f}  p95 {p(ms, 95):6.1f}  max {max(ms):6.1f}  (n={len(ms)})"
               if len(ms) > 1 else f"{ms[0]:6.1f}")
    print(f"  {name:46s} {figures}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=300, help="per page kind")
    ap.add_argument("--keep", type=Path, help="build/reuse the corpus at this path")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="naql-bench-serve-") as tmp:
        db = args.keep or Path(tmp) / "serve.db"
        if not db.exists():
            print(f"corpus: writing {args.articles:,} synthetic articles")
            print(f"  {build_store(db, args.articles):,.0f} articles/s written")
        port = free_port()
        began = time.perf_counter()
        server = start(db, port)
        print(f"server up in {time.perf_counter() - began:.1f} s (claims and stories included)")
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                rng = random.Random(5)
                top = client.get("/api/sources", params={"top": 200}).json()["sources"]
                sources = [f"/sources/{s['source_id']}" for s in top]
                print(f"naql serve on {args.articles:,} articles (SQLite), whole request, ms:")
                [cold] = timed(client, ["/"])
                timed(client, [sources.pop()] * 5)  # compiles the template, warms the pool
                first = timed(client, sources)  # each computes its source's figures
                report("front page, first request", [cold])
                report(f"source page, most cited ({top[0]['cited']:,}), first visit", first[:1])
                report(f"source page, first visit ({len(first)} most cited)", first)
                n = args.requests
                claims = client.get("/api/claims", params={"limit": 200}).json()
                stories = {m["article_id"]: None for c in claims for m in c["members"][:1]}
                for article_id in list(stories)[:50]:
                    page = client.get(f"/articles/{article_id}").text
                    stories[article_id] = next(iter(STORY.findall(page)), None)
                story_paths = sorted({f"/stories/{s}" for s in stories.values() if s})
                for name, paths in {
                    "article page (random article)": [
                        f"/articles/{rng.randint(1, args.articles)}" for _ in range(n)],
                    "source page, revisit (random of top 200)": [
                        rng.choice(sources) for _ in range(n)],
                    "source page, revisit (most cited)": sources[:1] * n,
                    "front page, revisit": ["/"] * n,
                    f"claim page (random of the {len(claims)} most reported)": [
                        f"/claims/{rng.choice(claims)['claim'][1:]}" for _ in range(n)]
                    if claims else [],
                    f"story page (random of {len(story_paths)})": [
                        rng.choice(story_paths) for _ in range(n)] if story_paths else [],
                    "claims list": ["/claims"] * n,
                }.items():
                    if paths:
                        report(name, timed(client, paths))
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
