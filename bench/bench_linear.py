"""Doubling benchmark: extraction time against input length, ordinary and pathological.

    python bench/bench_linear.py [--sizes 1 2 4 8]   # sizes in MB

For each kind of input, the CPU time at each size and the ratio to the size before it: a
linear extractor shows ratios near 2; a regex that backtracks or a quadratic loop shows 4
and more. The pathological inputs are runs of quotes, commas, colons and cues with no
sentence end, lines of headline-like "X: Y", and unbalanced quotation marks.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import naql

sys.path.insert(0, str(Path(__file__).parent))
from articles import corpus  # noqa: E402

PATTERNS = {
    "articles": None,  # real-looking articles, concatenated
    "cues without punctuation": "قال الوزير إن الحكومة ",
    "quotation marks": '«قال» "نعم" “لا” ',
    "unbalanced quotes": "« قال الوزير إن ",
    "commas": "، وأضاف، مضيفاً ",
    "colons": "الوزير: ",
    "sources": "وقالت الصحيفة إن مصدرا قال إن الوزير أكد أن المتحدث نفى ما ",
    "frames": "بحسب الصحيفة وفقا لـ نقلا عن ",
    "headline lines": "نائبة: كلام كثير هنا\n",
}


def text_of(pattern: str | None, size: int) -> str:
    if pattern is None:
        chunk = "\n\n".join(corpus(50))
    else:
        chunk = pattern
    reps = size // len(chunk.encode()) + 1
    return (chunk * reps)[: size // 2]  # Arabic letters are two bytes in UTF-8


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8])
    args = ap.parse_args()
    naql.extract("قال الوزير إن الوضع مستقر.", "text")
    worst = 0.0
    for name, pattern in PATTERNS.items():
        times = []
        for mb in args.sizes:
            text = text_of(pattern, int(mb * 1_000_000))
            start = time.process_time()  # CPU time: other jobs on the machine do not count
            naql.extract(text, "text")
            times.append(time.process_time() - start)
        ratios = [b / a for a, b in zip(times, times[1:]) if a > 0]
        worst = max([worst, *ratios])
        cells = "  ".join(f"{mb:g}MB {t:6.2f}s" for mb, t in zip(args.sizes, times))
        print(f"{name:26s} {cells}   doubling ratios {' '.join(f'{r:.2f}' for r in ratios)}")
    print(f"worst doubling ratio: {worst:.2f} (2.0 is linear)")


if __name__ == "__main__":
    main()
