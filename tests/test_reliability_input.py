"""Bad input (tests/badinput.py), one file at a time and in batches: each input gives a
document or a clear error, and a batch of them, as files, JSON lines or WARC records, stores
every good article and names each bad one with its place and reason."""
from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import select

import naql
from naql.ingest import ingest
from naql.provenance import claims, update
from naql.read import InputError
from naql.store import open_store
from naql.store.queries import documents
from naql.store.schema import articles
from naql.text.normalize import FORMAT, without_format
from naql.text.tokens import tokenize

from badinput import (Case, as_jsonl, as_warc, bad_inputs, good_article, good_articles, nested, url_of,
                      with_format_marks, with_nul_bytes, write_folder)
from support import assert_offsets

CASES = bad_inputs(giant=False)
GOOD = good_articles(12)


def clear(reason: str) -> bool:
    """A reason a person can act on: one short line, no traceback."""
    return 0 < len(reason) < 300 and "Traceback" not in reason and "\n" not in reason


def check_document(d: dict, case: Case | None) -> None:
    """Exact offsets, printable as UTF-8, and for a case (None: a good article) what it
    expects."""
    assert_offsets(d)
    json.dumps(d, ensure_ascii=False).encode()
    if case is None:
        return
    assert case.readable is not False, f"{case.name} should be refused, got a document"
    if case.contains:
        assert case.contains in d["text"], f"{case.name}: decoded text lost {case.contains!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_input_gives_a_document_or_a_clear_error(case: Case, record_property) -> None:
    record_property("corpus_inputs", 1)
    try:
        d = naql.extract(case.data, "auto", name=case.name).to_dict()
    except InputError as exc:
        assert case.readable is not True, f"{case.name}: {exc}"
        assert clear(str(exc))
        return
    check_document(d, case)


def test_text_past_255_unclosed_tags_is_kept() -> None:
    rows = good_articles(300, start=5000)
    page = "<html><body>" + "".join(f"<div>{row}\n" for row in rows) + "</body></html>"
    assert rows[-1].splitlines()[0] in naql.extract(page.encode()).text


EXAMPLE = Path(__file__).parent.parent / "examples" / "article.txt"
# Each damage: (the clean copy, the damaged copy) of an article's text.
DAMAGES = {
    "nul-bytes": lambda text: (text.encode(), with_nul_bytes(text.encode(), random.Random(3))),
    "format-marks": lambda text: (text.encode(), with_format_marks(text).encode()),
    "5000-nested-divs": lambda text: (nested(1, text), nested(5000, text)),
}


def findings(data: bytes) -> tuple[str | None, str, list[tuple[str, ...]]]:
    """What a user reads of a document, the invisible format characters aside: its title,
    its text and each attribution."""
    d = naql.extract(data).to_dict()
    assert_offsets(d)

    def seen(span: dict | None) -> str:
        return without_format(span["text"] or "") if span else ""

    return d["title"], without_format(d["text"]), sorted(
        (a["type"], a["polarity"], seen(a["cue"]), seen(a["source"]), a["source"]["resolved"],
         seen(a["content"]), seen(a["recipient"])) for a in d["attributions"])


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("text", [EXAMPLE.read_text(encoding="utf-8"), good_article(41)],
                         ids=["example", "good"])
def test_a_damaged_copy_gives_the_attributions_of_the_clean_one(text: str, damage: str) -> None:
    clean, damaged = DAMAGES[damage](text)
    expected = findings(clean)
    assert len(expected[2]) >= 4
    assert findings(damaged) == expected


