"""naql/attach/frames.py on its own: rule frame (بحسب X، Y / Y، وفقاً لـX), and a frame inside
another attribution, which becomes that one's via."""
from __future__ import annotations

import pytest

from naql.attach.frames import from_frame
from support import by_content, extract, pattern_finds


@pytest.mark.parametrize("text,source,content", [
    pytest.param("وبحسب هيئة الإحصاء، تراجعت البطالة إلى ثمانية في المئة.",
                 "هيئة الإحصاء", "تراجعت البطالة إلى ثمانية في المئة", id="leading"),
    pytest.param("انخفضت أسعار الخضار في الأسواق، وفقاً لغرفة التجارة.",
                 "غرفة التجارة", "انخفضت أسعار الخضار في الأسواق", id="trailing-clitic-trimmed"),
])
def test_frame(text: str, source: str, content: str) -> None:
    assert pattern_finds(text, from_frame) == [("frame", source, content)]
    a = by_content(extract(text), content)
    assert (a["rule"], a["type"], a["source"]["text"]) == ("frame", "according_to", source)


def test_a_frame_that_names_no_source() -> None:
    assert pattern_finds("وبحسب الموعد المقرر، تبدأ الامتحانات في يونيو.", from_frame) == []


def test_a_frame_inside_a_report_is_its_via() -> None:
    d = extract("وقال الوزير، نقلاً عن تقرير رسمي، إن المخزون يكفي لستة أشهر.")
    a = by_content(d, "المخزون يكفي لستة أشهر")
    assert a["rule"] == "verb" and [v["text"] for v in a["via"]] == ["تقرير رسمي"]
    assert len(d["attributions"]) == 1
