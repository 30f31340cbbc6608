"""What routes are handed: a connection to the app's store for the length of a request,
and the app's memo of corpus-wide figures."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlalchemy import Connection, Engine

from .memo import Memo


def engine(request: Request) -> Engine:
    return request.app.state.engine


def connection(request: Request) -> Iterator[Connection]:
    with engine(request).connect() as conn:
        yield conn


def memo(request: Request) -> Memo:
    return request.app.state.memo


Conn = Annotated[Connection, Depends(connection)]
Memoised = Annotated[Memo, Depends(memo)]
# A stored row id: larger values cannot exist and would overflow the database's integer.
RowId = Annotated[int, Path(ge=1, le=2**63 - 1)]
