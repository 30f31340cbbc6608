"""The chain behind an attribution, and its drawing.

A chain runs from the outlet that published the article, through the sources whose reports
contain this one (قالت الوكالة إن الوزير قال ...), to the attribution's own source and the
sources that source cites (نقلاً عن مصدرين). The drawing is a small right-to-left tree: one
row per node, each level indented under the one it cites from. Coordinates only; the
template writes the SVG, escaping every name.
"""
from __future__ import annotations

from dataclasses import dataclass

# A name longer than its box is cut (its tooltip has it whole); a bold 14px letter is at most
# this wide, Latin letters being wider than joined Arabic ones.
LETTER = 7.5


@dataclass(frozen=True, slots=True)
class Node:
    name: str
    kind: str  # a source kind, or "outlet" for the publisher
    anonymous: bool = False
    colour: int | None = None  # the source's colour on an article page
    source_id: int | None = None  # its page in the store, when stored


@dataclass(frozen=True, slots=True)
class Chain:
    """Levels from the outlet outwards; a level has several nodes when a source cites
    several others."""

    levels: tuple[tuple[Node, ...], ...]


@dataclass(frozen=True, slots=True)
class Box:
    node: Node
    x: float
    y: float
    width: float
    label: str  # the name as drawn


@dataclass(frozen=True, slots=True)
class Edge:
    path: str  # an SVG path: down the spine, across to the child
    arrow: str  # SVG polygon points of the arrowhead at the child


@dataclass(frozen=True, slots=True)
class Drawing:
    width: int
    height: int
    row: int  # a box's height
    boxes: list[Box]
    edges: list[Edge]


ROW, GAP, INDENT, PAD = 42, 12, 22, 4


def draw(chain: Chain, width: int = 300) -> Drawing:
    """Lay the chain out as rows; each level hangs from the last node of the one before."""
    boxes: list[Box] = []
    edges: list[Edge] = []
    parent: Box | None = None
    for depth, level in enumerate(chain.levels):
        right = width - PAD - depth * INDENT
        last = None
        for node in level:
            y = PAD + len(boxes) * (ROW + GAP)
            box = Box(node, PAD, y, right - PAD, _cut(node.name, int((right - PAD - 20) / LETTER)))
            if parent is not None:
                edges.append(_edge(parent, box))
            boxes.append(box)
            last = box
        parent = last or parent
    return Drawing(width, PAD * 2 + len(boxes) * (ROW + GAP) - GAP, ROW, boxes, edges)


def _edge(parent: Box, child: Box) -> Edge:
    spine = parent.x + parent.width - INDENT / 2
    tip = child.x + child.width
    mid = child.y + ROW / 2
    return Edge(path=f"M{spine:g},{parent.y + ROW:g} V{mid:g} H{tip + 5:g}",
                arrow=f"{tip:g},{mid:g} {tip + 7:g},{mid - 4:g} {tip + 7:g},{mid + 4:g}")


def _cut(name: str, letters: int) -> str:
    return name if len(name) <= letters else name[:letters - 1].rstrip() + "…"
