"""Provenance commands: claims across articles with their chains, and stories with the
positions side by side. Both bring claims and stories up to date with the store first."""
from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.tree import Tree
from sqlalchemy import Connection, Engine

from .records import Records
from .store import _day, _err, _print, _query, _run, _table

if TYPE_CHECKING:  # imported when a command runs: numpy and datasketch slow every start
    from naql.provenance import Claim, Node, Story

POSITION_NAMES = {"assert": "asserts", "deny": "denies", "hedge": "hedges"}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = _query(subparsers, "claims", "claims reported across articles, with their chains")
    p.description = ("The same statement by the same source across articles: who reported it "
                     "first, who repeated it citing whom, and which claims rest only on "
                     "unnamed sources. With ID, one claim and its tree. --format json is the "
                     "export (SPEC.md, 'Claims across a corpus').")
    p.add_argument("id", nargs="?", metavar="ID", help="a claim, as c17 or 17")
    p.add_argument("--source", help="only this source's claims (any spelling)")
    p.add_argument("--anonymous", action="store_true",
                   help="only claims resting on unnamed sources alone")
    p.add_argument("--min-articles", type=int, default=2,
                   help="only claims reported by this many articles (default 2)")
    p.add_argument("--limit", type=int, default=20, help="how many (0: all)")
    p.add_argument("--rebuild", action="store_true",
                   help="recompute all claims and stories from the stored attributions")
    p.add_argument("--evaluate", metavar="GOLD_DIR",
                   help="score against gold: a provenance set (claims.json, stories.json, "
                   "sNN/MM.json: claim links and divergent pairs shown), or claims.tsv, "
                   "chains.tsv, stories.tsv as in tests/fixtures/provenance")
    p.set_defaults(func=_run(_claims))

    p = _query(subparsers, "story", "a story: its articles and who asserts, denies, hedges")
    p.description = ("Articles about one event and its claims side by side by position. "
                     "Without ID, the stories of the store, newest first.")
    p.add_argument("id", nargs="?", metavar="ID", help="a story, as s3 or 3")
    p.add_argument("--min-articles", type=int, default=2,
                   help="without ID: only stories of this many articles (default 2)")
    p.add_argument("--limit", type=int, default=20, help="without ID: how many (0: all)")
    p.set_defaults(func=_run(_story))


def _number(value: str, prefix: str) -> int | None:
    m = re.fullmatch(rf"{prefix}?(\d+)", value.strip(), re.IGNORECASE)
    return int(m.group(1)) if m else None


def _one(args: argparse.Namespace, what: str, found, shown: Callable[[Any], Any]) -> int:
    """One claim or story, or an error naming the id asked for."""
    if found is None:
        _err(f"no {what} {args.id}")
        return 1
    return _print(args, found.to_dict(), lambda: shown(found))


def _limit(n: int) -> int | None:
    return None if n <= 0 else n


def _claims(engine: Engine, args: argparse.Namespace) -> int:
    from naql.provenance import claim, claims, update

    update(engine, rebuild=args.rebuild)
    with engine.connect() as conn:
        if args.evaluate:
            return _evaluate(conn, Path(args.evaluate), args)
        if args.id is None:
            found = claims(conn, source=args.source, anonymous_only=args.anonymous,
                           min_articles=args.min_articles, limit=_limit(args.limit))
            return _print(args, [c.to_dict() for c in found], lambda: _claims_table(found))
        number = _number(args.id, "c")
        one = claim(conn, number) if number is not None else None
    return _one(args, "claim", one, _claim_tree)


def _evaluate(conn: Connection, gold: Path, args: argparse.Namespace) -> int:
    from naql.provenance.evaluate import score

    if (gold / "claims.json").is_file():
        return _evaluate_set(conn, gold, args)
    s = score(conn, gold)
    figures = {name: {"precision": round(x.precision, 3), "recall": round(x.recall, 3),
                      "correct": x.correct, "predicted": x.predicted, "gold": x.gold}
               for name, x in (("claim links", s.claims), ("chain links", s.chains),
                               ("story links", s.stories))}

    def table():
        t = _table(f"against {gold}", "links", "precision", "recall", "correct",
                   "predicted", "gold")
        for name, f in figures.items():
            t.add_row(name, f"{f['precision']:.3f}", f"{f['recall']:.3f}", str(f["correct"]),
                      str(f["predicted"]), str(f["gold"]))
        return t

    for missing in s.missing:
        _err(f"gold report not found: {missing}")
    return _print(args, {**figures, "missing": s.missing}, table)


