"""The small corpus the serve tests read: short Arabic articles written for these tests, with
sources that recur across articles and outlets (a minister, a spokeswoman, a newspaper, a
news agency), unnamed sources, a citation chain, a denial and a report nested in another's
content; and one hostile article whose text, title, outlet, url and source names carry HTML
and quotes. The tests here check the extractor still reads the corpus as the others expect."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, select

from naql.ingest import Failure, Record
from naql.ingest.run import extract_batch
from naql.ingest.sources import parse_date
from naql.model import Attribution, Document, Source, Span, Via
from naql.store import Article, Writer
from naql.store.schema import articles

ARTICLES = [
    {"url": "https://almaydan.example/economy/1", "outlet": "صحيفة الميدان",
     "published": "2024-03-01T08:00:00Z", "title": "الخطيب: العجز تراجع والضرائب لن ترتفع",
     "text": "قال وزير المالية سامي الخطيب إن العجز تراجع إلى ثلاثة في المئة هذا العام. "
             "ونفى الخطيب أن تكون الحكومة تنوي رفع الضرائب، مؤكداً أن «الموازنة متوازنة». "
             "وذكرت وكالة الأنباء الرسمية أن رئيس الوزراء قال إن الحكومة لن تستقيل قبل "
             "الانتخابات."},
    {"url": "https://akhbar.example/politics/2", "outlet": "الأخبار اليوم",
     "published": "2024-03-05T09:30:00Z", "title": "الغارديان: المحادثات تستأنف الأسبوع المقبل",
     "text": "قالت صحيفة الغارديان البريطانية نقلاً عن مصدرين في الاستخبارات إن المحادثات "
             "بين الطرفين ستستأنف الأسبوع المقبل. وأضافت الصحيفة أن الوسطاء قدموا مقترحاً "
             "جديداً."},
    {"url": "https://almaydan.example/health/3", "outlet": "صحيفة الميدان",
     "published": "2024-03-10T07:15:00Z", "title": "وزارة الصحة تتسلم شحنة أدوية",
     "text": "أكدت ليلى النجار، المتحدثة باسم وزارة الصحة، أن «المستشفيات تعمل بكامل "
             "طاقتها»، وقالت إن الوزارة تلقت شحنة جديدة من الأدوية. وقالت مصادر مطلعة إن "
             "شحنة ثانية ستصل الشهر المقبل."},
    {"url": "https://sahel.example/news/4", "outlet": "شبكة الساحل",
     "published": "2024-03-12T18:00:00Z", "title": "الجيش ينفي انسحاب القوات",
     "text": "نفى المتحدث باسم الجيش ما ذكرته مصادر محلية عن انسحاب القوات من المدينة. "
             "وقال مسؤول رفيع طلب عدم الكشف عن اسمه إن الانسحاب جزئي."},
    {"url": "https://akhbar.example/economy/5", "outlet": "الأخبار اليوم",
     "published": "2024-04-02T10:00:00Z", "title": "الخطيب: المفاوضات مع الصندوق تسير جيداً",
     "text": "قال وزير المالية سامي الخطيب إن المفاوضات مع صندوق النقد تسير بشكل جيد. "
             "وأكدت ليلى النجار أن الوزارة ستحصل على تمويل إضافي هذا العام."},
    {"url": "https://sahel.example/news/6", "outlet": "شبكة الساحل",
     "published": "2024-04-20T12:00:00Z", "title": "الخطيب ينفي نية الاستقالة",
     "text": "نفى سامي الخطيب أن يكون قد قدم استقالته إلى رئيس الوزراء. وقال الخطيب إن "
             "العمل على الموازنة الجديدة مستمر."},
]

# Hostile strings: markup, both quotes, an attribute break-out and a javascript: url.
SCRIPT = "<script>alert(\"x\")</script>"
EVIL_SOURCE = "\"><script>alert('source')</script> صالح 'الأمين'"
EVIL_TITLE = "<script>alert('title')</script> عنوان \"مقتبس\""
EVIL_OUTLET = "<img src=x onerror=alert(1)>"
EVIL_URL = "javascript:alert(document.cookie)"
EVIL_TEXT = (f"قال {EVIL_SOURCE} إن {SCRIPT} لن يمر. وأضاف أن «الرد سيكون 'حاسماً'» "
             f"نقلاً عن </mark><b onmouseover=alert(2)>مصدر</b>.")


def hostile_article() -> Article:
    """Built by hand, so the hostile strings land exactly in the source, content, via and
    title fields whatever the extractor makes of them."""
    text = EVIL_TEXT

    def span(part: str) -> Span:
        start = text.index(part)
        return Span.of(text, start, start + len(part))

    via = "</mark><b onmouseover=alert(2)>مصدر</b>"
    attrs = [
        Attribution("a1", "indirect", "assert", span("قال"),
                    Source(span(EVIL_SOURCE), EVIL_SOURCE, kind="person"),
                    span(f"{SCRIPT} لن يمر")),
        Attribution("a2", "direct", "deny", span("وأضاف"),
                    Source(None, EVIL_SOURCE, kind="person"),
                    span("«الرد سيكون 'حاسماً'»"), via=[Via(span(via), via, anonymous=True)]),
    ]
    doc = Document(input="hostile", text=text, title=EVIL_TITLE, attributions=attrs)
    return Article(doc.to_dict(), url=EVIL_URL, outlet=EVIL_OUTLET,
                   published=datetime(2024, 5, 1, 8), place="hostile")


def extracted() -> list[Article]:
    """The articles above as ``naql ingest`` would store them."""
    out = extract_batch([Record(place=a["url"], content=a["text"], input_format="text",
                                url=a["url"], title=a["title"], outlet=a["outlet"],
                                published=parse_date(a["published"])) for a in ARTICLES])
    assert not [r for r in out if isinstance(r, Failure)], out
    return out


def fill(engine: Engine, hostile: bool = True) -> dict[str, int]:
    """Store the corpus; returns each article's id by url."""
    items = extracted() + ([hostile_article()] if hostile else [])
    writer = Writer()
    with engine.begin() as conn:
        for item in items:
            assert writer.write(conn, item)
        return dict(conn.execute(select(articles.c.url, articles.c.id)).all())


def test_the_corpus_reads_as_the_serve_tests_expect():
    docs = {a.url: a.document for a in extracted()}
    said = {url: [(x["source"]["resolved"], x["polarity"]) for x in d["attributions"]]
            for url, d in docs.items()}
    assert ("سامي الخطيب", "deny") in said[ARTICLES[0]["url"]]
    assert all(any(name == "سامي الخطيب" for name, _ in said[ARTICLES[i]["url"]])
               for i in (0, 4, 5))
    assert any(name == "ليلى النجار" for name, _ in said[ARTICLES[4]["url"]])
    guardian = docs[ARTICLES[1]["url"]]["attributions"][0]
    assert [v["text"] for v in guardian["via"]] == ["مصدرين في الاستخبارات"]
    # A report nested in another's content: the prime minister inside the agency's report.
    agency, minister = (a for a in docs[ARTICLES[0]["url"]]["attributions"]
                        if a["source"]["resolved"] in ("وكالة الأنباء الرسمية", "رئيس الوزراء"))
    assert agency["content"]["start"] <= minister["source"]["start"]
    assert minister["content"]["end"] <= agency["content"]["end"]


def test_the_hostile_article_is_a_valid_document():
    doc = hostile_article().document
    for a in doc["attributions"]:
        for span in (a["content"], *a["via"], *([a["source"]] if a["source"]["text"] else [])):
            assert doc["text"][span["start"]:span["end"]] == span["text"]
