"""Provenance across articles: one claim reported by many outlets, the chain of sources
behind each report, and stories whose accounts diverge.

    from naql.provenance import update, claims, claim, stories, story
    update(engine)                       # cluster the articles stored since the last run
    with engine.connect() as conn:
        for c in claims(conn, min_articles=2):
            c.to_dict()                  # SPEC.md, "Claims across a corpus"
        story(conn, 3).to_dict()         # its articles, and its claims by position

How (each module says why):
- a report is an attribution's statement (``shingles.statements``) with its chain, the
  sources it passed through, its speaker last (``identity``); carriers (وبحسب الصحيفة، فإن
  الوزير قال ...) are in the chains of what they carry, not reports of their own;
- claims (``claim_cluster``): MinHash of character 4-grams (datasketch's scheme, computed in
  batches, stored per report), LSH bands for candidates, then exact Jaccard or containment,
  same polarity, same figures and the same or a compatible speaker; union-find, merged
  incrementally as articles arrive;
- chains (``chains``): a report links to the nearest cited outlet whose own article reports
  the claim; outlet names meet stored outlets through ``outlets`` (learnt site names, a data
  file of known outlets' domains);
- stories (``story_cluster``): articles within three days whose words overlap (MinHash),
  less needed when they share a claim; positions assert / deny / hedge (``positions``).
``run.update`` does both for the articles without a story row, a chunk per transaction;
``queries`` reads; ``evaluate`` scores against gold (``naql claims --evaluate DIR``).
"""
from .model import Claim, Link, Member, Node, Story, StoryArticle, StorySummary
from .queries import (claim, claims, claims_of, every_claim, stories, story, story_of,
                      unprocessed)
from .run import Progress, update

__all__ = ["update", "Progress", "claims", "claim", "claims_of", "every_claim", "stories",
           "story", "story_of", "unprocessed", "Claim", "Member", "Link", "Node", "Story",
           "StoryArticle", "StorySummary"]
