"""The bad-input corpus, generated at test time so that no binary file is committed.

Real archives are dirty: each ``Case`` is one kind of damage or oddity (empty, binary, cut
short, legacy encodings, odd HTML, bidi marks, presentation forms ...), named with the
suffix that tells ``naql ingest`` how to read it. ``good_articles`` are clean Arabic news
texts to mix in, so that a batch can show that every good article is stored. The same
cases can be packed as JSON lines and as WARC responses, the archive formats ingest reads.
"""
from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SPEAKERS = ["وزير المالية سامي الخطيب", "المتحدثة باسم الحكومة ليلى منصور",
            "رئيس البرلمان عادل الحسن", "مديرة البنك المركزي هدى يوسف",
            "وزير الزراعة كريم العبدالله", "الناطق باسم الشرطة مازن الربيعي"]
TOPICS = ["العجز في الموازنة تراجع إلى أدنى مستوى منذ سنوات",
          "الحكومة ستطرح خطة جديدة لدعم المزارعين في الربيع",
          "أسعار الوقود لن ترتفع قبل نهاية العام",
          "المفاوضات مع الدائنين بلغت مرحلة متقدمة",
          "الطرق الرئيسية ستفتح أمام السير صباح الغد",
          "نسبة البطالة انخفضت في الربع الأخير"]
OUTLETS = ["وكالة الأنباء الرسمية", "صحيفة الشروق", "قناة المدينة"]


