"""The ingest progress bar (rich, on stderr) and the closing summary."""
from __future__ import annotations

import time

from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

from .run import Summary
from .sources import Failure


class RichReporter:
    """Progress by input bytes (so the ETA holds for any mix of formats), with articles/s and
    running counts; failures are printed as they happen, each with its place."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress = Progress(
            TextColumn("ingest"), BarColumn(), DownloadColumn(), TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[counts]}"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=console, disable=not console.is_terminal)
        self.task = self.progress.add_task("ingest", total=None, rate="", counts="", start=False)
        self.began = time.monotonic()

    def __enter__(self) -> "RichReporter":
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def start(self, total_bytes: int) -> None:
        self.progress.update(self.task, total=total_bytes)
        self.progress.start_task(self.task)
        self.began = time.monotonic()

    def read(self, nbytes: int) -> None:
        self.progress.advance(self.task, nbytes)

    def failed(self, failure: Failure) -> None:
        self.console.print(f"[red]failed[/red] {escape(failure.place)}: {escape(failure.reason)}",
                           soft_wrap=True)

    def stored(self, summary: Summary) -> None:
        done = summary.ingested + summary.duplicates + summary.failed
        rate = done / max(time.monotonic() - self.began, 1e-6)
        self.progress.update(self.task, rate=f"{rate:,.0f} articles/s", counts=(
            f"{summary.ingested:,} new · {summary.duplicates:,} dup · {summary.failed:,} failed"))


def print_summary(console: Console, summary: Summary, seconds: float) -> None:
    """The closing line; each failure was printed with its place when it happened."""
    done = summary.ingested + summary.duplicates + summary.failed
    console.print(f"ingested {summary.ingested:,}, skipped as duplicates {summary.duplicates:,}, "
                  f"failed {summary.failed:,} ({done / max(seconds, 1e-6):,.0f} articles/s, "
                  f"{seconds:,.1f} s)", soft_wrap=True)
