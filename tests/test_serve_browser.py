"""naql serve in a real browser: Debian's chromium driven by Playwright against a server
started here on loopback over the small test corpus. Open an article and see its marks and
chains, click through to a source, search, paste an article; nothing in an article runs.
Over the provenance corpus: a story's positions side by side, a claim's isnad, and back to
an article from it.
Skipped when chromium or Playwright is missing; .ci/run installs both."""
from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from naql.provenance import update
from naql.serve import create_app, open_for_serving
from naql.store import open_store
from test_provenance_corpus import GOLD, store_articles
from test_serve_corpus import ARTICLES, EVIL_TITLE, EVIL_URL, fill

CHROMIUM = "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK),
                                reason=f"no browser at {CHROMIUM}")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextmanager
def serving(db: str) -> Iterator[str]:
    """The base URL of a read-only server over ``db`` on a free loopback port."""
    import uvicorn

    engine = open_for_serving(db)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    srv = uvicorn.Server(uvicorn.Config(create_app(engine), log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    srv.should_exit = True
    thread.join(10)
    sock.close()
    engine.dispose()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, dict[str, int]]]:
    """A server over the small test corpus, and the articles' ids."""
    db = str(tmp_path_factory.mktemp("browser") / "naql.db")
    writer = open_store(db)
    ids = fill(writer)
    writer.dispose()
    with serving(db) as base:
        yield base, ids


