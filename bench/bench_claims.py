"""Claim clustering speed: a full run over 100,000 stored attributions, vectors included
(target < 10 minutes on 2 cores), then a rebuild, which reuses the stored vectors.

    python bench/bench_claims.py [--attributions 100000] [--db PATH]

A SQLite store is generated with the store's own writer (not timed): articles of five or so
attributions, about half of them re-reports of an earlier statement, reworded (a word
dropped, replaced or given ال) and passed on the ways outlets pass statements on (directly,
نقلت الصحيفة عن X قوله, وبحسب الصحيفة، فإن X قال, unnamed sources); words are bench_store's
Zipf-distributed vocabulary without its top ranks (in real text, the function words that
shingling drops), eight sentences of it between two reports. Then
the sentence encoder's speed is measured (one text a call, and batched), and
``naql.provenance.update(rebuild=True)`` is timed twice: the first run computes every
attribution's vectors, the second reuses them. The seconds spent on vectors, on claims
(reading reports, sketching, candidates, verification, writing) and on stories are reported
apart, and the run's CPU time (on a busy machine, wall time says more about the
neighbours). Run it on a 2-core machine for the figure in the notes.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from naql.model import Attribution, Document, Source, Span, Via
from naql.provenance import meaning, update
from naql.store import Article, Writer, open_store
from naql.store.schema import attributions, claims

try:
    from bench_store import ANONYMOUS, VOCAB, people, sentence, zipf_choice
except ImportError:  # run from the repository root
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_store import ANONYMOUS, VOCAB, people, sentence, zipf_choice

OUTLETS = [f"صحيفة {VOCAB[200 + 7 * i]}" for i in range(40)]
# In real text the 100 most frequent words are function words, which shingling drops:
# statements draw on the vocabulary's distribution without them.
FUNCTION_WORDS = frozenset(VOCAB[:100])


def content_word(rng: random.Random) -> str:
    while (word := zipf_choice(rng, VOCAB, 1.0)) in FUNCTION_WORDS:
        pass
    return word


def sentence_of_content(rng: random.Random, n: int = 12) -> str:
    return " ".join(content_word(rng) for _ in range(n))
CUES = ["قال", "أكد", "أوضح", "ذكر"]


class Statements:
    """Statements made so far; a re-report picks a recent one, the newest most often."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.made: list[tuple[str, str, bool]] = []  # (speaker, words, anonymous)
        self.speakers = people(3000)

    def pick(self) -> tuple[str, str, bool, bool]:
        """(speaker, content, anonymous, a re-report)."""
        rng = self.rng
        if self.made and rng.random() < 0.5:
            speaker, words, anonymous = self.made[-1 - min(len(self.made) - 1,
                                                          int(rng.expovariate(1 / 300)))]
            return speaker, _reworded(rng, words), anonymous, True
        anonymous = rng.random() < 0.15
        speaker = (rng.choice(ANONYMOUS) if anonymous
                   else zipf_choice(rng, self.speakers))
        made = (speaker, sentence_of_content(rng, rng.randint(6, 14)), anonymous)
        self.made.append(made)
        return *made, False


def _reworded(rng: random.Random, words: str) -> str:
    ws = words.split()
    if len(ws) > 4 and rng.random() < 0.3:
        del ws[rng.randrange(len(ws))]
    if rng.random() < 0.3:
        ws[rng.randrange(len(ws))] = zipf_choice(rng, VOCAB, 1.0)
    if rng.random() < 0.3:
        k = rng.randrange(len(ws))
        ws[k] = ws[k][2:] if ws[k].startswith("ال") else "ال" + ws[k]
    return " ".join(ws)


