"""``naql serve``: the web reader and JSON API over a store."""
from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import OperationalError

from naql.store import StoreError

from .store import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="web reader and JSON API over a store",
                              description="Serve the store: pages for reading, /api for "
                              "programs (schema at /api/openapi.json). Read-only unless --write.")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--write", action="store_true",
                   help="allow POST /api/articles to add articles (default: read-only)")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from naql.serve import create_app, open_for_serving

    try:
        engine = open_for_serving(args.db, write=args.write)
    except (StoreError, OperationalError) as exc:
        print(f"naql: {exc}", file=sys.stderr)
        return 1
    uvicorn.run(create_app(engine, write=args.write), host=args.host, port=args.port,
                log_level="info")
    return 0
