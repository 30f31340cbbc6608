"""Claims and stories in naql serve: the JSON API gives what ``naql claims`` / ``naql story``
give, the claim page shows every report and draws the isnad (each article under the one it
cites), the story page sets who asserts, denies and hedges side by side, articles link to
their claims and story, a writing server brings claims up to date after adding articles,
and nothing a report carries runs. The corpus is the provenance test corpus
(tests/fixtures/provenance), written for the tests."""
from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from naql.provenance import claims, update
from naql.serve import create_app, open_for_serving
from naql.serve.chain import Branch, Chain, Node, draw
from naql.serve.templating import articles
from naql.store import open_store
from test_provenance_corpus import GOLD, store_articles
from test_serve_corpus import EVIL_OUTLET, EVIL_SOURCE, EVIL_TITLE, SCRIPT, hostile_article

OFOQ = "https://alofoq.example/economy/fuel-tax-cut"  # the origin of the fuel-tax claim
RAED = "https://alraed.example/news/2024/03/10/fuel"  # cites الأفق


@pytest.fixture(scope="module")
def extracted():
    from naql.ingest.run import extract_record
    from naql.ingest.sources import read_all

    return [extract_record(r) for r in read_all([str(GOLD / "articles.jsonl")])]


@pytest.fixture
def stored(db_url, extracted):
    """The corpus stored and clustered, plus two reports of one hostile statement."""
    engine = open_store(db_url)
    evil = hostile_article()
    store_articles(engine, [*extracted, evil, dataclasses.replace(
        evil, url="https://evil.example/2", outlet=EVIL_OUTLET + "2",
        document={**evil.document, "text": evil.document["text"] + " وانتهى البيان."})])
    update(engine)
    engine.dispose()
    return db_url


@pytest.fixture
def client(stored):
    engine = open_for_serving(stored)
    with TestClient(create_app(engine)) as c:
        yield c
    engine.dispose()


def fuel_claim(client: TestClient) -> dict:
    listed = client.get("/api/claims").json()
    return next(c for c in listed if any(m["url"] == OFOQ for m in c["members"]))


# --- the API ------------------------------------------------------------------------------

def test_claims_api_is_what_naql_claims_exports(client, stored):
    listed = client.get("/api/claims", params={"limit": 200}).json()
    engine = open_store(stored, create=False)
    with engine.connect() as conn:
        assert listed == [c.to_dict() for c in claims(conn, limit=200)]
    engine.dispose()
    assert all(c["articles"] >= 2 for c in listed)
    claim = fuel_claim(client)
    assert {"url": RAED, "cites": OFOQ} in claim["chain"]
    assert client.get(f"/api/claims/{claim['claim'][1:]}").json() == claim
    unnamed = client.get("/api/claims", params={"anonymous": True}).json()
    assert unnamed and all(c["anonymous_only"] for c in unnamed)
    assert client.get("/api/claims", params={"source": "الخطيب"}).json()[0]["source"] == \
        "سامي الخطيب"


def test_stories_api_sets_positions_side_by_side(client):
    listed = client.get("/api/stories").json()
    assert listed and all(s["articles"] >= 2 for s in listed)
    told = [client.get(f"/api/stories/{s['story'][1:]}").json() for s in listed]
    assert all(set(s["positions"]) == {"assert", "deny", "hedge"} for s in told)
    assert any(s["positions"]["deny"] and s["positions"]["assert"] for s in told)
    big = max(told, key=lambda s: s["totals"]["assert"])
    first = client.get(f"/api/stories/{big['story'][1:]}",
                       params={"per_position": 1, "limit": 1, "offset": 1}).json()
    assert first["positions"]["assert"] == big["positions"]["assert"][:1]
    assert first["totals"] == big["totals"] and big["totals"]["assert"] > 1
    assert first["articles"] == big["articles"][1:2]


@pytest.mark.parametrize("path", ["/api/claims/999999", "/api/stories/999999"])
def test_missing_claims_and_stories_are_404(client, path):
    assert client.get(path).status_code == 404
    page = client.get(path.removeprefix("/api"))
    assert page.status_code == 404 and "لا " in page.text


# --- pages --------------------------------------------------------------------------------

class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


def test_claim_page_lists_every_report_and_draws_the_isnad(client):
    claim = fuel_claim(client)
    page = client.get(f"/claims/{claim['claim'][1:]}").text
    reports = {m["article_id"]: m for m in claim["members"]}
    hrefs = links(page)
    for article_id, m in reports.items():
        assert f"/articles/{article_id}#{m['attribution']}" in hrefs
    svg = page[page.index("<svg class=\"chain\""):page.index("</svg>")]
    drawn = [int(x) for x in re.findall(r'href="/articles/(\d+)"', svg)]
    assert sorted(drawn) == sorted(reports)  # one node per article
    # The agency that cites the paper is drawn indented under it: its box is narrower.
    widths = dict(zip(drawn, map(float, re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"',
                                                   svg))))
    by_url = {m["url"]: m["article_id"] for m in claim["members"]}
    assert widths[by_url[RAED]] < widths[by_url[OFOQ]]
    assert f"/sources/{claim['source_id']}" in hrefs