def article(rng: random.Random, statements: Statements, i: int, start: datetime
            ) -> tuple[Article, int]:
    """An article and how many attributions it has."""
    parts: list[str] = []

    def add(s: str) -> tuple[int, int]:
        at = sum(len(p) for p in parts)
        parts.append(s)
        return at, at + len(s)

    found = []  # (cue, source span, source name, kind, anonymous, content, vias)
    for _ in range(rng.randint(3, 6)):
        speaker, words, anonymous, again = statements.pick()
        outlet = rng.choice(OUTLETS)
        form = rng.random() if again else 1.0
        if form < 0.3:  # نقلت الصحيفة عن X قوله إن ...
            cue = add("نقلت")
            add(" ")
            src = add(outlet)
            add(" عن ")
            via = add(speaker)
            add(" قوله إن ")
            content = add(words)
            found.append((cue, src, outlet, "media", False, content, [(via, speaker, anonymous)]))
        elif form < 0.5:  # وبحسب الصحيفة، فإن X قال إن ...
            frame = add("وبحسب")
            add(" ")
            paper = add(outlet)
            add("، فإن ")
            src = add(speaker)
            add(" ")
            cue = add("قال")
            add(" إن ")
            content = add(words)
            found.append((frame, paper, outlet, "media", False, (src[0], content[1]), []))
            found.append((cue, src, speaker, "person", anonymous, content, []))
        else:
            cue = add(rng.choice(CUES))
            add(" ")
            src = add(speaker)
            add(" إن ")
            content = add(words)
            found.append((cue, src, speaker, "person", anonymous, content, []))
        add(". ")
        add(" ".join(f"{sentence_of_content(rng)}." for _ in range(8)) + " ")
    text = "".join(parts)
    attrs = [Attribution(
        id=f"a{k}", type="indirect", polarity="assert", cue=Span.of(text, *cue),
        source=Source(Span.of(text, *src), name, kind=kind, anonymous=anonymous),
        content=Span.of(text, *content),
        via=[Via(Span.of(text, *v), n, anonymous=a) for v, n, a in vias])
        for k, (cue, src, name, kind, anonymous, content, vias) in enumerate(found, 1)]
    doc = Document(input=f"synthetic:{i}", text=text, title=sentence(rng, 6), attributions=attrs)
    return Article(doc.to_dict(), url=f"https://bench.example/a/{i}", outlet=rng.choice(OUTLETS),
                   published=start + timedelta(minutes=9 * i), place=f"synthetic:{i}"), len(attrs)


def build(db: str, n: int) -> int:
    """A store of at least ``n`` attributions; returns how many articles it has."""
    engine = open_store(db)
    rng = random.Random(5)
    statements = Statements(rng)
    writer = Writer()
    start = datetime(2024, 1, 1)
    stored = i = 0
    with engine.connect().execution_options(immediate=True) as conn:
        while stored < n:
            with conn.begin():
                for _ in range(500):
                    art, k = article(rng, statements, i, start)
                    writer.write(conn, art)
                    stored, i = stored + k, i + 1
    engine.dispose()
    return i


def encoder_speed(texts: list[str]) -> tuple[float, float]:
    """Texts a second: one a call, and in batches."""
    meaning.encode(texts[:1])  # loads the weights
    began = time.perf_counter()
    for t in texts[:64]:
        meaning.encode([t])
    single = 64 / (time.perf_counter() - began)
    began = time.perf_counter()
    meaning.encode(texts)
    return single, len(texts) / (time.perf_counter() - began)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--attributions", type=int, default=100_000)
    ap.add_argument("--db", help="SQLite file to build and keep, or to reuse if it exists")
    args = ap.parse_args()
    workdir = tempfile.TemporaryDirectory()
    db = args.db or str(Path(workdir.name) / "claims.db")
    if not Path(db).exists():
        began = time.monotonic()
        n = build(db, args.attributions)
        print(f"built {n:,} articles in {time.monotonic() - began:.0f} s (not timed)")
    engine = open_store(db)
    with engine.connect() as conn:
        sample = conn.execute(select(attributions.c.content).limit(1024)).scalars().all()
    single, batched = encoder_speed(sample)
    print(f"encoder: {single:.0f} texts/s one at a time, {batched:.0f} texts/s batched")
    for run in ("first run", "rebuild"):
        began, cpu = time.monotonic(), time.process_time()
        done = update(engine, rebuild=True)
        total, cpu = time.monotonic() - began, time.process_time() - cpu
        with engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(attributions)).scalar_one()
            found = conn.execute(select(func.count()).select_from(claims)
                                 .where(claims.c.articles > 1)).scalar_one()
        print(f"{run}: {stored:,} attributions, {done.reports:,} reports in "
              f"{done.articles:,} articles; {found:,} claims reported by more than one article")
        print(f"  vectors: {done.encoded:,} in {done.vector_seconds:.1f} s   "
              f"claims: {done.claim_seconds:.1f} s   "
              f"stories: {done.story_seconds:.1f} s   whole run: {total:.1f} s wall, "
              f"{cpu:.1f} s CPU   (target: < 600 s)")
    engine.dispose()
    workdir.cleanup()


if __name__ == "__main__":
    main()
