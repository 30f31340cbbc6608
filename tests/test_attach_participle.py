"""naql/attach/participle.py on its own: rule participle (...، مضيفاً أن Y)."""
from __future__ import annotations

from naql.attach.participle import from_participle
from support import by_content, extract, pattern_finds


def test_participle_after_a_report_speaks_for_its_speaker() -> None:
    text = "وأعلنت البلدية إغلاق السوق القديم، موضحة أن الترميم سيستغرق شهرين."
    assert pattern_finds(text, from_participle) == [("participle", None, "الترميم سيستغرق شهرين")]
    a = by_content(extract(text), "الترميم سيستغرق شهرين")
    assert (a["rule"], a["source"]["text"], a["source"]["resolved"]) == ("participle", None, "البلدية")


def test_participle_after_a_clause_that_reports_nothing() -> None:
    """رحب الوزير بالاتفاق reports nothing; the participle's speaker is still its subject."""
    text = "ورحب وزير الطاقة بالاتفاق، معتبراً أنه خطوة نحو الاستقرار."
    assert pattern_finds(text, from_participle) == [("participle", None, "خطوة نحو الاستقرار")]
    assert by_content(extract(text), "خطوة نحو الاستقرار")["source"]["resolved"] == "وزير الطاقة"
