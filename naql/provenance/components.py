"""Connected components over new and stored items, as claims and stories both grow: a new
item starts a group, joins a stored one, or links stored ones, which then merge into the
oldest (the lowest id, so that ids already shown stay valid as long as possible)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Column, Connection, Table, delete, update


@dataclass(slots=True)
class Outcome:
    fresh: list[list[int]]  # groups of new items only
    joined: dict[int, list[int]]  # a stored group -> the new items it gains
    merged: dict[int, list[int]]  # a stored group -> the stored groups merged into it


class Components:
    """Union-find over ``n`` new items (indices 0..n-1) and stored ones (n onwards, each
    with its stored group, so those of one group start joined)."""

    def __init__(self, n: int, stored: Sequence[int]) -> None:
        self.n, self.stored = n, stored
        self.parent = list(range(n + len(stored)))
        first: dict[int, int] = {}
        for k, group in enumerate(stored):
            self.union(n + k, first.setdefault(group, n + k))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def joined(self, i: int, j: int) -> bool:
        return self.find(i) == self.find(j)

    def outcome(self) -> Outcome:
        members: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            members.setdefault(self.find(i), []).append(i)
        out = Outcome([], {}, {})
        for group in members.values():
            added = [i for i in group if i < self.n]
            held = sorted({self.stored[i - self.n] for i in group if i >= self.n})
            if not added:
                continue
            if held:
                out.joined[held[0]] = added
                if held[1:]:
                    out.merged[held[0]] = held[1:]
            else:
                out.fresh.append(added)
        return out


def merge(conn: Connection, member_group: Column, groups: Table, merged: dict[int, list[int]]
          ) -> None:
    """Move the members of merged groups to the group they merged into; drop the merged."""
    for target, gone in merged.items():
        conn.execute(update(member_group.table).where(member_group.in_(gone))
                     .values({member_group.name: target}))
        conn.execute(delete(groups).where(groups.c.id.in_(gone)))