@pytest.fixture(scope="module")
def claims_server(tmp_path_factory) -> Iterator[str]:
    """A server over the provenance corpus, its claims and stories up to date."""
    from naql.ingest.run import extract_record
    from naql.ingest.sources import read_all

    db = str(tmp_path_factory.mktemp("claims") / "naql.db")
    writer = open_store(db)
    store_articles(writer, [extract_record(r) for r in read_all([str(GOLD / "articles.jsonl")])])
    update(writer)
    writer.dispose()
    with serving(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page; fails the test on any script error, console error or dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    p = context.new_page()
    trouble: list[str] = []
    p.on("pageerror", lambda e: trouble.append(f"error: {e}"))
    p.on("console", lambda m: trouble.append(f"console: {m.text}") if m.type == "error" else None)
    p.on("dialog", lambda d: (trouble.append(f"dialog: {d.message}"), d.dismiss()))
    p.set_default_timeout(15_000)
    yield p
    context.close()
    assert not trouble, trouble


def test_article_marks_and_the_chain_behind_one(server, page):
    base, ids = server
    page.goto(f"{base}/articles/{ids[ARTICLES[0]['url']]}")
    marks = page.locator("#text mark")
    assert marks.count() >= 12
    assert page.locator("#text mark.m-source").count() == 4  # a3's subject is in its verb
    nested = page.locator('#text mark.m-content[data-a="a4"] mark.m-source[data-a="a5"]')
    assert nested.inner_text() == "رئيس الوزراء"
    # Each source has its colour: the two speakers' source marks differ.
    colour = "el => getComputedStyle(el).backgroundColor"
    khatib = page.locator('#text mark.m-source[data-a="a1"]').evaluate(colour)
    agency = page.locator('#text mark.m-source[data-a="a4"]').evaluate(colour)
    assert khatib != agency
    assert page.locator("#chain-view svg").count() == 0
    nested.hover()
    chain = page.locator("#chain-view svg.chain text.name")
    assert chain.all_text_contents() == [ARTICLES[0]["outlet"], "وكالة الأنباء الرسمية",
                                       "رئيس الوزراء"]
    assert page.locator('#text mark.on[data-a="a5"]').count() == 3
    page.locator('#text mark.m-cue[data-a="a1"]').click()  # pinned: stays when the mouse goes
    page.mouse.move(5, 5)
    assert page.locator("#chain-view svg.chain text.name").all_text_contents() == [
        ARTICLES[0]["outlet"], "سامي الخطيب"]
    direction = page.evaluate("getComputedStyle(document.querySelector('#text')).direction")
    assert direction == "rtl"


def test_click_a_source_then_back_to_the_article(server, page):
    base, ids = server
    page.goto(f"{base}/articles/{ids[ARTICLES[4]['url']]}")
    page.locator(".sources-panel a", has_text="سامي الخطيب").click()
    page.wait_for_url("**/sources/*")
    assert page.locator("h1").inner_text() == "سامي الخطيب"
    items = page.locator(".statement")
    assert items.count() == 6
    assert items.first.locator("time").inner_text() == "2024-04-20"
    assert page.locator(".statement.deny").count() == 2
    items.nth(2).locator("a[href^='/articles/']").click()  # the 2024-04-02 statement
    page.wait_for_url(f"**/articles/{ids[ARTICLES[4]['url']]}#a1")
    assert page.locator("#chain-view svg").count() == 1  # arriving pins that attribution
    assert page.locator('#text mark.on[data-a="a1"]').count() == 3


def test_search_from_the_front_page(server, page):
    base, ids = server
    page.goto(base)
    page.locator(".hero input[name=q]").fill("المحادثات")
    page.locator(".hero button").click()
    page.wait_for_url("**/search?q=*")
    page.locator("ol.articles a", has_text="الغارديان").click()
    page.wait_for_url(f"**/articles/{ids[ARTICLES[1]['url']]}")
    assert page.locator("#text mark.m-via").inner_text() == "مصدرين في الاستخبارات"


def test_paste_an_article(server, page):
    base, _ = server
    page.goto(f"{base}/analyse")
    page.locator("textarea[name=text]").fill(
        "نفت وزارة الخارجية ما نشرته صحيفة محلية عن إغلاق السفارة. "
        "وقال مصدر دبلوماسي إن السفارة تعمل كالمعتاد.")
    page.locator("form.paste button").click()
    page.wait_for_selector("#text mark")
    assert "تحليل لم يُحفظ" in page.locator(".article-head").inner_text()
    assert page.locator("#text mark.m-cue").count() == 2
    page.locator("#text mark.m-cue").first.click()
    assert page.locator("#chain-view svg.chain text.name").count() == 2


def test_nothing_in_an_article_runs(server, page):
    base, ids = server
    page.goto(f"{base}/articles/{ids[EVIL_URL]}")
    assert page.locator("h1").inner_text() == EVIL_TITLE
    for m in page.locator("#text mark").all():
        m.hover()
    page.locator("#text mark.m-via").click()
    assert page.locator("#text b, #text img, #text script").count() == 0
    # The page fixture fails the test on any dialog (alert) or script error.


def test_from_a_story_to_a_claim_and_its_isnad(claims_server, page):
    page.goto(f"{claims_server}/stories")
    page.locator("ol.articles a", has_text="الخطيب للأفق").click()
    page.wait_for_url("**/stories/*")
    columns = page.locator(".positions > section")
    assert columns.count() == 3
    tops = {round(columns.nth(i).bounding_box()["y"]) for i in range(3)}
    lefts = [columns.nth(i).bounding_box()["x"] for i in range(3)]
    assert len(tops) == 1 and lefts == sorted(lefts, reverse=True)  # side by side, rtl
    assert page.locator(".position.deny li").count() >= 1
    page.locator(".position.assert li", has_text="الوقود").first.locator(
        "a[href^='/claims/']").click()
    page.wait_for_url("**/claims/*")
    nodes = page.locator("svg.chain a")
    reports = page.locator(".statement")
    assert nodes.count() == 6 and reports.count() == 6  # one node per article, one row each
    names = page.locator("svg.chain text.name").all_text_contents()
    assert names[:2] == ["صحيفة الأفق", "وكالة الرائد للأنباء"]  # the origin, then who cites it
    nodes.nth(1).click()
    page.wait_for_url("**/articles/*")
    assert page.locator("a[href^='/claims/']").count() >= 1
