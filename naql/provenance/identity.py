"""Who a report rests on, and when two reports have the same (or a compatible) speaker.

A report's chain lists, outermost first, the sources it passed through and ends with the
speaker: the sources of the attributions that carry it (وبحسب صحيفة الأفق، فإن الوزير قال
...), an outlet it was told to (قال لوكالة الرائد), its own source, and the sources that
source cites (نقلت الصحيفة عن الوزير قوله، قالت الصحيفة نقلاً عن مصدرين). Two reports are of
the same speaker when their speakers are one stored source or one name written more or less
fully (الخطيب، وزير المالية سامي الخطيب); when one speaker is an outlet that published or
passed on the other report (ذكرت صحيفة المدار أن ... and the paper's own article); or when
both rest on unnamed sources whose descriptions do not differ (مصدران في الاستخبارات and
مصدرين استخباراتيين, not مسؤول عسكري).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
import re
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, select

from naql.lexicon import lines, table
from naql.resolve import UNKNOWN
from naql.store.keys import search_terms, source_key
from naql.store.schema import aliases

from .outlets import Outlets, outlet_key, outlet_name


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    source: int | None = None  # sources.id, when the store has it
    outlet: bool = False
    anonymous: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "source": self.source, "outlet": self.outlet,
                "anonymous": self.anonymous}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Identity":
        return cls(d["name"], d.get("source"), bool(d.get("outlet")), bool(d.get("anonymous")))


Chain = tuple[Identity, ...]


@dataclass(frozen=True, slots=True)
class Reported:
    """A report as an article carries it: the article's outlet and the report's chain."""

    outlet: str | None
    chain: Chain

    @property
    def speaker(self) -> Identity:
        return self.chain[-1]

    @property
    def origin(self) -> Identity:
        """The innermost named source of the chain, else the speaker."""
        return next((i for i in reversed(self.chain) if not i.anonymous), self.speaker)


# --- chains of one document ---------------------------------------------------------------

# local id -> sources.id of its source (None if not stored) and of its named vias, in order
StoredIds = dict[str, tuple[int | None, list[int]]]


def chains(doc: dict[str, Any], ids: StoredIds, outlets: Outlets) -> dict[str, Chain]:
    """The chain of every attribution of ``doc`` that is a report of its own, by local id.
    Carriers (an attribution whose content is another attribution) are left out: their
    sources are in the chains of what they carry."""
    attrs = doc.get("attributions") or []
    by_id = {a["id"]: a for a in attrs}
    nearest = {a["id"]: _nearest_carrier(a, attrs) for a in attrs}
    carriers = {c["id"] for c in nearest.values() if c is not None}
    memo: dict[str, Chain] = {}

    def own(a: dict[str, Any]) -> Chain:
        return _identities(a, ids.get(a["id"]) or (None, []), outlets)

    def lead(a: dict[str, Any]) -> Chain:
        told = outlet_name((a.get("recipient") or {}).get("text") or "")
        return (Identity(told, outlet=True),) if told and outlets.is_outlet(told) else ()

    def prefix(a: dict[str, Any], seen: frozenset[str]) -> Chain:
        carrier = nearest[a["id"]]
        if carrier is not None and carrier["id"] not in seen:
            return chain(carrier, seen | {a["id"]})
        before = _continued(a, attrs)
        if before is not None and before["id"] not in seen:
            return prefix(before, seen | {a["id"]}) + lead(before)
        return ()

    def chain(a: dict[str, Any], seen: frozenset[str] = frozenset()) -> Chain:
        if a["id"] not in memo:
            memo[a["id"]] = prefix(a, seen) + lead(a) + own(a)
        return memo[a["id"]]

    return {aid: chain(a) for aid, a in by_id.items() if aid not in carriers}


def _identities(a: dict[str, Any], stored: tuple[int | None, list[int]], outlets: Outlets
                ) -> Chain:
    """The source, then the sources it cites. An unresolved source counts as unnamed."""
    src = a["source"]
    name = _name(src) or UNKNOWN
    anonymous = bool(src.get("anonymous")) or name == UNKNOWN
    out = [Identity(name, stored[0], not anonymous and outlets.is_outlet(name, src.get("kind")),
                    anonymous)]
    via_ids = iter(stored[1])
    for v in a.get("via") or []:
        if vname := _name(v):  # the store keeps named vias only, in this order
            anon = bool(v.get("anonymous"))
            out.append(Identity(vname, next(via_ids, None), not anon and outlets.is_outlet(vname),
                                anon))
    return tuple(out)


def _name(span: dict[str, Any]) -> str:
    return (span.get("resolved") or span.get("text") or "").strip()


def _heads(a: dict[str, Any]) -> list[dict[str, Any]]:
    return [a[k] for k in ("cue", "source") if (a.get(k) or {}).get("text")]


def _extent(a: dict[str, Any]) -> tuple[int, int]:
    spans = [*_heads(a), a["content"]]
    return min(s["start"] for s in spans), max(s["end"] for s in spans)


def _carries(c: dict[str, Any], a: dict[str, Any]) -> bool:
    """``c`` reports ``a``: a's cue or source is in c's content, and a fills at least half
    of it (so a statement that merely mentions another is not its carrier)."""
    start, end = c["content"]["start"], c["content"]["end"]
    if c is a or not any(start <= h["start"] and h["end"] <= end for h in _heads(a)):
        return False
    a_start, a_end = _extent(a)
    return 2 * (min(end, a_end) - max(start, a_start)) >= end - start


def _nearest_carrier(a: dict[str, Any], attrs: list[dict[str, Any]]) -> dict[str, Any] | None:
    around = [c for c in attrs if _carries(c, a)]
    return min(around, key=lambda c: c["content"]["end"] - c["content"]["start"], default=None)


def _continued(a: dict[str, Any], attrs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The report a participle continues (قال الوزير إن ...، مشيراً إلى أن ...): the nearest
    earlier attribution of the same source, whose chain the participle shares."""
    entity = a["source"].get("entity")
    if not a.get("rule", "").startswith("participle") or entity is None:
        return None
    earlier = [b for b in attrs if b is not a and b["source"].get("entity") == entity
               and b["content"]["end"] <= a["content"]["start"]]
    return max(earlier, key=lambda b: b["content"]["end"], default=None)


