"""Store benchmarks (not tests): ingest rate, memory against corpus size, query latency.

    python bench/bench_store.py [--ingest 5000] [--corpus 100000] [--queries 300]

1. Ingest: synthetic text articles as .jsonl into a new SQLite store with 2 workers through
   the real CLI (extractor included); articles/s and the peak memory of the ingest process
   tree at two corpus sizes (flat means the larger run does not need more).
2. Queries: a synthetic 100,000-article store written directly (documents with attributions,
   named sources in several spellings, unnamed ones), then p50/p95 of ``quotes`` (a source
   in a random spelling) and ``search`` (two words, some in another hamza/ta marbuta form).
Everything is generated; nothing is downloaded. Targets: >= 200 articles/s; < 50 ms p95.
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from naql.model import Attribution, Document, Source, Span, Via
from naql.store import Article, Writer, open_store
from naql.store import queries

WORDS = ("الحكومة البرلمان الموازنة الانتخابات المفاوضات الاتفاق العقوبات القوات الحدود المدينة "
         "الاقتصاد الأسواق النفط الغاز الكهرباء المياه الصحة التعليم الجامعة المستشفى الطريق "
         "الميناء المطار الشركة المصرف الدولار الأسعار التضخم البطالة الاستثمار المشروع الخطة "
         "الأزمة الحرب السلام الهدنة الجيش الشرطة المعارضة الحزب الوزارة الرئاسة القمة المؤتمر "
         "الزيارة الوفد السفارة اللاجئين المساعدات الإغاثة الفيضانات الزلزال الحرائق المناخ "
         "الزراعة القمح الصادرات الواردات الضرائب الديون القرض الصندوق البنك التجارة الحدودية "
         "هجمات وشيكة صواريخ طائرات مسيرة قصف غارات اشتباكات تفجير اعتقال محاكمة حكم قرار "
         "قانون دستور تعديل استفتاء تصويت مرشح حملة نتائج فوز خسارة تحالف ائتلاف انسحاب "
         "مبادرة وساطة تسوية حوار لقاء اجتماع بيان تقرير دراسة مؤشر نمو تراجع ارتفاع انخفاض").split()
FIRST = ("محمد أحمد علي حسن خالد عمر يوسف إبراهيم سامي فاطمة مريم ليلى نور هدى سلمى رامي "
         "طارق وليد جمال كريم عادل ماجد ناصر فيصل سعيد").split()
LAST = ("الخطيب الحسيني العلي المصري الشامي البغدادي الأنصاري القاسم الزعبي النجار الحداد "
        "السعدي الهاشمي العمري الشريف الجبوري التميمي الكبيسي الدوري الساعدي المالكي "
        "البرغوثي الطويل الصباغ الرفاعي").split()
FAMOUS = ["دونالد ترامب", "مايك بومبيو", "فلاديمير بوتين", "إيمانويل ماكرون", "أنطونيو غوتيريش",
          "رجب طيب أردوغان", "بنيامين نتنياهو", "جو بايدن"]
VARIANT_OF = {"ترامب": "ترمب", "بوتين": "بوتن", "غوتيريش": "جوتيريش", "أردوغان": "أردوجان",
              "نتنياهو": "نتانياهو", "بايدن": "بايدين"}
TITLES = ["", "", "الرئيس ", "الوزير ", "الدكتور ", "السيد ", "وزير الخارجية "]
CUES = ["قال", "أكد", "أوضح", "صرح", "أضاف", "ذكر"]
ANONYMOUS = ["مصادر مطلعة", "مسؤول رفيع", "مصدر أمني", "دبلوماسيون غربيون"]
OUTLETS = [f"outlet{i}.example" for i in range(40)]
HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "ة": "ه", "ى": "ي"})
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةأإى"


def vocabulary(size: int = 20_000) -> list[str]:
    """Words by frequency rank: made-up words, with the real ones spread among the first
    few thousand ranks, so that term frequencies look like a news corpus's."""
    rng = random.Random(11)
    made: dict[str, None] = {}
    while len(made) < size:
        made["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))] = None
    vocab = list(made)
    for n, word in enumerate(WORDS):
        vocab.insert(20 + 15 * n, word)
    return vocab


VOCAB = vocabulary()


_CUMULATIVE: dict[tuple[int, float], list[float]] = {}


def zipf_choice(rng: random.Random, items: list, s: float = 1.1):
    """Pick with Zipf-like weights so a few items dominate, as in news."""
    cum = _CUMULATIVE.get((len(items), s))
    if cum is None:
        cum = _CUMULATIVE[(len(items), s)] = list(
            itertools.accumulate(1 / (r ** s) for r in range(1, len(items) + 1)))
    return items[bisect.bisect(cum, rng.random() * cum[-1])]


def people(n: int) -> list[str]:
    """``n`` distinct names (at most 15,633): the famous ones first, then first+father+family."""
    rng = random.Random(1)
    names = dict.fromkeys(FAMOUS)
    while len(names) < n:
        names[f"{rng.choice(FIRST)} {rng.choice(FIRST)} {rng.choice(LAST)}"] = None
    return list(names)


def spelling(rng: random.Random, name: str) -> str:
    """The name as one article might write it: a title, another transliteration, no hamza."""
    last = name.split()[-1]
    if last in VARIANT_OF and rng.random() < 0.4:
        name = name.replace(last, VARIANT_OF[last])
    if rng.random() < 0.3:
        name = name.translate(HAMZA)
    if rng.random() < 0.3:
        name = name.split()[-1]
    return rng.choice(TITLES) + name


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(zipf_choice(rng, VOCAB, 1.0) for _ in range(n))


def synthetic_text(rng: random.Random, i: int) -> str:
    hot = " وتحدث التقرير عن هجمات وشيكة." if rng.random() < 0.005 else ""
    return " ".join(f"{sentence(rng)}." for _ in range(8)) + hot + f" رقم {i}."


# --- 1. ingest ------------------------------------------------------------------------------

def write_jsonl(path: Path, n: int) -> None:
    rng = random.Random(n)
    names = people(300)
    start = datetime(2023, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            who = spelling(rng, zipf_choice(rng, names))
            text = (f"{rng.choice(CUES)} {who} إن {sentence(rng)}. {synthetic_text(rng, i)} "
                    f"وقالت {rng.choice(ANONYMOUS)} إن {sentence(rng)}.")
            fh.write(json.dumps({"url": f"https://{rng.choice(OUTLETS)}/{n}/{i}",
                                 "published": (start + timedelta(minutes=7 * i)).isoformat() + "Z",
                                 "title": sentence(rng, 6), "text": text},
                                ensure_ascii=False) + "\n")


def bench_ingest(workdir: Path, n: int) -> tuple[float, float, int]:
    """(articles/s over the whole command, articles/s of the run, peak RSS in MiB)."""
    corpus = workdir / f"corpus{n}.jsonl"
    write_jsonl(corpus, n)
    db = workdir / f"ingest{n}.db"
    began = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "naql.cli", "ingest", "--db", str(db),
                             "--workers", "2", str(corpus)], stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - began
    if os.waitstatus_to_exitcode(status) != 0 or f"ingested {n:,}," not in err:
        raise SystemExit(f"ingest failed:\n{err}")
    run_rate = float(re.search(r"\(([\d,]+) articles/s", err).group(1).replace(",", ""))
    return n / elapsed, run_rate, usage.ru_maxrss // 1024


# --- 2. queries -----------------------------------------------------------------------------

def synthetic_article(rng: random.Random, i: int, names: list[str], start: datetime) -> Article:
    parts, spans = [], []

    def add(s: str) -> tuple[int, int]:
        at = sum(len(p) for p in parts)
        parts.append(s)
        return at, at + len(s)

    for _ in range(rng.randint(2, 5)):
        anonymous = rng.random() < 0.2
        name = rng.choice(ANONYMOUS) if anonymous else spelling(rng, zipf_choice(rng, names))
        cue = add(rng.choice(CUES))
        add(" ")
        src = add(name)
        add(" إن ")
        content = add(sentence(rng))
        add(". ")
        via = None
        if not anonymous and rng.random() < 0.1:
            add("نقلاً عن ")
            via = add(rng.choice(ANONYMOUS))
            add(". ")
        spans.append((cue, src, content, via, name, anonymous))
        add(synthetic_text(rng, i) + " ")
    text = "".join(parts)
    attrs = [Attribution(
        id=f"a{k}", type="indirect", polarity="assert", cue=Span.of(text, *cue),
        source=Source(Span.of(text, *src), name, kind="person", anonymous=anonymous),
        content=Span.of(text, *content),
        via=[Via(Span.of(text, *via), text[via[0]:via[1]], anonymous=True)] if via else [])
        for k, (cue, src, content, via, name, anonymous) in enumerate(spans, 1)]
    doc = Document(input=f"synthetic:{i}", text=text, title=sentence(rng, 6), attributions=attrs)
    return Article(doc.to_dict(), url=f"https://{rng.choice(OUTLETS)}/a/{i}",
                   outlet=rng.choice(OUTLETS), published=start + timedelta(minutes=5 * i),
                   place=f"synthetic:{i}")


def build_store(db: Path, n: int) -> float:
    engine = open_store(str(db))
    names = people(3000)
    rng = random.Random(7)
    writer = Writer()
    began = time.monotonic()
    start = datetime(2020, 1, 1)
    with engine.connect().execution_options(immediate=True) as conn:
        for lo in range(0, n, 500):
            with conn.begin():
                for i in range(lo, min(n, lo + 500)):
                    writer.write(conn, synthetic_article(rng, i, names, start))
            print(f"\r  built {min(n, lo + 500):,}/{n:,}", end="", file=sys.stderr)
    print(file=sys.stderr)
    engine.dispose()
    return n / (time.monotonic() - began)


def timed(fn, args_list) -> list[float]:
    out = []
    for args in args_list:
        began = time.perf_counter()
        fn(*args)
        out.append((time.perf_counter() - began) * 1000)
    return out


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def bench_queries(db: Path, n: int) -> dict[str, list[float]]:
    engine = open_store(str(db), create=False)
    rng = random.Random(3)
    names = people(3000)
    who = [spelling(rng, names[min(int(rng.paretovariate(0.8)) - 1, 499)]) for _ in range(n)]
    # Content words a user would type: past the most frequent ranks, one in two without hamza.
    what = [" ".join(VOCAB[min(int(rng.paretovariate(0.5)), 5000) + 50] for _ in range(2))
            .translate(HAMZA if rng.random() < 0.5 else {}) for _ in range(n)]
    results = {}
    with engine.connect() as conn:
        queries.quotes(conn, "ترامب")
        queries.search_articles(conn, "هجمات وشيكة")  # warm the page cache
        results["quotes (source in a random spelling)"] = timed(
            lambda s: queries.quotes(conn, s), [(s,) for s in who])
        results["quotes --exact"] = timed(
            lambda s: queries.quotes(conn, s, exact=True), [(s,) for s in who])
        results["quotes, most cited source"] = timed(
            lambda s: queries.quotes(conn, s), [("ترمب",)] * 50)
        results["search (two words)"] = timed(
            lambda q: queries.search_articles(conn, q), [(q,) for q in what])
        results['search "هجمات وشيكه"'] = timed(
            lambda q: queries.search_articles(conn, q), [("هجمات وشيكه",)] * 50)
        results["search, one of the 5 most frequent words"] = timed(
            lambda q: queries.search_articles(conn, q), [(rng.choice(VOCAB[:5]),)
                                                         for _ in range(50)])
    engine.dispose()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ingest", type=int, default=5000, help="articles in the ingest run")
    ap.add_argument("--corpus", type=int, default=100_000, help="articles in the query store")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--keep", type=Path, help="build/reuse the query store at this path")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="naql-bench-") as tmp:
        work = Path(tmp)
        print("ingest: SQLite, 2 workers, real extractor, CLI end to end")
        for n in (args.ingest // 4, args.ingest):
            total, run, rss = bench_ingest(work, n)
            print(f"  {n:>7,} articles: {run:7.0f} articles/s in the run, {total:7.0f} articles/s "
                  f"with start-up; peak RSS {rss} MiB")
        db = args.keep or work / "query.db"
        if not db.exists():
            print(f"query store: writing {args.corpus:,} synthetic articles")
            print(f"  {build_store(db, args.corpus):,.0f} articles/s written "
                  f"({db.stat().st_size / 2**20:,.0f} MiB)")
        print(f"queries on {args.corpus:,} articles (SQLite), ms:")
        for name, ms in bench_queries(db, args.queries).items():
            print(f"  {name:40s} p50 {p(ms, 50):6.1f}  p95 {p(ms, 95):6.1f}  max {max(ms):6.1f}")


if __name__ == "__main__":
    main()
