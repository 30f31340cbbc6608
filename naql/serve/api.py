"""The JSON API under /api: the corpus by article, source and search, claims and stories
across articles, and extraction.

Only ``POST /api/articles`` writes, and only on a server started with ``--write``;
``POST /api/extract`` analyses what it is sent and stores nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, HTTPException, Query, Request
from pydantic import BaseModel, Field, model_validator
from sqlalchemy import or_, select

import naql
from naql import provenance
from naql.ingest import Failure, Record
from naql.ingest.run import extract_batch
from naql.ingest.sources import parse_date
from naql.read import InputError
from naql.store import Writer
from naql.store import queries as store_queries
from naql.store.schema import articles

from . import queries
from .deps import Conn, Memoised, RowId, engine

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
AtLeast = Annotated[int, Query(ge=1, le=1_000_000)]  # articles reporting a claim or story
Many = Annotated[int, Query(ge=1, le=1000)]
DOCUMENT = {"description": "the SPEC.md document, plus id, url, outlet and published when stored"}


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


@router.get("/articles", response_model=list[queries.ArticleSummary])
def list_articles(conn: Conn, limit: Limit = 20, offset: Offset = 0):
    """The newest articles first."""
    return queries.latest(conn, limit, offset)


@router.get("/articles/{article_id}", response_model=dict[str, Any], responses={200: DOCUMENT})
def get_article(conn: Conn, article_id: RowId):
    """A stored article as its SPEC document, with its text, attributions and entities."""
    return _found(queries.document(conn, article_id), "article")


@router.get("/sources", response_model=store_queries.SourceReport)
def list_sources(conn: Conn, memo: Memoised, top: Limit = 20):
    """The most cited named sources and the share of attributions resting on unnamed ones."""
    return queries.most_cited(conn, memo, top)


@router.get("/sources/{source_id}", response_model=queries.SourceProfile)
def get_source(conn: Conn, memo: Memoised, source_id: RowId):
    """Who a source is, how often it speaks or is cited, denials, spellings, outlets, months."""
    return _found(queries.profile(conn, memo, source_id), "source")


@router.get("/sources/{source_id}/attributions", response_model=list[queries.Statement])
def source_attributions(conn: Conn, memo: Memoised, source_id: RowId, limit: Limit = 50,
                        offset: Offset = 0):
    """Every attribution in which the source speaks or is cited, newest first."""
    _found(queries.profile(conn, memo, source_id), "source")
    return queries.statements(conn, source_id, limit, offset)


@router.get("/attributions", response_model=list[store_queries.Quote])
def attributions(conn: Conn, source: Annotated[str, Query(min_length=1, max_length=200)],
                 exact: bool = False, limit: Limit = 20):
    """What a source said, by name in any spelling, newest first (as ``naql quotes``)."""
    return store_queries.quotes(conn, source, limit, exact=exact)


@dataclass(slots=True)
class SearchResult:
    articles: list[queries.ArticleSummary]
    sources: list[queries.SourceRef]


@router.get("/search", response_model=SearchResult)
def search(conn: Conn, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Limit = 20):
    """Articles matching all words (a phrase "in double quotes"), and sources so named."""
    return SearchResult(queries.search_articles(conn, q, limit), queries.find_sources(conn, q))


@router.get("/outlets", response_model=list[store_queries.Outlet])
def outlets(conn: Conn, memo: Memoised):
    """Each outlet's articles, attributions and share resting on unnamed sources."""
    return queries.all_outlets(conn, memo)


CLAIM = {"description": "a claim as `naql claims --format json` gives it (SPEC.md, 'Claims "
                        "across a corpus'): its source (the origin: the innermost named "
                        "source its reports rest on), its members, chain and tree"}
STORY = {"description": "a story as `naql story ID --format json` gives it: its articles, "
                        "its claims by position (assert, deny, hedge), and the pairs of them "
                        "that give different figures for one thing (disagreements)"}


