"""naql/attach/headline.py on its own: rule headline (X: Y at a line start)."""
from __future__ import annotations

from naql.attach.headline import headlines
from support import by_content, extract, pattern_finds


def test_headline() -> None:
    text = "رئيس الاتحاد الرياضي: البطولة ستقام في موعدها رغم الأمطار\nوتستعد الفرق للمباراة الأولى."
    assert pattern_finds(text, headlines) == [
        ("headline", "رئيس الاتحاد الرياضي", "البطولة ستقام في موعدها رغم الأمطار")]
    a = by_content(extract(text), "البطولة ستقام في موعدها رغم الأمطار")
    assert (a["rule"], a["cue"], a["type"]) == ("headline", None, "direct")


def test_not_headlines() -> None:
    """A page label, and a verb before the colon (that one is the verb's)."""
    assert pattern_finds("عاجل: انقطاع الكهرباء عن وسط المدينة", headlines) == []
    assert pattern_finds("وقال الوزير: الموازنة متوازنة هذا العام.", headlines) == []
