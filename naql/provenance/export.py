"""Claims written out by ``naql export --claims``: one claim per JSON line (SPEC.md, "Claims
across a corpus"), or one row per report of a claim for CSV and Parquet, with the article it
cites, so a spreadsheet or a notebook can follow a claim from outlet to outlet."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa
from sqlalchemy import Connection

from naql.store.export import Export

from .queries import every_claim


def claim_items(conn: Connection) -> Iterator[dict[str, Any]]:
    for claim in every_claim(conn):
        yield claim.to_dict()


def report_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    for claim in every_claim(conn):
        cites = {link.url: link.cites for link in claim.chain}
        for m in claim.members:
            yield {
                "claim": claim.key, "claim_source": claim.source,
                "claim_source_id": claim.source_id, "claim_position": claim.position,
                "anonymous_only": claim.anonymous_only, "articles": claim.articles,
                "first_seen": claim.first_seen, "url": m.url, "outlet": m.outlet,
                "published": m.published, "title": m.title, "article_id": m.article_id,
                "attribution": m.attribution, "attribution_id": m.attribution_id,
                "source": m.source, "via": " | ".join(m.via), "position": m.position,
                "polarity": m.polarity, "content": m.content, "cites": cites.get(m.url),
            }


CLAIMS = Export(claim_items, report_rows, pa.schema([
    ("claim", pa.string()), ("claim_source", pa.string()), ("claim_source_id", pa.int64()),
    ("claim_position", pa.string()), ("anonymous_only", pa.bool_()), ("articles", pa.int64()),
    ("first_seen", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
    ("published", pa.string()), ("title", pa.string()), ("article_id", pa.int64()),
    ("attribution", pa.string()), ("attribution_id", pa.int64()), ("source", pa.string()),
    ("via", pa.string()), ("position", pa.string()), ("polarity", pa.string()),
    ("content", pa.string()), ("cites", pa.string()),
]))
