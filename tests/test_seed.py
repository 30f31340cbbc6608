"""End to end on the shared seed article, and ``naql evaluate`` against the shared scorer.

Both need the project's shared folder (../shared next to the repository) and are skipped
without it. Assertions use short phrases and names only, never the article's paragraphs.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import naql
from support import assert_offsets

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed-article.txt"
GOLD_DEV = SHARED / "gold" / "dev"
SCORER = SHARED / "tools" / "score.py"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict]:
    raw = need(SEED).read_text(encoding="utf-8")
    d = naql.extract(raw, "text").to_dict()
    assert_offsets(d)
    return raw, d


def having(d: dict, **want) -> list[dict]:
    """Attributions whose fields match: content_has, source_text, resolved, polarity, cue."""
    out = []
    for a in d["attributions"]:
        if "content_has" in want and want["content_has"] not in a["content"]["text"]:
            continue
        if "source_text" in want and a["source"]["text"] != want["source_text"]:
            continue
        if "resolved" in want and a["source"]["resolved"] != want["resolved"]:
            continue
        if "polarity" in want and a["polarity"] != want["polarity"]:
            continue
        if "cue" in want and (a["cue"] or {}).get("text") != want["cue"]:
            continue
        out.append(a)
    return out


# --- the seed article ------------------------------------------------------------------------
def test_repeated_title_is_dropped(seed) -> None:
    raw, d = seed
    first_line = raw.strip().split("\n", 1)[0].strip()
    assert raw.count(first_line) == 2  # the page shows the title twice
    assert d["title"] == first_line
    assert d["text"].count(first_line) == 1
    assert d["text"].startswith(first_line)


def test_page_furniture_is_not_in_the_text(seed) -> None:
    raw, d = seed
    text = d["text"]
    for furniture in ("التعليقات", "الأكثر قراءة", "أهم المواضيع", "أهم التصنيفات", "💡", "✨"):
        assert furniture in raw
        assert furniture not in text, furniture
    assert text == text.strip()
    last_line = text.rsplit("\n", 1)[-1]
    assert last_line.endswith(("\"", ".", "»", "”")), last_line[-40:]


def test_guardian_with_its_intelligence_sources(seed) -> None:
    _, d = seed
    (a,) = having(d, source_text="صحيفة الغارديان", content_has="قاسم سليماني")
    assert a["cue"]["text"] == "قالت"
    assert a["source"]["resolved"] == "صحيفة الغارديان"
    assert a["source"]["kind"] == "media"
    assert a["source"]["anonymous"] is False
    assert a["type"] == "indirect"
    assert not a["content"]["text"].startswith(("إن", "أن"))
    assert "نقلاً عن" not in a["content"]["text"]
    assert [v["text"] for v in a["via"]] == ["مصدرين في الاستخبارات"]
    assert a["via"][0]["anonymous"] is True


def test_al_sahifa_is_the_guardian(seed) -> None:
    _, d = seed
    found = having(d, source_text="الصحيفة", resolved="صحيفة الغارديان")
    assert found, "وبحسب الصحيفة after the Guardian's report"
    a = found[0]
    assert a["type"] == "according_to"
    assert a["cue"]["text"] == "وبحسب"
    guardian = having(d, source_text="صحيفة الغارديان")[0]
    assert a["source"]["entity"] == guardian["source"]["entity"]
    # the second newspaper takes over الصحيفة once it has been cited
    later = having(d, source_text="الصحيفة", resolved="صحيفة وول ستريت جورنال")
    assert later and later[0]["content"]["start"] > a["content"]["start"]


def test_pompeo(seed) -> None:
    _, d = seed
    (a,) = having(d, resolved="مايك بومبيو")
    assert a["source"]["text"] == "وزير الخارجية الأمريكي، مايك بومبيو"
    assert a["source"]["kind"] == "person"
    assert a["type"] == "indirect"
    assert "وذلك خلال" not in a["content"]["text"]


def test_iran_denies(seed) -> None:
    _, d = seed
    denials = having(d, resolved="إيران", polarity="deny")
    assert len(denials) == 1
    a = denials[0]
    assert a["source"]["text"] == "إيران"
    assert a["source"]["kind"] == "government"
    assert a["source"]["anonymous"] is False


def test_unnamed_american_official(seed) -> None:
    _, d = seed
    found = having(d, resolved="مسؤول أمريكي")
    assert found
    assert all(a["source"]["anonymous"] is True for a in found)
    assert found[0]["source"]["text"] == "مسؤول أمريكي"
    # the next sentence's وقال, subject only in the verb, is the same official
    assert any(a["source"]["text"] is None for a in found)
    assert len({a["source"]["entity"] for a in found}) == 1


def test_no_belief_or_bare_noun_reference_is_an_attribution(seed) -> None:
    _, d = seed
    cues = {a["cue"]["text"] for a in d["attributions"] if a["cue"]}
    assert not cues & {"اعتقدت", "أعتقد", "أظن", "ذكرها", "حصلنا", "التقى"}, cues


def test_seed_offsets_and_order(seed) -> None:
    _, d = seed
    assert len(d["attributions"]) >= 10
    starts = []
    for a in d["attributions"]:
        anchor = a["cue"] or (a["source"] if a["source"]["start"] is not None else a["content"])
        starts.append(anchor["start"])
    assert starts == sorted(starts)


# --- naql evaluate agrees with the shared scorer -------------------------------------------------
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def figures(report: str) -> dict[str, list[str]]:
    """The numbers on each line of a report, keyed by the line's first word."""
    out = {}
    for line in report.strip().splitlines():
        key = line.split()[0]
        if key == "doc":
            key = " ".join(line.split()[:2])
        out[key] = NUMBER.findall(line.split(None, 1)[1] if key != "offsets" else line)
    return out


def test_evaluate_matches_the_shared_scorer() -> None:
    from naql.evaluate import evaluate

    need(GOLD_DEV)
    need(SCORER)
    scores = evaluate(GOLD_DEV, lambda text, gid: naql.extract(text, "text", name=gid).to_dict())
    ours = scores.report(per_doc=True)
    cmd = f"{shlex.quote(sys.executable)} -m naql.cli extract --format jsonl"
    proc = subprocess.run([sys.executable, str(SCORER), str(GOLD_DEV), "--cmd", cmd, "--per-doc"],
                          capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    theirs = proc.stdout
    ours_f, theirs_f = figures(ours), figures(theirs)
    for key in ("documents", "content", "end-to-end", "on", "offsets"):
        assert key in theirs_f, theirs
        assert ours_f[key] == theirs_f[key], (key, ours_f[key], theirs_f[key])
    assert ours_f == theirs_f  # per document too
    assert scores.documents == len(list(GOLD_DEV.glob("*.json")))
    assert scores.spans_exact == scores.spans  # every predicted span indexes its text exactly
    # the headline line is the last one, as in score.py
    assert ours.strip().splitlines()[-1] == theirs.strip().splitlines()[-1]


def test_evaluate_command_line(capsys) -> None:
    from naql.cli import main

    need(GOLD_DEV)
    status = main(["evaluate", str(GOLD_DEV)])
    out = capsys.readouterr().out
    assert status == 0
    assert out.strip().splitlines()[-1].startswith("end-to-end F1 ")
    status = main(["evaluate", str(GOLD_DEV), "--min-f1", "1.01"])
    capsys.readouterr()
    assert status == 1
