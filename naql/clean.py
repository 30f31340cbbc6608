"""Article text cleaning: drop a repeated title and page furniture, line by line.

The result is what every offset indexes, so lines are only cut, never rewritten: each
kept line is an original line without its surrounding whitespace.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .text.normalize import FORMAT, normalize, without_format

FURNITURE_FILE = Path(__file__).parent / "lexicon" / "data" / "furniture.txt"
SENTENCE_END = tuple(".؟?!»\"”…")
CONTENT_WORDS = 8  # a line this long is a sentence, whatever it ends with
MENU_WORDS = 5  # a bullet item this short, next to another, is a menu entry
TITLE_WINDOW = 6  # lines after the top lines where a repeated title is looked for
TRAILING_WORDS = 15  # "most read" headlines are shorter than this
CONTAINS_WORDS = 20  # [contains] phrases only mark lines shorter than this
LINE_WORDS = 6  # [line] phrases are shorter than this
LATIN_WORDS = 3  # Latin-only lines this short in Arabic text are logos and icon labels
HEAD_CHARS = 60  # enough for any [start] phrase and its colon
HEADLINE_WORDS = (3, 20)  # a headline's length in words, fewest and most
NOT_HEADLINE_END = tuple(".!?؟…،:؛,;")  # a line ending so is a sentence, or runs on
BULLETS = "•·▪◦●■"
DASHES = "-–—*"
_ARABIC = re.compile("[\u0600-\u06ff]")
_TOKEN = re.compile(r"\w+|:")
_STRIP = " \t\r\f\v\u00a0" + FORMAT  # around a line: spaces, and bidi marks or other format characters


@dataclass(frozen=True, slots=True)
class _Markers:
    line: frozenset[str]
    start: frozenset[tuple[str, ...]]
    start_lengths: tuple[int, ...]
    contains: tuple[str, ...]


@dataclass(slots=True)
class _Line:
    text: str  # the original line without surrounding whitespace
    core: str  # normalised, without the non-letters around it ("• (0) التعليقات:" → "التعليقات");
    # for lines of CONTAINS_WORDS words or more, of the first HEAD_CHARS characters only
    words: int
    content: bool  # looks like a sentence: long, or ends like one
    furniture: bool = False
    menu: bool = False  # a short bullet item
    drop: bool = False


def clean(text: str, title: str | None = None) -> tuple[str, str | None]:
    """Return (cleaned text, title); a title repeated at the top is cut and becomes the title.

    Without a title, given or repeated, a first line that reads as a headline is the title
    (it stays in the text: a headline can hold an attribution).
    """
    arabic = _ARABIC.search(text) is not None
    lines = [_line(raw.strip(_STRIP), arabic) for raw in text.split("\n")]
    for line in lines:
        line.drop = line.furniture
    _drop_menus(lines)
    title = _drop_repeated_title(lines, title)
    _drop_trailing_block(lines)
    return _join(lines), title if title is not None else _headline(lines)


@cache
def _markers() -> _Markers:
    """The phrases of ``furniture.txt`` by section, normalised like the lines they match."""
    sections: dict[str, list[str]] = {"line": [], "start": [], "contains": []}
    current = "line"
    for raw in FURNITURE_FILE.read_text(encoding="utf-8").splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry.startswith("[") and entry.endswith("]"):
            current = entry[1:-1]
        elif entry:
            sections[current].append(_fold(entry))
    start = frozenset(tuple(_TOKEN.findall(p)) for p in sections["start"])
    return _Markers(
        line=frozenset(" ".join(_TOKEN.findall(p)) for p in sections["line"]),
        start=start,
        start_lengths=tuple(sorted({len(p) for p in start})),
        contains=tuple(sections["contains"]),
    )


def _fold(s: str) -> str:
    return normalize(s).casefold()


def _line(text: str, arabic: bool) -> _Line:
    if not text:
        return _Line(text, "", 0, False)
    words = len(text.split())
    content = words >= CONTENT_WORDS or text.endswith(SENTENCE_END)
    # folding is the costly step; long lines are only ever matched on their start
    folded = _fold(text if words < CONTAINS_WORDS else text[:HEAD_CHARS])
    core = _core(folded)
    line = _Line(text, core, words, content)
    line.furniture = _is_furniture(line, folded, arabic)
    if not content and (text[0] in BULLETS or (text[0] in DASHES and text[1:2].isspace())):
        line.menu = 0 < len(core.split()) <= MENU_WORDS
    return line


def _core(folded: str) -> str:
    """The line between its first and last letter."""
    start, end = 0, len(folded)
    while start < end and not folded[start].isalpha():
        start += 1
    while end > start and not folded[end - 1].isalpha():
        end -= 1
    return folded[start:end]


def _is_furniture(line: _Line, folded: str, arabic: bool) -> bool:
    """Labels from furniture.txt, and lines whose shape gives them away."""
    text, m = line.text, _markers()
    if not line.core:  # no letters: separators, and counters like "0" or "(12)"; dates stay
        return not any(ch.isdigit() for ch in text) or all(ch.isdigit() or ch in "()[] " for ch in text)
    tokens = _TOKEN.findall(line.core[:HEAD_CHARS])  # phrases match whole short lines or line starts
    words = [t for t in tokens if t != ":"]
    if line.words <= LINE_WORDS and (" ".join(words) in m.line or all(w in m.line for w in words)):
        return True
    for n in m.start_lengths:
        if tuple(tokens[:n]) in m.start:
            colon = tokens[n:n + 1] == [":"]
            if colon or not text.endswith(SENTENCE_END):
                return True
    if line.words < CONTAINS_WORDS and any(p in folded for p in m.contains):
        return True
    if line.content:
        return False
    if unicodedata.category(text[0]) in ("So", "Sm"):  # emoji-led section markers, ">>" arrows
        return True
    return arabic and line.words <= LATIN_WORDS and text.isascii()


def _neighbours(lines: list[_Line], i: int) -> tuple[_Line | None, _Line | None]:
    """The nearest kept non-blank lines before and after line i."""
    before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].text and not lines[j].drop), None)
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].text and not lines[j].drop), None)
    return before, after


def _drop_menus(lines: list[_Line]) -> None:
    """Bullet items next to one another, and the lines that repeat a dropped line just above.

    Menus often print each entry twice (bullet, then label); the repeats go first so that
    they do not split a run of bullets.
    """
    previous: _Line | None = None
    for line in lines:
        if not line.text:
            continue
        if previous is not None and not line.content and line.core == previous.core and (
                previous.drop or previous.menu):
            line.drop = True
        previous = line
    items = [i for i, line in enumerate(lines) if line.menu and not line.drop]
    runs = [i for i in items if any(n is not None and n.menu for n in _neighbours(lines, i))]
    for i in runs:
        lines[i].drop = True


def _drop_repeated_title(lines: list[_Line], title: str | None) -> str | None:
    """A top line that comes again a few lines later is the page title printed twice.

    A line ending in a full stop is a paragraph, repeated for some other reason. Spacing
    and invisible format characters may differ between the copies.
    """
    kept = [line for line in lines if line.text and not line.drop]
    for pos, line in enumerate(kept[:3]):
        if line.text.endswith("."):
            continue
        key = _seen(line.text)
        if any(_seen(other.text) == key for other in kept[pos + 1:pos + 1 + TITLE_WINDOW]):
            line.drop = True
            return title if title is not None else key
    return title


def _seen(text: str) -> str:
    """A line as a reader sees it: words one space apart, no format characters."""
    return " ".join(without_format(text).split())


def _headline(lines: list[_Line]) -> str | None:
    """The first kept line, when it reads as a headline above the article: a few words,
    letters among them, not ended as a sentence, and more lines after it."""
    kept = [line for line in lines if line.text and not line.drop]
    if len(kept) < 2:
        return None
    first = kept[0]
    fewest, most = HEADLINE_WORDS
    if first.core and fewest <= first.words <= most and not first.text.endswith(NOT_HEADLINE_END):
        return _seen(first.text)
    return None


def _drop_trailing_block(lines: list[_Line]) -> None:
    """From a furniture line after the article on, when only short lines follow, drop it all.

    Blocks like "most read" or "related" list headlines that no single rule catches.
    """
    start = None
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.text and not line.furniture and (
                line.words >= TRAILING_WORDS or line.text.endswith(SENTENCE_END)):
            break
        if line.furniture:
            start = i
    else:
        return  # nothing but short lines: no article to protect them from
    if start is not None:
        for line in lines[start:]:
            line.drop = True


def _join(lines: list[_Line]) -> str:
    """Kept lines, at most one blank line in a row, none at either end."""
    out: list[str] = []
    for line in lines:
        if line.drop:
            continue
        if line.text or (out and out[-1]):
            out.append(line.text)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