@router.get("/claims", response_model=list[dict[str, Any]], responses={200: CLAIM})
def list_claims(conn: Conn, source: Annotated[str | None, Query(max_length=200)] = None,
                anonymous: bool = False, min_articles: AtLeast = 2, limit: Limit = 20,
                offset: Offset = 0):
    """Claims, most reported first: only a source's (any spelling), only those resting on
    unnamed sources alone. As of the store's last ``naql claims`` (or server start)."""
    return [c.to_dict() for c in provenance.claims(
        conn, source=source, anonymous_only=anonymous, min_articles=min_articles, limit=limit,
        offset=offset)]


@router.get("/claims/{claim_id}", response_model=dict[str, Any], responses={200: CLAIM})
def get_claim(conn: Conn, claim_id: RowId):
    """One claim: every report of it, which article cites which, and its tree."""
    return _found(provenance.claim(conn, claim_id), "claim").to_dict()


@router.get("/stories", response_model=list[dict[str, Any]])
def list_stories(conn: Conn, min_articles: AtLeast = 2,
                 limit: Limit = 20, offset: Offset = 0):
    """Stories (articles about one event), newest first."""
    return [s.to_dict() for s in provenance.stories(conn, min_articles, limit, offset)]


@router.get("/stories/{story_id}", response_model=dict[str, Any], responses={200: STORY})
def get_story(conn: Conn, story_id: RowId, per_position: Many = 100, limit: Many = 200,
              offset: Offset = 0):
    """A story's articles (``limit`` from ``offset``, earliest first), and its claims side
    by side: who asserts, denies, hedges (``per_position`` of each, the most reported first;
    ``totals`` counts them all)."""
    return _found(provenance.story(conn, story_id, per_position, limit, offset),
                  "story").to_dict()


class Input(BaseModel):
    """An article as text or as HTML (one of the two)."""

    text: str | None = None
    html: str | None = None

    @model_validator(mode="after")
    def _one(self) -> "Input":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text and html")
        return self

    @property
    def content(self) -> tuple[str, str]:
        return (self.text, "text") if self.text is not None else (self.html or "", "html")


@router.post("/extract", response_model=dict[str, Any], responses={200: DOCUMENT})
def extract(body: Input):
    """Analyse an article without storing it; the answer is what ``naql extract`` prints."""
    data, input_format = body.content
    try:
        return naql.extract(data, input_format, name="api").to_dict()
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc


class NewArticle(Input):
    """An input record as ``naql ingest`` reads it from .jsonl (SPEC.md)."""

    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=64, examples=["2024-05-02T09:00:00Z"])
    title: str | None = Field(None, max_length=1000)


@dataclass(slots=True)
class Stored:
    id: int
    stored: bool  # False when the url or the same text was stored already


@router.post("/articles", response_model=Stored, responses={403: {"description": "read-only"}})
def add_article(request: Request, body: NewArticle, background: BackgroundTasks):
    """Extract and store one article. Only on a server started with ``--write``. Its claims
    and stories follow shortly after the answer."""
    if not request.app.state.write:
        raise HTTPException(403, "this server is read-only; start it with --write to add articles")
    data, input_format = body.content
    [result] = extract_batch([Record(place="api", content=data, input_format=input_format,
                                     url=body.url, title=body.title, outlet=body.outlet,
                                     published=parse_date(body.published))])
    if isinstance(result, Failure):
        raise HTTPException(422, result.reason)
    with engine(request).connect().execution_options(immediate=True) as conn, conn.begin():
        stored = Writer().write(conn, result)
        same = [articles.c.content_hash == result.prepare().content_hash]
        if result.url:
            same.append(articles.c.url == result.url)
        article_id = conn.execute(select(articles.c.id).where(or_(*same)).limit(1)).scalar_one()
    if stored:
        background.add_task(request.app.state.refresh)
    return Stored(article_id, stored)
