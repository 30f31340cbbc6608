"""The naql web application: the JSON API, the reader's pages and their static files."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException

import naql

from . import api, pages
from .memo import Memo
from .middleware import MAX_BODY, BodyLimit, SecurityHeaders
from .refresh import Refresher
from .words import ERRORS

STATIC = Path(__file__).with_name("static")


def create_app(engine: Engine, *, write: bool = False, max_body: int = MAX_BODY) -> FastAPI:
    """An app on ``engine``; it writes (``POST /api/articles``) only when ``write``."""
    app = FastAPI(title="naql", version=naql.__version__,
                  description="Who said what, according to whom, in Arabic news.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.engine = engine
    app.state.write = write
    app.state.memo = Memo()
    app.state.refresh = Refresher(engine)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _http_error(request: Request, exc: HTTPException):
    """JSON for the API, a page in Arabic for the reader."""
    if _is_api(request):
        return await http_exception_handler(request, exc)
    message = exc.detail if exc.status_code == 404 and exc.detail != "Not Found" else None
    return _error_page(request, exc.status_code, message)


async def _invalid(request: Request, exc: RequestValidationError):
    if _is_api(request):
        return await request_validation_exception_handler(request, exc)
    return _error_page(request, 400)


def _error_page(request: Request, status: int, message: str | None = None):
    return pages.render(request, "error.html", status, message=message,
                        title=ERRORS.get(status, "خطأ"))
