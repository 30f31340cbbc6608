"""Rows for the terminal that stay readable however narrow it is.

A table whose text column (a statement, a snippet, a headline) gets only a few cells wraps
Arabic text one word a line. Narrower than that, each row is printed as a block instead:
its short fields on one line, its text below as a paragraph.
"""
from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

SHORT = 24  # a column other than the text is counted at most this wide (names wrap past it)
MIN_TEXT = 36  # the fewest cells the text column needs to read as lines of words
INDENT = 4


class Records:
    """Rows under a title and column names, ``text`` naming the column of running text."""

    def __init__(self, title: str, columns: tuple[str, ...], text: str | None = None) -> None:
        self.title, self.columns, self.text = title, columns, text
        self.rows: list[tuple[str, ...]] = []

    def add_row(self, *cells: str | None) -> None:
        self.rows.append(tuple(cell or "" for cell in cells))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.text is None or self._fits(options.max_width):
            yield self._table()
        else:
            yield from self._blocks()

    def _fits(self, width: int) -> bool:
        """Whether the text column gets MIN_TEXT cells beside the others (each column
        takes three more cells of padding and rule)."""
        others = sum(min(SHORT, max(cell_len(cell) for cell in (name, *(row[k] for row in self.rows))))
                     for k, name in enumerate(self.columns) if name != self.text)
        return width - others - 3 * len(self.columns) - 1 >= MIN_TEXT

    def _table(self) -> Table:
        t = Table(title=self.title, title_justify="left", show_lines=False)
        for name in self.columns:
            t.add_column(name, overflow="fold", min_width=MIN_TEXT if name == self.text else None)
        for row in self.rows:
            t.add_row(*row)
        return t

    def _blocks(self) -> RenderResult:
        """The first field alone (an id or a date), the others named and the empty ones
        left out; then the text."""
        yield Text(self.title, style="table.title")
        at = self.columns.index(self.text)
        for row in self.rows:
            fields = [value if k == 0 else f"{name} {value}"
                      for k, (name, value) in enumerate(zip(self.columns, row))
                      if k != at and value not in ("", "-")]
            yield Text(" · ".join(fields), style="bold")
            if row[at] not in ("", "-"):
                yield Padding(Text(row[at]), (0, 0, 0, INDENT), expand=False)
