"""naql serve's JSON API on SQLite and PostgreSQL: the corpus by article, source and search,
extraction without storing, the request size limit, and a server that writes nothing
unless it was started to."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError

from naql.serve import create_app, open_for_serving
from naql.serve.memo import Memo
from naql.store import open_store
from naql.store.schema import articles, sources
from support import assert_offsets
from test_serve_corpus import ARTICLES, EVIL_SOURCE, fill


@pytest.fixture
def stored(db_url) -> dict[str, int]:
    engine = open_store(db_url)
    ids = fill(engine)
    engine.dispose()
    return ids


@pytest.fixture
def client(db_url, stored):
    engine = open_for_serving(db_url)
    with TestClient(create_app(engine)) as c:
        yield c
    engine.dispose()


def count_articles(db_url) -> int:
    engine = open_store(db_url, create=False)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    engine.dispose()
    return n


def source_id(client: TestClient, name: str) -> int:
    found = client.get("/api/search", params={"q": name}).json()["sources"]
    return next(s["id"] for s in found if s["name"] == name)


def test_articles_newest_first(client, stored):
    listed = client.get("/api/articles").json()
    dates = [a["published"] for a in listed]
    assert dates == sorted(dates, reverse=True) and len(listed) == len(stored)
    assert client.get("/api/articles", params={"limit": 2, "offset": 1}).json() == listed[1:3]


def test_an_article_is_its_spec_document(client, stored):
    first = ARTICLES[0]
    doc = client.get(f"/api/articles/{stored[first['url']]}").json()
    assert doc["text"] == first["text"] and doc["title"] == first["title"]
    assert (doc["url"], doc["outlet"], doc["published"]) == (
        first["url"], first["outlet"], "2024-03-01T08:00:00Z")
    assert doc["attributions"] and doc["entities"]
    assert_offsets(doc)


def test_missing_things_are_404_in_json(client):
    for path in ("/api/articles/999999", "/api/sources/999999",
                 "/api/sources/999999/attributions"):
        r = client.get(path)
        assert r.status_code == 404 and r.json()["detail"].startswith("no such")


def test_most_cited_sources(client):
    report = client.get("/api/sources", params={"top": 5}).json()
    top = report["sources"][0]
    assert (top["name"], top["statements"], top["articles"]) == ("سامي الخطيب", 6, 3)
    assert 0 < report["anonymous"] < report["attributions"]


def test_a_source_across_the_corpus(client):
    sid = source_id(client, "سامي الخطيب")
    profile = client.get(f"/api/sources/{sid}").json()
    assert (profile["statements"], profile["denials"], profile["articles"]) == (6, 2, 3)
    assert "الخطيب" in profile["spellings"]
    assert {o["label"] for o in profile["outlets"]} == {"صحيفة الميدان", "الأخبار اليوم",
                                                        "شبكة الساحل"}
    assert [m["label"] for m in profile["months"]] == ["2024-03", "2024-04"]
    said = client.get(f"/api/sources/{sid}/attributions").json()
    assert len(said) == 6 and [s["published"] for s in said] == sorted(
        (s["published"] for s in said), reverse=True)
    assert all(s["role"] == "source" and s["source"]["source_id"] == sid for s in said)
    assert {s["polarity"] for s in said} == {"assert", "deny"}
    page = client.get(f"/api/sources/{sid}/attributions", params={"limit": 2, "offset": 2})
    assert page.json() == said[2:4]


def test_a_source_cited_by_another(client):
    """The intelligence sources the Guardian cites: their statement, through the paper."""
    [hit] = client.get("/api/search", params={"q": "المحادثات"}).json()["articles"]
    doc = client.get(f"/api/articles/{hit['id']}").json()
    assert doc["attributions"][0]["via"][0]["text"] == "مصدرين في الاستخبارات"
    guardian = source_id(client, "صحيفة الغارديان البريطانية")
    [said, added] = client.get(f"/api/sources/{guardian}/attributions").json()[::-1]
    [via] = said["via"]
    assert via["name"] == "مصدرين في الاستخبارات" and via["anonymous"]
    cited = client.get(f"/api/sources/{via['source_id']}/attributions").json()
    assert [(c["role"], c["source"]["name"]) for c in cited] == [
        ("via", "صحيفة الغارديان البريطانية")]


def test_attributions_by_name_in_any_spelling(client):
    quotes = client.get("/api/attributions", params={"source": "الخطيب"}).json()
    assert len(quotes) == 6 and all(q["source_id"] == quotes[0]["source_id"] for q in quotes)
    assert client.get("/api/attributions").status_code == 422


def test_search(client, stored):
    found = client.get("/api/search", params={"q": "شحنة أدوية"}).json()
    assert [a["id"] for a in found["articles"]] == [stored[ARTICLES[2]["url"]]]
    assert found["articles"][0]["snippet"]
    people = client.get("/api/search", params={"q": "النجار"}).json()["sources"]
    assert [p["name"] for p in people] == ["ليلى النجار"]


def test_outlets(client):
    outlets = {o["outlet"]: o["articles"] for o in client.get("/api/outlets").json()}
    assert outlets["صحيفة الميدان"] == 2 and outlets["شبكة الساحل"] == 2


def test_extract_answers_the_spec_document_and_stores_nothing(client, db_url):
    before = count_articles(db_url)
    text = "قالت ليلى النجار إن المستشفيات جاهزة."
    doc = client.post("/api/extract", json={"text": text}).json()
    assert doc["text"] == text and doc["attributions"][0]["source"]["resolved"] == "ليلى النجار"
    assert_offsets(doc)
    html = client.post("/api/extract", json={
        "html": f"<html><body><article><p>{text}</p></article></body></html>"}).json()
    assert html["attributions"][0]["content"]["text"] == "المستشفيات جاهزة"
    for bad in ({}, {"text": text, "html": "<p>x</p>"}, {"text": 5}):
        assert client.post("/api/extract", json=bad).status_code == 422
    assert count_articles(db_url) == before


def test_request_bodies_over_the_limit_are_refused(db_url, stored):
    engine = open_for_serving(db_url)
    client = TestClient(create_app(engine, max_body=1000))
    small = client.post("/api/extract", json={"text": "قال الوزير إن الوضع مستقر."})
    assert small.status_code == 200
    big = {"text": "قال الوزير إن الوضع مستقر. " * 100}
    assert client.post("/api/extract", json=big).status_code == 413
    chunked = client.post("/api/extract", headers={"content-type": "application/json"},
                          content=iter([b'{"text": "', "ب".encode() * 800, b'"}']))
    assert chunked.status_code == 413
    assert client.post("/analyse", data={"text": "ب" * 2000}).status_code == 413
    engine.dispose()


def test_default_limit_is_two_megabytes(client):
    r = client.post("/api/extract", json={"text": "ب" * (1024 * 1024 + 10)})
    assert r.status_code == 413


def test_read_only_unless_started_to_write(client, db_url):
    before = count_articles(db_url)
    r = client.post("/api/articles", json={"text": "قال الوزير إن الوضع مستقر."})
    assert r.status_code == 403 and "--write" in r.json()["detail"]
    # Not only the route: the server's own connections refuse writes.
    with pytest.raises(DBAPIError):
        with client.app.state.engine.begin() as conn:
            conn.execute(insert(sources).values(key="x", name="x", kind="person",
                                                anonymous=False))
    assert count_articles(db_url) == before


def test_write_mode_adds_an_article_once(db_url, stored):
    engine = open_for_serving(db_url, write=True)
    client = TestClient(create_app(engine, write=True))
    record = {"url": "https://new.example/1", "outlet": "جريدة الغد",
              "published": "2024-06-01T10:00:00+03:00", "title": "خبر جديد",
              "text": "قال وزير المالية سامي الخطيب إن الموازنة أقرت."}
    khatib = client.get("/api/sources").json()["sources"][0]
    assert "جريدة الغد" not in {o["outlet"] for o in client.get("/api/outlets").json()}
    first = client.post("/api/articles", json=record).json()
    assert first["stored"]
    # Corpus-wide figures are kept between requests, but not past a new article.
    assert "جريدة الغد" in {o["outlet"] for o in client.get("/api/outlets").json()}
    assert client.get("/api/sources").json()["sources"][0]["statements"] == khatib["statements"] + 1
    doc = client.get(f"/api/articles/{first['id']}").json()
    assert (doc["published"], doc["title"]) == ("2024-06-01T07:00:00Z", "خبر جديد")
    assert doc["attributions"][0]["source"]["resolved"] == "سامي الخطيب"
    assert client.post("/api/articles", json=record).json() == {"id": first["id"],
                                                                 "stored": False}
    assert client.post("/api/articles", json={"url": "x"}).status_code == 422
    engine.dispose()


def test_openapi_schema_is_served(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/sources",
            "/api/sources/{source_id}", "/api/sources/{source_id}/attributions",
            "/api/attributions", "/api/search", "/api/outlets",
            "/api/extract"} <= set(schema["paths"])
    assert not any(p.startswith("/articles") for p in schema["paths"])  # pages are not API


def test_hostile_strings_come_back_as_data(client, stored):
    said = client.get("/api/attributions", params={"source": EVIL_SOURCE, "exact": True})
    assert said.json()[0]["source"] == EVIL_SOURCE
    assert said.headers["content-type"] == "application/json"
    assert "script-src 'self'" in said.headers["content-security-policy"]


def test_serve_command(naql_cli, tmp_path):
    missing = naql_cli("serve", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1 and "no store at" in missing.stderr
    assert not (tmp_path / "none.db").exists()  # a read-only server creates nothing
    usage = naql_cli("serve", "--help").stdout
    assert all(flag in usage for flag in ("--db", "--host", "--port", "--write"))


def test_memo_keeps_answers_until_an_article_is_added(store):
    memo, calls = Memo(size=2), []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    with store.connect() as conn:
        assert memo.get(conn, "a", compute) == memo.get(conn, "a", compute) == 1
        memo.get(conn, "b", compute)
        memo.get(conn, "c", compute)  # past the size: "a", the oldest, is dropped
        assert memo.get(conn, "a", compute) == 4
    fill(store, hostile=False)
    with store.connect() as conn:
        assert memo.get(conn, "c", compute) == 5


def test_ids_too_large_for_the_database_are_client_errors(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from naql.serve.app import create_app
    from naql.store import open_store

    client = TestClient(create_app(open_store(str(tmp_path / "naql.db"))))
    huge = "9223372036854775808"
    for url in (f"/api/articles/{huge}", f"/api/sources/{huge}", f"/api/sources/{huge}/attributions",
                f"/articles/{huge}", f"/sources/{huge}"):
        assert 400 <= client.get(url).status_code < 500, url
