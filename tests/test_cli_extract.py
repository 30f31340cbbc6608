"""``naql extract`` on the command line: output shapes, failing inputs, stdin, HTML, encodings,
and the bundled example article (examples/article.txt)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from naql.cli import main
from support import assert_offsets

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "article.txt"

ARTICLE = ("قالت وزارة الزراعة التونسية إن محصول الزيتون هذا الموسم سيكون الأعلى منذ عشر سنوات.\n"
           "وأضاف المتحدث باسم الوزارة أن الصادرات نحو الأسواق الأوروبية ستتضاعف.")
OTHER = ("نفت شركة الطيران الوطنية ما تداولته مواقع التواصل عن إلغاء رحلاتها إلى الخليج.\n"
         "وقال مصدر في الشركة إن الرحلات تسير وفق جدولها المعتاد.")

HTML_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الرباط تستضيف منتدى الطاقة المتجددة | جريدة الساحل</title>
<meta property="og:title" content="الرباط تستضيف منتدى الطاقة المتجددة">
<meta property="og:site_name" content="جريدة الساحل">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة وملاعب</a></li>
<li><a href="/eco">اقتصاد وأعمال</a></li></ul></nav>
<article>
<h1>الرباط تستضيف منتدى الطاقة المتجددة</h1>
<p>قالت وزيرة الانتقال الطاقي المغربية سلمى بنعيسى إن المملكة تطمح إلى إنتاج نصف حاجاتها من الكهرباء من مصادر متجددة قبل نهاية العقد.</p>
<p>وأضافت أن المنتدى سيجمع أكثر من ألف مشارك من ثلاثين دولة، مشيرة إلى أن الاستثمارات الجديدة ستخلق آلاف فرص العمل.</p>
<p>وبحسب وكالة المغرب العربي للأنباء، فإن اتفاقيات بقيمة ملياري دولار ستوقع خلال أيام المنتدى.</p>
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">نتائج مباريات الدوري المحلي</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة لجريدة الساحل منذ عام ٢٠٠٢</p></footer>
</body></html>"""


# --- helpers ---------------------------------------------------------------------------
def run(capsys, *args: str) -> tuple[int, str]:
    status = main(["extract", *args])
    out = capsys.readouterr().out
    return status, out


def lines(out: str) -> list[dict]:
    rows = out.splitlines()
    assert all(rows), "no blank lines between records"
    return [json.loads(r) for r in rows]


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return str(p)


def run_process(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "naql.cli", "extract", *args], input=stdin,
                          capture_output=True, timeout=300, env=env, cwd=REPO)


# --- output shapes -------------------------------------------------------------------------
def test_one_file_gives_one_pretty_json_document(tmp_path, capsys) -> None:
    path = write(tmp_path, "a.txt", ARTICLE)
    status, out = run(capsys, path)
    assert status == 0
    assert "\n  " in out, "pretty-printed"
    d = json.loads(out)  # one document, not a line per record
    assert d["input"] == path
    assert d["language"] == "ar"
    assert d["text"] == ARTICLE
    assert "الزيتون" in out, "Arabic written as is, not as \\u escapes"
    assert [a["source"]["resolved"] for a in d["attributions"]] == ["وزارة الزراعة التونسية",
                                                                    "المتحدث باسم الوزارة"]
    assert_offsets(d)


def test_jsonl_one_file(tmp_path, capsys) -> None:
    path = write(tmp_path, "a.txt", ARTICLE)
    status, out = run(capsys, "--format", "jsonl", path)
    assert status == 0
    (d,) = lines(out)
    assert d["input"] == path and len(d["attributions"]) == 2


def test_several_files_give_one_line_each_in_order(tmp_path, capsys) -> None:
    a = write(tmp_path, "a.txt", ARTICLE)
    b = write(tmp_path, "b.txt", OTHER)
    status, out = run(capsys, a, b)
    assert status == 0
    rows = lines(out)
    assert [r["input"] for r in rows] == [a, b]
    assert rows[1]["attributions"][0]["polarity"] == "deny"
    for r in rows:
        assert_offsets(r)


def test_format_json_with_several_files_is_still_a_line_each(tmp_path, capsys) -> None:
    a = write(tmp_path, "a.txt", ARTICLE)
    b = write(tmp_path, "b.txt", OTHER)
    status, out = run(capsys, "--format", "json", a, b)
    assert status == 0
    assert [r["input"] for r in lines(out)] == [a, b]


# --- inputs that fail -------------------------------------------------------------------------
def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path, capsys) -> None:
    good1 = write(tmp_path, "good1.txt", ARTICLE)
    empty = write(tmp_path, "empty.txt", "")
    binary = write(tmp_path, "image.bin", bytes(range(256)) * 8)
    missing = str(tmp_path / "missing.txt")
    good2 = write(tmp_path, "good2.txt", OTHER)
    status, out = run(capsys, "--format", "jsonl", good1, empty, binary, missing, good2)
    assert status == 1
    rows = lines(out)
    assert [r["input"] for r in rows] == [good1, empty, binary, missing, good2]
    for bad in rows[1:4]:
        assert set(bad) == {"input", "error"}, bad
        assert isinstance(bad["error"], str) and bad["error"]
    assert "attributions" in rows[0] and "attributions" in rows[4]
    assert rows[0]["attributions"] and rows[4]["attributions"]


