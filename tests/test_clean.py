"""Cleaning scraped text: repeated titles and page furniture out, article lines untouched."""
from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from naql.clean import clean

TITLE = "وزير الصحة يعلن خطة لمواجهة موجة الحر"
LEAD = "أعلن وزير الصحة، صباح اليوم، خطة عاجلة لمواجهة موجة الحر التي تضرب البلاد منذ أسبوع."
QUOTE = "وقال الوزير في مؤتمر صحفي \"المستشفيات جاهزة لاستقبال الحالات على مدار الساعة\"."
HEADING = "مخاوف من انقطاع الكهرباء"
CLOSING = "وكانت الأرصاد الجوية قد توقعت استمرار الارتفاع في درجات الحرارة حتى نهاية الشهر."


def kept(text: str) -> list[str]:
    return [line for line in clean(text)[0].split("\n") if line]


# ---- the repeated title -----------------------------------------------------------------

def test_a_title_printed_twice_at_the_top_is_dropped_once() -> None:
    text, title = clean(f"{TITLE}\n\n{TITLE}\n{LEAD}\n\n{QUOTE}")
    assert text == f"{TITLE}\n{LEAD}\n\n{QUOTE}"
    assert title == TITLE


def test_a_given_title_is_kept_and_the_first_copy_still_goes() -> None:
    text, title = clean(f"{TITLE}\n{TITLE}\n{LEAD}", title="عنوان من الوسوم")
    assert (text, title) == (f"{TITLE}\n{LEAD}", "عنوان من الوسوم")


def test_a_first_line_that_is_not_repeated_is_kept_and_is_the_headline() -> None:
    text, title = clean(f"{TITLE}\n\n{LEAD}\n{QUOTE}")
    assert text == f"{TITLE}\n\n{LEAD}\n{QUOTE}"
    assert title == TITLE


def test_a_given_title_wins_over_the_headline() -> None:
    assert clean(f"{TITLE}\n{LEAD}", title="عنوان من الوسوم")[1] == "عنوان من الوسوم"


def test_a_first_line_that_reads_as_a_sentence_is_no_headline() -> None:
    assert clean(f"{LEAD}\n{QUOTE}")[1] is None  # ends with a full stop
    assert clean(f"أعلن الوزير اليوم أن:\n{QUOTE}")[1] is None  # runs on
    assert clean(f"عاجل\n{LEAD}")[1] is None  # too short
    assert clean(TITLE)[1] is None  # nothing below it


def test_the_repeat_may_come_after_a_dateline_and_spacing_may_differ() -> None:
    text, title = clean(f"{TITLE}\n2024-07-14 | 09:15\n  {TITLE.replace(' ', '  ')}  \n{LEAD}")
    assert text == f"2024-07-14 | 09:15\n{TITLE.replace(' ', '  ')}\n{LEAD}"
    assert title == TITLE


def test_a_line_repeated_far_below_is_not_a_title() -> None:
    body = "\n".join([TITLE, LEAD, QUOTE, HEADING, CLOSING, LEAD, QUOTE, CLOSING, TITLE])
    assert clean(body)[0] == body


def test_a_repeated_paragraph_is_not_a_title() -> None:
    body = "\n".join([LEAD, QUOTE, LEAD, CLOSING])
    assert clean(body) == (body, None)


# ---- furniture ---------------------------------------------------------------------------

def test_scraped_page_furniture_is_removed() -> None:
    page = "\n".join([
        "إعلان",
        "🔥 الأكثر تداولاً",
        TITLE,
        "شارك",
        "تابعونا على",
        "facebook icon",
        "twitter icon",
        LEAD,
        "",
        "18 حجم الخط",
        "اقرأ أيضاً: ارتفاع أسعار المثلجات مع بداية الصيف",
        "",
        QUOTE,
        "-",
        CLOSING,
        "",
        "التعليقات (3)",
        "   3",
        "مواضيع ذات صلة",
        "الحكومة تدرس تعديل ساعات العمل في القطاع العام خلال فصل الصيف",
        "افتتاح مسبح بلدي جديد",
        "© 2024 شبكة الأخبار المحلية",
    ])
    assert kept(page) == [TITLE, LEAD, QUOTE, CLOSING]