def test_damaged_copies_in_a_corpus_report_the_claims_of_the_clean_one(db_url: str,
                                                                        tmp_path: Path) -> None:
    """Ingested, a damaged copy is the clean one (a duplicate, when the damage was dropped
    whole) or an article reporting the same claims: every statement is one claim of them all."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for damage, make in DAMAGES.items():
        clean, damaged = make(text)
        suffix = ".html" if damage.endswith("divs") else ".txt"
        (tmp_path / f"{damage}{suffix}").write_bytes(damaged)
    (tmp_path / "clean.txt").write_text(text, encoding="utf-8")
    engine = open_store(db_url)
    summary = ingest([str(tmp_path)], engine, workers=1)
    assert (summary.ingested + summary.duplicates, summary.failed) == (len(DAMAGES) + 1, 0)
    assert summary.ingested >= 2  # the marks stay in the copy that has them
    update(engine)
    with engine.connect() as conn:
        found = claims(conn, min_articles=1, limit=None)
    engine.dispose()
    assert len(found) >= 4 and {c.articles for c in found} == {summary.ingested}


def test_format_characters_neither_split_nor_make_words() -> None:
    """A joiner inside a word keeps it one word, matched without it; a bidi mark between
    words is no token; the tokens still index the text as given."""
    text = "قا\u200dل\u061c الوزير\u200f، \u202bإن\u202c الخطة جاهزة"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["قال", "الوزير", "،", "ان", "الخطه", "جاهزه"]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_every_format_character_of_unicode_is_known() -> None:
    """naql's list of format characters (category Cf) covers this Python's Unicode table."""
    missing = [f"U+{c:04X}" for c in range(0x110000)
               if unicodedata.category(chr(c)) == "Cf" and chr(c) not in FORMAT]
    assert not missing


def test_naql_extract_gives_a_line_for_each_input(tmp_path: Path, naql_cli,
                                                  record_property) -> None:
    files = write_folder(tmp_path, CASES, GOOD)
    record_property("corpus_inputs", len(files))
    run = naql_cli("extract", "--format", "jsonl", *files)
    assert run.returncode == 1, run.stderr  # some inputs failed
    assert "Traceback" not in run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [line["input"] for line in lines] == list(files)
    for line, case in zip(lines, files.values()):
        if "error" in line:
            assert set(line) == {"input", "error"} and clear(line["error"])
            assert case is not None and case.readable is not True, line
        else:
            check_document(line, case)


def stored_places(engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(articles.c.place)).scalars())


def stored_urls(engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(articles.c.url)).scalars())


def test_ingest_of_a_folder_stores_every_good_article(db_url: str, tmp_path: Path,
                                                      naql_cli, record_property) -> None:
    files = write_folder(tmp_path / "in", CASES, GOOD)
    record_property("corpus_inputs", len(files))
    run = naql_cli("ingest", "--db", db_url, "--workers", "2", str(tmp_path / "in"))
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    failed = {line.split(": ", 1)[0].removeprefix("failed "): line.split(": ", 1)[1]
              for line in run.stderr.splitlines() if line.startswith("failed ")}
    engine = open_store(db_url)
    stored = stored_places(engine)
    engine.dispose()
    for path, case in files.items():
        assert (path in stored) != (path in failed), path  # stored, or reported: never both
        if case is None or case.readable:
            assert path in stored, (path, failed.get(path))
        else:
            assert path in failed or case.readable is None, path
        if path in failed:
            assert clear(failed[path])
    assert f"ingested {len(stored)}, skipped as duplicates 0, failed {len(failed)}" in run.stderr


def ingest_archive(db_url: str, path: Path) -> tuple[set[str], dict[str, str], int]:
    """Stored urls, failures by place, and the number of records read."""
    engine = open_store(db_url)
    summary = ingest([str(path)], engine, workers=2)
    urls = stored_urls(engine)
    engine.dispose()
    assert summary.duplicates == 0
    return urls, {f.place: f.reason for f in summary.failures}, summary.ingested + summary.failed


def check_batch(urls: set[str], failures: dict[str, str], records: int,
                must_store: list[Case]) -> None:
    assert records == len(CASES) + len(GOOD)
    assert len(urls) + len(failures) == records
    assert {url_of(f"good-{n}") for n in range(len(GOOD))} <= urls
    assert {url_of(c.name) for c in must_store} <= urls
    assert all(clear(reason) for reason in failures.values()), failures


def test_ingest_of_the_inputs_as_json_lines(db_url: str, tmp_path: Path,
                                            record_property) -> None:
    """Bytes that are not UTF-8 arrive as lone surrogates ("\\udcd9"): such a line is a
    failure at its place, never a crash of the run."""
    path = tmp_path / "dirty.jsonl"
    path.write_bytes(as_jsonl(CASES, GOOD))
    urls, failures, records = ingest_archive(db_url, path)
    record_property("corpus_inputs", records)
    check_batch(urls, failures, records, [c for c in CASES if c.readable and _utf8(c.data)])
    for n, case in enumerate(CASES, 1):
        if not _utf8(case.data) and case.data.strip():
            assert "lone surrogate" in failures[f"{path}:{n}"], case.name


def _utf8(data: bytes) -> bool:
    try:
        data.decode()
    except UnicodeDecodeError:
        return False
    return True


def test_lone_surrogates_or_nul_in_metadata_fail_the_line_alone(db_url: str,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "meta.jsonl"
    lines = [{"url": url_of("s"), "title": "عنوان \udcd9", "text": GOOD[0]},
             {"url": url_of("nul"), "title": "عنوان \x00", "text": GOOD[1]},
             {"url": url_of("ok"), "text": GOOD[2]}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    engine = open_store(db_url)
    summary = ingest([str(path)], engine, workers=1)
    urls = stored_urls(engine)
    engine.dispose()
    failures = {f.place: f.reason for f in summary.failures}
    assert url_of("ok") in urls and url_of("s") not in urls
    assert '"title" is not valid Unicode' in failures[f"{path}:1"]
    # NUL: SQLite stores it; PostgreSQL refuses it, and that article alone is reported
    assert (url_of("nul") in urls) != ("NUL" in failures.get(f"{path}:2", ""))
    assert summary.ingested + summary.failed == 3


def test_ingest_of_the_inputs_as_warc_records(db_url: str, tmp_path: Path,
                                              record_property) -> None:
    path = tmp_path / "dirty.warc.gz"
    path.write_bytes(as_warc(CASES, GOOD))
    urls, failures, records = ingest_archive(db_url, path)
    record_property("corpus_inputs", records)
    check_batch(urls, failures, records, [c for c in CASES if c.readable])
    assert all(place.startswith(f"{path}:") for place in failures)


@pytest.mark.slow
def test_a_10_mb_page_among_good_ones(tmp_path: Path) -> None:
    [giant] = [c for c in bad_inputs(giant=True) if c.name.startswith("giant")]
    path = tmp_path / "big.warc.gz"
    path.write_bytes(as_warc([giant], GOOD[:2]))
    engine = open_store(str(tmp_path / "giant.db"))
    summary = ingest([str(path)], engine, workers=2)
    with engine.connect() as conn:
        [doc] = [d for d, _ in documents(conn) if d["url"] == url_of(giant.name)]
    engine.dispose()
    assert (summary.ingested, summary.duplicates, summary.failed) == (3, 0, 0), summary.failures
    check_document(doc, giant)
    assert len(doc["attributions"]) > 10_000
