"""Chains and trees of who cites whom, and their drawing.

A chain runs from the outlet that published the article, through the sources whose reports
contain this one (قالت الوكالة إن الوزير قال ...), to the attribution's own source and the
sources that source cites (نقلاً عن مصدرين). A claim's tree (its isnad) has an article per
node, under the article it cites. Both are drawn the same way: a small right-to-left tree,
one row per node, each child indented under its parent. Coordinates only; the template
writes the SVG, escaping every name.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# A name longer than its box is cut (its tooltip has it whole); a bold 14px letter is at most
# this wide, Latin letters being wider than joined Arabic ones.
LETTER = 7.5


@dataclass(frozen=True, slots=True)
class Node:
    name: str
    kind: str  # a source kind, "outlet" for the publisher, "article" in a claim's tree
    anonymous: bool = False
    colour: int | None = None  # the source's colour on an article page
    source_id: int | None = None  # its page in the store, when stored
    article_id: int | None = None  # an article node's page
    detail: str | None = None  # the second line, in place of the kind (an article's date)


@dataclass(frozen=True, slots=True)
class Branch:
    node: Node
    children: tuple["Branch", ...] = ()


@dataclass(frozen=True, slots=True)
class Chain:
    """Levels from the outlet outwards; a level has several nodes when a source cites
    several others."""

    levels: tuple[tuple[Node, ...], ...]

    def branches(self) -> tuple[Branch, ...]:
        """The chain as a tree: each level hangs from the last node of the level before."""
        below: tuple[Branch, ...] = ()
        for level in reversed([lv for lv in self.levels if lv]):
            *first, last = level
            below = (*map(Branch, first), Branch(last, below))
        return below


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
NARROWEST = 160  # a box is never narrower: deep trees make the drawing wider instead


def draw(roots: Sequence[Branch], width: int = 300) -> Drawing:
    """Lay a tree out (a chain: ``Chain.branches()``), one row per node in depth-first order."""
    placed: list[tuple[Branch, int, int | None]] = []  # a node, its depth, its parent's row
    todo: list[tuple[Branch, int, int | None]] = [(b, 0, None) for b in reversed(roots)]
    while todo:  # depth first without recursion: a tree may be deep
        branch, depth, parent = todo.pop()
        placed.append((branch, depth, parent))
        todo += [(child, depth + 1, len(placed) - 1) for child in reversed(branch.children)]
    width = max(width, 2 * PAD + NARROWEST + INDENT * max((d for _, d, _ in placed), default=0))
    boxes: list[Box] = []
    edges: list[Edge] = []
    for row, (branch, depth, parent) in enumerate(placed):
        right = width - PAD - depth * INDENT
        box = Box(branch.node, PAD, PAD + row * (ROW + GAP), right - PAD,
                  _cut(branch.node.name, int((right - PAD - 20) / LETTER)))
        if parent is not None:
            edges.append(_edge(boxes[parent], box))
        boxes.append(box)
    return Drawing(width, PAD * 2 + len(boxes) * (ROW + GAP) - GAP, ROW, boxes, edges)


def _edge(parent: Box, child: Box) -> Edge:
    spine = parent.x + parent.width - INDENT / 2
    tip = child.x + child.width
    mid = child.y + ROW / 2
    return Edge(path=f"M{spine:g},{parent.y + ROW:g} V{mid:g} H{tip + 5:g}",
                arrow=f"{tip:g},{mid:g} {tip + 7:g},{mid - 4:g} {tip + 7:g},{mid + 4:g}")


def _cut(name: str, letters: int) -> str:
    return name if len(name) <= letters else name[:letters - 1].rstrip() + "…"
