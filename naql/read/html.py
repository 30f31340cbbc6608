"""HTML → main article text and metadata (trafilatura, with a flat text fallback)."""
from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from typing import Any

from .errors import InputError

_SNIFF = 20_000
_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|br|a|h[1-6]|li|ul|ol|table|tr|td|article|section|header|footer"
    r"|nav|main|meta|link|script|style|img|title)\b[^<>]{0,300}>",
    re.I,
)
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
           "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption")


def looks_like_html(text: str) -> bool:
    """A doctype or <html> at the start, or at least three known tags in the first 20 000 chars."""
    head = text[:_SNIFF]
    if "<" not in head:
        return False
    start = head.lstrip()[:200].lower()
    if start.startswith(("<!doctype html", "<html")) or (start.startswith("<?xml") and "<html" in start):
        return True
    found = 0
    for _ in _TAG.finditer(head):
        found += 1
        if found >= 3:
            return True
    return False


def extract_html(html: str, url: str | None = None) -> tuple[str, str | None, dict[str, Any]]:
    """Return (main text with one paragraph a line, title, meta with url/published/author/site).

    A tree cut by the parser (nesting deeper than libxml2 allows even for deep trees) would
    lose the article's text silently; such a page, and one where trafilatura finds nothing,
    is read as flat text instead.
    """
    import trafilatura  # imported late: plain-text runs never pay for it

    tree = _tree(html)
    doc = None
    if tree is not None:
        try:
            doc = trafilatura.bare_extraction(
                tree, url=url, include_comments=False, with_metadata=True, favor_recall=True,
                config=_config(), date_extraction_params=_date_params(),
            )
        except Exception:  # trafilatura may fail on malformed markup; the flat text below still can work
            doc = None
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        text, title = _flat_text(html)
        if not text:
            raise InputError("no article text in HTML")
        return text, title, {"url": url} if url else {}
    meta = {key: value for key, value in (("url", doc.url or url), ("published", doc.date),
                                          ("author", doc.author), ("site", doc.sitename)) if value}
    return text, doc.title or None, meta


def _tree(html: str) -> Any:
    """The page's tree as trafilatura parses it, but with libxml2's option for deep trees
    (2048 levels instead of 256); None when it is cut even so, or cannot be parsed."""
    import lxml.html
    from lxml.etree import ErrorTypes, ParserError
    from trafilatura.utils import repair_faulty_html

    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True, huge_tree=True)
    html = repair_faulty_html(html, html[:50].lower())
    try:
        try:
            tree = lxml.html.fromstring(html, parser=parser)
        except ValueError:  # a str with an encoding declaration: lxml takes it as bytes
            tree = lxml.html.fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (ParserError, ValueError):
        return None
    if any(e.type == ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log):
        return None
    return tree


def _date_params() -> dict[str, Any]:
    """Dates from markup and URL only: the extensive search takes "© 2024" for a publication date."""
    from trafilatura.settings import set_date_params

    return set_date_params(extensive=False)


@cache
def _config() -> Any:
    """trafilatura drops articles under 250 chars by default; news briefs are often shorter."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


def _flat_text(html: str) -> tuple[str, str | None]:
    """Every text of the page outside <head>, scripts and styles, one block element a line,
    and the <title>. Tags are read one after another, never built into a tree, so no depth
    of nesting loses text."""
    reader = _FlatReader()
    reader.feed(html)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.text).split("\n"))
    title = " ".join("".join(reader.title).split())
    return "\n".join(line for line in lines if line), title or None


class _FlatReader(HTMLParser):
    _SKIPPED = frozenset(("head", "title", "script", "style", "noscript", "template"))
    _HEAD = frozenset(("html", "head", "title", "meta", "link", "base", "script", "style", "noscript",
                       "template"))  # what may stand in <head>

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.title: list[str] = []
        self.skipped: list[str] = []  # the skipped elements open here, innermost last

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag not in self._HEAD and "head" in self.skipped:  # <head> left open: it ends here
            self.skipped.clear()
        if tag in self._SKIPPED:
            self.skipped.append(tag)
        elif tag in _BLOCKS:
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipped:
            del self.skipped[len(self.skipped) - 1 - self.skipped[::-1].index(tag):]
        elif tag in _BLOCKS:
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipped:
            self.text.append(data.replace("\n", " "))  # lines end at block elements only
        elif self.skipped[-1] == "title":
            self.title.append(data)