@pytest.mark.parametrize("kind", ["empty", "whitespace", "binary", "missing", "directory"])
def test_one_bad_input_alone(tmp_path, capsys, kind: str) -> None:
    path = {
        "empty": lambda: write(tmp_path, "e.txt", ""),
        "whitespace": lambda: write(tmp_path, "w.txt", " \n\t\n"),
        "binary": lambda: write(tmp_path, "b.bin", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        "missing": lambda: str(tmp_path / "nope.txt"),
        "directory": lambda: str(tmp_path),
    }[kind]()
    status, out = run(capsys, path)
    assert status == 1
    d = json.loads(out)
    assert d["input"] == path and d["error"]
    assert "attributions" not in d


def test_all_good_exits_zero_in_a_process(tmp_path) -> None:
    a = write(tmp_path, "a.txt", ARTICLE)
    missing = str(tmp_path / "missing.txt")
    ok = run_process(a)
    assert ok.returncode == 0, ok.stderr.decode()
    assert json.loads(ok.stdout.decode("utf-8"))["input"] == a
    bad = run_process("--format", "jsonl", a, missing)
    assert bad.returncode == 1
    rows = [json.loads(x) for x in bad.stdout.decode("utf-8").splitlines()]
    assert [r["input"] for r in rows] == [a, missing]
    assert "error" in rows[1]


# --- stdin -------------------------------------------------------------------------------------
def test_stdin(tmp_path) -> None:
    p = run_process("-", stdin=ARTICLE.encode("utf-8"))
    assert p.returncode == 0, p.stderr.decode()
    d = json.loads(p.stdout.decode("utf-8"))
    assert d["input"] == "-"
    assert d["text"] == ARTICLE
    assert len(d["attributions"]) == 2
    assert_offsets(d)


def test_stdin_empty_is_an_error_line() -> None:
    p = run_process("--format", "jsonl", "-", stdin=b"")
    assert p.returncode == 1
    (d,) = [json.loads(x) for x in p.stdout.decode("utf-8").splitlines()]
    assert d["input"] == "-" and d["error"]


# --- HTML and encodings -------------------------------------------------------------------------
@pytest.mark.parametrize("extra", [[], ["--input-format", "html"]])
def test_html_page(tmp_path, capsys, extra: list[str]) -> None:
    path = write(tmp_path, "page.html", HTML_PAGE)
    status, out = run(capsys, *extra, path)
    assert status == 0
    d = json.loads(out)
    assert d["title"] and "الرباط تستضيف منتدى الطاقة المتجددة" in d["title"]
    text = d["text"]
    assert "سلمى بنعيسى" in text and "وكالة المغرب العربي للأنباء" in text
    for chrome in ("رياضة وملاعب", "اقتصاد وأعمال", "جميع الحقوق محفوظة", "نتائج مباريات الدوري", "<p>"):
        assert chrome not in text, chrome
    assert_offsets(d)
    by_resolved = {a["source"]["resolved"] for a in d["attributions"]}
    assert "سلمى بنعيسى" in by_resolved
    assert any(a["type"] == "according_to" and a["source"]["text"] == "وكالة المغرب العربي للأنباء"
               for a in d["attributions"])
    participle = next(a for a in d["attributions"] if a["cue"] and a["cue"]["text"] == "مشيرة")
    assert participle["source"]["resolved"] == "سلمى بنعيسى"


def test_html_read_as_text_keeps_the_markup(tmp_path, capsys) -> None:
    path = write(tmp_path, "page.html", HTML_PAGE)
    status, out = run(capsys, "--input-format", "text", path)
    assert status == 0
    assert "<p>قالت وزيرة الانتقال الطاقي" in json.loads(out)["text"]


def test_windows_1256_file(tmp_path, capsys) -> None:
    path = write(tmp_path, "cp1256.txt", ARTICLE.encode("cp1256"))
    status, out = run(capsys, path)
    assert status == 0
    d = json.loads(out)
    assert d["text"] == ARTICLE
    assert [a["content"]["text"] for a in d["attributions"]] == [
        "محصول الزيتون هذا الموسم سيكون الأعلى منذ عشر سنوات",
        "الصادرات نحو الأسواق الأوروبية ستتضاعف",
    ]


def test_utf8_bom_and_crlf_file(tmp_path, capsys) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    status, out = run(capsys, path)
    assert status == 0
    d = json.loads(out)
    assert d["text"] == ARTICLE
    assert_offsets(d)


# --- the bundled example -------------------------------------------------------------------------
def test_example_article(capsys) -> None:
    assert EXAMPLE.is_file()
    status, out = run(capsys, str(EXAMPLE))
    assert status == 0
    d = json.loads(out)
    assert_offsets(d)
    atts = d["attributions"]
    assert len(atts) >= 6
    text, title = d["text"], d["title"]
    # the title repeated at the top of the page is kept once; page furniture is gone
    assert title and text.count(title) == 1
    for furniture in ("التعليقات", "الأكثر قراءة", "شارك هذا المقال", "واتساب"):
        assert furniture not in text, furniture
    via = [a for a in atts if a["via"]]
    assert via and via[0]["source"]["kind"] == "media" and via[0]["via"][0]["anonymous"] is True
    denials = [a for a in atts if a["polarity"] == "deny"]
    assert denials and denials[0]["source"]["kind"] == "government"
    assert any(a["source"]["anonymous"] for a in atts)
    assert any(a["type"] == "according_to" for a in atts)
    assert any(a["type"] == "direct" for a in atts)
    # الصحيفة and the subject-only verbs resolve to sources named earlier
    assert any(a["source"]["text"] == "الصحيفة" and a["source"]["resolved"] == via[0]["source"]["resolved"]
               for a in atts)
    assert any(a["source"]["text"] is None and a["source"]["entity"] for a in atts)


def test_example_article_through_the_installed_command() -> None:
    p = run_process(str(EXAMPLE.relative_to(REPO)))
    assert p.returncode == 0, p.stderr.decode()
    d = json.loads(p.stdout.decode("utf-8"))
    assert d["input"] == "examples/article.txt"
    assert len(d["attributions"]) >= 6
