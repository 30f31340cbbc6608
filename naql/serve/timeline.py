"""A source's mentions over time, as bars for a small SVG chart on its page."""
from __future__ import annotations

from dataclasses import dataclass

from .queries import Count


@dataclass(frozen=True, slots=True)
class Bar:
    month: str
    n: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int  # of the bars; the month labels go below
    bars: list[Bar]


def timeline(months: list[Count], most: int = 36, width: int = 300, height: int = 60
             ) -> Timeline | None:
    """Mentions per month as bars, right to left from the oldest, empty months included, the
    last ``most`` months."""
    if not months:
        return None
    counts = {c.label: c.n for c in months}
    year, month = map(int, months[-1].label.split("-"))
    labels: list[str] = []
    while len(labels) < most:
        labels.append(f"{year:04d}-{month:02d}")
        if labels[-1] <= months[0].label:
            break
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    labels.reverse()
    top = max(counts.get(m, 0) for m in labels) or 1
    step = width / len(labels)
    bars = []
    for i, m in enumerate(labels):
        tall = counts.get(m, 0) / top * height
        bars.append(Bar(m, counts.get(m, 0), width - (i + 1) * step + 1, height - tall,
                        max(step - 2, 1), tall))
    return Timeline(width, height, bars)
