"""Noun cues, rule ``noun``: a reporting verb's verbal noun with its speaker after it and a
reported clause (بعد تأكيد وزير الخارجية أن Y، إعلان الرئاسة أن Y). The cue finder admits
one only with a speaker and a complementiser after it; the speaker is read as a verb's is."""
from __future__ import annotations

from ..cues import Cue
from .core import Candidate, Context
from .subject import parse_region
from .verb import polarity, reported, scan_region


def from_noun(ctx: Context, cue: Cue) -> Candidate | None:
    _, s1 = ctx.layout.sentence_range(cue.start)
    opener, region_end, vias = scan_region(ctx, cue, s1)
    if opener is None or opener[0] not in ("comp", "prep"):
        return None
    src, _, recipient = parse_region(ctx, cue, cue.end, region_end)
    if src is None:
        return None
    start = opener[1] + 1
    while start < s1 and ctx.is_complementiser(start):
        start += 1
    cand = reported(ctx, cue, src, start, s1, "indirect", "noun", vias, recipient)
    if cand is not None:
        cand.polarity = polarity(ctx, cue)
    return cand
