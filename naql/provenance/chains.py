"""A claim's chain across outlets: which report cites which outlet's own article, drawn as a
tree (the claim's isnad).

A report cites the outlets in its chain (بحسب صحيفة الأفق، نقلاً عن وكالة الرائد، قال
لموقع المرصد). It links to the nearest of them, outermost first, whose own article reports
the same claim: the earliest such article, preferably one published before it. Outlets are
matched by name when the claim is read, so an outlet whose articles arrive later is linked
then.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .identity import Chain
from .model import Link, Node
from .outlets import Outlets


@dataclass(frozen=True, slots=True)
class Cited:
    """What linking needs of a member: its article and its chain."""

    article: int  # the article's id in the store
    url: str | None
    outlet: str | None
    published: str | None  # ISO, so that comparing strings compares times
    chain: Chain


def links(members: Sequence[Cited], outlets: Outlets) -> list[Link]:
    by_outlet: dict[str, list[Cited]] = {}  # each outlet's reports with a url, earliest first
    for m in sorted(members, key=lambda m: m.published or ""):
        if m.url is not None and m.outlet is not None:
            by_outlet.setdefault(m.outlet, []).append(m)
    out: dict[tuple[str, str], Link] = {}
    for m in members:
        if m.url is None:
            continue
        target = _cited(m, by_outlet, outlets)
        if target is not None:
            out.setdefault((m.url, target), Link(m.url, target))
    return list(out.values())


def _cited(m: Cited, by_outlet: dict[str, list[Cited]], outlets: Outlets) -> str | None:
    for identity in m.chain:
        if not (identity.outlet or outlets.is_outlet(identity.name)):
            continue
        names = outlets.named(identity.name)
        if not names or outlets.matches(m.outlet, names):
            continue  # unknown to the corpus, or the article's own outlet
        # An outlet's earliest report is the best of its own: the earliest not after m, or
        # the earliest of all when all are after it.
        found = [next((x for x in reports if x.url != m.url), None)
                 for outlet, reports in by_outlet.items() if outlets.matches(outlet, names)]
        found = [x for x in found if x is not None]
        if found:
            return min(found, key=lambda x: (_after(x, m), x.published or "")).url
    return None


def _after(x: Cited, m: Cited) -> bool:
    return bool(x.published and m.published and x.published > m.published)


def tree(members: Sequence[Cited], chain: Sequence[Link]) -> list[Node]:
    """One node per article, under the article it cites; roots earliest first. Articles
    without a url cite nothing and are cited by nothing, but are in the tree."""
    nodes: dict[int, Node] = {}
    for m in sorted(members, key=lambda m: m.published or ""):
        if m.article not in nodes:
            nodes[m.article] = Node(m.article, m.url, m.outlet, m.published)
    by_url = {n.url: article for article, n in nodes.items() if n.url is not None}
    parent: dict[int, int] = {}
    for link in chain:
        child, cited = by_url.get(link.url), by_url.get(link.cites)
        if child is None or cited is None or child in parent:
            continue
        at: int | None = cited
        while at is not None and at != child:  # no cycles
            at = parent.get(at)
        if at is None:
            parent[child] = cited
    for article, node in nodes.items():
        if article in parent:
            nodes[parent[article]].children.append(node)
    return [n for article, n in nodes.items() if article not in parent]
