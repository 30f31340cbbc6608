"""The page templates: always autoescaped, so every text from an article is escaped, and
unknown names are errors rather than silently empty."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from starlette.templating import Jinja2Templates

from . import words

TEMPLATES = Path(__file__).with_name("templates")


def day(iso: str | None) -> str:
    return iso[:10] if iso else "—"


def web_link(url: str | None) -> str | None:
    """An article's url as a link only when it is http(s): a stored url is article data, and
    a javascript: one must never become an href."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def percent(share: float) -> str:
    return f"{share * 100:.0f}٪"


def share(part: int, whole: int) -> str:
    return percent(part / whole) if whole else "—"


def number(n: int) -> str:
    return f"{n:,}"


def articles(n: int) -> str:
    """"N articles" as Arabic counts them: the noun's form follows the number."""
    if n in (1, 2):
        return ("مقال واحد", "مقالان")[n - 1]
    rest = n % 100
    noun = "مقالات" if 3 <= rest <= 10 else "مقالاً" if rest > 10 else "مقال"
    return f"{n:,} {noun}"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    env.filters.update(day=day, web_link=web_link, percent=percent, share=share, number=number,
                       articles=articles)
    env.globals.update(KINDS=words.KINDS, TYPES=words.TYPES, POLARITIES=words.POLARITIES,
                       POSITIONS=words.POSITIONS)
    return env


templates = Jinja2Templates(env=_environment())
