"""naql/attach/verbless.py on its own: rule verbless (X «Y», no verb between)."""
from __future__ import annotations

from naql.attach.verbless import verbless
from support import by_content, extract, pattern_finds

QUOTE = "«الجسر آمن ولا خطر على المارة في الوقت الحالي»."
SAID = "الجسر آمن ولا خطر على المارة في الوقت الحالي"


def test_verbless_after_a_discourse_marker() -> None:
    text = "من جانبه، المهندس طارق سليم " + QUOTE
    assert pattern_finds(text, verbless) == [("verbless", "المهندس طارق سليم", SAID)]
    a = by_content(extract(text), SAID)
    assert (a["rule"], a["source"]["resolved"], a["type"]) == ("verbless", "طارق سليم", "direct")


def test_verbless_needs_a_title_or_a_marker() -> None:
    """A bare name before a quotation may be anything (a topic, a place); a title makes it a speaker."""
    assert pattern_finds("المهندس طارق سليم " + QUOTE, verbless) == [("verbless", "المهندس طارق سليم", SAID)]
    assert pattern_finds("طارق سليم " + QUOTE, verbless) == []
