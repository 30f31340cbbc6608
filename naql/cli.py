"""The ``naql`` command line. Each feature module adds its own sub-commands."""
from __future__ import annotations

import argparse
import importlib
import sys

# Modules that provide ``register(subparsers)``; each sets ``func`` on its parsers.
COMMAND_MODULES = ("naql.commands.extract", "naql.commands.store", "naql.commands.serve", "naql.commands.spark",
                   "naql.commands.provenance")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="naql", description="Who said what, according to whom.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
