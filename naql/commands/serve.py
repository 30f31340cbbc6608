"""``naql serve``: the web reader and JSON API over a store."""
from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import DBAPIError, OperationalError

from naql.store import StoreError

from .store import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="web reader and JSON API over a store",
                              description="Serve the store: pages for reading, /api for "
                              "programs (schema at /api/openapi.json). Read-only unless --write. "
                              "Claims and stories are first brought up to date, as naql claims "
                              "does.")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--write", action="store_true",
                   help="allow POST /api/articles to add articles (default: read-only)")
    p.add_argument("--no-update", action="store_true",
                   help="serve claims and stories as they are, without bringing them up to "
                   "date with the stored articles first")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from naql.serve import create_app, open_for_serving

    try:
        if not args.no_update:
            _update(args.db)
        engine = open_for_serving(args.db, write=args.write)
    except (StoreError, OperationalError) as exc:
        print(f"naql: {exc}", file=sys.stderr)
        return 1
    uvicorn.run(create_app(engine, write=args.write), host=args.host, port=args.port,
                log_level="info")
    return 0


def _update(db: str | None) -> None:
    """Claims and stories for the articles stored since the last run; a store that cannot be
    written is served as it is."""
    from naql.provenance import update
    from naql.store import open_store

    try:
        engine = open_store(db, create=False)
    except StoreError:
        return  # a missing store: open_for_serving says so, or creates it with --write
    try:
        done = update(engine)
    except DBAPIError as exc:  # a read-only file or role
        print(f"naql: claims and stories not brought up to date: {exc.orig}", file=sys.stderr)
        return
    finally:
        engine.dispose()
    if done.articles:
        print(f"naql: claims and stories brought up to date with {done.articles:,} articles",
              file=sys.stderr)
