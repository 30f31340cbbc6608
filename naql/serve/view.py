"""An article as the reader shows it, built from its SPEC document: marked text, one colour
per source, the sources panel and each attribution's chain. Stored and pasted articles go
through the same code; only stored ones have source ids to link to. Also the chain of a
stored statement, for the source page."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .chain import Chain, Drawing, Node, draw
from .marks import Mark, Piece, pieces
from .queries import Cited, SpanKey, Statement
from .words import ROLES

PALETTE = 8  # colours in naql.css (.s0 … .s7); more sources than that share colours
PASTED = "النص الملصق"  # the outlet node of an article that was pasted, not stored


@dataclass(slots=True)
class SourceRow:
    """One source of the article, for the sources panel and the legend."""

    name: str
    kind: str
    anonymous: bool
    colour: int
    statements: int = 0  # as the speaker
    cited: int = 0  # as a source another one cites
    denials: int = 0
    source_id: int | None = None


@dataclass(slots=True)
class AttributionRow:
    id: str
    type: str
    polarity: str
    cue: str | None
    source: str  # as resolved
    written: str | None  # as written, when the article names it
    content: str
    confidence: float | None
    colour: int
    unnamed: bool  # rests on an unnamed source, itself or one it cites
    drawing: Drawing
    source_id: int | None
    claims: list[tuple[int, int]]  # claims other articles report too: (id, articles)


@dataclass(slots=True)
class ArticleView:
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    pieces: list[Piece]
    attributions: list[AttributionRow]
    sources: list[SourceRow] = field(default_factory=list)

    @property
    def unnamed(self) -> int:
        return sum(a.unnamed for a in self.attributions)


def article_view(doc: dict[str, Any], span_ids: Mapping[SpanKey, int] | None = None,
                 claims: Mapping[str, list[tuple[int, int]]] | None = None) -> ArticleView:
    """The page for one document; ``span_ids`` maps its source spans to stored sources,
    ``claims`` its attributions to the claims they report (``provenance.claims_of``)."""
    span_ids, claims = span_ids or {}, claims or {}
    attrs = doc.get("attributions") or []
    rows: dict[str, SourceRow] = {}

    def source_row(span: dict[str, Any], source_id: int | None) -> SourceRow:
        name = _name(span)
        row = rows.get(name)
        if row is None:
            row = rows[name] = SourceRow(name, span.get("kind") or "unknown",
                                         bool(span.get("anonymous")), len(rows) % PALETTE)
        row.source_id = row.source_id or source_id
        return row

    marks: list[Mark] = []
    cites: dict[str, tuple[SourceRow, list[SourceRow]]] = {}
    for a in attrs:
        speaker = source_row(a["source"], span_ids.get((a["id"], "source", None)))
        speaker.statements += 1
        speaker.denials += a["polarity"] == "deny"
        vias = []
        for v in a.get("via") or []:
            row = source_row(v, span_ids.get((a["id"], "via", v["start"])))
            row.cited += 1
            vias.append(row)
            marks.append(_mark(v, "via", a["id"], row))
        present = [role for role in ("cue", "source", "content") if (a.get(role) or {}).get("text")]
        marks += [_mark(a[role], role, a["id"], speaker, focus=role == present[0])
                  for role in present]
        cites[a["id"]] = (speaker, vias)
    nodes = {aid: (_node(speaker), tuple(map(_node, vias)))
             for aid, (speaker, vias) in cites.items()}
    outlet = Node(doc.get("outlet") or doc.get("site") or PASTED, "outlet")
    return ArticleView(
        title=doc.get("title"), url=doc.get("url"), outlet=doc.get("outlet"),
        published=doc.get("published"), pieces=pieces(doc["text"], marks),
        attributions=[_row(a, rows[_name(a["source"])], draw(_chain(a, attrs, nodes, outlet).branches()),
                           [c for c in claims.get(a["id"], []) if c[1] > 1]) for a in attrs],
        sources=sorted(rows.values(), key=lambda r: (-r.statements - r.cited, r.colour)))


def _name(span: dict[str, Any]) -> str:
    return (span.get("resolved") or span.get("text") or "").strip()


def _node(row: SourceRow) -> Node:
    return Node(row.name, row.kind, row.anonymous, row.colour, row.source_id)


def _mark(span: dict[str, Any], role: str, attribution: str, row: SourceRow,
          focus: bool = False) -> Mark:
    return Mark(span["start"], span["end"], role, attribution, row.colour,
                f"{ROLES[role]}: {row.name}" if role in ("source", "via") else
                f"{ROLES[role]} — {row.name}", focus)


def _chain(a: dict[str, Any], attrs: list[dict[str, Any]],
           nodes: Mapping[str, tuple[Node, tuple[Node, ...]]], outlet: Node) -> Chain:
    """Outlet, the speakers whose reports contain this one (outermost first) with the
    sources they cite, then this speaker and the sources it cites."""
    levels: list[tuple[Node, ...]] = []
    seen = set()
    at: dict[str, Any] | None = a
    while at is not None and at["id"] not in seen:
        seen.add(at["id"])
        speaker, vias = nodes[at["id"]]
        levels[:0] = [(speaker,), vias] if vias else [(speaker,)]
        at = _reporting(at, attrs)
    return Chain(((outlet,), *levels))


def _reporting(a: dict[str, Any], attrs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The attribution whose content most closely contains all of ``a``, if any."""
    spans = [a[k] for k in ("cue", "source", "content") if (a.get(k) or {}).get("text")]
    start, end = min(s["start"] for s in spans), max(s["end"] for s in spans)
    around = [b for b in attrs if b is not a
              and b["content"]["start"] <= start and end <= b["content"]["end"]]
    return min(around, key=lambda b: b["content"]["end"] - b["content"]["start"], default=None)


def _row(a: dict[str, Any], speaker: SourceRow, drawing: Drawing,
         claims: list[tuple[int, int]]) -> AttributionRow:
    vias = a.get("via") or []
    return AttributionRow(
        id=a["id"], type=a["type"], polarity=a["polarity"], cue=(a.get("cue") or {}).get("text"),
        source=speaker.name, written=a["source"].get("text"), content=a["content"]["text"],
        confidence=a.get("confidence"), colour=speaker.colour,
        unnamed=speaker.anonymous or any(v.get("anonymous") for v in vias),
        drawing=drawing, source_id=speaker.source_id, claims=claims)


def statement_chain(statement: Statement) -> Chain:
    """A stored statement's chain as far as the store keeps it: outlet, speaker, cited."""
    def node(c: Cited) -> Node:
        return Node(c.name, c.kind, c.anonymous, None, c.source_id)

    levels = [(Node(statement.outlet or "—", "outlet"),)]
    if statement.source:
        levels.append((node(statement.source),))
    if statement.via:
        levels.append(tuple(map(node, statement.via)))
    return Chain(tuple(levels))
