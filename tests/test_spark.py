"""naql on Spark in local mode: the job's tables equal what ``naql ingest`` extracts from the
same files, record for record (documents, places, errors and their reasons), and ``naql
ingest`` of the tables stores the rows that ingesting the files themselves stores.

One Spark session (local[2]) serves the whole module; the job runs once on a small archive
of every input kind the job reads. Skipped without pyspark or Java.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

pytest.importorskip("pyspark")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java", allow_module_level=True)

import pyarrow.parquet as pq  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

import naql  # noqa: E402
from naql.ingest import ingest  # noqa: E402
from naql.ingest.sources import Failure, expand, read_all  # noqa: E402
from naql.read import InputError  # noqa: E402
from naql.spark.inputs import UNREAD, list_inputs  # noqa: E402
from naql.spark.job import run  # noqa: E402
from naql.spark.read import read_items  # noqa: E402
from naql.spark.schema import TABLES  # noqa: E402
from naql.store import export, open_store, queries  # noqa: E402
from naql.store.schema import (aliases, articles, attributions, mentions,  # noqa: E402
                               source_terms, sources)

# Written for these tests: each has at least one attribution of a different kind.
STORIES = [
    "قال رئيس الوزراء، خالد الزين، إن الحكومة ستخفض الضرائب على الشركات الصغيرة العام "
    "المقبل. وأضاف أن القرار جاء بعد مشاورات طويلة مع النقابات.",
    "أفادت وكالة الأنباء المحلية نقلاً عن مصادر أمنية بأن الطريق الدولي أعيد فتحه صباح اليوم.",
    "«لن نقبل بأي تأجيل للانتخابات»، قالت رئيسة اللجنة العليا، منى الراشد، في مؤتمر صحفي.",
    "نفى المتحدث باسم وزارة الدفاع الأنباء التي تحدثت عن سحب القوات من الحدود الجنوبية.",
    "وفقاً لتقرير البنك الدولي، فإن معدل النمو سيتجاوز ثلاثة في المئة هذا العام.",
    "ذكرت صحيفة النهار أن المفاوضات بين الطرفين توقفت بسبب الخلاف على الموازنة. وقالت "
    "الصحيفة إن جولة جديدة قد تعقد الشهر المقبل.",
    "أكد شهود عيان أن الحريق اندلع في الطابق الثالث قبل أن تصل فرق الإطفاء.",
    "أعلن محافظ المدينة، سعيد العمر، افتتاح المستشفى الجديد، مشيراً إلى أنه سيخدم أكثر من "
    "مئة ألف نسمة.",
]


def story(n: int) -> str:
    return f"{STORIES[n % len(STORIES)]} وهذا هو الخبر رقم {n} في النشرة."


def page(title: str, body: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><p>{body}</p></article></body></html>").encode()


def jsonl(records: list[dict | str | bytes]) -> bytes:
    """JSON lines; a str or bytes item is written as it is (a broken or blank line)."""
    lines = [r if isinstance(r, bytes) else r.encode() if isinstance(r, str)
             else json.dumps(r, ensure_ascii=False).encode() for r in records]
    return b"\n".join(lines) + b"\n"


def warc(pages: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, payload in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers))
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://warc.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG"),
        http_headers=image))
    return out.getvalue()


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("naql-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Every kind the job reads, nested, with bad lines, a broken file and files to skip."""
    root = tmp_path_factory.mktemp("archive")
    (root / "z-later").mkdir()
    (root / "wire.jsonl").write_bytes(jsonl([
        {"url": "https://wire.example/0", "outlet": "وكالة الاختبار", "title": "خبر أول",
         "published": "2024-02-03T08:30:00+02:00", "text": story(0)},
        {"url": "https://wire.example/1", "text": story(1)},
        "",
        "{not json",
        b'{"text": "\xff\xfe"}',
        "[1, 2]",
        {"url": "https://wire.example/2", "title": "بلا نص"},
        {"url": "https://wire.example/3", "html": page("صفحة", story(2)).decode()},
        {"url": "https://wire.example/4", "html": "<html><body><nav>الرئيسية</nav></body></html>"},
        {"url": "https://mirror.example/0", "text": story(0)},  # the same text: a duplicate
        {"url": "https://wire.example/5", "outlet": "صحيفة الاختبار", "text": story(3)},
    ]))
    (root / "z-later" / "old.jsonl.gz").write_bytes(gzip.compress(jsonl(
        [{"url": f"https://old.example/{n}", "published": "2019-05-20", "text": story(n)}
         for n in range(4, 7)])))
    (root / "crawl.warc.gz").write_bytes(warc([
        ("https://warc.example/a", page("أ", story(7))),
        ("https://warc.example/b", page("ب", story(8)))]))
    whole = warc([("https://cut.example/a", page("ج", story(9))),
                  ("https://cut.example/b", page("د", story(10)))])
    (root / "cut.warc.gz").write_bytes(whole[: len(whole) - 400])
    (root / ".hidden.jsonl").write_bytes(jsonl([{"text": story(11)}]))
    (root / "readme.md").write_text("ليس خبراً", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def inputs(archive) -> list[str]:
    return [str(archive), str(archive / "missing.jsonl")]


@pytest.fixture(scope="module")
def output(spark, inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("spark") / "out"
    run(spark, inputs, str(out))
    return out


def table(output: Path, name: str) -> list[dict]:
    return pq.read_table(output / name).to_pylist()


def ingest_view(paths: list[str]) -> tuple[list[tuple[str, dict]], list[tuple[str, str]]]:
    """What ``naql ingest`` makes of ``paths``: each record's document, as it calls
    naql.extract (its input format, its place as the name, the archive's title first), and
    each failure with its place and reason, in input order."""
    documents, errors = [], []
    for item in read_all(expand(paths)):
        if isinstance(item, Failure):
            errors.append((item.place, item.reason))
            continue
        try:
            doc = naql.extract(item.content, item.input_format, name=item.place).to_dict()
        except InputError as exc:
            errors.append((item.place, str(exc)))
            continue
        if not doc["text"].strip():
            errors.append((item.place, "no article text"))
            continue
        documents.append((item.place, {**doc, "title": item.title or doc["title"]}))
    return documents, errors


def test_documents_and_errors_equal_naql_extract_record_for_record(output, inputs):
    documents, errors = ingest_view(inputs)
    rows = table(output, "articles")
    assert [(r["place"], json.loads(r["document"])) for r in rows] == documents
    assert [(r["place"], r["reason"]) for r in table(output, "errors")] == errors
    # Every kind of input and failure is in there.
    assert (len(documents), len(errors)) == (11, 7), errors
    reasons = dict(errors)
    assert reasons[f"{inputs[0]}/wire.jsonl:4"].startswith("malformed JSON")
    assert reasons[f"{inputs[0]}/wire.jsonl:5"].startswith("malformed JSON")  # bad UTF-8
    assert reasons[f"{inputs[0]}/wire.jsonl:6"] == "not a JSON object"
    assert reasons[inputs[1]] == "no such file or directory"
    assert any(r.endswith("cut short") for p, r in errors if "cut.warc.gz" in p)


def test_article_rows_carry_what_the_archive_says(output, inputs):
    rows = {r["place"]: r for r in table(output, "articles")}
    first = rows[f"{inputs[0]}/wire.jsonl:1"]
    assert (first["url"], first["outlet"], first["title"]) == (
        "https://wire.example/0", "وكالة الاختبار", "خبر أول")
    assert first["published"].isoformat() == "2024-02-03T06:30:00"  # UTC
    warc_row = next(r for p, r in rows.items() if p.startswith(f"{inputs[0]}/crawl.warc.gz:"))
    assert warc_row["outlet"] == "warc.example"


def test_attribution_and_mention_rows_flatten_the_documents(output):
    documents = {r["place"]: json.loads(r["document"]) for r in table(output, "articles")}
    rows = sorted(table(output, "attributions"), key=lambda r: (r["place"], r["attribution"]))
    expected = sorted(((place, a) for place, doc in documents.items()
                       for a in doc["attributions"]), key=lambda pa: (pa[0], pa[1]["id"]))
    assert [(r["place"], r["attribution"], r["content"], r["source"], r["via"], r["confidence"])
            for r in rows] == [
        (place, a["id"], a["content"]["text"], a["source"]["resolved"] or a["source"]["text"],
         [v["resolved"] for v in a["via"]], a["confidence"]) for place, a in expected]
    spans = sorted((r["place"], r["attribution"], r["role"], r["text"] or "", r["resolved"])
                   for r in table(output, "mentions"))
    assert spans == sorted(
        (place, a["id"], role, span["text"] or "", span["resolved"] or span["text"])
        for place, a in expected
        for role, span in [("source", a["source"])] + [("via", v) for v in a["via"]])
    assert any(r["role"] == "via" for r in table(output, "mentions"))


def test_tables_have_the_declared_schemas(output):
    for name, schema in TABLES.items():
        written = pq.read_schema(next((output / name).glob("*.parquet")))
        assert written.names == schema.names, name


def test_records_read_as_naql_ingest_reads_them_when_lines_are_split(spark, tmp_path):
    """Small splits cut a JSONL file mid-line; the places are still file:line."""
    path = tmp_path / "many.jsonl"
    path.write_bytes(jsonl([{"url": f"https://many.example/{n}", "text": story(n)}
                            if n % 7 else "" if n % 2 else "{broken" for n in range(40)]))
    spark.conf.set("spark.sql.files.maxPartitionBytes", "700")
    try:
        assert spark.read.text(str(path)).rdd.getNumPartitions() > 5
        items = read_items(spark, list_inputs(spark, [str(path)])).collect()
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")
    assert [item for _, _, item in sorted(items, key=lambda i: i[:2])] == list(
        read_all(expand([str(path)])))


def test_files_of_other_kinds_are_errors_not_dropped(spark, tmp_path):
    (tmp_path / "page.html").write_bytes(page("ه", story(1)))
    (tmp_path / "feed.rss").write_text("<rss/>", encoding="utf-8")
    found = list_inputs(spark, [str(tmp_path), str(tmp_path / "page.html")])
    assert found == [Failure(str(tmp_path / "feed.rss"), UNREAD),
                     Failure(str(tmp_path / "page.html"), UNREAD),
                     Failure(str(tmp_path / "page.html"), UNREAD)]


def test_lexicons_load_once_per_python_worker(spark, inputs):
    records = [(0, n, item) for n, item in enumerate(read_all(expand(inputs)))
               if not isinstance(item, Failure)]

    def probe(items):
        from naql.lexicon import load
        from naql.spark.rows import extract_rows

        done = sum(1 for _ in extract_rows(items))
        yield os.getpid(), done, load.cache_info().misses

    reports = spark.sparkContext.parallelize(records, 6).mapPartitions(probe).collect()
    assert sum(done for _, done, _ in reports) == len(records)
    assert {misses for _, _, misses in reports} == {1}
    assert len({pid for pid, _, _ in reports}) < len(reports)  # workers serve many tasks


def test_existing_tables_are_kept_unless_overwritten(spark, tmp_path):
    (tmp_path / "out" / "errors").mkdir(parents=True)
    with pytest.raises(FileExistsError, match="errors"):
        run(spark, [str(tmp_path / "none.jsonl")], str(tmp_path / "out"))


def rows_of(engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        rows = {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key))]
                for t in (articles, sources, aliases, source_terms, attributions, mentions)}
        rows["search"] = [h.url for h in queries.search_articles(conn, "الخبر", 50)]
    return rows


