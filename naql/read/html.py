"""HTML → main article text and metadata (trafilatura, with a plain lxml fallback)."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from .errors import InputError

_SNIFF = 20_000
_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|br|a|h[1-6]|li|ul|ol|table|tr|td|article|section|header|footer"
    r"|nav|main|meta|link|script|style|img|title)\b[^<>]{0,300}>",
    re.I,
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
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
    """Return (main text with one paragraph a line, title, meta with url/published/author/site)."""
    import trafilatura  # imported late: plain-text runs never pay for it

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True, favor_recall=True,
            config=_config(), date_extraction_params=_date_params(),
        )
    except Exception:  # trafilatura may fail on malformed markup; the lxml dump below still can work
        doc = None
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        text, title = _body_text(html)
        if not text:
            raise InputError("no article text in HTML")
        return text, title, {"url": url} if url else {}
    meta = {key: value for key, value in (("url", doc.url or url), ("published", doc.date),
                                          ("author", doc.author), ("site", doc.sitename)) if value}
    return text, doc.title or None, meta


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


def _body_text(html: str) -> tuple[str, str | None]:
    """Every text node of <body> except scripts and styles, one block element a line."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return "", None
    body = root.find("body")
    title = root.findtext(".//title")
    if body is None:
        return "", title
    for element in body.iter("script", "style", "noscript", "template"):
        element.text = ""
    for element in body.iter(*_BLOCKS):  # lxml reads C0 controls but refuses to write them back
        element.tail = "\n" + _NOT_XML.sub("", element.tail or "")
    lines = (line.strip() for line in body.text_content().splitlines())
    return "\n".join(line for line in lines if line), (title.strip() or None) if title else None
