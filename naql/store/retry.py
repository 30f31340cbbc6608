"""Riding out a database server that goes away for a moment (a restart, a failover)."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError

T = TypeVar("T")

# Seconds to wait before each new try: about half a minute in all, then the error stands.
WAITS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)


def lost_connection(exc: OperationalError) -> bool:
    """The connection broke, or none could be made: a driver error without an SQLSTATE is
    one no server sent. Errors the database reports (read-only, disk full, a lock) are not
    retried: trying again would not mend them. SQLite has no connection to lose."""
    return exc.connection_invalidated or getattr(exc.orig, "sqlstate", "") is None


def reconnecting(call: Callable[[], T], before_retry: Callable[[], None] = lambda: None) -> T:
    """``call()``, tried again after a lost connection; ``call`` must be safe to repeat, as a
    rolled-back transaction of insert-or-skip writes is. ``before_retry`` drops state that
    the rolled-back transaction made stale."""
    for wait in WAITS:
        try:
            return call()
        except OperationalError as exc:
            if not lost_connection(exc):
                raise
        time.sleep(wait)
        before_retry()
    return call()
