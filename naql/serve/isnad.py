"""A claim as the reader shows it: its tree of articles (its isnad), drawn as an
attribution's chain is, and its reports one by one."""
from __future__ import annotations

from dataclasses import dataclass

from naql.provenance import Claim, Member
from naql.provenance import Node as Article

from .chain import Branch, Drawing, Node, draw
from .templating import day

DRAWN = 100  # articles drawn in a claim's tree; the list of reports has them all


@dataclass(slots=True)
class ClaimView:
    claim: Claim
    drawing: Drawing
    undrawn: int  # articles left out of the drawing
    members: list[Member]  # this page's reports


def claim_view(claim: Claim, members: list[Member]) -> ClaimView:
    """The page of a claim showing ``members``, a page of its reports."""
    drawn = 0

    def branches(nodes: list[Article]) -> tuple[Branch, ...]:
        nonlocal drawn
        out = []
        for n in nodes:
            if drawn == DRAWN:
                break
            drawn += 1
            node = Node(n.outlet or "—", "article", article_id=n.article_id,
                        detail=day(n.published))
            out.append(Branch(node, branches(n.children)))
        return tuple(out)

    drawing = draw(branches(claim.tree))
    return ClaimView(claim, drawing, len({m.article_id for m in claim.members}) - drawn, members)
