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

    url: str | None
    outlet: str | None
    published: str | None  # ISO, so that comparing strings compares times
    chain: Chain


def links(members: Sequence[Cited], outlets: Outlets) -> list[Link]:
    out: dict[tuple[str, str], Link] = {}
    for m in members:
        if m.url is None:
            continue
        target = _cited(m, members, outlets)
        if target is not None:
            out.setdefault((m.url, target), Link(m.url, target))
    return list(out.values())


def _cited(m: Cited, members: Sequence[Cited], outlets: Outlets) -> str | None:
    for identity in m.chain:
        if not (identity.outlet or outlets.is_outlet(identity.name)):
            continue
        names = outlets.named(identity.name)
        if not names or outlets.matches(m.outlet, names):
            continue  # unknown to the corpus, or the article's own outlet
        found = [x for x in members
                 if x.url not in (None, m.url) and outlets.matches(x.outlet, names)]
        if found:
            best = min(found, key=lambda x: (_after(x, m), x.published or ""))
            return best.url
    return None


def _after(x: Cited, m: Cited) -> bool:
    return bool(x.published and m.published and x.published > m.published)


def tree(members: Sequence[Cited], chain: Sequence[Link]) -> list[Node]:
    """One node per article, under the article it cites; roots earliest first."""
    nodes: dict[str, Node] = {}
    for m in sorted(members, key=lambda m: m.published or ""):
        if m.url is not None and m.url not in nodes:
            nodes[m.url] = Node(m.url, m.outlet, m.published)
    parent: dict[str, str] = {}
    for link in chain:
        if link.url in parent or link.cites not in nodes or link.url not in nodes:
            continue
        at: str | None = link.cites
        while at is not None and at != link.url:  # no cycles
            at = parent.get(at)
        if at is None:
            parent[link.url] = link.cites
    for url, node in nodes.items():
        if url in parent:
            nodes[parent[url]].children.append(node)
    return [n for url, n in nodes.items() if url not in parent]
