"""The input stage: decoding, HTML extraction, files, stdin and URLs."""
from __future__ import annotations

import codecs
import io
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from naql.read import InputError, Page, parse, read
from naql.read.fetch import fetch

ARTICLE = (
    "أعلنت وزارة الزراعة، اليوم الاثنين، أن موسم حصاد القمح سيبدأ مبكراً هذا العام.\n"
    "وقال المتحدث باسم الوزارة إن الأمطار الغزيرة ساعدت على نمو المحصول.\n"
    "وأضاف أن الفلاحين سيحصلون على دعم إضافي للأسمدة."
)

HTML = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>وزارة الزراعة تعلن موعد الحصاد | صحيفة الحقل</title>
<meta property="og:title" content="وزارة الزراعة تعلن موعد الحصاد">
<meta name="author" content="ليلى حسن">
<meta property="article:published_time" content="2024-06-03T08:30:00Z">
<meta property="og:site_name" content="صحيفة الحقل">
<link rel="canonical" href="https://alhaql.example/news/42">
</head><body>
<nav><ul><li><a href="/">الصفحة الرئيسية</a></li><li><a href="/sport">ملاعب وبطولات</a></li></ul></nav>
<article>
<h1>وزارة الزراعة تعلن موعد الحصاد</h1>
<p>أعلنت وزارة الزراعة، اليوم الاثنين، أن موسم حصاد القمح سيبدأ مبكراً هذا العام.</p>
<p>وقال المتحدث باسم الوزارة إن الأمطار الغزيرة ساعدت على نمو المحصول.</p>
</article>
<footer><p>صحيفة الحقل، كل ما ينشر هنا ملك لأصحابه منذ عام ١٩٩٩</p></footer>
</body></html>"""


# ---- decoding ---------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    ARTICLE.encode("utf-8"),
    codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    ARTICLE.encode("utf-16"),  # native order, with BOM
    codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    ARTICLE.encode("utf-16-le"),  # no BOM: told by the 0x06 high bytes
    ARTICLE.encode("utf-16-be"),
    ARTICLE.encode("cp1256"),
], ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "cp1256"])
def test_every_encoding_decodes_to_the_same_text(data: bytes) -> None:
    page = parse(data, name="x.txt")
    assert page == Page(input="x.txt", text=ARTICLE)


@pytest.mark.parametrize("text", [
    "نفى المصدر ذلك.",  # short: few bytes to judge from
    "قال مدير المدرسة: «الامتحانات تبدأ الأحد»، وأكد أن كل شيء جاهز. قالت المعلمة: لا تأجيل!",
    "صرّح الوزير — بحسب الوكالة — بأن الاتفاق وُقّع في عَمّان.",  # diacritics, shadda, dashes
])
def test_cp1256_arabic_is_not_taken_for_another_code_page(text: str) -> None:
    assert parse(text.encode("cp1256")).text == text


def test_other_single_byte_text_is_not_forced_into_cp1256() -> None:
    russian = "Министр заявил, что переговоры продолжатся на следующей неделе в столице."
    assert parse(russian.encode("cp1251")).text == russian


def test_declared_charset_is_used_when_bytes_are_not_utf8() -> None:
    text = "ذكرت الصحيفة أن المباراة أجلت."
    assert parse(text.encode("cp1256"), charset="windows-1256").text == text


def test_html_meta_charset_is_used_for_non_utf8_html() -> None:
    html = HTML.replace('charset="utf-8"', 'charset="windows-1256"').replace("١٩٩٩", "1999")
    page = parse(html.encode("cp1256"))
    assert "ساعدت على نمو المحصول" in page.text


def test_line_endings_become_newlines_and_bom_goes() -> None:
    page = parse(codecs.BOM_UTF8 + "السطر الأول\r\nالسطر الثاني\rالسطر الثالث\n".encode())
    assert page.text == "السطر الأول\nالسطر الثاني\nالسطر الثالث\n"


def test_characters_are_not_otherwise_changed() -> None:
    text = "قـــال\u00a0الوزير: «نعم» \u200cوأضاف\tأنّ ٣ وزراء حضروا  \n\n\nثم غادروا.  "
    assert parse(text.encode("utf-8")).text == text
    assert parse(text).text == text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty input"),
    (b"  \n\t \n", "empty input"),
    (codecs.BOM_UTF8 + b" \n", "empty input"),
    ("   ".encode("utf-16"), "empty input"),
    ("  \n ", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary data, not text"),
    (b"PK\x03\x04\x14\x00\x08\x00\x08\x00word/document.xml", "binary data, not text"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary data, not text"),
    (b"\x01\x02\x03\x04\x05\x10\x11\x12\x13\x14abc", "binary data, not text"),
    ("نص\x00مع صفر", "binary data, not text"),
    (codecs.BOM_UTF8 + "خبر".encode() + b"\xff\xfe\xfd", "cannot decode: invalid utf-8 at byte 9"),
    (codecs.BOM_UTF16_LE + "خبر".encode("utf-16-le") + b"\x41", "cannot decode: invalid utf-16-le"),
])
def test_unreadable_input_is_refused_with_a_reason(data: bytes | str, reason: str) -> None:
    with pytest.raises(InputError) as err:
        parse(data)
    assert str(err.value).startswith(reason)


def test_unknown_input_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse(ARTICLE, input_format="pdf")


# ---- HTML ---------------------------------------------------------------------------------

def test_html_main_text_and_metadata() -> None:
    page = parse(HTML.encode("utf-8"), name="page.html")
    assert page.input == "page.html"
    assert page.title == "وزارة الزراعة تعلن موعد الحصاد"
    assert page.meta == {"url": "https://alhaql.example/news/42", "published": "2024-06-03",
                         "author": "ليلى حسن", "site": "صحيفة الحقل"}
    lines = page.text.split("\n")
    assert "أعلنت وزارة الزراعة، اليوم الاثنين، أن موسم حصاد القمح سيبدأ مبكراً هذا العام." in lines
    assert "وقال المتحدث باسم الوزارة إن الأمطار الغزيرة ساعدت على نمو المحصول." in lines
    for boilerplate in ("الصفحة الرئيسية", "ملاعب وبطولات", "ملك لأصحابه", "<p>"):
        assert boilerplate not in page.text


def test_a_copyright_year_is_not_a_publication_date() -> None:
    page = parse("<html><body><p>قال الوزير إن الخطة جاهزة.</p><footer>© 2021 الموقع</footer></body></html>")
    assert "published" not in page.meta


def test_a_one_sentence_article_is_still_extracted() -> None:
    page = parse("<html><body><p>نفى الناطق باسم الشرطة وقوع إصابات.</p></body></html>")
    assert page.text == "نفى الناطق باسم الشرطة وقوع إصابات."


@pytest.mark.parametrize("text, is_html", [
    ("<!doctype html><html><body><p>قال الوزير إن الخطة جاهزة.</p></body></html>", True),
    ("  <html><body><p>قال الوزير إن الخطة جاهزة.</p></body></html>", True),
    ("<div><p>قال الوزير إن الخطة جاهزة.</p><p>وأضاف أن التنفيذ يبدأ غدا.</p></div>", True),
    ("قال الوزير إن 3 < 5 وإن <المعادلة> بسيطة.", False),
    (ARTICLE, False),
])
def test_auto_mode_sniffs_html(text: str, is_html: bool) -> None:
    page = parse(text)
    if is_html:
        assert page.text.startswith("قال الوزير إن الخطة جاهزة.") and "<" not in page.text
    else:
        assert page.text == text


def test_input_format_overrides_sniffing() -> None:
    assert parse(HTML, input_format="text").text == HTML
    page = parse("<span>قال الوزير إن الخطة جاهزة.</span>", input_format="html")
    assert page.text == "قال الوزير إن الخطة جاهزة."


def test_body_text_is_the_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    page = parse("<html><head><title>عنوان الخبر</title><script>var x = 1;</script></head><body>"
                 "<div>قال الوزير إن الخطة جاهزة.</div><div>وأضاف أن التنفيذ يبدأ غدا.</div>"
                 "<style>p {color: red}</style></body></html>")
    assert page.text == "قال الوزير إن الخطة جاهزة.\nوأضاف أن التنفيذ يبدأ غدا."
    assert page.title == "عنوان الخبر"


def test_the_fallback_reads_a_page_whose_head_is_left_open(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    page = parse("<html><head><title>عنوان الخبر</title><meta charset='utf-8'>"
                 "<p>قال الوزير إن   الخطة\n جاهزة.<p>وأضاف أن التنفيذ يبدأ غدا.")
    assert (page.text, page.title) == ("قال الوزير إن الخطة جاهزة.\nوأضاف أن التنفيذ يبدأ غدا.",
                                       "عنوان الخبر")


@pytest.mark.parametrize("html", [
    "<!doctype html><html><head><title>عنوان فقط</title></head></html>",
    "<html><body><script>document.write('x');</script>  </body></html>",
])
def test_html_without_text_is_refused(html: str) -> None:
    with pytest.raises(InputError, match="no article text in HTML"):
        parse(html)


# ---- files and stdin --------------------------------------------------------------------

def test_read_a_file(tmp_path) -> None:
    path = tmp_path / "خبر.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    assert read(str(path)) == Page(input=str(path), text=ARTICLE)


def test_read_a_missing_file(tmp_path) -> None:
    with pytest.raises(InputError, match="cannot read .*No such file"):
        read(str(tmp_path / "absent.txt"))


def test_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-16"))))
    assert read("-") == Page(input="-", text=ARTICLE)


# ---- URLs, from a loopback server -------------------------------------------------------

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/article": (200, "text/html; charset=utf-8", HTML.encode("utf-8")),
    "/plain": (200, "text/plain; charset=windows-1256", ARTICLE.encode("cp1256")),
    "/big": (200, "text/plain", b"a" * 5000),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.0)
        status, kind, body = ROUTES.get(self.path, (404, "text/plain", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_read_an_html_url(server: str) -> None:
    page = read(server + "/article")
    assert page.input == server + "/article"
    assert page.title == "وزارة الزراعة تعلن موعد الحصاد"
    assert "ساعدت على نمو المحصول" in page.text and "ملاعب وبطولات" not in page.text


def test_read_a_text_url_in_its_declared_charset(server: str) -> None:
    page = read(server + "/plain")
    assert page.text == ARTICLE
    assert page.meta == {"url": server + "/plain"}


def test_redirects_are_followed(server: str) -> None:
    assert read(server + "/moved").title == "وزارة الزراعة تعلن موعد الحصاد"


def test_http_errors_name_the_status(server: str) -> None:
    with pytest.raises(InputError, match="HTTP 404 Not Found"):
        read(server + "/missing")


def test_oversized_responses_are_refused(server: str) -> None:
    with pytest.raises(InputError, match="larger than"):
        fetch(server + "/big", max_bytes=1000)


def test_timeouts_are_reported(server: str) -> None:
    with pytest.raises(InputError, match="timed out"):
        fetch(server + "/slow", timeout=0.2)


def test_unreachable_hosts_are_reported() -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(InputError, match="cannot fetch"):
        read(f"http://127.0.0.1:{port}/")