def test_a_menu_of_short_bullets_is_removed_with_its_echoes() -> None:
    page = "\n".join([
        "• سياسة", "• اقتصاد", "• رياضة وشباب", "", "    رياضة وشباب", "- منوعات", "", "  منوعات", "",
        TITLE, LEAD,
    ])
    assert kept(page) == [TITLE, LEAD]


def test_copyright_and_ad_labels() -> None:
    page = f"{LEAD}\nمساحة إعلانية\n{CLOSING}\nجميع الحقوق محفوظة لموقع الخبر اليومي 2024"
    assert kept(page) == [LEAD, CLOSING]


def test_latin_labels_go_only_from_arabic_text() -> None:
    assert kept(f"logo\n{LEAD}\nNews Desk\n{CLOSING}") == [LEAD, CLOSING]
    english = "Top Stories\nThe minister said the hospitals were ready."
    assert clean(english)[0] == english


# ---- what must stay ----------------------------------------------------------------------

def test_headings_datelines_and_bylines_stay() -> None:
    page = "\n".join([
        "بيروت - خاص", "كتب: سامر يوسف", "الأحد 14 تموز 2024 - 09:15", TITLE,
        LEAD, "", HEADING, "", QUOTE, "", "ماذا بعد؟", CLOSING, "المصدر: وكالات",
    ])
    assert clean(page)[0] == page


def test_sentences_that_look_like_labels_stay() -> None:
    lines = [
        "شارك آلاف المتطوعين في توزيع المياه على المارة في الشوارع.",  # a verb, not a share button
        "إعلان حالة الطوارئ في ثلاث محافظات",  # a heading about an announcement
        "وأوضح أن التعليقات التي وصلت إلى الوزارة كانت إيجابية في معظمها.",
        "تابع الوزير: \"لن نسمح بتكرار ما حدث العام الماضي\".",
        "- سيتم فتح مراكز تبريد في المدارس والمساجد طوال فترة الموجة.",  # a bullet with a sentence
        "• توزيع المياه",  # one bullet alone is not a menu
        CLOSING,
    ]
    assert kept("\n".join(lines)) == lines


def test_a_block_marker_followed_by_article_text_does_not_cut_it() -> None:
    page = f"{LEAD}\nالأكثر قراءة\n{QUOTE}\n{CLOSING}"
    assert kept(page) == [LEAD, QUOTE, CLOSING]


def test_short_lines_alone_are_not_all_taken_for_a_trailing_block() -> None:
    page = "إعلان\nعاجل\nانفجار في مرفأ المدينة\nلا إصابات حتى الآن"
    assert kept(page) == ["عاجل", "انفجار في مرفأ المدينة", "لا إصابات حتى الآن"]


# ---- layout and characters ---------------------------------------------------------------

def test_whitespace_and_blank_lines() -> None:
    text = f"\n\n  \n{LEAD}   \n\n\n\n{QUOTE}\t\n \n\n{CLOSING}\n\n \n"
    assert clean(text)[0] == f"{LEAD}\n\n{QUOTE}\n\n{CLOSING}"


def test_cleaning_twice_changes_nothing() -> None:
    once, title = clean(f"{TITLE}\n\n{TITLE}\n{LEAD}\nشارك\n{QUOTE}\nالأكثر قراءة\n• سياسة\n• اقتصاد")
    assert clean(once, title) == (once, title)


POOL = [TITLE, LEAD, QUOTE, HEADING, CLOSING, "", "  ", "إعلان", "التعليقات (0)", "0", "✨ أهم المواضيع",
        "• سياسة", "• اقتصاد", "اقرأ أيضا: خبر آخر", "جميع الحقوق محفوظة ©", "facebook icon", "  قـــال\u00a0",
        "بيروت - خاص", "-", "الأكثر قراءة", "\u200f"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(POOL), max_size=25), st.sampled_from(["\n", "\r\n"]))
def test_output_is_made_of_whole_input_lines(lines: list[str], newline: str) -> None:
    source = newline.join(lines)
    text, title = clean(source)
    inputs = {line.strip() for line in lines}
    out = [line for line in text.split("\n") if line]  # blank lines may be shortened
    assert all(line in inputs for line in out)
    assert all(line in source for line in out)
    assert "\n\n\n" not in text and text == text.strip()
    assert title is None or title in inputs
