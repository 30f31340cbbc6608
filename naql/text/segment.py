"""Quotations, sentences and lines over a token list.

Quotation marks are paired per paragraph: « » nest; the symmetric marks (" “ ” „) toggle,
since Arabic sites use ” and “ for either side. A quote left open closes at the paragraph's
end. Sentence-final punctuation inside a quotation does not end the sentence, so a quote
over several sentences stays one unit.
"""
from __future__ import annotations

from dataclasses import dataclass

from .tokens import BREAK, QUOTE, Token

OPENERS, CLOSERS = {"«": "»", "‹": "›", "‘": "’"}, {"»": "«", "›": "‹", "’": "‘"}
TOGGLES = frozenset("\"“”„")
SENTENCE_END = frozenset(".!?؟…")


@dataclass(frozen=True, slots=True)
class Quote:
    open: int  # token index of the opening mark
    close: int | None  # token index of the closing mark; None when left open
    end: int  # index one past the last token inside

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.end

    @property
    def words(self) -> int:
        return self.end - self.open - 1


@dataclass(slots=True)
class Layout:
    tokens: list[Token]
    quotes: list[Quote]
    quote_at: dict[int, Quote]  # opening-mark index → quote
    quote_closed_at: dict[int, Quote]  # closing-mark index → quote
    depth: list[int]  # how many quotes enclose each token
    sentences: list[tuple[int, int]]  # token ranges [start, end)
    sentence_of: list[int]
    line_start: list[int]  # token index where each token's line starts
    ends: frozenset[int]  # tokens that end a sentence (final punctuation or line break)

    def sentence_range(self, i: int) -> tuple[int, int]:
        return self.sentences[self.sentence_of[i]]

    def quote_closing(self, close_index: int) -> Quote | None:
        return self.quote_closed_at.get(close_index)


def _pair_quotes(tokens: list[Token]) -> list[Quote]:
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected or "toggle", open index)

    def close_all(at: int) -> None:
        while stack:
            _, i = stack.pop()
            quotes.append(Quote(i, None, at))

    for i, t in enumerate(tokens):
        if t.kind == BREAK:
            close_all(i)
        elif t.kind == QUOTE:
            ch = t.text
            if ch in TOGGLES:
                pos = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == "toggle"), None)
                if pos is None:
                    stack.append(("toggle", i))
                else:
                    # closing a toggle also closes quotes opened inside it and left open
                    while len(stack) > pos + 1:
                        _, j = stack.pop()
                        quotes.append(Quote(j, None, i))
                    _, j = stack.pop()
                    quotes.append(Quote(j, i, i))
            elif ch in OPENERS:
                stack.append((OPENERS[ch], i))
            elif ch in CLOSERS:
                pos = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == ch), None)
                if pos is not None:
                    while len(stack) > pos + 1:
                        _, j = stack.pop()
                        quotes.append(Quote(j, None, i))
                    _, j = stack.pop()
                    quotes.append(Quote(j, i, i))
    close_all(len(tokens))
    quotes.sort(key=lambda q: q.open)
    return quotes


RUN_ON_WORDS = 25  # a line this long without final punctuation was cut mid-sentence


def _runs_on(tokens: list[Token], start: int, i: int) -> bool:
    """A line break inside a long unfinished sentence (a page that wrapped its paragraph)."""
    words = 0
    last = None
    for t in tokens[start:i]:
        if t.kind == "word":
            words += 1
        if t.kind != BREAK:
            last = t
    nxt = next((t for t in tokens[i + 1:i + 4] if t.kind != BREAK), None)
    return (words >= RUN_ON_WORDS and last is not None and last.kind == "word"
            and nxt is not None and nxt.kind == "word" and nxt.text not in ("و", "ف"))


def _glued_sentences(before: Token | None, stop: Token, after: Token) -> bool:
    """انتهى الاجتماع.وأضاف: a full stop written between two Arabic words with no space, as
        scraped text often has, ends a sentence; an initial (د.صالح) or a number (3.5) does not."""
    return (before is not None and before.end == stop.start
            and ((len(before.text) > 2 and _arabic(before.text)) or before.kind == QUOTE)
            and len(after.text) > 2 and _arabic(after.text))  # «...».واستدعت too


def _arabic(word: str) -> bool:
    return all("\u0600" <= ch <= "\u06ff" for ch in word)


def layout(tokens: list[Token]) -> Layout:
    quotes = _pair_quotes(tokens)
    n = len(tokens)
    delta = [0] * (n + 1)
    for q in quotes:
        delta[q.open + 1] += 1
        delta[q.end] -= 1
    depth, d = [0] * n, 0
    for i in range(n):
        d += delta[i]
        depth[i] = d

    sentences: list[tuple[int, int]] = []
    sentence_of = [0] * n
    line_start = [0] * n
    start, line = 0, 0
    ends: set[int] = set()
    for i, t in enumerate(tokens):
        line_start[i] = line
        sentence_of[i] = len(sentences)
        end_here = False
        if t.kind == BREAK:
            end_here = not _runs_on(tokens, start, i)
            line = i + 1
        elif t.text in SENTENCE_END and depth[i] == 0:
            nxt = tokens[i + 1] if i + 1 < n else None
            end_here = nxt is None or (nxt.text not in SENTENCE_END and not (
                t.text == "." and nxt.kind != BREAK and nxt.start == t.end
                and not _glued_sentences(tokens[i - 1] if i else None, t, nxt)))  # ط.صالح، 3.5
        if end_here:
            ends.add(i)
            sentences.append((start, i + 1))
            start = i + 1
    if start < n:
        for i in range(start, n):
            sentence_of[i] = len(sentences)
        sentences.append((start, n))
    return Layout(tokens, quotes, {q.open: q for q in quotes}, {q.close: q for q in quotes if q.close is not None},
                  depth, sentences, sentence_of, line_start, frozenset(ends))
