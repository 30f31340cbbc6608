"""Figures over many attributions (most cited sources, outlets, a source's profile) cost a
pass over them, yet change only when an article is added. Articles are only ever added, each
with a higher id, so the highest id names the corpus's state: answers are kept until it
moves, the oldest dropped first past ``size`` of them."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any

from sqlalchemy import Connection, func, select

from naql.store.schema import articles


class Memo:
    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._version: int | None = None
        self._answers: dict[Hashable, Any] = {}
        self._lock = Lock()

    def get(self, conn: Connection, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``'s answer for ``key`` as of the corpus ``conn`` sees."""
        version = conn.execute(select(func.max(articles.c.id))).scalar()
        with self._lock:
            if version != self._version:
                self._version, self._answers = version, {}
            if key in self._answers:
                return self._answers[key]
        answer = compute()
        with self._lock:
            if version == self._version:
                if len(self._answers) >= self.size:
                    del self._answers[next(iter(self._answers))]
                self._answers[key] = answer
        return answer
