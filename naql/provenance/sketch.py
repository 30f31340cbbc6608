"""MinHash signatures of shingle sets and their LSH band keys.

The signatures are datasketch's MinHash (scheme affine32, a fixed seed), computed for many
sets at once: datasketch hashes one set per call, which for 100,000 contents costs more
than all the rest of clustering (tests check the two agree). Band keys and signatures are
stored, so everything here is deterministic: shingles are hashed with CRC-32, not with
Python's per-process ``hash``; ``FINGERPRINT`` names these choices.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
FINGERPRINT = f"minhash:{SCHEME}:{NUM_PERM}:{SEED}:crc32"

_A, _B = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
_EMPTY = np.uint32(0xFFFFFFFF)


def crc(text: str) -> int:
    """A shingle's hash, the same in every process and run."""
    return zlib.crc32(text.encode())


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted unique values; faster than ``np.unique`` (hash-based in numpy 2) on these."""
    v = np.sort(values, axis=None)
    return v[np.concatenate(([True], v[1:] != v[:-1]))] if len(v) else v


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser, as datasketch applies it before its affine permutations."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """One row of NUM_PERM uint32 values per hashed set, as ``MinHash.update_batch`` gives."""
    out = np.full((len(sets), NUM_PERM), _EMPTY, dtype=np.uint32)
    lengths = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    filled = np.flatnonzero(lengths)
    if not len(filled):
        return out
    hv = _fmix32(np.concatenate([sets[i] for i in filled]).astype(np.uint32))
    starts = np.concatenate(([0], np.cumsum(lengths[filled])[:-1]))
    with np.errstate(over="ignore"):
        for j in range(NUM_PERM):
            out[filled, j] = np.minimum.reduceat(hv * _A[j] + _B[j], starts)
    return out


@lru_cache(maxsize=None)
def lsh_shape(threshold: float) -> tuple[int, int]:
    """Bands and rows per band that datasketch's LSH picks for ``threshold``."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


_FNV = np.uint64(0x100000001B3)


def band_keys(sigs: np.ndarray, threshold: float) -> np.ndarray:
    """(n, bands) int64 keys: each band's values mixed into 64 bits with its band number, so
    two signatures share a key when they agree on a whole band."""
    bands, rows = lsh_shape(threshold)
    x = sigs[:, :bands * rows].astype(np.uint64).reshape(len(sigs), bands, rows)
    with np.errstate(over="ignore"):
        band = np.arange(1, bands + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        h = np.broadcast_to(band, (len(sigs), bands)).copy()
        for j in range(rows):
            h = (h ^ x[:, :, j]) * _FNV
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xFF51AFD7ED558CCD)
        h ^= h >> np.uint64(33)
    return h.view(np.int64)


def resemblance(sig: np.ndarray, sigs: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of one signature with each row of ``sigs``."""
    return (sigs == sig).mean(axis=1) if len(sigs) else np.empty(0)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)