# --- same speaker ---------------------------------------------------------------------------

Words = Callable[[int | None], frozenset[str]]  # a stored source's words (AliasWords)


class AliasWords:
    """Every word a stored source has been written with (وزير المالية سامي الخطيب), so that a
    shorter or title-only naming (الخطيب، وزير المالية) is recognised as the same source."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._words: dict[int, frozenset[str]] = {}

    def load(self, source_ids: Iterable[int | None], chunk: int = 5000) -> None:
        wanted = sorted({s for s in source_ids if s is not None} - self._words.keys())
        for i in range(0, len(wanted), chunk):
            part = wanted[i:i + chunk]
            found: dict[int, set[str]] = {s: set() for s in part}
            for sid, name, key in self._conn.execute(
                    select(aliases.c.source_id, aliases.c.name, aliases.c.key)
                    .where(aliases.c.source_id.in_(part))):
                found[sid].update(search_terms(name), key.split())
            self._words.update((s, frozenset(w)) for s, w in found.items())

    def __call__(self, source_id: int | None) -> frozenset[str]:
        if source_id is None:
            return frozenset()
        if source_id not in self._words:
            self.load([source_id])
        return self._words[source_id]


def same_speaker(a: Reported, b: Reported, words: Words, outlets: Outlets) -> bool:
    sa, sb = a.speaker, b.speaker
    if sa.outlet or sb.outlet:
        return ((sa.outlet and sb.outlet and _same_outlet(sa, sb))
                or (sa.outlet and _passed_on(sa, b, outlets))
                or (sb.outlet and _passed_on(sb, a, outlets)))
    if sa.anonymous or sb.anonymous:
        return sa.anonymous and sb.anonymous and _alike(sa.name, sb.name)
    return _same_named(sa, sb, words)


SAME, COMPATIBLE, CONFLICT = "same", "compatible", "conflict"
_ARABIC = re.compile("[\u0600-\u06ff]")


def origins(a: Reported, b: Reported, words: Words, outlets: Outlets) -> str:
    """Whether two reports have one origin: SAME, COMPATIBLE or CONFLICT."""
    if (same_speaker(a, b, words, outlets) or _cites(a, b, words) or _cites(b, a, words)
            or _speaks_for(a.origin, b.origin, words) or _speaks_for(b.origin, a.origin, words)):
        return SAME
    if _unnamed(a) and _unnamed(b):
        return CONFLICT  # described differently, or same_speaker would have found them alike
    if _unnamed(a) or _unnamed(b) or _script(a.origin.name) != _script(b.origin.name):
        return COMPATIBLE  # a name in another script cannot be compared with this one
    return CONFLICT


def _script(name: str) -> str:
    return "arabic" if _ARABIC.search(name) else "other"


def _speaks_for(person: Identity, body: Identity, words: Words) -> bool:
    """A named source whose stored spellings name the body (ماجد الأنصاري، المتحدث باسم
    الخارجية القطرية speaks for الخارجية القطرية and for قطر): the body's words beyond its
    kind (وزارة، شركة; lexicon/data/kinds.tsv) are all among them, a gentilic standing for
    its country."""
    if person.anonymous or body.anonymous or person.source is None:
        return False
    named = _countries(words(person.source))
    specific = _countries(_key_words(body.name)) - _KIND_WORDS
    return bool(specific) and specific <= named


def _countries(ws: Iterable[str]) -> frozenset[str]:
    """Words with a gentilic (قطريه) as its country (قطر)."""
    return frozenset(_COUNTRY_OF.get(w, w) for w in ws)


def _unnamed(r: Reported) -> bool:
    """Rests on no named source: an unnamed speaker, or none the extractor resolved."""
    return all(i.anonymous or i.name == UNKNOWN for i in r.chain)


def _cites(a: Reported, b: Reported, words: Words) -> bool:
    """b's speaker is in a's chain: the agency a report cites, and "the sources who told the
    agency" it quotes, are one origin."""
    sb = b.speaker
    return not sb.anonymous and any(_same_identity(i, sb, words) for i in a.chain[:-1])


