"""Corpus commands: ingest an archive, ask it questions, export it."""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict
from typing import Any

from rich.console import Console, RenderableType
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from naql.store import StoreError, open_store
from naql.store import export, queries

from .records import Records

DB_HELP = "database: a SQLite file or a postgresql:// URL (default $NAQL_DB or ./naql.db)"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("ingest", help="load files, folders, .jsonl, WARC and RSS/Atom",
                              description="Extract and store every article under PATH; re-runs "
                              "skip what is stored. Exit status 1 if any input failed.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--workers", type=int, default=None,
                   help="extractor processes (default: one per CPU)")
    p.set_defaults(func=cmd_ingest)

    p = _query(subparsers, "quotes", "a source's statements, newest first")
    p.add_argument("--source", required=True, help="a name in any spelling, with or without title")
    p.add_argument("--exact", action="store_true",
                   help="only sources with this exact name (default: names containing its words)")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=_run(_quotes))

    p = _query(subparsers, "search", "full-text search, any hamza or ta marbuta spelling")
    p.add_argument("query", help='words, all required; "in double quotes" for a phrase')
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=_run(_search))

    p = _query(subparsers, "sources", "most cited sources and the share resting on unnamed ones")
    p.add_argument("--top", type=int, default=20)
    p.set_defaults(func=_run(_sources))

    p = _query(subparsers, "outlets", "outlets: articles, attributions, unnamed-source share")
    p.set_defaults(func=_run(_outlets))

    p = subparsers.add_parser("export", help="write the store out",
                              description="jsonl: one SPEC document per article plus url, outlet "
                              "and published. csv, parquet: one row per attribution. With "
                              "--claims: one claim per line, or one row per report of a claim.")
    p.add_argument("--format", choices=export.FORMATS, default="jsonl")
    p.add_argument("--claims", action="store_true",
                   help="claims reported by more than one article, brought up to date first "
                   "(as naql claims)")
    p.add_argument("out", nargs="?", metavar="OUT", help="file to write (default stdout; "
                   "required for parquet)")
    p.add_argument("--db", help=DB_HELP)
    p.set_defaults(func=_run(_export, formatted=False))


def _query(subparsers: argparse._SubParsersAction, name: str, help: str) -> argparse.ArgumentParser:
    p = subparsers.add_parser(name, help=help, description=help)
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--format", choices=("table", "json"), default="table")
    return p


def _err(message: str) -> None:
    print(f"naql: {message}", file=sys.stderr)


def _reason(exc: Exception) -> str:
    """The database's own words, without the statement and parameters SQLAlchemy appends
    (an article's whole text, for an insert)."""
    return str(getattr(exc, "orig", None) or exc).strip()


def cmd_ingest(args: argparse.Namespace) -> int:
    from naql.ingest import ingest
    from naql.ingest.progress import RichReporter, print_summary

    try:
        engine = open_store(args.db)
    except (StoreError, DBAPIError) as exc:
        _err(_reason(exc))
        return 1
    console = Console(stderr=True)
    began = time.monotonic()
    try:
        with RichReporter(console) as reporter:
            summary = ingest(args.paths, engine, workers=args.workers, reporter=reporter)
    except (BrokenProcessPool, DBAPIError) as exc:
        _err(f"ingest stopped: {_reason(exc)}\nwhat was stored is kept; run the same command "
             "to resume")
        return 1
    print_summary(console, summary, time.monotonic() - began)
    return 1 if summary.failed else 0


def _run(command: Callable[[Engine, argparse.Namespace], Any], formatted: bool = True
         ) -> Callable[[argparse.Namespace], int]:
    """Open the store (never creating one) and run a query or export command on it."""

    def run(args: argparse.Namespace) -> int:
        try:
            engine = open_store(args.db, create=False)
        except (StoreError, DBAPIError) as exc:
            _err(_reason(exc))
            return 1
        return command(engine, args)

    return run


def _print(args: argparse.Namespace, data: Any, table: Callable[[], RenderableType]) -> int:
    if args.format == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        Console().print(table())
    return 0


def _quotes(engine: Engine, args: argparse.Namespace) -> int:
    with engine.connect() as conn:
        rows = queries.quotes(conn, args.source, args.limit, exact=args.exact)

    def table() -> Records:
        t = _table(f"quotes: {args.source}", "date", "outlet", "source", "what", "via", text="what")
        for q in rows:
            t.add_row(_day(q.published), q.outlet, q.source, _quoted(q), "، ".join(q.via))
        return t

    return _print(args, [asdict(q) for q in rows], table)


def _search(engine: Engine, args: argparse.Namespace) -> int:
    with engine.connect() as conn:
        hits = queries.search_articles(conn, args.query, args.limit)

    def table() -> Records:
        t = _table(f"search: {args.query}", "date", "outlet", "title", "snippet", "attributions",
                   text="snippet")
        for h in hits:
            t.add_row(_day(h.published), h.outlet, h.title, h.snippet, str(h.attributions))
        return t

    return _print(args, [asdict(h) for h in hits], table)


def _sources(engine: Engine, args: argparse.Namespace) -> int:
    with engine.connect() as conn:
        report = queries.top_sources(conn, args.top)

    def table() -> Records:
        t = _table(f"{report.attributions:,} attributions: {report.named:,} named, "
                   f"{report.anonymous:,} resting on unnamed sources "
                   f"({report.anonymous_share:.0%})",
                   "source", "kind", "cited", "statements", "via", "articles", "also written")
        for s in report.sources:
            t.add_row(s.name, s.kind, *(f"{n:,}" for n in (s.cited, s.statements, s.via, s.articles)),
                      "، ".join(s.aliases[:4]))
        return t

    return _print(args, asdict(report), table)


def _outlets(engine: Engine, args: argparse.Namespace) -> int:
    with engine.connect() as conn:
        rows = queries.outlets(conn)

    def table() -> Records:
        t = _table("outlets", "outlet", "articles", "attributions", "unnamed", "first", "last")
        for o in rows:
            t.add_row(o.outlet or "-", f"{o.articles:,}", f"{o.attributions:,}",
                      f"{o.anonymous_share:.0%}", _day(o.first), _day(o.last))
        return t

    return _print(args, [asdict(o) for o in rows], table)


def _export(engine: Engine, args: argparse.Namespace) -> int:
    if args.format == "parquet" and args.out in (None, "-"):
        _err("parquet needs an output file: naql export --format parquet OUT")
        return 2
    what = export.ARTICLES
    if args.claims:
        from naql.provenance import update
        from naql.provenance.export import CLAIMS

        update(engine)
        what = CLAIMS
    with engine.connect() as conn:
        if args.format == "parquet":
            export.write_parquet(conn, args.out, what)
            return 0
        write = export.write_jsonl if args.format == "jsonl" else export.write_csv
        if args.out in (None, "-"):
            write(conn, sys.stdout, what)
        else:
            with open(args.out, "w", encoding="utf-8", newline="") as out:
                write(conn, out, what)
    return 0


def _table(title: str, *columns: str, text: str | None = None) -> Records:
    """Rows to print; ``text`` is the column of running text, printed below the other fields
    of its row when the terminal is too narrow for it in a table."""
    return Records(title, columns, text)


def _day(iso: str | None) -> str:
    return iso[:10] if iso else "-"


def _quoted(q: queries.Quote) -> str:
    marker = "✗ " if q.polarity == "deny" else ""
    return f"{marker}{q.cue + ': ' if q.cue else ''}{q.content}"