def good_article(n: int) -> str:
    """A distinct short news article for each ``n``: a direct quote, an indirect one, and a
    claim passed on by an outlet from an unnamed source."""
    speaker, topic = SPEAKERS[n % len(SPEAKERS)], TOPICS[n // len(SPEAKERS) % len(TOPICS)]
    other, outlet = SPEAKERS[(n + 1) % len(SPEAKERS)], OUTLETS[n % len(OUTLETS)]
    return (f"قال {speaker} إن {topic}، وذلك في مؤتمر صحفي عقده اليوم رقم {n}.\n"
            f"وأضاف: «لن نتراجع عن الإصلاحات مهما كانت الضغوط».\n"
            f"من جهته، أكد {other} أن اللجنة ستجتمع الأسبوع المقبل لبحث الملف {n}.\n"
            f"ونقلت {outlet} عن مصدر مطلع أن القرار النهائي سيصدر خلال أيام.")


def good_articles(count: int, start: int = 0) -> list[str]:
    return [good_article(n) for n in range(start, start + count)]


@dataclass(frozen=True, slots=True)
class Case:
    """One input. ``readable``: True must give a document, False a clear error, None either;
    ``contains`` is a phrase the document's text must hold (it was decoded, not garbled)."""

    name: str
    data: bytes
    readable: bool | None
    contains: str | None = None


BIDI = "\u200f\u200e\u202b\u202a\u202c\u2067\u2066\u2069\u200c\u200d\u061c\u2068\u00ad\u2060"


def html_page(title: str, paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
            f"<title>{title}</title>{head}</head><body><article><h1>{title}</h1>{body}"
            f"</article></body></html>")


def nested(depth: int, text: str) -> bytes:
    """``text`` as paragraphs inside ``depth`` nested <div>s (libxml2 cuts trees at 256
    levels, or 2048 with its option for deep trees)."""
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    return (f"<html><head><title>خبر</title></head><body>{'<div>' * depth}{paragraphs}"
            f"{'</div>' * depth}</body></html>").encode()


def with_format_marks(text: str) -> str:
    """``text`` with invisible format characters where some CMSs put them: a bidi mark or
    embedding around each word and punctuation mark, and a joiner or mark inside words."""
    out = []
    for i, ch in enumerate(text):
        if ch.isalpha() and i % 5 == 0:  # inside or at the edge of a word
            out.append(BIDI[i % len(BIDI)])
        out.append(ch)
        if ch in " ،.:«»":
            out.append(BIDI[(i + 3) % len(BIDI)])
    return "".join(out)


def with_nul_bytes(data: bytes, rng: random.Random, share: float = 0.004) -> bytes:
    """``data`` with NUL bytes scattered through it, as a broken crawler leaves them (one in
    250 bytes: 27 in a 6.8 KB article), some inside multi-byte letters."""
    out = bytearray(data)
    for _ in range(max(1, int(len(data) * share))):
        out.insert(rng.randrange(len(out)), 0)
    return bytes(out)


def bad_inputs(giant: bool = True) -> list[Case]:
    """Every kind of input the issue names, and a few more seen in scraped archives; each
    readable one holds an article of its own (a shared text would be stored once, the rest
    skipped as duplicates). ``giant`` adds the 10 MB page (it takes seconds to extract)."""
    rng = random.Random(7)
    texts = (good_article(n) for n in range(1000, 2000))

    def article() -> tuple[str, str]:
        """A fresh article and its first line, which a readable variant must keep intact."""
        text = next(texts)
        return text, text.splitlines()[0]

    def readable(name: str, data: bytes, phrase: str | None = None) -> Case:
        return Case(name, data, True, phrase)

    text, first = article()
    utf8 = text.encode()
    cut = next(n for n in range(len(first.encode()) + 1, len(utf8)) if not _decodes(utf8[:n]))
    text_html, first_html = article()
    html = html_page("تصريحات الوزير", text_html.splitlines()).encode()
    deep, nested_5000 = article(), article()
    cases = [
        Case("empty.txt", b"", False),
        Case("whitespace.txt", b" \t\r\n \n\xc2\xa0\xe3\x80\x80\n", False),
        Case("nul-bytes.txt", b"\x00" * 4096, False),
        Case("binary.txt", rng.randbytes(20_000), False),
        Case("binary-no-nul.txt", bytes(b or 1 for b in rng.randbytes(20_000)), None),
        Case("png-named-html.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(500), False),
        Case("gzip-named-txt.txt", b"\x1f\x8b\x08\x00" + rng.randbytes(3000), False),
        readable("truncated-utf8.txt", utf8[:cut], first),  # cut inside a letter
        readable("truncated-html.html", html[: html.index(first_html.encode()) + 120], first_html[:40]),
        Case("html-no-body.html", b"<html><head><title>\xd8\xae\xd8\xa8\xd8\xb1</title></head></html>",
             False),
        Case("html-only-scripts.html", b"<html><body><script>var a = '<p>x</p>';</script>"
             b"<style>p{color:red}</style></body></html>", False),
        readable("deeply-nested.html", nested(100_000, deep[0]), deep[1]),
        readable("nested-5000.html", nested(5000, nested_5000[0]), nested_5000[1]),
        Case("quotes-and-colons.txt", ("«: ، " * 20_000).encode(), None),
        readable("one-long-line.txt", ("ببب" * 70_000).encode()),
    ]
    text, first = article()
    cases.append(readable("windows-1256.txt", text.encode("cp1256"), first))
    text, first = article()
    cases.append(readable("windows-1256.html", html_page("خبر", text.splitlines()).replace(
        "utf-8", "windows-1256").encode("cp1256"), first))
    for name, codec in (("utf16le-no-bom.txt", "utf-16-le"), ("utf16be-no-bom.txt", "utf-16-be")):
        text, first = article()
        cases.append(readable(name, text.encode(codec), first))
    text, first = article()
    cases.append(readable("utf8-bom.txt", b"\xef\xbb\xbf" + text.encode(), first))
    text, first = article()
    cases.append(readable("cr-line-ends.txt", text.replace("\n", "\r").encode(), first))
    text, first = article()
    cases.append(readable("script-in-title.html", html_page(
        "<script>alert('x')</script>تصريحات", text.splitlines()).encode(), first))
    text, first = article()
    cases.append(readable("bidi-controls.txt", "".join(
        c + BIDI[i % len(BIDI)] if c == " " else c for i, c in enumerate(text)).encode()))
    text, first = article()
    cases.append(readable("bidi-inside-words.txt", with_format_marks(text).encode()))
    text, first = article()
    cases.append(readable("nul-sprinkled.txt", with_nul_bytes(text.encode(), rng), first))
    text, first = article()
    cases.append(readable("presentation-forms.txt", "ﻗﺎﻝ ﻭﺯﻳﺮ ﺍﻟﻤﺎﻟﻴﺔ ﺇﻥ ﺍﻟﻌﺠﺰ ﺗﺮﺍﺟﻊ. ﻻ ﺍ ﻻ\n"
                          .encode() + text.encode(), "ﻻ ﺍ ﻻ"))
    text, first = article()
    cases.append(readable("arabic-indic-digits.txt", (text + "\nوقال إن النمو بلغ ٣٫٥٪ في عام ٢٠٢٤ "
                                                      "و۴۵ في المئة.").encode(), "٣٫٥٪"))
    text, first = article()
    cases.append(readable("persian-urdu-letters.txt", (text.replace("ي", "ی").replace("ك", "ک")
                                                       + "\nکہا گیا ہے کہ یہ فیصلہ درست ہے۔").encode(),
                          "کہا گیا"))
    text, first = article()
    cases.append(readable("mixed-arabic-english.txt", ("The minister said the deficit fell. " + text
                                                       + "\nقال CEO شركة Acme Corp إن الأرباح rose "
                                                       "by 5%.").encode(), first))
    rows = [good_article(n) for n in range(3000, 3600)]
    cases.append(readable("unclosed-divs.html", ("<html><body>" + "".join(
        f"<div class='row'>{row}\n" for row in rows) + "</body></html>").encode(),
        rows[-1].splitlines()[0]))  # 600 levels: within libxml2's limit for deep trees
    if giant:
        paragraphs = [f"{line} الفقرة {n}." for n in range(10_000)
                      for line in good_article(n).splitlines()][:40_000]
        cases.append(readable("giant-10mb.html", html_page("تقرير طويل", paragraphs).encode(),
                              paragraphs[-1][:-1]))
    return cases


def _decodes(data: bytes) -> bool:
    try:
        data.decode()
    except UnicodeDecodeError:
        return False
    return True


def write_folder(folder: Path, cases: list[Case], good: list[str]) -> dict[str, Case | None]:
    """One file per case and per good article; returns each file's path -> its case (None for
    a good article)."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Case | None] = {}
    for case in cases:
        (folder / case.name).write_bytes(case.data)
        files[str(folder / case.name)] = case
    for n, text in enumerate(good):
        path = folder / f"good-{n:04d}.txt"
        path.write_text(text, encoding="utf-8")
        files[str(path)] = None
    return files


def url_of(name: str) -> str:
    return f"https://archive.example/{name}"


def as_jsonl(cases: list[Case], good: list[str], name: str = "good") -> bytes:
    """Each case as a JSON line, its bytes decoded as a careless Python scraper would
    (UTF-8 with ``surrogateescape``, so undecodable bytes become lone surrogates), under
    ``html`` or ``text`` by its suffix; then the good articles, at urls ``name``-N."""
    lines = []
    for case in cases:
        field = "html" if case.name.endswith(".html") else "text"
        lines.append({"url": url_of(case.name), "title": case.name,
                      field: case.data.decode("utf-8", "surrogateescape")})
    lines += [{"url": url_of(f"{name}-{n}"), "title": f"خبر {n}", "text": text}
              for n, text in enumerate(good)]
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


def as_warc(cases: list[Case], good: list[str], name: str = "good") -> bytes:
    """Each case, then each good article (at urls ``name``-N), as an HTML response record
    (no charset declared)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    pages = [(url_of(c.name), c.data) for c in cases]
    pages += [(url_of(f"{name}-{n}"), html_page(f"خبر {n}", text.splitlines()).encode())
              for n, text in enumerate(good)]
    for url, payload in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return out.getvalue()
