"""Helpers shared by the extractor tests: run naql and check every offset it reports."""
from __future__ import annotations

import naql
from naql.attach.core import Context
from naql.attach.frames import from_frame
from naql.attach.noun import from_noun
from naql.attach.participle import from_participle
from naql.attach.verb import from_verb
from naql.cues import find_cues
from naql.lexicon import NOUN, PARTICIPLE, load
from naql.text.segment import layout
from naql.text.tokens import tokenize


def spans_of(d: dict):
    """Every span of an extracted document: (label, span dict with text/start/end)."""
    for a in d["attributions"]:
        for key in ("cue", "content", "recipient"):
            if a.get(key):
                yield f"{a['id']}.{key}", a[key]
        if a["source"]["text"] is not None:
            yield f"{a['id']}.source", a["source"]
        for n, v in enumerate(a["via"]):
            yield f"{a['id']}.via{n}", v
    for e in d["entities"]:
        for start, end in e["mentions"]:
            yield f"{e['id']}.mention", {"start": start, "end": end, "text": None}


def assert_offsets(d: dict) -> None:
    """``text[start:end] == span.text`` for every span; entity mentions lie inside the text
    and cover what an attribution's source span says."""
    text = d["text"]
    source_spans = {(a["source"]["start"], a["source"]["end"]): a["source"]["text"]
                    for a in d["attributions"] if a["source"]["text"] is not None}
    for label, sp in spans_of(d):
        start, end = sp["start"], sp["end"]
        assert isinstance(start, int) and isinstance(end, int), (label, sp)
        assert 0 <= start < end <= len(text), (label, sp, len(text))
        if sp["text"] is not None:
            assert text[start:end] == sp["text"], (label, sp, text[start:end])
            assert sp["text"] == sp["text"].strip(), (label, sp)
        elif (start, end) in source_spans:
            assert text[start:end] == source_spans[(start, end)], (label, sp)


def extract(text: str) -> dict:
    d = naql.extract(text, "text").to_dict()
    assert_offsets(d)
    return d


def describe(d: dict) -> str:
    """The attributions of a document, one line each, for assertion messages."""
    return "\n".join(f"  {a['id']} {a['type']}/{a['polarity']} cue={a['cue'] and a['cue']['text']!r} "
                     f"source={a['source']['text']!r} → {a['source']['resolved']!r} ({a['source']['entity']}) "
                     f"content={a['content']['text']!r}" for a in d["attributions"]) or "  (none)"


def by_content(d: dict, content: str) -> dict:
    """The one attribution whose content is exactly ``content``."""
    found = [a for a in d["attributions"] if a["content"]["text"] == content]
    assert len(found) == 1, f"expected one attribution with content {content!r}, got:\n{describe(d)}"
    return found[0]


def pattern_finds(text: str, pattern) -> list[tuple[str, str | None, str]]:
    """What one pattern module of naql/attach/ finds on its own: (rule, source, content).

    ``pattern`` is a per-cue function (``from_verb``, ``from_participle``, ``from_frame``), given
    the cues it reads, or a whole-article one (``headlines``, ``verbless``)."""
    lex = load()
    lay = layout(tokenize(text))
    ctx = Context(lay, lex, find_cues(lay, lex))
    reads = {from_frame: lambda c: c.frame is not None,
             from_verb: lambda c: c.form is not None and c.form.aspect not in (PARTICIPLE, NOUN),
             from_participle: lambda c: c.form is not None and c.form.aspect == PARTICIPLE,
             from_noun: lambda c: c.form is not None and c.form.aspect == NOUN}
    if pattern in reads:
        found = [c for c in (pattern(ctx, cue) for cue in ctx.cues if reads[pattern](cue)) if c is not None]
    else:
        found = pattern(ctx)

    def span(r, skip=0):
        return text[lay.tokens[r[0]].start + skip:lay.tokens[r[1] - 1].end] if r else None
    return [(c.rule, span(c.source, c.source_skip), span(c.content)) for c in found]
