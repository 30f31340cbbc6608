"""Scoring a clustered store against gold: pairwise precision and recall of claim links,
chain links and story links.

Two gold formats. The team's (``score``, see tests/fixtures/provenance) is three
tab-separated files: ``claims.tsv`` gives each expected report (its article's url and words
of its content) a claim label, ``chains.tsv`` the chain links (url, cites) and
``stories.tsv`` a story label per article url; a claim link is a pair of reports in one
claim; only reports of the gold are scored, and a gold report that naql did not find loses
its links. A provenance set of real coverage (``score_set``: ``sNN/MM.json`` articles in the
guideline's format and ``claims.json``, ``stories.json``) is scored as its
``score_claims.py`` does: a link is a pair of gold attributions in two articles, stored
reports meet gold ones by url and content (token F1 at least 0.5, as ``naql evaluate``), and
recall is over all gold pairs; it also counts the divergent pairs of ``stories.json`` that
the story pages show (``divergent_shown``).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from sqlalchemy import Connection, select

from naql.evaluate import score_tokens, token_f1
from naql.store.schema import articles, attributions, claim_members, story_articles
from naql.text.normalize import normalize

from .queries import every_claim, stories, story
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


# --- a provenance set of real coverage ---------------------------------------------------------

Key = tuple[str, int]  # a gold attribution: its article's file and its index there


@dataclass(slots=True)
class SetScores:
    links: Score  # cross-article claim links, as score_claims.py counts them
    placed: int  # gold attributions in a claim of two articles or more (naql claims lists)
    divergent: int  # divergent pairs in stories.json
    shown: int  # of those, shown on opposite sides of a story or flagged as figures apart


def _cross_pairs(groups: dict[Key, set]) -> set[tuple[Key, Key]]:
    keys = sorted(groups)
    return {(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]
            if a[0] != b[0] and groups[a] & groups[b]}


def _gold_key(gold: dict[str, dict], url_file: dict[str, str], url: str | None,
              content: str) -> Key | None:
    """The gold attribution a stored report is: in the article of its url, the one whose
    content it matches best, if well enough."""
    f = url_file.get(url or "")
    if f is None:
        return None
    tokens = score_tokens(content)
    best = max(((token_f1(tokens, score_tokens(g["content"])), i)
                for i, g in enumerate(gold[f]["attributions"])), default=(0.0, -1))
    return (f, best[1]) if best[0] >= 0.5 else None


def score_set(conn: Connection, directory: Path) -> SetScores:
    gold = {str(f.relative_to(directory)): json.loads(f.read_text(encoding="utf-8"))
            for f in sorted(directory.glob("s*/*.json"))}
    gold_claims = json.loads((directory / "claims.json").read_text(encoding="utf-8"))
    url_file = {a["url"]: f for f, a in gold.items()}
    gold_of: dict[Key, set[str]] = {}
    for c in gold_claims:
        for f, i in c["members"]:
            gold_of.setdefault((f, i), set()).add(c["claim"])
    found: dict[Key, set[int]] = {}  # gold attribution -> the claims naql put it in
    across: set[Key] = set()  # those in a claim of two articles or more, as naql claims lists
    for c in every_claim(conn, min_articles=1):
        for m in c.members:
            if (k := _gold_key(gold, url_file, m.url, m.content)) is not None:
                found.setdefault(k, set()).add(c.id)
                if c.articles > 1:
                    across.add(k)
    links = _score(_cross_pairs(found), _cross_pairs(gold_of))
    divergent = [tuple(p) for s in json.loads((directory / "stories.json")
                                               .read_text(encoding="utf-8"))
                 for p in s.get("divergent", [])]
    naql_of: dict[str, set[int]] = {}
    for k, labels in gold_of.items():
        for label in labels:
            naql_of.setdefault(label, set()).update(found.get(k, ()))
    apart = _shown_apart(conn)
    shown = sum(1 for x, y in divergent
                if any((a, b) in apart for a in naql_of.get(x, ()) for b in naql_of.get(y, ())))
    return SetScores(links, len(across), len(divergent), shown)


def _shown_apart(conn: Connection) -> set[tuple[int, int]]:
    """Pairs of claims (both ways) that a story page shows in different columns, or flags as
    giving different figures."""
    out: set[tuple[int, int]] = set()
    for summary in stories(conn, min_articles=1, limit=None):
        s = story(conn, summary.id)
        if s is None:
            continue
        side = {c.id: p for p, cs in s.positions.items() for c in cs}
        out.update((a, b) for a in side for b in side if side[a] != side[b])
        out.update(p for a, b in s.disagreements for p in ((a.id, b.id), (b.id, a.id)))
    return out
