"""Scoring a clustered store against gold: pairwise precision and recall of claim links,
chain links and story links.

Gold is three tab-separated files (see tests/fixtures/provenance): ``claims.tsv`` gives each
expected report (its article's url and words of its content) a claim label, ``chains.tsv``
the chain links (url, cites) and ``stories.tsv`` a story label per article url. A claim link
is a pair of reports in one claim; only reports of the gold are scored, and a gold report
that naql did not find loses its links.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from sqlalchemy import Connection, select

from naql.store.schema import articles, attributions, claim_members, story_articles
from naql.text.normalize import normalize

from .queries import every_claim
from .shingles import statement


@dataclass(frozen=True, slots=True)
class Found:
    """A report naql stored: (attribution, part), its statement, article and claim."""

    id: tuple[int, int]
    content: str
    url: str | None
    claim_id: int


@dataclass(frozen=True, slots=True)
class Score:
    predicted: int
    gold: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    def __str__(self) -> str:
        return (f"precision {self.precision:.3f} ({self.correct}/{self.predicted}), "
                f"recall {self.recall:.3f} ({self.correct}/{self.gold})")


@dataclass(slots=True)
class Scores:
    claims: Score
    chains: Score
    stories: Score
    missing: list[str] = field(default_factory=list)  # gold reports not found: "url: words"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader((ln for ln in f if ln.strip() and not ln.startswith("#")),
                                   delimiter="\t"))


def _score(predicted: set, gold: set) -> Score:
    return Score(len(predicted), len(gold), len(predicted & gold))


def _pairs(groups: Iterable[Iterable]) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in combinations(dict.fromkeys(g), 2)}


def _grouped(labels: dict) -> list[list]:
    out: dict = {}
    for item, label in labels.items():
        out.setdefault(label, []).append(item)
    return list(out.values())


def score(conn: Connection, gold: Path) -> Scores:
    reports = [Found((r.id, r.part), statement(r.content, r.part), r.url, r.claim_id)
               for r in conn.execute(
                   select(attributions.c.id, attributions.c.content, articles.c.url,
                          claim_members.c.part, claim_members.c.claim_id)
                   .join(claim_members, claim_members.c.attribution_id == attributions.c.id)
                   .join(articles, articles.c.id == attributions.c.article_id))]
    label: dict[tuple[int, int] | str, str] = {}  # a gold report -> its claim
    missing = []
    for row in _rows(gold / "claims.tsv"):
        words = normalize(row["content"])
        found = sorted((r for r in reports if r.url == row["url"] and r.id not in label
                        and words in normalize(r.content)), key=lambda r: len(r.content))
        if found:
            label[found[0].id] = row["claim"]
        else:  # its links are lost
            missing.append(f"{row['url']}: {row['content']}")
            label[missing[-1]] = row["claim"]
    claim_of = {r.id: r.claim_id for r in reports if r.id in label}
    claims = _score(_pairs(_grouped(claim_of)), _pairs(_grouped(label)))

    chains = _score({(link.url, link.cites) for c in every_claim(conn) for link in c.chain},
                    {(r["url"], r["cites"]) for r in _rows(gold / "chains.tsv")})

    story_of = dict(conn.execute(select(articles.c.url, story_articles.c.story_id)
                                 .join(story_articles,
                                       story_articles.c.article_id == articles.c.id)).all())
    gold_story = {r["url"]: r["story"] for r in _rows(gold / "stories.tsv")}
    stories = _score(_pairs(_grouped({u: s for u, s in story_of.items() if u in gold_story})),
                     _pairs(_grouped(gold_story)))
    return Scores(claims, chains, stories, missing)
