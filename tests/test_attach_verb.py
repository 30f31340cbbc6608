"""naql/attach/verb.py on its own: rules verb, verb.pro, verb.svo and *.after.

More sentences for the verb patterns (denials, descriptions, content boundaries) are in
test_extract_patterns.py; here each rule is shown to come from this module alone."""
from __future__ import annotations

import pytest

from naql.attach.verb import from_verb
from support import by_content, extract, pattern_finds


@pytest.mark.parametrize("text,rule,source,content", [
    pytest.param("صرح مدير الميناء حسن العمري بأن حركة السفن عادت إلى طبيعتها.",
                 "verb", "مدير الميناء حسن العمري", "حركة السفن عادت إلى طبيعتها", id="verb"),
    pytest.param("وأوضح أن الرصيف الجديد سيفتتح في الربيع.",
                 "verb.pro", None, "الرصيف الجديد سيفتتح في الربيع", id="pro"),
    pytest.param("رئيسة الجامعة سلمى يوسف أعلنت أن التسجيل سيبدأ الأحد المقبل.",
                 "verb.svo", "رئيسة الجامعة سلمى يوسف", "التسجيل سيبدأ الأحد المقبل", id="svo"),
    pytest.param("«المدرسة ستبقى مفتوحة طوال الصيف لاستقبال التلاميذ»، قال المدير كمال بشير.",
                 "verb.after", "المدير كمال بشير", "المدرسة ستبقى مفتوحة طوال الصيف لاستقبال التلاميذ",
                 id="content-first"),
])
def test_verb_rules(text: str, rule: str, source: str | None, content: str) -> None:
    assert pattern_finds(text, from_verb) == [(rule, source, content)]
    assert by_content(extract(text), content)["rule"] == rule


def test_a_verb_of_calling_needs_a_clause() -> None:
    """دعا إلى الحوار is a call, not a report; دعا إلى أن ... reports what is called for."""
    assert pattern_finds("ودعا المجلس البلدي إلى الحوار بين السكان والشركة.", from_verb) == []
    assert pattern_finds("ودعا المجلس البلدي إلى أن تتوقف الأشغال ليلاً.", from_verb) == [
        ("verb", "المجلس البلدي", "تتوقف الأشغال ليلاً")]


def test_learned_from_sources_credits_the_sources() -> None:
    """علم X من Y أن: Y is the source (the guideline's decision), X only learned it."""
    d = extract("وعلمت الصحيفة من مصادر مطلعة أن الاتفاق وقع.")
    a = by_content(d, "الاتفاق وقع")
    assert (a["source"]["resolved"], a["source"]["anonymous"]) == ("مصادر مطلعة", True)
    assert by_content(extract("وعلمت الوكالة أن الوفد وصل."), "الوفد وصل")["source"]["resolved"] == "الوكالة"


@pytest.mark.parametrize("text,source,content", [
    pytest.param("ودفع محامو المتهم بأن موكلهم بريء.", "محامو المتهم", "موكلهم بريء", id="lawyers-argued"),
])
def test_court_arguments(text: str, source: str, content: str) -> None:
    a = by_content(extract(text), content)
    assert a["source"]["resolved"] == source


def test_paying_and_flags_report_nothing() -> None:
    assert extract("ودفع المواطن ثمن الخبز.")["attributions"] == []
    assert extract("ورفع علم البلاد فوق المبنى بعد أن انسحبت القوات.")["attributions"] == []
