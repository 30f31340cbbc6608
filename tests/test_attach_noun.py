"""naql/attach/noun.py on its own: rule noun (a reporting verb's verbal noun, its speaker, a clause)."""
from __future__ import annotations

import pytest

from naql.attach.noun import from_noun
from support import by_content, extract, pattern_finds


@pytest.mark.parametrize("text,source,content", [
    pytest.param("وجاء القرار بعد تأكيد وزير الخارجية سامي الخطيب أن المفاوضات ستستأنف.",
                 "وزير الخارجية سامي الخطيب", "المفاوضات ستستأنف", id="after-preposition"),
    pytest.param("ورحب المجلس بإعلان الحكومة أن الانتخابات ستجري في موعدها.",
                 "الحكومة", "الانتخابات ستجري في موعدها", id="joined-preposition"),
    pytest.param("وأثار نفي الشركة أنها باعت الأجهزة جدلاً واسعاً.", "الشركة", "باعت الأجهزة جدلاً واسعاً",
                 id="denial-noun"),
])
def test_noun_with_speaker_and_clause(text: str, source: str, content: str) -> None:
    assert pattern_finds(text, from_noun) == [("noun", source, content)]


@pytest.mark.parametrize("text", [
    pytest.param("وأوضح الوزير ذلك في إشارة إلى أن الأزمة انتهت.", id="no-speaker"),
    pytest.param("وشدد على أهمية التأكيد أن الحوار مستمر.", id="definite-noun"),
    pytest.param("وجاء تأكيد الوزارة متأخراً.", id="no-clause"),
])
def test_noun_alone_reports_nothing(text: str) -> None:
    assert pattern_finds(text, from_noun) == []


def test_noun_cue_through_extract_keeps_the_denial() -> None:
    d = extract("وأثار نفي الشركة أن الأجهزة من صنعها جدلاً واسعاً.")
    a = by_content(d, "الأجهزة من صنعها جدلاً واسعاً")
    assert (a["rule"], a["polarity"], a["source"]["resolved"]) == ("noun", "deny", "الشركة")