def exports(engine) -> tuple[str, str]:
    jsonl_out, csv_out = io.StringIO(), io.StringIO()
    with engine.connect() as conn:
        export.write_jsonl(conn, jsonl_out)
        export.write_csv(conn, csv_out)
    return jsonl_out.getvalue(), csv_out.getvalue()


def test_ingest_of_the_tables_stores_what_ingest_of_the_files_stores(output, inputs, tmp_path):
    direct = open_store(str(tmp_path / "direct.db"))
    via_spark = open_store(str(tmp_path / "spark.db"))
    by_files = ingest(inputs, direct, workers=1)
    by_tables = ingest([str(output)], via_spark)
    assert (by_tables.ingested, by_tables.duplicates, by_tables.failed) == (
        by_files.ingested, by_files.duplicates, by_files.failed) == (10, 1, 7)
    assert sorted((f.place, f.reason) for f in by_tables.failures) == sorted(
        (f.place, f.reason) for f in by_files.failures)
    assert rows_of(via_spark) == rows_of(direct)
    assert exports(via_spark) == exports(direct)
    direct.dispose()
    via_spark.dispose()


def test_ingest_of_the_tables_on_each_backend_and_again(db_url, output, inputs, tmp_path):
    direct = open_store(str(tmp_path / "direct.db"))
    ingest(inputs, direct, workers=1)
    engine = open_store(db_url)
    ingest([str(output)], engine)
    again = ingest([str(output)], engine)
    assert (again.ingested, again.duplicates, again.failed) == (0, 11, 7)
    assert exports(engine) == exports(direct)
    engine.dispose()
    direct.dispose()


def test_naql_spark_extract_command(naql_cli, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(jsonl([{"url": "https://cli.example/1", "text": story(5)}, "{bad"]))
    done = naql_cli("spark", "extract", str(source), str(tmp_path / "out"), "--master", "local[1]",
                    "--partitions", "2")
    assert done.returncode == 1, done.stderr[-2000:]  # one record failed
    assert "1 articles" in done.stdout and "1 errors" in done.stdout
    assert [r["place"] for r in table(tmp_path / "out", "errors")] == [f"{source}:2"]
    stored = naql_cli("ingest", str(tmp_path / "out"), "--db", str(tmp_path / "n.db"))
    assert stored.returncode == 1 and "ingested 1," in stored.stderr
