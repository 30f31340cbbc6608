"""Extraction speed and memory on one core, against a naive baseline in the same process.

    python bench/bench_extract.py [--articles 1000]

The corpus is generated (bench/articles.py, ~3 KB each). The baseline only splits the same
texts into sentences with a regular expression: the floor any reader of the text pays.
Memory: peak traced allocation while extracting the first half and the whole corpus; flat
means the second figure is not larger (the extractor keeps nothing between articles).
"""
from __future__ import annotations

import argparse
import re
import time
import tracemalloc
from pathlib import Path

import naql

try:
    from articles import corpus
except ImportError:  # run from the repository root
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from articles import corpus

SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]?")


def baseline(text: str) -> list[str]:
    return SENTENCE.findall(text)


def rate(fn, texts: list[str], repeat: int = 3) -> float:
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        for t in texts:
            fn(t)
        best = max(best, len(texts) / (time.perf_counter() - start))
    return best


def peak_memory(fn, texts: list[str]) -> int:
    tracemalloc.start()
    for t in texts:
        fn(t)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()
    texts = corpus(args.articles)
    size = sum(len(t.encode()) for t in texts) / len(texts)
    extract = lambda t: naql.extract(t, "text")  # noqa: E731
    extract(texts[0])  # load the lexicons once, outside the timing
    naive, ours = rate(baseline, texts), rate(extract, texts)
    half = peak_memory(extract, texts[: len(texts) // 2])
    whole = peak_memory(extract, texts)
    print(f"corpus: {len(texts)} articles, {size:.0f} bytes each on average")
    print(f"baseline (regex sentence split): {naive:,.0f} articles/s")
    print(f"naql extract (one core):         {ours:,.0f} articles/s")
    print(f"ratio naql/baseline:             {ours / naive:.4f}  (baseline is {naive / ours:.0f}x faster)")
    print(f"peak traced memory: {half / 1e6:.2f} MB over {len(texts) // 2} articles, "
          f"{whole / 1e6:.2f} MB over {len(texts)}")


if __name__ == "__main__":
    main()
