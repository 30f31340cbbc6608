"""Reports close in meaning and in time: the candidate pairs that meaning proposes.

Comparing every report with every other costs n² products of 512 values; reports are
compared only within a time window (one story's few days), found by sorting on the date, a
block of reports against the reports of its window at once (a matrix product). Undated
reports are compared with all others, as they may belong to any window.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np

BLOCK = 1024  # reports of one side per matrix product
_EPOCH = datetime(1970, 1, 1)


def days(published: datetime | None) -> float:
    """A date as days (NaN when unknown), for windows."""
    return np.nan if published is None else (published - _EPOCH).total_seconds() / 86400


def on_day(d: float) -> datetime:
    """The date ``days`` gave ``d`` for."""
    return _EPOCH + timedelta(days=d)


def windows(times: list[float], width: float) -> list[tuple[float, float]]:
    """The windows of ``width`` days around sorted ``times``, overlapping ones merged (for
    reading the stored reports a new one may meet)."""
    out: list[tuple[float, float]] = []
    for t in times:
        if out and t - width <= out[-1][1]:
            out[-1] = (out[-1][0], t + width)
        else:
            out.append((t - width, t + width))
    return out


def near(a: np.ndarray, a_days: np.ndarray, b: np.ndarray, b_days: np.ndarray,
         threshold: float, window: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i in a, j in b) whose cosine (unit rows) is at least ``threshold`` and whose
    dates are at most ``window`` days apart (or unknown): indices and cosines."""
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    b_order = np.argsort(b_days, kind="stable")  # NaN last
    b_sorted = b_days[b_order]
    dated = int(np.count_nonzero(~np.isnan(b_sorted)))
    undated = b_order[dated:]
    order = np.argsort(a_days, kind="stable")  # a block's reports are of a few days
    for lo in range(0, len(a), BLOCK):
        rows = order[lo:lo + BLOCK]
        t = a_days[rows]
        if np.isnan(t).any():
            cols = np.arange(len(b))
        else:
            start = np.searchsorted(b_sorted[:dated], t.min() - window, "left")
            end = np.searchsorted(b_sorted[:dated], t.max() + window, "right")
            cols = np.concatenate((b_order[start:end], undated))
        if not len(cols):
            continue
        sims = a[rows] @ b[cols].T
        i, j = np.nonzero(sims >= threshold)
        gap = np.abs(a_days[rows[i]] - b_days[cols[j]])
        keep = ~(gap > window)  # NaN (an unknown date) keeps the pair
        found.append((rows[i[keep]], cols[j[keep]], sims[i[keep], j[keep]]))
    if not found:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty(0, dtype=np.float32)
    i, j, sims = (np.concatenate(x) for x in zip(*found))
    return i, j, sims
