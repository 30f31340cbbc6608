"""The web reader: server-rendered pages, right to left, for looking rather than reading JSON."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

import naql
from naql.read import InputError

from . import queries
from .deps import Conn, Memoised, RowId
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
                  outlets=queries.all_outlets(conn, memo)[:10], latest=queries.latest(conn, 12))


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
    return render(request, "article.html", view=article_view(doc, queries.span_sources(
        conn, article_id)), pasted=False)


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
                  more=len(found) > PAGE)


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
    return render(request, "article.html", view=article_view(doc), pasted=True)


def _paste_again(request: Request, text: str, input_format: str, error: str) -> HTMLResponse:
    return render(request, "analyse.html", 422, text=text, input_format=input_format,
                  error=error)
