"""Keeping claims and stories up to date while a writing server adds articles.

Clustering reads every stored signature, so it runs after the response, in the background,
one run at a time: articles added while a run goes on make it run once more, so a burst of
articles costs a run or two rather than one each.
"""
from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine

from naql.provenance import update

log = logging.getLogger("naql.serve")


class Refresher:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._state = threading.Lock()
        self._running = False
        self._again = False

    def __call__(self) -> None:
        with self._state:
            if self._running:
                self._again = True
                return
            self._running = True
        try:
            while True:
                update(self._engine)
                with self._state:
                    if not self._again:
                        return
                    self._again = False
        except Exception:  # the article is stored; the next run will take it
            log.exception("bringing claims and stories up to date failed")
        finally:
            with self._state:
                self._running = self._again = False
