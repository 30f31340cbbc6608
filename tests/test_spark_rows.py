"""The parts of naql on Spark that need no JVM: rows built by the executors fit the declared
schemas, WARC bytes read as naql ingest reads the file, and naql ingest reads the job's
tables in the order they were written."""
from __future__ import annotations

import io
import json
from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

pytest.importorskip("pyspark")

from pyspark.sql.types import ArrayType, StructType  # noqa: E402

from naql.ingest.parquet import is_spark_output, read_output  # noqa: E402
from naql.ingest.run import extract_record  # noqa: E402
from naql.ingest.sources import Failure, Record, read_all, read_stream  # noqa: E402
from naql.spark.rows import extract_rows  # noqa: E402
from naql.spark.schema import RESULT  # noqa: E402

CHAIN = ("نقلت صحيفة الفجر عن مصادر دبلوماسية أن الوفد سيصل الأحد، وقال الوزير للصحفيين إن "
         "المحادثات ستبدأ فوراً.")


def assert_fits(schema: StructType, row: dict, where: str = "row") -> None:
    """Every field of ``schema`` is in ``row`` and nothing else, down nested structs."""
    assert sorted(row) == sorted(schema.names), where
    for field in schema.fields:
        value, kind = row[field.name], field.dataType
        assert value is not None or field.nullable, f"{where}.{field.name} is null"
        if isinstance(kind, StructType) and value is not None:
            assert_fits(kind, value, f"{where}.{field.name}")
        if isinstance(kind, ArrayType) and isinstance(kind.elementType, StructType):
            for n, element in enumerate(value):
                assert_fits(kind.elementType, element, f"{where}.{field.name}[{n}]")


def test_result_rows_fit_the_schema():
    record = Record(place="wire.jsonl:1", content=CHAIN, input_format="text",
                    url="https://wire.example/1", outlet="الفجر", published=datetime(2024, 5, 1))
    failure = Failure("wire.jsonl:2", "malformed JSON: ...")
    article, failed = extract_rows([(0, 1, record), (0, 2, failure)])
    assert_fits(RESULT, article)
    assert_fits(RESULT, failed)
    assert article["article"]["document"] == json.dumps(extract_record(record).document,
                                                        ensure_ascii=False)
    assert article["attributions"] and any(m["role"] == "via" for m in article["mentions"])
    assert failed["error"] == {"place": "wire.jsonl:2", "reason": "malformed JSON: ..."}


def test_warc_bytes_read_as_the_file_is_read(tmp_path):
    """Also a WARC cut inside a record's headers: a failure at its offset, not a crash."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://warc.example/{n}", "response", http_headers=headers,
            payload=io.BytesIO(f"<html><body><p>{CHAIN} {n}</p></body></html>".encode())))
    data = out.getvalue()[:-350]  # inside the last record's headers
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data)
    items = list(read_stream(str(path), io.BytesIO(data), len(data)))
    assert items == list(read_all([str(path)]))
    assert isinstance(items[-1], Failure) and items[-1].reason.startswith("broken WARC record")


def test_ingest_reads_the_tables_in_the_order_they_were_written(tmp_path):
    """Part files by number, articles before errors, each article with what the job
    computed for storing it."""
    out = tmp_path / "out"
    for table in ("articles", "errors", "attributions"):
        (out / table).mkdir(parents=True)
    records = [(0, n, Record(place=p, content=f"{CHAIN} {n}", input_format="text"))
               for n, p in enumerate("ab")]
    rows = [r["article"] for r in extract_rows(records)]
    schema = pa.schema([("place", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
                        ("published", pa.timestamp("us")), ("title", pa.string()),
                        ("document", pa.string()), ("content_hash", pa.string()),
                        ("title_terms", pa.string()), ("body_terms", pa.string()),
                        ("source_keys", pa.map_(pa.string(), pa.string()))])
    pq.write_table(pa.Table.from_pylist(rows[1:], schema), out / "articles" / "part-00001.parquet")
    pq.write_table(pa.Table.from_pylist(rows[:1], schema), out / "articles" / "part-00000.parquet")
    pq.write_table(pa.table({"place": ["c"], "reason": ["why"]}), out / "errors" / "p.parquet")
    (out / "articles" / "_SUCCESS").touch()
    assert is_spark_output(str(out)) and not is_spark_output(str(out / "articles"))
    read = [x for batch in read_output([str(out)], 16, lambda n: None) for x in batch]
    assert [x.place for x in read] == ["a", "b", "c"]
    expected = [extract_record(r) for _, _, r in records]
    assert [(a.document, a.derived) for a in read[:2]] == [(a.document, a.derived)
                                                           for a in expected]
    assert read[2] == Failure("c", "why")


def test_vectors_are_encoded_by_the_job_and_stored_by_ingest(tmp_path):
    """With vectors asked for, each attribution row carries its vector, the article row all
    of them by id, and naql ingest of the tables stores them: naql claims encodes nothing."""
    from naql.provenance import update
    from naql.store import Writer, open_store
    from naql.store.schema import attributions

    record = Record(place="wire.jsonl:1", content=CHAIN, input_format="text",
                    url="https://wire.example/1", published=datetime(2024, 5, 1))
    (row,) = extract_rows([(0, 1, record)], vectors=True)
    assert_fits(RESULT, row)
    assert all(a["vector"] for a in row["attributions"])
    assert row["article"]["vectors"] == {a["attribution"]: a["vector"]
                                         for a in row["attributions"]}
    out = tmp_path / "out"
    for table in ("articles", "errors"):
        (out / table).mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist([row["article"]]), out / "articles" / "p0.parquet")
    pq.write_table(pa.table({"place": pa.array([], pa.string()),
                             "reason": pa.array([], pa.string())}), out / "errors" / "p.parquet")
    (article,) = [x for batch in read_output([str(out)], 16, lambda n: None) for x in batch]
    engine = open_store(str(tmp_path / "naql.db"))
    with engine.begin() as conn:
        Writer().write(conn, article)
    assert update(engine).encoded == 0
    with engine.connect() as conn:
        stored = conn.execute(attributions.select()).all()
    assert stored and all(a.vector == row["article"]["vectors"][a.local_id] for a in stored)
