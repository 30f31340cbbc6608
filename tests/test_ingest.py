"""Ingesting an archive, on SQLite and PostgreSQL: every input format, safe re-runs, a
killed run resumed, and bad inputs reported with their place while the rest is stored."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from naql.ingest import ingest
from naql.store import open_store
from naql.store import export, queries
from naql.store.schema import aliases, articles, attributions, mentions, source_terms, sources

SENTENCES = [
    "قال المتحدث باسم الحكومة إن الموازنة الجديدة ستقدم إلى البرلمان الأسبوع المقبل.",
    "أعلنت وزارة الصحة تسجيل انخفاض في عدد الإصابات خلال الشهر الماضي.",
    "أكد مسؤولون أن الهجمات الوشيكة على الحدود الشمالية أحبطت في اللحظة الأخيرة.",
    "ذكرت وكالة الأنباء الرسمية أن المحادثات بين الوفدين انتهت دون اتفاق.",
    "نقلت صحيفة محلية عن مصادر مطلعة أن الانتخابات قد تؤجل إلى الربيع.",
]


def body(n: int) -> str:
    """A distinct article text for index ``n``."""
    return f"{SENTENCES[n % len(SENTENCES)]} وهذا هو التقرير رقم {n} في السلسلة."


def write_jsonl(path: Path, n: int, start: int = 0, outlet: str = "وكالة الاختبار") -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            fh.write(json.dumps({"url": f"https://news.example/{i}", "outlet": outlet,
                                 "published": f"2024-01-{1 + i % 28:02d}T08:00:00Z",
                                 "title": f"خبر {i}", "text": body(i)}, ensure_ascii=False) + "\n")
    return path


def html(title: str, text: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>").encode()


def write_warc(path: Path, pages: list[tuple[str, bytes]], gzipped: bool = True) -> Path:
    """HTML responses for ``pages`` (url, body), plus a request and an image that are not
    articles."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)
        for url, payload in pages:
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(
                b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://warc.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG"),
            http_headers=image))
    return path


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>نشرة الأخبار</title><link>https://feed.example/</link>
<item><title>عنوان الخبر الأول</title><link>https://feed.example/a</link>
<pubDate>Tue, 02 Apr 2024 09:30:00 +0300</pubDate>
<description>&lt;p&gt;{0}&lt;/p&gt;</description></item>
<item><title>عنوان الخبر الثاني</title><link>https://feed.example/b</link>
<description>{1}</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع أتوم</title><id>urn:x</id>
<updated>2024-05-01T00:00:00Z</updated>
<entry><title>مقال أتوم</title><link href="https://atom.example/1"/><id>urn:1</id>
<updated>2024-05-01T12:00:00Z</updated><content type="html">&lt;p&gt;{0}&lt;/p&gt;</content></entry>
</feed>"""


@pytest.fixture
def archive(tmp_path) -> Path:
    """A folder with every supported format, nested, and a file that is not an article."""
    root = tmp_path / "archive"
    (root / "feeds").mkdir(parents=True)
    (root / "pages" / "deep").mkdir(parents=True)
    write_jsonl(root / "wire.jsonl", 3)
    (root / "pages" / "one.html").write_bytes(html("صفحة", body(10)))
    (root / "pages" / "deep" / "two.txt").write_text(body(11), encoding="utf-8")
    write_warc(root / "crawl.warc.gz", [("https://warc.example/a", html("أ", body(12))),
                                        ("https://warc.example/b", html("ب", body(13)))])
    (root / "feeds" / "news.rss").write_text(RSS.format(body(14), body(15)), encoding="utf-8")
    (root / "feeds" / "site.atom").write_text(ATOM.format(body(16)), encoding="utf-8")
    (root / "pages" / "logo.png").write_bytes(b"\x89PNG")
    return root


def table_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (articles, sources, aliases, source_terms, attributions, mentions)}
        counts["article_search"] = conn.execute(text("SELECT count(*) FROM article_search")).scalar()
    return counts


def test_ingest_reads_every_format_in_nested_folders(db_url, archive):
    engine = open_store(db_url)
    summary = ingest([str(archive)], engine, workers=2)
    assert (summary.ingested, summary.duplicates, summary.failed) == (10, 0, 0), summary.failures
    with engine.connect() as conn:
        stored = conn.execute(select(articles)).all()
        rows = {r.url: r for r in stored}
        assert rows["https://feed.example/a"].outlet == "نشرة الأخبار"
        assert rows["https://feed.example/a"].published.isoformat() == "2024-04-02T06:30:00"
        assert rows["https://feed.example/a"].title == "عنوان الخبر الأول"
        assert rows["https://atom.example/1"].outlet == "موقع أتوم"
        assert rows["https://warc.example/b"].outlet == "warc.example"
        assert "التقرير رقم 13" in rows["https://warc.example/b"].text
        assert rows["https://news.example/2"].place == f"{archive / 'wire.jsonl'}:3"
        assert sum(r.url is None for r in stored) == 2  # the .html and .txt files
        assert [h.url for h in queries.search_articles(conn, "رقم 12")] == ["https://warc.example/a"]
    engine.dispose()


def test_reingest_stores_nothing_new(db_url, archive):
    engine = open_store(db_url)
    ingest([str(archive)], engine, workers=2)
    before = table_counts(engine)
    again = ingest([str(archive)], engine, workers=2)
    assert (again.ingested, again.duplicates, again.failed) == (0, 10, 0)
    assert table_counts(engine) == before
    engine.dispose()


def test_the_same_text_under_another_url_is_a_duplicate(db_url, tmp_path):
    engine = open_store(db_url)
    write_jsonl(tmp_path / "a.jsonl", 4)
    mirror = tmp_path / "mirror.jsonl"
    mirror.write_text("".join(
        json.dumps({"url": f"https://mirror.example/{i}", "text": "  " + body(i) + "\n"},
                   ensure_ascii=False) + "\n" for i in range(4)), encoding="utf-8")
    summary = ingest([str(tmp_path / "a.jsonl"), str(mirror)], engine, workers=1)
    assert (summary.ingested, summary.duplicates) == (4, 4)
    engine.dispose()


def test_a_record_without_a_title_takes_its_headline_from_the_text(db_url, tmp_path):
    headline = "الحكومة تقدم الموازنة الجديدة إلى البرلمان"
    path = tmp_path / "untitled.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in [
        {"url": "https://news.example/h", "text": f"{headline}\n{body(0)}"},
        {"url": "https://news.example/t", "title": "عنوان المحرر", "text": f"{headline}\n{body(1)}"},
        {"url": "https://news.example/s", "text": body(2)},  # opens with a sentence
    ]), encoding="utf-8")
    engine = open_store(db_url)
    ingest([str(path)], engine, workers=1)
    with engine.connect() as conn:
        titles = dict(conn.execute(select(articles.c.url, articles.c.title)).all())
    engine.dispose()
    assert titles == {"https://news.example/h": headline, "https://news.example/t": "عنوان المحرر",
                      "https://news.example/s": None}


def test_bad_inputs_are_reported_with_their_place_and_the_rest_is_stored(db_url, tmp_path):
    bad = tmp_path / "bad.jsonl"
    good = [json.dumps({"url": f"https://ok.example/{i}", "text": body(i)}, ensure_ascii=False)
            for i in range(3)]
    bad.write_text("\n".join([good[0], '{"url": "https://x", "text": "مقطوع', good[1],
                              json.dumps({"url": "https://no-text.example"}), "[1, 2]", good[2]])
                   + "\n", encoding="utf-8")
    warc = write_warc(tmp_path / "broken.warc", [("https://w.example/1", html("أ", body(20))),
                                                 ("https://w.example/2", html("ب", body(21)))],
                      gzipped=False)
    data = warc.read_bytes()
    second = data.index(b"WARC/1.0", data.index(b"https://w.example/2") - 300)
    warc.write_bytes(data[:second] + b"this is not a WARC record\r\n\r\n" + data[second:])
    (tmp_path / "empty.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>لا شيء</title></channel></rss>')
    (tmp_path / "corrupt.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    (tmp_path / "blank.html").write_text("<html><body></body></html>")
    missing = tmp_path / "missing.jsonl"

    engine = open_store(db_url)
    summary = ingest([str(p) for p in (bad, warc, tmp_path / "empty.rss",
                                       tmp_path / "corrupt.jsonl.gz", tmp_path / "blank.html",
                                       missing)], engine, workers=2)
    failures = {f.place: f.reason for f in summary.failures}
    assert set(failures) == {f"{bad}:2", f"{bad}:4", f"{bad}:5", f"{warc}:{second}",
                             str(tmp_path / "empty.rss"), str(tmp_path / "corrupt.jsonl.gz"),
                             str(tmp_path / "blank.html"), str(missing)}
    assert failures[f"{bad}:2"].startswith("malformed JSON")
    assert "no items" in failures[str(tmp_path / "empty.rss")]
    assert "WARC" in failures[f"{warc}:{second}"]
    assert failures[str(missing)] == "no such file or directory"
    assert summary.ingested == 4  # three good lines and the WARC record before the damage
    with engine.connect() as conn:
        urls = set(conn.execute(select(articles.c.url)).scalars())
    assert urls == {"https://ok.example/0", "https://ok.example/1", "https://ok.example/2",
                    "https://w.example/1"}
    engine.dispose()


def test_a_cut_short_warc_is_reported(tmp_path, db_url):
    warc = write_warc(tmp_path / "cut.warc", [("https://w.example/1", html("أ", body(1))),
                                              ("https://w.example/2", html("ب", body(2)))],
                      gzipped=False)
    data = warc.read_bytes()
    warc.write_bytes(data[:data.index(b"https://w.example/2") + 40])
    engine = open_store(db_url)
    summary = ingest([str(warc)], engine, workers=1)
    assert summary.ingested == 1
    [failure] = summary.failures
    assert failure.place.startswith(f"{warc}:") and "WARC" in failure.reason
    engine.dispose()


def test_cli_reports_failures_and_exits_1(db_url, tmp_path, naql_cli):
    write_jsonl(tmp_path / "ok.jsonl", 2)
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    run = naql_cli("ingest", "--db", db_url, "--workers", "1", str(tmp_path))
    assert run.returncode == 1, run.stderr
    assert f"{tmp_path / 'bad.jsonl'}:1" in run.stderr
    assert "ingested 2, skipped as duplicates 0, failed 1" in run.stderr
    run = naql_cli("ingest", "--db", db_url, str(tmp_path / "ok.jsonl"))
    assert run.returncode == 0 and "ingested 0, skipped as duplicates 2, failed 0" in run.stderr


def test_cli_queries_and_export_round_trip(db_url, tmp_path, naql_cli):
    write_jsonl(tmp_path / "in.jsonl", 12)
    assert naql_cli("ingest", "--db", db_url, str(tmp_path / "in.jsonl")).returncode == 0
    run = naql_cli("search", "--db", db_url, "--format", "json", "هجمات وشيكه")
    assert {h["url"] for h in json.loads(run.stdout)} == {"https://news.example/2",
                                                          "https://news.example/7"}
    assert "الهجمات" in naql_cli("search", "--db", db_url, "هجمات").stdout  # table
    outlets = json.loads(naql_cli("outlets", "--db", db_url, "--format", "json").stdout)
    assert [(o["outlet"], o["articles"]) for o in outlets] == [("وكالة الاختبار", 12)]
    assert json.loads(naql_cli("sources", "--db", db_url, "--format", "json").stdout)[
        "attributions"] >= 0
    assert naql_cli("quotes", "--db", db_url, "--source", "أحد").returncode == 0

    exported = tmp_path / "out.jsonl"
    assert naql_cli("export", "--db", db_url, "--format", "jsonl", str(exported)).returncode == 0
    docs = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert [d["url"] for d in docs] == [f"https://news.example/{i}" for i in range(12)]
    assert docs[3]["published"] == "2024-01-04T08:00:00Z" and docs[3]["outlet"] == "وكالة الاختبار"

    second = str(tmp_path / "second.db")
    assert naql_cli("ingest", "--db", second, str(exported)).returncode == 0
    again = naql_cli("export", "--db", second).stdout.splitlines()
    drop_input = [{k: v for k, v in json.loads(line).items() if k != "input"} for line in again]
    assert drop_input == [{k: v for k, v in d.items() if k != "input"} for d in docs]

    for fmt in ("csv", "parquet"):
        assert naql_cli("export", "--db", db_url, "--format", fmt,
                        str(tmp_path / f"out.{fmt}")).returncode == 0
    assert naql_cli("export", "--db", db_url, "--format", "parquet").returncode == 2


def test_queries_never_create_a_store(tmp_path, naql_cli):
    run = naql_cli("quotes", "--db", str(tmp_path / "none.db"), "--source", "أحد")
    assert run.returncode == 1 and "naql ingest" in run.stderr
    assert not (tmp_path / "none.db").exists()


def snapshot(engine) -> tuple:
    """Everything a user can get out of the store, ids aside."""
    with engine.connect() as conn:
        docs = [json.dumps(d, ensure_ascii=False, sort_keys=True) for d, _ in
                export.documents(conn)]
        named = sorted(conn.execute(select(sources.c.key, sources.c.name, sources.c.kind,
                                           sources.c.anonymous)).all())
        spelled = sorted(conn.execute(select(sources.c.key, aliases.c.name, aliases.c.key)
                                      .join(sources, sources.c.id == aliases.c.source_id)).all())
        found = [h.url for h in queries.search_articles(conn, "هجمات وشيكة", limit=10_000)]
    return docs, named, spelled, sorted(found), table_counts(engine)


def _ingest_process(db_url: str, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "naql.cli", "ingest", "--db", db_url,
                             "--workers", "2", str(corpus)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def test_a_killed_ingest_resumes_to_the_rows_of_a_clean_run(db_url, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for part in range(4):
        write_jsonl(corpus / f"part{part}.jsonl", 1000, start=part * 1000)

    engine = open_store(db_url)
    # SIGKILL while starting, right after a first commit, and mid-way.
    for kill_after in (0, 1, 1000):
        proc = _ingest_process(db_url, corpus)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            with engine.connect() as conn:
                if conn.execute(select(func.count()).select_from(articles)).scalar() >= kill_after:
                    break
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers
        proc.wait()
    assert table_counts(engine)["articles"] < 4000, "the ingest finished before it was killed"
    assert _ingest_process(db_url, corpus).wait(timeout=300) == 0
    resumed = snapshot(engine)
    engine.dispose()

    clean_db = str(tmp_path / "clean.db")
    assert _ingest_process(clean_db, corpus).wait(timeout=300) == 0
    clean = open_store(clean_db)
    assert resumed == snapshot(clean)
    assert resumed[-1]["articles"] == 4000 and resumed[-1]["attributions"] > 0
    clean.dispose()
