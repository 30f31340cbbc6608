"""Reading input: files, URLs, stdin, raw strings → a decoded ``Page``."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

from .decode import decode
from .errors import InputError
from .fetch import fetch
from .html import extract_html, looks_like_html

__all__ = ["InputError", "Page", "parse", "read"]

FORMATS = ("auto", "text", "html")


@dataclass(slots=True)
class Page:
    input: str | None
    text: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def parse(data: bytes | str, input_format: str = "auto", name: str | None = None, *,
          charset: str | None = None, url: str | None = None) -> Page:
    """Decode and, for HTML, extract the main text; ``name`` is recorded as ``Page.input``.

    ``charset`` (declared, e.g. by an HTTP header) is tried when the bytes are not UTF-8;
    ``url`` is the page's address, kept in ``meta`` and given to trafilatura.
    """
    if input_format not in FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(FORMATS)}, not {input_format!r}")
    text = decode(data, charset)
    if input_format == "html" or (input_format == "auto" and looks_like_html(text)):
        body, title, meta = extract_html(text, url)
        return Page(input=name, text=body, title=title, meta=meta)
    return Page(input=name, text=text, meta={"url": url} if url else {})


def read(source: str, input_format: str = "auto") -> Page:
    """Read a path, an http(s) URL, or '-' for stdin."""
    if source == "-":
        return parse(sys.stdin.buffer.read(), input_format, "-")
    if source.startswith(("http://", "https://")):
        page = fetch(source)
        kind, _, params = page.content_type.partition(";")
        charset = params.partition("charset=")[2].split(";")[0].strip(" \"'") or None
        if input_format == "auto" and "html" in kind:
            input_format = "html"
        return parse(page.body, input_format, source, charset=charset, url=page.url)
    try:
        with open(source, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from None
    return parse(data, input_format, source)