def _evaluate_set(conn: Connection, gold: Path, args: argparse.Namespace) -> int:
    """A provenance set of real coverage (claims.json, stories.json): score_claims.py's
    figures, and the divergent pairs the story pages show."""
    from naql.provenance.evaluate import score_set

    s = score_set(conn, gold)
    x = s.links
    f1 = 2 * x.precision * x.recall / (x.precision + x.recall) if x.correct else 0.0
    figures = {"precision": round(x.precision, 3), "recall": round(x.recall, 3),
               "f1": round(f1, 3), "tp": x.correct, "fp": x.predicted - x.correct,
               "fn": x.gold - x.correct, "gold_pairs": x.gold, "placed": s.placed,
               "divergent": s.divergent, "divergent_shown": s.shown}

    def lines():
        return (f"placed in predicted claims {s.placed}, gold cross-article pairs {x.gold}\n"
                f"cross-article claim links: precision {x.precision:.3f} recall {x.recall:.3f} "
                f"F1 {f1:.3f} (tp {x.correct} fp {x.predicted - x.correct} "
                f"fn {x.gold - x.correct})\n"
                f"divergent pairs shown apart or flagged: {s.shown} of {s.divergent}")

    return _print(args, figures, lines)


def _story(engine: Engine, args: argparse.Namespace) -> int:
    from naql.provenance import stories, story, update

    update(engine)
    with engine.connect() as conn:
        if args.id is None:
            found = stories(conn, min_articles=args.min_articles, limit=_limit(args.limit))

            def table():
                t = _table("stories", "story", "from", "to", "articles", "title", text="title")
                for s in found:
                    t.add_row(s.key, _day(s.first_seen), _day(s.last_seen), str(s.articles),
                              s.title or "-")
                return t

            return _print(args, [s.to_dict() for s in found], table)
        number = _number(args.id, "s")
        one = story(conn, number) if number is not None else None
    return _one(args, "story", one, _story_tables)


def _claims_table(found: list[Claim]) -> Records:
    t = _table("claims", "claim", "first seen", "source", "what", "articles", "cited",
               "unnamed only", text="what")
    for c in found:
        t.add_row(c.key, _day(c.first_seen), c.source, _marked(c), str(c.articles),
                  str(len(c.chain)), "yes" if c.anonymous_only else "")
    return t


def _marked(c: Claim) -> str:
    marker = {"deny": "✗ ", "hedge": "? "}.get(c.position, "")
    return marker + c.said


def _claim_tree(c: Claim) -> Tree:
    """The claim and its isnad: each article under the article it cites."""
    root = Tree(f"{c.key} — {c.source}: {_marked(c)}"
                + ("  [unnamed sources only]" if c.anonymous_only else ""))
    members = {m.url: m for m in c.members}

    def add(parent: Tree, node: Node) -> None:
        m = members.get(node.url)
        via = f" (via {' ← '.join(m.via)})" if m and m.via else ""
        branch = parent.add(f"{_day(node.published)} {node.outlet or '-'}{via} {node.url or ''}")
        for child in node.children:
            add(branch, child)

    for node in c.tree:
        add(root, node)
    return root


def _story_tables(s: Story) -> Group:
    t = _table(f"{s.summary.key}: {s.summary.title or ''} "
               f"({_day(s.summary.first_seen)} – {_day(s.summary.last_seen)})",
               "date", "outlet", "title", "url", text="title")
    for a in s.articles:
        t.add_row(_day(a.published), a.outlet or "-", a.title or "-", a.url or "-")
    tables = [t]
    for position, found in s.positions.items():
        if found:
            t = _table(f"{POSITION_NAMES[position]} ({len(found)})", "claim", "source", "what",
                       "reported by", text="what")
            for c in found:
                t.add_row(c.key, c.source, c.said,
                          "، ".join(dict.fromkeys(m.outlet or "-" for m in c.members)))
            tables.append(t)
    if s.disagreements:
        t = _table(f"figures disagree ({len(s.disagreements)})", "claim", "source", "what",
                   "against", "source", "what")
        for a, b in s.disagreements:
            t.add_row(a.key, a.source, a.said, b.key, b.source, b.said)
        tables.append(t)
    return Group(*tables)
