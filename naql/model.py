"""The document model: what one article says, who said it, and where in the text.

Every span indexes ``Document.text`` exactly: ``text[span.start:span.end] == span.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SOURCE_KINDS = ("person", "organization", "government", "media", "document", "group", "unknown")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Source:
    """Who an attribution is credited to. ``span`` is None when the subject is only in the verb."""

    span: Span | None
    resolved: str
    entity: str | None = None
    kind: str = "unknown"
    anonymous: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = self.span.to_dict() if self.span else {"text": None, "start": None, "end": None}
        out.update(resolved=self.resolved, entity=self.entity, kind=self.kind, anonymous=self.anonymous)
        return out


@dataclass(slots=True)
class Via:
    """A source that the attribution's own source cites (نقلاً عن X)."""

    span: Span
    resolved: str
    anonymous: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "resolved": self.resolved, "anonymous": self.anonymous}


@dataclass(slots=True)
class Attribution:
    id: str
    type: str  # direct | indirect | according_to
    polarity: str  # assert | deny
    cue: Span | None
    source: Source
    content: Span
    via: list[Via] = field(default_factory=list)
    recipient: Span | None = None
    confidence: float = 0.5
    rule: str = ""  # the pattern that found it; confidence is calibrated per rule

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "polarity": self.polarity,
            "cue": self.cue.to_dict() if self.cue else None,
            "source": self.source.to_dict(),
            "content": self.content.to_dict(),
            "via": [v.to_dict() for v in self.via],
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
        }


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    kind: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    anonymous: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "anonymous": self.anonymous,
                "mentions": [list(m) for m in self.mentions]}


@dataclass(slots=True)
class Document:
    input: str | None
    text: str
    title: str | None = None
    language: str = "ar"
    attributions: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # url, published, author, site when known

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"input": self.input, "title": self.title, "text": self.text,
                               "language": self.language}
        out.update({k: v for k, v in self.meta.items() if v is not None})
        out["attributions"] = [a.to_dict() for a in self.attributions]
        out["entities"] = [e.to_dict() for e in self.entities]
        return out
