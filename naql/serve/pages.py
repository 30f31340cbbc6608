"""The web reader: server-rendered pages, right to left, for looking rather than reading JSON."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

import naql
from naql import provenance
from naql.read import InputError

from . import queries
from .deps import Conn, Memoised, RowId
from .isnad import claim_view
from .templating import templates
from .timeline import timeline
from .view import article_view, statement_chain

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE = 30  # list items per page
Page = Annotated[int, Query(ge=1, le=10_000)]


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def index(request: Request, conn: Conn, memo: Memoised):
    return render(request, "index.html", report=queries.most_cited(conn, memo, 10),
                  outlets=queries.all_outlets(conn, memo)[:10], latest=queries.latest(conn, 12),
                  claims=provenance.claims(conn, limit=6),
                  stories=provenance.stories(conn, limit=6))


@router.get("/articles")
def article_list(request: Request, conn: Conn, page: Page = 1):
    found = queries.latest(conn, PAGE + 1, (page - 1) * PAGE)
    return render(request, "articles.html", articles=found[:PAGE], page=page,
                  more=len(found) > PAGE)


@router.get("/articles/{article_id}")
def article(request: Request, conn: Conn, article_id: RowId):
    doc = queries.document(conn, article_id)
    if doc is None:
        raise HTTPException(404, "لا يوجد مقال بهذا الرقم")
    view = article_view(doc, queries.span_sources(conn, article_id),
                        provenance.claims_of(conn, article_id))
    return render(request, "article.html", view=view, pasted=False,
                  story=provenance.story_of(conn, article_id))


@router.get("/sources")
def source_list(request: Request, conn: Conn, memo: Memoised):
    report = queries.most_cited(conn, memo, 50)
    return render(request, "sources.html", report=report,
                  denials=queries.denials(conn, [s.source_id for s in report.sources]))


@router.get("/sources/{source_id}")
def source(request: Request, conn: Conn, memo: Memoised, source_id: RowId, page: Page = 1):
    profile = queries.profile(conn, memo, source_id)
    if profile is None:
        raise HTTPException(404, "لا يوجد مصدر بهذا الرقم")
    found = queries.statements(conn, source_id, PAGE + 1, (page - 1) * PAGE)
    return render(request, "source.html", source=profile, timeline=timeline(profile.months),
                  statements=[(s, statement_chain(s)) for s in found[:PAGE]], page=page,
                  more=len(found) > PAGE,
                  claims=provenance.claims(conn, source_id=source_id, limit=10))


@router.get("/claims")
def claim_list(request: Request, conn: Conn, page: Page = 1, anonymous: bool = False):
    """Claims reported by more than one article, most reported first."""
    found = provenance.claims(conn, anonymous_only=anonymous, limit=PAGE + 1,
                              offset=(page - 1) * PAGE)
    return render(request, "claims.html", claims=found[:PAGE], page=page,
                  more=len(found) > PAGE, anonymous=anonymous,
                  unprocessed=provenance.unprocessed(conn))


@router.get("/claims/{claim_id}")
def claim(request: Request, conn: Conn, claim_id: RowId, page: Page = 1):
    found = provenance.claim(conn, claim_id)
    if found is None:
        raise HTTPException(404, "لا يوجد ادعاء بهذا الرقم")
    members = found.members[(page - 1) * PAGE:page * PAGE + 1]
    story = provenance.story_of(conn, found.members[0].article_id) if found.members else None
    return render(request, "claim.html", view=claim_view(found, members[:PAGE]), page=page,
                  more=len(members) > PAGE, story=story)


@router.get("/stories")
def story_list(request: Request, conn: Conn, page: Page = 1):
    """Stories told by more than one article, newest first."""
    found = provenance.stories(conn, limit=PAGE + 1, offset=(page - 1) * PAGE)
    return render(request, "stories.html", stories=found[:PAGE], page=page,
                  more=len(found) > PAGE, unprocessed=provenance.unprocessed(conn))


@router.get("/stories/{story_id}")
def story(request: Request, conn: Conn, story_id: RowId, page: Page = 1):
    """The first claims of each position, and a page of the story's articles."""
    found = provenance.story(conn, story_id, per_position=PAGE, limit=PAGE,
                             offset=(page - 1) * PAGE)
    if found is None:
        raise HTTPException(404, "لا توجد قصة بهذا الرقم")
    return render(request, "story.html", story=found, page=page,
                  more=found.summary.articles > page * PAGE)


@router.get("/search")
def search(request: Request, conn: Conn, q: Annotated[str, Query(max_length=500)] = ""):
    q = q.strip()
    hits = queries.search_articles(conn, q, 50) if q else []
    return render(request, "search.html", q=q, hits=hits,
                  sources=queries.find_sources(conn, q) if q else [])


@router.get("/analyse")
def paste_form(request: Request):
    return render(request, "analyse.html", text="", input_format="auto", error=None)


@router.post("/analyse")
def analyse(request: Request, text: Annotated[str, Form()],
            input_format: Annotated[Literal["auto", "text", "html"], Form()] = "auto"):
    """Analyse a pasted article and show it as a stored one is shown; nothing is stored.
    The request body limit bounds what can be pasted."""
    try:
        doc = naql.extract(text, input_format, name="pasted").to_dict() if text.strip() else None
    except InputError as exc:
        return _paste_again(request, text, input_format, f"تعذّرت قراءة النص: {exc}")
    if doc is None or not doc["text"].strip():
        return _paste_again(request, text, input_format,
                            "الصق نص مقال، أو صفحة HTML فيها مقال.")
    return render(request, "article.html", view=article_view(doc), pasted=True, story=None)


def _paste_again(request: Request, text: str, input_format: str, error: str) -> HTMLResponse:
    return render(request, "analyse.html", 422, text=text, input_format=input_format,
                  error=error)
