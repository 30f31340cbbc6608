"""``naql extract`` and ``naql evaluate``."""
from __future__ import annotations

import argparse
import json
import sys

from ..pipeline import extract, extract_path
from ..read import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("extract", help="who said what in one or more articles (JSON out)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, URLs, or - for standard input")
    p.add_argument("--format", choices=("json", "jsonl"), default=None)
    p.add_argument("--input-format", choices=("auto", "text", "html"), default="auto")
    p.set_defaults(func=run_extract)

    e = subparsers.add_parser("evaluate", help="score naql against gold files (gold/GUIDELINE.md)")
    e.add_argument("gold", metavar="GOLD_DIR")
    e.add_argument("--per-doc", action="store_true", help="a line per document")
    e.add_argument("--by-rule", action="store_true",
                   help="precision per rule (the pattern that found each attribution), most used first")
    e.add_argument("--format", choices=("text", "json"), default="text",
                   help="json: every figure and count, per rule included, as one object")
    e.add_argument("--min-f1", type=float, default=0.0, help="exit 1 below this end-to-end F1")
    e.set_defaults(func=run_evaluate)


def run_extract(args: argparse.Namespace) -> int:
    one_document = len(args.paths) == 1 and args.format != "jsonl"
    failed = 0
    out = sys.stdout
    for path in args.paths:
        try:
            record = extract_path(path, args.input_format).to_dict()
            record["input"] = path
        except InputError as exc:
            record, failed = {"input": path, "error": str(exc)}, failed + 1
        except OSError as exc:
            record, failed = {"input": path, "error": exc.strerror or str(exc)}, failed + 1
        if one_document:
            json.dump(record, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if failed else 0


def run_evaluate(args: argparse.Namespace) -> int:
    from ..evaluate import evaluate

    scores = evaluate(args.gold, lambda text, gid: extract(text, "text", name=gid).to_dict())
    if args.format == "json":
        print(json.dumps(scores.to_dict(per_doc=args.per_doc), ensure_ascii=False, indent=2))
    else:
        print(scores.report(per_doc=args.per_doc, by_rule=args.by_rule))
    return 0 if scores.e2e[2] >= args.min_f1 else 1
