"""Provenance across articles: one claim reported by many outlets, the chain of sources
behind each report, and stories whose accounts diverge.

    from naql.provenance import update, claims, claim, stories, story
    update(engine)                       # cluster the articles stored since the last run
    with engine.connect() as conn:
        for c in claims(conn, min_articles=2):
            c.to_dict()                  # as SPEC.md, "Claims across a corpus"

See README.md ("Provenance") for how claims, chains and stories are found.
"""
from .model import Claim, Link, Member, Node, Story, StoryArticle, StorySummary
from .queries import chain_links, claim, claims_of, claims, stories, story, story_of
from .run import Progress, update

__all__ = ["update", "Progress", "claims", "claim", "claims_of", "chain_links", "stories",
           "story", "story_of", "Claim", "Member", "Link", "Node", "Story", "StoryArticle",
           "StorySummary"]
