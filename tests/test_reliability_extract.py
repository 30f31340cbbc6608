"""``naql.extract`` on raw bytes, as archives deliver them (hypothesis): damaged, re-encoded,
wrapped in odd HTML. Whatever comes in, the result is a document whose every span indexes
its text exactly, or an ``InputError``; never another exception.

test_properties.py covers text already decoded; fuzz/fuzz_extract.py explores the same
property guided by coverage.
"""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import naql
from naql.read import InputError

from badinput import BIDI, good_article
from support import assert_offsets
from test_properties import articles

# make reliability (NAQL_SLOW=1) explores four times as many examples as a CI run
EXAMPLES = 600 if os.environ.get("NAQL_SLOW") else 150
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def document(data: bytes | str, input_format: str = "auto") -> dict | None:
    """The document, its offsets checked; None when the input is refused."""
    try:
        d = naql.extract(data, input_format).to_dict()
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    assert_offsets(d)
    d["text"].encode()  # no lone surrogate: it can be printed and stored
    return d


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(["auto", "text", "html"]))
def test_any_bytes(data: bytes, input_format: str) -> None:
    document(data, input_format)


@SETTINGS
@given(st.text(st.characters(categories=["Cs", "Lo", "Zs", "Po", "Cc"]), max_size=200))
def test_text_with_lone_surrogates_is_refused(s: str) -> None:
    d = document(s, "text")
    if any("\ud800" <= ch <= "\udfff" for ch in s):
        assert d is None


# --- a good article, damaged -----------------------------------------------------------------
article = st.integers(0, 10_000).map(good_article)


@st.composite
def damaged(draw) -> tuple[str, bytes]:
    """A good article with a few bytes inserted, overwritten or cut, all in its first line."""
    text = draw(article)
    data = bytearray(text.encode())
    first = len(text.splitlines()[0].encode())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, first - 8))
        kind = draw(st.sampled_from(["insert", "overwrite", "cut"]))
        byte = draw(st.integers(0x80, 0xFF))
        if kind == "insert":
            data.insert(at, byte)
            first += 1
        elif kind == "overwrite":
            data[at] = byte
        else:
            n = draw(st.integers(1, 5))
            del data[at:at + n]
            first -= n  # the first line is shorter now: later damage stays inside it
    return text, bytes(data)


@SETTINGS
@given(damaged())
def test_a_few_damaged_bytes_cost_only_their_line(case: tuple[str, bytes]) -> None:
    text, data = case
    d = document(data)
    assert d is not None
    for line in text.splitlines()[1:]:
        assert line in d["text"], (line, d["text"])


@SETTINGS
@given(article, st.integers(1, 400))
def test_a_file_cut_short_keeps_its_whole_lines(text: str, cut: int) -> None:
    data = text.encode()[:-cut]
    d = document(data)
    assert d is not None
    for line in data.decode(errors="ignore").split("\n")[:-1]:
        assert line in d["text"], (line, d["text"])


# --- re-encoded --------------------------------------------------------------------------------
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"]


@SETTINGS
@given(articles, st.sampled_from(CODECS))
def test_any_encoding_gives_the_document_of_the_text(s: str, codec: str) -> None:
    """The same article as bytes in any supported encoding reads as the str itself."""
    try:
        data = s.encode(codec)
    except UnicodeEncodeError:
        assume(False)
    assume(len(s) >= 20 and any("\u0621" <= ch <= "\u064a" for ch in s))  # an article, not a scrap
    assert document(data) == document(s)


# --- odd HTML ---------------------------------------------------------------------------------
TAGS = ["p", "div", "span", "b", "font", "td", "li", "article", "section", "h1", "a"]
NOISE = ["<script>var s = '«قال»';</script>", "<style>p{}</style>", "<!-- قال -->", "<br>",
         "&nbsp;", "&#1602;&#1575;&#1604;", "&amp;", "<img src=x>", "\x1e", "\u202b", "<p",
         "</div></div>", "<title>x</title>", "<![CDATA[x]]>", "<?xml version='1.0'?>"]


@st.composite
def page(draw) -> bytes:
    """Paragraphs of an article in random, often broken, markup."""
    parts = ["<html><head><title>", draw(st.sampled_from(["", "<script>alert(1)</script>",
                                                            "خبر", "&lt;b&gt;"])), "</title>"]
    parts.append(draw(st.sampled_from(["", "</head>", "<body>", "</head><body>"])))
    for line in draw(article).splitlines():
        tags = draw(st.lists(st.sampled_from(TAGS), max_size=6))
        closed = draw(st.booleans())
        parts += [f"<{t}>" for t in tags]
        parts += [html.escape(line, quote=False) if draw(st.booleans()) else line]
        parts += [draw(st.sampled_from(NOISE))] if draw(st.booleans()) else []
        parts += [f"</{t}>" for t in reversed(tags)] if closed else []
    parts.append(draw(st.sampled_from(["</body></html>", "", "</html", BIDI])))
    encoding = draw(st.sampled_from(["utf-8", "utf-16-le", "cp1256"]))
    return "".join(parts).encode(encoding, errors="ignore")


@SETTINGS
@given(page())
def test_odd_html(data: bytes) -> None:
    document(data)


def test_the_fuzz_target_runs_on_its_seeds(tmp_path) -> None:
    """fuzz/fuzz_extract.py still loads and holds on its seed corpus (atheris, when present)."""
    pytest.importorskip("atheris")
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, str(root / "fuzz" / "seeds.py"), str(tmp_path)], check=True)
    run = subprocess.run([sys.executable, str(root / "fuzz" / "fuzz_extract.py"), "-runs=300",
                          f"-dict={tmp_path / 'arabic.dict'}", str(tmp_path / "corpus")],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    done = re.search(r"Done (\d+) runs", run.stderr)  # the seeds are run too, before the 300
    assert done and int(done.group(1)) >= 300, run.stderr[-3000:]
