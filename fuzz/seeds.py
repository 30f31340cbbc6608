"""Seeds for fuzz_extract.py: the bad-input corpus (tests/badinput.py) and good articles as
text and HTML, plus a libFuzzer dictionary of the tokens the extractor keys on, so that
mutations reach its rules instead of stopping at the decoder.

    python fuzz/seeds.py OUT    # writes OUT/corpus/* and OUT/arabic.dict
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from badinput import bad_inputs, good_articles, html_page  # noqa: E402

MAX_SEED = 64 * 1024
TOKENS = ["قال", "وقال", "قالت", "أكد", "وأضاف", "نفى", "أعلنت", "إن", "أن", "بأن", "بحسب",
          "وفقاً لـ", "نقلاً عن", "على لسان", "مصدر مطلع", "الوزير", "الصحيفة", "وكالة",
          "«", "»", "“", "”", '"', ":", "،", "؛", ".", "\n", "\u200f", "\u0640", "\u064e",
          "ﻻ", "ی", "ک", "٣", "<p>", "</p>", "<div>", "<title>", "</title>", "<script>",
          "<html><body>", "<meta charset='windows-1256'>", "&amp;", "&#1602;", "\ufeff"]


def dictionary_entry(token: str) -> str:
    """A libFuzzer dictionary line: the token's UTF-8 bytes, non-ASCII ones as \\xNN."""
    return '"' + "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\x{b:02x}"
                         for b in token.encode()) + '"'


def write(out: Path) -> tuple[Path, Path]:
    """The corpus folder and the dictionary file."""
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    seeds = [c.data for c in bad_inputs(giant=False) if len(c.data) <= MAX_SEED]
    for text in good_articles(6):
        seeds += [text.encode(), html_page("خبر", text.splitlines()).encode(),
                  text.encode("utf-16-le"), text.encode("cp1256")]
    for n, data in enumerate(seeds):
        (corpus / f"seed-{n:03d}").write_bytes(data)
    dictionary = out / "arabic.dict"
    dictionary.write_text("".join(dictionary_entry(t) + "\n" for t in TOKENS), encoding="ascii")
    return corpus, dictionary


if __name__ == "__main__":
    write(Path(sys.argv[1]))
