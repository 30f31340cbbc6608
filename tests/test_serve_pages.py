"""naql serve's pages: marks that nest properly whatever the spans do, chains, the article
and source pages, search, pasting an article, and every text from an article escaped."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from naql.serve import create_app, open_for_serving
from naql.serve.marks import ROLES, Mark, pieces
from naql.serve.queries import Count
from naql.serve.timeline import timeline
from naql.serve.view import PASTED, article_view
from naql.store import open_store
from test_serve_corpus import (ARTICLES, EVIL_OUTLET, EVIL_SOURCE, EVIL_TEXT, EVIL_TITLE,
                               EVIL_URL, SCRIPT, extracted, fill)


# --- marks --------------------------------------------------------------------------------

def mark(start: int, end: int, role: str = "content", attribution: str = "a1") -> Mark:
    return Mark(start, end, role, attribution, 0, "")


def covering(text: str, out) -> list[set[Mark]]:
    """For each character, the marks open around it; checks open/close pairs as it goes."""
    stack, cover = [], []
    for p in out:
        if p.kind == "open":
            stack.append(p.mark)
        elif p.kind == "close":
            assert stack.pop() == p.mark  # closes the innermost open mark: proper nesting
        else:
            cover += [set(stack)] * len(p.text)
    assert not stack
    return cover


def test_nested_spans_nest():
    out = pieces("0123456789", [mark(2, 5, "source", "a2"), mark(0, 10)])
    assert [(p.kind, p.text or p.mark.attribution) for p in out] == [
        ("open", "a1"), ("text", "01"), ("open", "a2"), ("text", "234"), ("close", "a2"),
        ("text", "56789"), ("close", "a1")]


def test_crossing_spans_are_split_and_keep_their_cover():
    a, b = mark(0, 6), mark(3, 9, "source", "a2")
    out = pieces("0123456789", [a, b])
    assert covering("0123456789", out) == [{a}] * 3 + [{a, b}] * 3 + [{b}] * 3 + [set()]
    assert [p.first for p in out if p.kind == "open" and p.mark == b] == [True, False]


def test_same_start_widest_outside_and_bad_spans_dropped():
    content, source = mark(0, 4), mark(0, 4, "source")
    out = pieces("abcd", [source, content, mark(3, 2), mark(2, 99)])
    assert [p.mark.role for p in out if p.kind == "open"] == ["content", "source"]


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20), st.sampled_from(ROLES)),
                max_size=8))
def test_any_spans_give_well_formed_marks_covering_the_same_text(spans):
    text = "abcdefghijklmnopqrst"
    marks = [mark(s, e, role, f"a{n}") for n, (s, e, role) in enumerate(spans)]
    out = pieces(text, marks)
    assert "".join(p.text for p in out if p.kind == "text") == text
    for i, cover in enumerate(covering(text, out)):
        assert cover == {m for m in marks if m.start <= i < m.end}


# --- the article view ---------------------------------------------------------------------

def test_chains_run_from_the_outlet_through_nested_reports():
    doc = extracted()[0].document
    doc.update(outlet="صحيفة الميدان")
    view = article_view(doc)
    names = {a.source: [b.node.name for b in a.drawing.boxes] for a in view.attributions}
    assert names["رئيس الوزراء"] == ["صحيفة الميدان", "وكالة الأنباء الرسمية", "رئيس الوزراء"]
    assert names["سامي الخطيب"] == ["صحيفة الميدان", "سامي الخطيب"]
    colours = {a.source: a.colour for a in view.attributions}
    assert len(set(colours.values())) == len(colours) == 3
    khatib = next(s for s in view.sources if s.name == "سامي الخطيب")
    assert (khatib.statements, khatib.denials) == (3, 1)


def test_a_chain_ends_with_the_sources_cited():
    view = article_view(extracted()[1].document)
    first = view.attributions[0]
    assert [b.node.name for b in first.drawing.boxes] == [
        PASTED, "صحيفة الغارديان البريطانية", "مصدرين في الاستخبارات"]
    assert first.unnamed and first.drawing.boxes[-1].node.anonymous
    assert len(first.drawing.edges) == 2 and view.unnamed == 1


def test_timeline_fills_empty_months_oldest_on_the_right():
    line = timeline([Count("2023-12", 2), Count("2024-02", 1)])
    assert [(b.month, b.n) for b in line.bars] == [("2023-12", 2), ("2024-01", 0), ("2024-02", 1)]
    assert line.bars[0].x > line.bars[-1].x and line.bars[0].height == line.height
    assert timeline([]) is None


# --- pages --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("serve") / "naql.db")
    writer = open_store(db)
    ids = fill(writer)
    writer.dispose()
    engine = open_for_serving(db)
    with TestClient(create_app(engine)) as client:
        yield client, ids
    engine.dispose()


class Page(HTMLParser):
    """The tags, links and text of a page, and the marked article text with its marks
    checked for proper nesting."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.article: list[str] | None = None
        self.depth = 0  # elements open inside the article text
        self.marks: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("id") == "text":
            self.article = []
            self.depth = 1
        elif self.depth:
            self.depth += 1
            assert tag == "mark", tag
            self.marks.append(attrs["data-a"])

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self.depth and self.article is not None:
            self.article.append(data)

    def links(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a"]


def get(client: TestClient, path: str, status: int = 200) -> Page:
    r = client.get(path)
    assert r.status_code == status, (path, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return Page(r.text)


def test_article_page_marks_every_attribution(site):
    client, ids = site
    article_id = ids[ARTICLES[0]["url"]]
    page = get(client, f"/articles/{article_id}")
    doc = client.get(f"/api/articles/{article_id}").json()
    assert "".join(page.article) == doc["text"]
    assert set(page.marks) == {a["id"] for a in doc["attributions"]}
    html = client.get(f"/articles/{article_id}").text
    assert ('<mark class="m m-content s1" data-a="a4" title="المحتوى — وكالة الأنباء الرسمية">'
            '<mark class="m m-source s2" data-a="a5"') in html  # the nested report
    figures = [a["id"] for t, a in page.tags if t == "figure"]
    assert figures == [f"chain-{a['id']}" for a in doc["attributions"]]
    root = next(a for t, a in page.tags if t == "html")
    assert (root["lang"], root["dir"]) == ("ar", "rtl")
    for link in {h for h in page.links() if h.startswith("/sources/")}:
        assert client.get(link).status_code == 200


def test_source_page_lists_statements_newest_first_with_links_back(site):
    client, ids = site
    sid = next(s["id"] for s in client.get("/api/search", params={"q": "الخطيب"}).json()["sources"])
    page = get(client, f"/sources/{sid}")
    back = [h for h in page.links() if h.startswith("/articles/")]
    assert len(back) == 6
    path, anchor = back[0].split("#")
    assert path == f"/articles/{ids[ARTICLES[5]['url']]}"  # the newest
    assert ("li", anchor) in [(t, a.get("id")) for t, a in get(client, path).tags]
    assert "سامي الخطيب" in page.text and "نفي" in page.text


def test_front_sources_list_and_search_pages(site):
    client, ids = site
    front = get(client, "/")
    assert f"/articles/{ids[ARTICLES[5]['url']]}" in front.links()
    assert "سامي الخطيب" in front.text and "صحيفة الميدان" in front.text
    assert "ليلى النجار" in get(client, "/sources").text
    assert len([h for h in get(client, "/articles").links() if h.startswith("/articles/")]) == 7
    found = get(client, "/search?q=" + "الاستخبارات")
    assert f"/articles/{ids[ARTICLES[1]['url']]}" in found.links()
    assert any(h.startswith("/sources/") for h in get(client, "/search?q=ليلى").links())
    assert "لا مقالات تطابق البحث." in get(client, "/search?q=زرافة").text


def test_paste_an_article_and_see_it_unstored(site):
    client, _ = site
    before = client.get("/api/articles", params={"limit": 200}).json()
    assert any(t == "textarea" for t, _ in get(client, "/analyse").tags)
    r = client.post("/analyse", data={"text": ARTICLES[1]["text"], "input_format": "text"})
    page = Page(r.text)
    assert r.status_code == 200 and "".join(page.article) == ARTICLES[1]["text"]
    assert "تحليل لم يُحفظ" in page.text and set(page.marks) == {"a1", "a2"}
    html = client.post("/analyse", data={"text": f"<html><body><p>{ARTICLES[3]['text']}</p>"
                                                 "</body></html>", "input_format": "html"})
    assert "المتحدث باسم الجيش" in Page(html.text).text
    empty = client.post("/analyse", data={"text": "   "})
    assert empty.status_code == 422 and "الصق نص مقال" in empty.text
    assert client.get("/api/articles", params={"limit": 200}).json() == before


def test_errors_are_pages_in_arabic(site):
    client, _ = site
    assert "لا يوجد مقال بهذا الرقم" in get(client, "/articles/999999", 404).text
    assert "غير موجود" in get(client, "/no/such/page", 404).text
    assert "طلب غير صالح" in get(client, "/articles/abc", 400).text


# --- escaping -----------------------------------------------------------------------------

HOSTILE_PATHS = ["/", "/articles", "/sources", "/search?q=" + SCRIPT, "/search?q=صالح"]


def assert_inert(page: Page) -> None:
    """Only this server's markup: no script but its own, no event handlers, no javascript:
    links, none of the hostile tags."""
    for tag, attrs in page.tags:
        assert tag not in ("img", "b", "iframe", "object"), (tag, attrs)
        assert tag != "script" or attrs == {"src": "/static/naql.js", "defer": None}
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript"), attrs


def test_article_text_title_outlet_and_source_names_are_escaped(site):
    client, ids = site
    hostile = ids[EVIL_URL]
    page = get(client, f"/articles/{hostile}")
    assert_inert(page)
    text = "".join(page.text)
    for evil in (EVIL_TITLE, EVIL_OUTLET, EVIL_SOURCE):
        assert evil in text
    assert "".join(page.article) == EVIL_TEXT
    assert set(page.marks) == {"a1", "a2"}
    svg_names = [t for t in page.text if "alert('source')" in t]
    assert svg_names  # the chain drawings name the source too, as text
    sources = {h for h in page.links() if h.startswith("/sources/")}
    for path in HOSTILE_PATHS + sorted(sources):
        assert_inert(get(client, path))


def test_pasted_hostile_text_is_escaped(site):
    client, _ = site
    r = client.post("/analyse", data={"text": EVIL_TEXT, "input_format": "text"})
    page = Page(r.text)
    assert_inert(page)
    assert "".join(page.article) == EVIL_TEXT
    form = client.post("/analyse", data={"text": "<b onmouseover=alert(1)>x</b>",
                                         "input_format": "html"})
    assert_inert(Page(form.text))
