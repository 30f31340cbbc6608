"""What provenance queries return: claims with their members, chain and tree; stories with
their articles and positions. ``to_dict()`` gives the JSON of SPEC.md ("Claims across a
corpus"); fields beyond it are additions, as the contract allows."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Member:
    """One report of a claim."""

    url: str | None
    attribution: str  # its id in the article's document ("a3")
    attribution_id: int  # its id in the store
    article_id: int
    content: str
    polarity: str
    position: str  # assert | deny | hedge
    source: str  # the speaker as this article names it
    via: list[str]  # the sources it passed through, outermost first
    outlet: str | None
    published: str | None
    title: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "attribution": self.attribution, "content": self.content,
                "polarity": self.polarity, "via": self.via, "source": self.source,
                "position": self.position, "outlet": self.outlet, "published": self.published,
                "title": self.title, "attribution_id": self.attribution_id,
                "article_id": self.article_id}


@dataclass(frozen=True, slots=True)
class Link:
    """The article at ``url`` reports the claim citing the outlet whose article is ``cites``."""

    url: str
    cites: str

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "cites": self.cites}


@dataclass(slots=True)
class Node:
    """An article in a claim's tree (its isnad): the articles citing it are its children."""

    article_id: int
    url: str | None
    outlet: str | None
    published: str | None
    children: list["Node"] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "outlet": self.outlet, "published": self.published,
                "article_id": self.article_id, "children": [c.to_dict() for c in self.children]}


@dataclass(slots=True)
class Claim:
    """The reports of one statement by one speaker; members earliest first."""

    id: int
    source: str
    source_id: int | None  # the speaker's page in the store, when named
    polarity: str
    position: str
    first_seen: str | None
    anonymous_only: bool  # rests only on unnamed sources
    articles: int
    members: list[Member]
    chain: list[Link]
    tree: list[Node]  # roots: the reports that cite no article of the claim

    @property
    def key(self) -> str:
        return f"c{self.id}"

    @property
    def said(self) -> str:
        """What the claim says, as its earliest report words it."""
        return self.members[0].content if self.members else ""

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.key, "source": self.source, "first_seen": self.first_seen,
                "members": [m.to_dict() for m in self.members],
                "chain": [c.to_dict() for c in self.chain],
                "anonymous_only": self.anonymous_only, "polarity": self.polarity,
                "position": self.position, "articles": self.articles,
                "source_id": self.source_id, "tree": [n.to_dict() for n in self.tree]}


@dataclass(slots=True)
class StoryArticle:
    article_id: int
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "outlet": self.outlet, "published": self.published,
                "title": self.title, "article_id": self.article_id}


@dataclass(slots=True)
class StorySummary:
    id: int
    title: str | None
    first_seen: str | None
    last_seen: str | None
    articles: int

    @property
    def key(self) -> str:
        return f"s{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return {"story": self.key, "title": self.title, "first_seen": self.first_seen,
                "last_seen": self.last_seen, "articles": self.articles}


@dataclass(slots=True)
class Story:
    """Articles about one event, and its claims side by side by position (assert, deny,
    hedge), each with its members in this story's articles."""

    summary: StorySummary
    articles: list[StoryArticle]
    positions: dict[str, list[Claim]]
    totals: dict[str, int]  # claims of each position, when ``positions`` has only the first
    # pairs of those claims about one thing giving different figures (divergence.py)
    disagreements: list[tuple[Claim, Claim]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary.to_dict(), "articles": [a.to_dict() for a in self.articles],
                "positions": {p: [c.to_dict() for c in cs] for p, cs in self.positions.items()},
                "totals": self.totals,
                "disagreements": [[a.key, b.key] for a, b in self.disagreements]}