def _same_identity(x: Identity, y: Identity, words: Words) -> bool:
    if x.anonymous or y.anonymous:
        return False
    return _same_outlet(x, y) if x.outlet and y.outlet else _same_named(x, y, words)


def _same_outlet(x: Identity, y: Identity) -> bool:
    return ((x.source is not None and x.source == y.source)
            or outlet_key(x.name) == outlet_key(y.name))


def _passed_on(outlet: Identity, r: Reported, outlets: Outlets) -> bool:
    """The outlet published the report ``r`` or is one of the sources it passed through."""
    return (outlets.matches(r.outlet, outlets.named(outlet.name))
            or any(i.outlet and _same_outlet(outlet, i) for i in r.chain[:-1]))


def _same_named(x: Identity, y: Identity, words: Words) -> bool:
    if x.source is not None and x.source == y.source:
        return True
    kx, ky = _key_words(x.name), _key_words(y.name)
    return bool(kx and ky) and (kx <= ky | words(y.source) or ky <= kx | words(x.source))


@lru_cache(maxsize=100_000)
def _key_words(name: str) -> frozenset[str]:
    """The words of a name's key, another name of the same entity written as its first."""
    key = f" {source_key(name)} "
    for other, first in _ENTITIES:
        if f" {other} " in key:
            key = key.replace(f" {other} ", f" {first} ")
    return frozenset(key.split())


def _entities() -> list[tuple[str, str]]:
    """(a name's key, the key of its entity's first name), longest names first."""
    out = []
    for line in lines("same_entities.txt"):
        keys = [source_key(n) for n in line.split(" = ") if n.strip()]
        out += [(k, keys[0]) for k in keys[1:] if k and k != keys[0]]
    return sorted(out, key=lambda p: -len(p[0]))


_ENTITIES = _entities()


_KIND_WORDS = frozenset(source_key(r["head"]) for r in table("kinds.tsv"))
_COUNTRY_OF = {source_key(f"{r['gentilic']}{end}"): source_key(r["country"])
               for r in table("countries.tsv") for end in ("", "ة", "ين", "ون")}

_GENERIC = frozenset(search_terms(" ".join(
    lines("anonymous.txt") + lines("modifiers.txt") + lines("function_words.txt")
    + lines("unnamed_vague.txt"))))


@lru_cache(maxsize=10_000)
def _specific(description: str) -> tuple[str, ...]:
    return tuple(w for w in search_terms(description) if w not in _GENERIC and len(w) > 2)


def _alike(x: str, y: str) -> bool:
    """Unnamed sources may be the same unless their descriptions differ: words beyond the
    generic (مصادر، مطلعة، رفيع) must share a stem (its first four letters)."""
    wx, wy = _specific(x), _specific(y)
    return not wx or not wy or any(p[:4] == q[:4] for p in wx for q in wy)