def test_story_page_has_the_positions_and_its_articles(client):
    story = next(s for s in (client.get(f"/api/stories/{x['story'][1:]}").json()
                             for x in client.get("/api/stories").json())
                 if s["positions"]["deny"])
    page = client.get(f"/stories/{story['story'][1:]}").text
    columns = {p: page[page.index(f'class="position {p}"'):] for p in ("assert", "deny", "hedge")}
    denial = story["positions"]["deny"][0]
    deny_column = columns["deny"][:columns["deny"].index("</section>")]
    assert denial["members"][0]["content"] in deny_column
    assert f"/claims/{denial['claim'][1:]}" in deny_column
    hrefs = links(page)
    assert all(f"/articles/{a['article_id']}" in hrefs for a in story["articles"])


def test_story_page_flags_figures_apart(client):
    """The measles counts (120 cases, then 135) are one thing told with two figures."""
    story = next(s for s in (client.get(f"/api/stories/{x['story'][1:]}").json()
                             for x in client.get("/api/stories").json())
                 if s["disagreements"])
    page = client.get(f"/stories/{story['story'][1:]}").text
    section = page[page.index('class="disagreements"'):]
    section = section[:section.index("</section>")]
    first, second = story["disagreements"][0]
    assert f"/claims/{first[1:]}" in section and f"/claims/{second[1:]}" in section


def test_an_article_links_to_its_claims_and_story(client):
    claim = fuel_claim(client)
    member = next(m for m in claim["members"] if m["url"] == RAED)
    page = client.get(f"/articles/{member['article_id']}").text
    hrefs = links(page)
    assert f"/claims/{claim['claim'][1:]}" in hrefs
    assert any(h.startswith("/stories/") for h in hrefs)


def test_lists_and_front_page_link_claims_and_stories(client):
    claim = fuel_claim(client)
    for path in ("/", "/claims", "/stories"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert f"/claims/{claim['claim'][1:]}" in links(client.get("/claims").text)
    unnamed = links(client.get("/claims", params={"anonymous": "true"}).text)
    assert f"/claims/{claim['claim'][1:]}" not in unnamed  # the minister is named
    assert any(h.startswith("/stories/") for h in links(client.get("/").text))


def test_nothing_a_report_carries_is_markup(client):
    evil = next(c for c in client.get("/api/claims", params={"limit": 200}).json()
                if c["source"] == EVIL_SOURCE)
    page = client.get(f"/claims/{evil['claim'][1:]}").text
    assert SCRIPT not in page and "<script>alert('source')" not in page
    assert EVIL_OUTLET not in page and EVIL_TITLE not in page
    assert "&lt;script&gt;" in page


def test_pages_say_when_articles_await_clustering(db_url, extracted):
    engine = open_store(db_url)
    store_articles(engine, extracted[:3])
    engine.dispose()
    engine = open_for_serving(db_url)
    with TestClient(create_app(engine)) as client:
        assert "3 مقالات" in client.get("/claims").text
        assert client.get("/api/claims").json() == []
    engine.dispose()


def test_a_writing_server_brings_claims_up_to_date(db_url):
    said = "إن محصول القمح هذا العام سيتجاوز مليوني طن بفضل الأمطار الغزيرة."
    texts = [f"قال وزير الزراعة منصور العتيبي {said}",
             f"بدأ موسم الحصاد في السهول الشمالية. وقال الوزير منصور العتيبي {said}"]
    engine = open_for_serving(db_url, write=True)
    with TestClient(create_app(engine, write=True)) as client:
        for n, (text, outlet) in enumerate(zip(texts, ("صحيفة السهل", "وكالة الحقول"))):
            posted = client.post("/api/articles", json={
                "text": text, "url": f"https://x.example/{n}", "outlet": outlet,
                "published": f"2024-06-0{n + 1}T08:00:00Z"})
            assert posted.status_code == 200 and posted.json()["stored"]
        (claim,) = client.get("/api/claims").json()
    engine.dispose()
    assert claim["source"] == "منصور العتيبي" and claim["articles"] == 2


# --- drawing a tree -----------------------------------------------------------------------

def node(name: str) -> Node:
    return Node(name, "article", article_id=1)


def test_a_tree_is_drawn_children_under_parents():
    tree = (Branch(node("أ"), (Branch(node("ب"), (Branch(node("ج")),)), Branch(node("د")))),
            Branch(node("هـ")))
    d = draw(tree)
    assert [b.node.name for b in d.boxes] == ["أ", "ب", "ج", "د", "هـ"]
    right = [b.x + b.width for b in d.boxes]
    assert right[1] == right[3] < right[0] == right[4] and right[2] < right[1]
    assert len(d.edges) == 3  # one per node with a parent


def test_a_deep_tree_widens_instead_of_squeezing():
    deep = Branch(node("0"))
    for i in range(1, 40):
        deep = Branch(node(str(i)), (deep,))
    d = draw((deep,))
    assert len(d.boxes) == 40 and min(b.width for b in d.boxes) >= 160 > 300 - 39 * 22


def test_a_chain_is_the_tree_whose_levels_hang_from_the_last_node():
    outlet, a, b, c = (Node(n, "person") for n in ("منفذ", "أ", "ب", "ج"))
    assert Chain(((outlet,), (a, b), (c,))).branches() == (
        Branch(outlet, (Branch(a), Branch(b, (Branch(c),)))),)


@pytest.mark.parametrize("n, said", [(1, "مقال واحد"), (2, "مقالان"), (3, "3 مقالات"),
                                     (10, "10 مقالات"), (11, "11 مقالاً"), (99, "99 مقالاً"),
                                     (100, "100 مقال"), (103, "103 مقالات"),
                                     (1200, "1,200 مقال")])
def test_article_counts_read_as_arabic_counts_them(n, said):
    assert articles(n) == said
