"""Full-text search over articles: the one part of the store that differs by dialect.

Both index ``keys.search_terms`` of title and text (folded, article stripped) rather than the
raw text, so a query matches across hamza, alef maqsura and ta marbuta spellings: SQLite in
an FTS5 table without its own copy of the text, PostgreSQL in a tsvector column with GIN.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from .keys import search_terms


@dataclass(frozen=True, slots=True)
class Query:
    """A user's query: its terms, all required, and whether they must be adjacent."""

    terms: tuple[str, ...]
    phrase: bool

    @classmethod
    def parse(cls, query: str) -> "Query":
        stripped = query.strip()
        phrase = len(stripped) > 1 and stripped[0] == stripped[-1] == '"'
        return cls(tuple(search_terms(stripped)), phrase)


_INDEX = {
    "sqlite": text("INSERT INTO article_search(rowid, title, body) VALUES (:id, :title, :body)"),
    "postgresql": text("INSERT INTO article_search(article_id, terms) VALUES (:id, "
                       "setweight(to_tsvector('simple', :title), 'A') || "
                       "to_tsvector('simple', :body))"),
}


def index_article(conn: Connection, article_id: int, title_terms: str, body_terms: str) -> None:
    """Index an article by its space-joined ``keys.search_terms`` (see ``Article.prepare``)."""
    conn.execute(_INDEX[conn.dialect.name], {"id": article_id, "title": title_terms,
                                             "body": body_terms})


# Relevance is ranked among at most this many matches, the most recently stored, so that a
# word found in half the corpus costs about what a rare one does.
RANKED = 5000


def matching_articles(conn: Connection, query: Query, limit: int) -> list[int]:
    """Ids of the best-matching articles, best first (bm25 / ts_rank, title weighted), among
    the ``RANKED`` most recently stored matches."""
    if not query.terms:
        return []
    if conn.dialect.name == "sqlite":
        quoted = ['"' + t + '"' for t in query.terms]  # terms are \w-only: no quotes inside
        match = '"' + " ".join(query.terms) + '"' if query.phrase else " ".join(quoted)
        sql = ("SELECT id FROM (SELECT rowid AS id, bm25(article_search, 2.0, 1.0) AS score "
               "FROM article_search WHERE article_search MATCH :q ORDER BY rowid DESC "
               "LIMIT :ranked) ORDER BY score, id DESC LIMIT :n")
    else:
        match = (" <-> " if query.phrase else " & ").join(query.terms)
        sql = ("SELECT id FROM (SELECT article_id AS id, ts_rank(terms, q) AS score "
               "FROM article_search, to_tsquery('simple', :q) AS q WHERE terms @@ q "
               "ORDER BY article_id DESC LIMIT :ranked) AS recent "
               "ORDER BY score DESC, id DESC LIMIT :n")
    return list(conn.execute(text(sql), {"q": match, "ranked": RANKED, "n": limit}).scalars())


_TOKEN = re.compile(r"\S+")


def snippet(body: str, query: Query, width: int = 80) -> str:
    """The text around the first word that matches a query term, for display."""
    wanted = set(query.terms)
    at = next((m.start() for m in _TOKEN.finditer(body) if wanted & set(search_terms(m.group()))), 0)
    start, end = max(0, at - width), min(len(body), at + width)
    return ("…" if start else "") + " ".join(body[start:end].split()) + ("…" if end < len(body) else "")
