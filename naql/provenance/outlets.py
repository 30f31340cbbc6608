"""Which stored outlet a name designates: «الأفق», لصحيفة الأفق and a page whose site name is
صحيفة الأفق are one outlet.

Articles carry their outlet as the archive gave it (a display name or a web domain); texts
name outlets in their own way. Both meet on a key: the folded name without a leading لـ,
its outlet noun (صحيفة، وكالة), trailing generic words (للأنباء، الإخبارية) and ال. The
names a stored outlet goes by are learnt as articles are processed (its own name and its
pages' site names, table ``outlet_names``); known outlets' domains are a data file.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import Connection, select

from naql.lexicon import lines, table
from naql.store.keys import search_terms, words
from naql.store.schema import outlet_names
from naql.store.writer import insert_or_skip

_NOUNS = sorted((words(n) for n in lines("outlets.txt")), key=len, reverse=True)
_SUFFIXES = frozenset(w for line in lines("outlet_suffixes.txt") for w in words(line))
_KNOWN = [(r["name"], r["domain"]) for r in table("outlet_domains.tsv")]


def _noun(ws: list[str]) -> int:
    """Length of the outlet noun that ``ws`` starts with, or 0."""
    return next((len(n) for n in _NOUNS if ws[:len(n)] == n), 0)


def outlet_name(text: str) -> str:
    """An outlet's name as a text writes it after لـ (لصحيفة الأفق، لـ«المدار»), without it."""
    text = text.strip()
    if text.startswith("لـ"):
        text = text[2:]
    elif text.startswith("ل") and _noun(words(text[1:])):
        text = text[1:]
    return text.strip(" «»\"“”")


@lru_cache(maxsize=100_000)
def named_as_outlet(name: str) -> bool:
    """The name starts with an outlet noun (صحيفة الأفق، لوكالة الرائد)."""
    return _noun(words(outlet_name(name))) > 0


@lru_cache(maxsize=100_000)
def outlet_key(name: str) -> str:
    """The key of an outlet's name, equal across the ways texts and archives write it."""
    ws = words(outlet_name(name))
    n = _noun(ws)
    if n and len(ws) > n:
        ws = ws[n:]
    while len(ws) > 1 and ws[-1] in _SUFFIXES:
        ws.pop()
    return " ".join(search_terms(" ".join(ws)))


def is_domain(outlet: str) -> bool:
    return "." in outlet and outlet.isascii() and " " not in outlet


@dataclass(slots=True)
class Outlets:
    """Stored outlets by the keys of the names they go by."""

    by_key: dict[str, frozenset[str]] = field(default_factory=dict)

    def add(self, name: str, outlet: str) -> None:
        if key := outlet_key(name):
            self.by_key[key] = self.by_key.get(key, frozenset()) | {outlet}

    def named(self, name: str) -> frozenset[str]:
        """The outlets (articles.outlet values or domains) ``name`` designates."""
        return self.by_key.get(outlet_key(name), frozenset())

    def is_outlet(self, name: str, kind: str | None = None) -> bool:
        return kind == "media" or named_as_outlet(name) or bool(self.named(name))

    @staticmethod
    def matches(outlet: str | None, names: frozenset[str]) -> bool:
        """Is the article outlet ``outlet`` one of ``names`` (a domain matches its
        subdomains: arabic.cnn.com is cnn.com)?"""
        return outlet is not None and any(
            outlet == n or (is_domain(n) and outlet.endswith("." + n)) for n in names)


def load(conn: Connection) -> Outlets:
    out = Outlets()
    for name, domain in _KNOWN:
        out.add(name, domain)
    for key, outlet in conn.execute(select(outlet_names.c.key, outlet_names.c.outlet)):
        out.by_key[key] = out.by_key.get(key, frozenset()) | {outlet}
    return out


def learn(conn: Connection, pairs: Iterable[tuple[str | None, str | None]]) -> None:
    """Store the names (an article's outlet, its page's site name) each outlet goes by."""
    rows = {(key, outlet) for name, outlet in pairs if name and outlet
            for key in [outlet_key(name)] if key}
    if rows:
        conn.execute(insert_or_skip(conn, outlet_names),
                     [{"key": k, "outlet": o} for k, o in sorted(rows)])
