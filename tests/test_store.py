"""The store, on SQLite and PostgreSQL: insert-or-skip, sources across articles, queries,
export. Documents are built by hand so these tests need no extractor."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from datetime import datetime

import pyarrow.parquet as pq
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from naql.model import Attribution, Document, Source, Span, Via
from naql.store import Article, Writer, open_store
from naql.store import export, queries
from naql.store.schema import aliases, articles, attributions, mentions, metadata, sources


def said(text: str, source: str, content: str, *, resolved: str | None = None,
         anonymous: bool = False, via: tuple[str, ...] = (), cue: str | None = None,
         polarity: str = "assert", kind: str = "person") -> Attribution:
    """An attribution whose spans are found in ``text``."""

    def span(part: str) -> Span:
        start = text.index(part)
        return Span.of(text, start, start + len(part))

    return Attribution(
        id="", type="indirect", polarity=polarity, cue=span(cue) if cue else None,
        source=Source(span(source), resolved or source, kind=kind, anonymous=anonymous),
        content=span(content), via=[Via(span(v), v, anonymous=True) for v in via])


def doc(text: str, *attrs: Attribution, title: str | None = None) -> dict:
    for n, a in enumerate(attrs, 1):
        a.id = f"a{n}"
    return Document(input="test", text=text, title=title, attributions=list(attrs)).to_dict()


def put(engine, *items: Article) -> list[bool]:
    writer = Writer()
    with engine.begin() as conn:
        return [writer.write(conn, a) for a in items]


def count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


T1 = "قال الرئيس ترامب إن الاتفاق سيئ للغاية."
T2 = "صرح ترمب بأن إسرائيل لن تتراجع عن موقفها."
T3 = "أكد الرئيس الأمريكي ترامب أن الهجمات الوشيكة ستقابل برد حازم."
T4 = "قال وزير الخارجية الأمريكي مايك بومبيو إن العقوبات باقية."
T5 = "وقالت مصادر مطلعة إن المفاوضات متعثرة، وأضافت المصادر المطلعة أن الجولة المقبلة مؤجلة."
T6 = "ذكرت مصادر مطلعة أن السفير سيغادر قريباً."
T7 = "قال مسؤول نقلاً عن مصادر عسكرية إن القوات انسحبت من المدينة."


def trump_articles() -> list[Article]:
    return [
        Article(doc(T1, said(T1, "الرئيس ترامب", "الاتفاق سيئ للغاية", cue="قال")),
                url="https://a.example/1", outlet="أ", published=datetime(2024, 1, 1)),
        Article(doc(T2, said(T2, "ترمب", "إسرائيل لن تتراجع عن موقفها", cue="صرح")),
                url="https://b.example/2", outlet="ب", published=datetime(2024, 3, 1)),
        Article(doc(T3, said(T3, "الرئيس الأمريكي ترامب", "الهجمات الوشيكة ستقابل برد حازم",
                             cue="أكد")),
                url="https://a.example/3", outlet="أ", published=datetime(2024, 2, 1)),
    ]


def test_migrated_schema_matches_the_tables(store):
    with store.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"include_name": lambda name, type_, parent: not (
                type_ == "table" and name.startswith("article_search"))}), metadata)
    assert diff == []


def test_opening_again_keeps_the_data(db_url):
    engine = open_store(db_url)
    put(engine, *trump_articles())
    engine.dispose()
    engine = open_store(db_url)
    assert count(engine, articles) == 3
    engine.dispose()


def test_the_same_article_is_never_stored_twice(store):
    first, *_ = trump_articles()
    assert put(store, first) == [True]
    again = Article(first.document, url=first.url)
    other_url = Article(first.document, url="https://mirror.example/1")
    edited = Article(doc("نص مختلف تماماً عن الأول."), url=first.url)
    spaced = Article(doc(T1.replace(" ", "  ")), url=None)
    assert put(store, again, other_url, edited, spaced) == [False, False, False, False]
    assert count(store, articles) == 1
    assert count(store, attributions) == 1


def test_spelling_variants_and_titles_are_one_source_with_its_aliases(store):
    put(store, *trump_articles())
    with store.connect() as conn:
        rows = conn.execute(select(sources.c.key, sources.c.anonymous)).all()
        names = set(conn.execute(select(aliases.c.name)).scalars())
    assert rows == [("ترامب", False)]
    assert {"الرئيس ترامب", "ترمب", "الرئيس الأمريكي ترامب"} <= names


def test_anonymous_sources_are_never_merged_across_articles(store):
    a5 = Article(doc(T5, said(T5, "مصادر مطلعة", "المفاوضات متعثرة", anonymous=True),
                     said(T5, "المصادر المطلعة", "الجولة المقبلة مؤجلة", anonymous=True)))
    a6 = Article(doc(T6, said(T6, "مصادر مطلعة", "السفير سيغادر قريباً", anonymous=True)))
    put(store, a5, a6)
    with store.connect() as conn:
        per_attribution = conn.execute(select(attributions.c.article_id, attributions.c.source_id)
                                       .order_by(attributions.c.id)).all()
        assert all(conn.execute(select(sources.c.anonymous)).scalars())
    (art5, s1), (_, s2), (art6, s3) = per_attribution
    assert s1 == s2  # one unnamed source within its article
    assert s3 != s1 and art6 != art5


def test_quotes_match_any_spelling_newest_first_undated_last(store):
    undated = "قال ترامب إن الموعد لم يحدد بعد."
    put(store, Article(doc(undated, said(undated, "ترامب", "الموعد لم يحدد بعد"))),
        *trump_articles())
    with store.connect() as conn:
        for name in ("ترمب", "ترامب", "الرئيس ترامب", "الرئيس الأمريكي ترمب"):
            found = queries.quotes(conn, name)
            assert [q.published and q.published[:10] for q in found] == [
                "2024-03-01", "2024-02-01", "2024-01-01", None]
        assert found[0].source == "ترمب" and found[0].content == "إسرائيل لن تتراجع عن موقفها"
        assert queries.quotes(conn, "بومبيو") == []


def test_quotes_by_part_of_a_name_unless_exact(store):
    put(store, Article(doc(T4, said(T4, "وزير الخارجية الأمريكي مايك بومبيو", "العقوبات باقية",
                                    cue="قال")), url="https://c.example/4"))
    with store.connect() as conn:
        for name in ("بومبيو", "مايك بومبيو", "الوزير مايك بومبيو"):
            assert [q.content for q in queries.quotes(conn, name)] == ["العقوبات باقية"]
        assert [q.content for q in queries.quotes(conn, "مايك بومبيو", exact=True)] == \
            ["العقوبات باقية"]
        assert queries.quotes(conn, "بومبيو", exact=True) == []


def test_a_claim_citing_unnamed_sources_rests_on_them(store):
    put(store, Article(doc(T7, said(T7, "مسؤول", "القوات انسحبت من المدينة",
                                    via=("مصادر عسكرية",))), url="https://d.example/7"),
        *trump_articles())
    with store.connect() as conn:
        [quote] = queries.quotes(conn, "مسؤول")
        report = queries.top_sources(conn, 10)
        roles = conn.execute(select(mentions.c.role, mentions.c.resolved)
                             .where(mentions.c.attribution_id == select(attributions.c.id)
                                    .where(attributions.c.content.like("القوات%"))
                                    .scalar_subquery()).order_by(mentions.c.id)).all()
    assert quote.via == ["مصادر عسكرية"] and quote.anonymous
    assert roles == [("source", "مسؤول"), ("via", "مصادر عسكرية")]
    assert (report.attributions, report.named, report.anonymous) == (4, 3, 1)
    assert report.anonymous_share == 0.25


def test_most_cited_sources(store):
    put(store, *trump_articles(),
        Article(doc(T4, said(T4, "مايك بومبيو", "العقوبات باقية")), url="https://c.example/4"))
    with store.connect() as conn:
        report = queries.top_sources(conn, 1)
    [top] = report.sources
    json.dumps(asdict(report))  # plain numbers on every backend (PostgreSQL sums are Decimal)
    assert (top.cited, top.statements, top.via, top.articles) == (3, 3, 0, 3)
    assert top.name in {"الرئيس ترامب", "ترمب", "الرئيس الأمريكي ترامب"}
    assert set(top.aliases) | {top.name} >= {"الرئيس ترامب", "ترمب", "الرئيس الأمريكي ترامب"}


def test_outlets(store):
    put(store, *trump_articles())
    with store.connect() as conn:
        found = queries.outlets(conn)
    json.dumps([asdict(o) for o in found])
    rows = {o.outlet: o for o in found}
    assert (rows["أ"].articles, rows["أ"].attributions, rows["ب"].articles) == (2, 2, 1)
    assert (rows["أ"].first, rows["أ"].last) == ("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z")


@pytest.mark.parametrize("query", ["هجمات وشيكة", "الهجمات الوشيكه", "والهجمات", '"هجمات وشيكة"'])
def test_search_finds_any_spelling(store, query):
    put(store, *trump_articles())
    with store.connect() as conn:
        hits = queries.search_articles(conn, query)
    assert [h.url for h in hits] == ["https://a.example/3"]
    assert "الهجمات الوشيكة" in hits[0].snippet and hits[0].attributions == 1


def test_search_folds_hamza_and_needs_every_word(store):
    put(store, *trump_articles())
    with store.connect() as conn:
        assert [h.url for h in queries.search_articles(conn, "اسرائيل")] == ["https://b.example/2"]
        assert queries.search_articles(conn, "اسرائيل الاتفاق") == []
        assert queries.search_articles(conn, '"وشيكة الهجمات"') == []  # a phrase keeps order
        assert queries.search_articles(conn, "؟!") == []


def test_export_jsonl_is_the_documents_as_stored(store):
    items = trump_articles()
    put(store, *items)
    out = io.StringIO()
    with store.connect() as conn:
        assert export.write_jsonl(conn, out) == 3
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [{**a.document, "url": a.url, "outlet": a.outlet,
                      "published": a.published.isoformat() + "Z"} for a in items]


def test_export_csv_and_parquet_have_a_row_per_attribution(store, tmp_path):
    put(store, *trump_articles(),
        Article(doc(T7, said(T7, "مسؤول", "القوات انسحبت من المدينة", via=("مصادر عسكرية",)))))
    out = io.StringIO()
    with store.connect() as conn:
        export.write_csv(conn, out)
        export.write_parquet(conn, str(tmp_path / "a.parquet"))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    table = pq.read_table(tmp_path / "a.parquet").to_pylist()
    assert len(rows) == len(table) == 4
    assert rows[1]["source"] == table[1]["source"] == "ترمب"
    assert table[3]["via"] == "مصادر عسكرية" and table[3]["url"] is None
    assert len({r["attribution_id"] for r in table}) == 4


def test_empty_store_exports_nothing(store, tmp_path):
    with store.connect() as conn:
        export.write_parquet(conn, str(tmp_path / "e.parquet"))
        assert queries.top_sources(conn).attributions == 0
        assert queries.outlets(conn) == []
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


def test_database_urls(tmp_path, monkeypatch):
    from naql.store import database_url

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NAQL_DB", raising=False)
    assert database_url() == f"sqlite:///{tmp_path / 'naql.db'}"
    monkeypatch.setenv("NAQL_DB", "corpus/news.db")
    assert database_url() == f"sqlite:///{tmp_path / 'corpus' / 'news.db'}"
    assert database_url("postgresql://u:p@host/db") == "postgresql+psycopg://u:p@host/db"
    assert database_url("postgres://u@host/db") == "postgresql+psycopg://u@host/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_quotes_of_a_word_shared_by_many_names(store):
    items = []
    for n in range(60):
        text = f"قال محمد الراوي{n} إن الخبر رقم {n} صحيح."
        items.append(Article(doc(text, said(text, f"محمد الراوي{n}", f"الخبر رقم {n} صحيح")),
                             url=f"https://e.example/{n}", published=datetime(2024, 1, 1 + n % 28)))
    put(store, *items)
    with store.connect() as conn:
        found = queries.quotes(conn, "محمد", limit=5)
        assert len(queries.matching_sources(conn, "محمد")) == 60
    # newest first, and among the same date the later stored first
    assert [q.url for q in found] == [f"https://e.example/{n}" for n in (55, 27, 54, 26, 53)]
