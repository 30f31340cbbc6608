"""``naql evaluate`` per rule: for each pattern, how many attributions it predicted, how many
match a gold content and how many of those have the right source.

The gold files in fixtures/gold_rules were written for these tests, one sentence for each
pattern of naql/attach/ (verb, verb.pro, verb.svo, participle, frame, headline, verbless).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from naql.cli import main
from naql.evaluate import NO_RULE, RuleScore, score

GOLD_RULES = Path(__file__).parent / "fixtures" / "gold_rules"
VALIDATE = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "validate_gold.py"
EVERY_RULE = {"verb": 4, "verb.pro": 1, "verb.svo": 1, "participle": 1, "frame": 1, "headline": 1, "verbless": 1}

TEXT = ("قال رئيس البلدية نبيل سعادة إن أعمال الصيانة ستنتهي قبل الشتاء.\n"
        "وأضاف أن الطرق الرئيسية ستفتح أمام السيارات خلال أيام.\n"
        "وأكدت الجمعية أن السكان لم يُستشاروا في المشروع.\n")
GOLD = {"g1": {"id": "g1", "text": TEXT, "attributions": [
    {"cue": "قال", "source": "رئيس البلدية نبيل سعادة", "source_resolved": "نبيل سعادة",
     "content": "أعمال الصيانة ستنتهي قبل الشتاء", "type": "indirect", "polarity": "assert",
     "anonymous": False, "via": []},
    {"cue": "وأضاف", "source": None, "source_resolved": "نبيل سعادة",
     "content": "الطرق الرئيسية ستفتح أمام السيارات خلال أيام", "type": "indirect", "polarity": "assert",
     "anonymous": False, "via": []},
    {"cue": "وأكدت", "source": "الجمعية", "source_resolved": "الجمعية",
     "content": "السكان لم يُستشاروا في المشروع", "type": "indirect", "polarity": "assert",
     "anonymous": False, "via": []},
]}}


def predicted(rule: str | None, resolved: str, content: str) -> dict:
    a = {"source": {"resolved": resolved}, "content": {"text": content}, "type": "indirect", "polarity": "assert"}
    if rule is not None:
        a["rule"] = rule
    return a


def test_counts_per_rule_from_predictions() -> None:
    """A right verb, a verb.pro with the wrong speaker, a frame that matches no gold content,
    and a prediction that names no rule (another tool's output)."""
    preds = {"g1": {"text": TEXT, "attributions": [
        predicted("verb", "نبيل سعادة", "أعمال الصيانة ستنتهي قبل الشتاء"),
        predicted("verb.pro", "الجمعية", "الطرق الرئيسية ستفتح أمام السيارات خلال أيام"),
        predicted("frame", "البلدية", "رئيس البلدية نبيل سعادة"),
        predicted(None, "الجمعية", "السكان لم يُستشاروا في المشروع"),
    ]}}
    t = score(GOLD, preds)
    assert t.by_rule == {"verb": RuleScore(1, 1, 1), "verb.pro": RuleScore(1, 1, 0),
                         "frame": RuleScore(1, 0, 0), NO_RULE: RuleScore(1, 1, 1)}
    assert t.by_rule["verb.pro"].content_precision == 1.0 and t.by_rule["verb.pro"].e2e_precision == 0.0
    assert sum(r.predicted for r in t.by_rule.values()) == t.predicted
    assert sum(r.matched for r in t.by_rule.values()) == t.matched
    assert sum(r.end_to_end for r in t.by_rule.values()) == t.end_to_end


def test_rules_most_predicted_first() -> None:
    preds = {"g1": {"text": TEXT, "attributions": [
        predicted("verb.pro", "نبيل سعادة", "الطرق الرئيسية ستفتح أمام السيارات خلال أيام"),
        predicted("verb", "نبيل سعادة", "أعمال الصيانة ستنتهي قبل الشتاء"),
        predicted("verb", "الجمعية", "السكان لم يُستشاروا في المشروع"),
    ]}}
    t = score(GOLD, preds)
    assert [rule for rule, _ in t.rules()] == ["verb", "verb.pro"]
    report = t.report(by_rule=True).splitlines()
    assert report[1].split()[:2] == ["verb", "2"] and report[2].split()[:2] == ["verb.pro", "1"]
    assert report[-1].startswith("end-to-end F1 ")  # the headline stays last, as in score.py
    assert t.report() == t.report(by_rule=True).split("\n", 3)[3]  # the table only adds lines


def test_evaluate_by_rule_on_a_gold_folder(capsys) -> None:
    """Each pattern finds its sentence, with the right content and speaker."""
    assert main(["evaluate", str(GOLD_RULES), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = {r["rule"]: r for r in out["by_rule"]}
    assert {rule: r["predicted"] for rule, r in rows.items()} == EVERY_RULE
    assert all(r["matched"] == r["end_to_end"] == r["predicted"] for r in rows.values()), rows
    assert [r["rule"] for r in out["by_rule"]][0] == "verb"  # the most predicted first
    assert out["predicted"] == out["gold"] == sum(EVERY_RULE.values())

    assert main(["evaluate", str(GOLD_RULES), "--by-rule"]) == 0
    lines = capsys.readouterr().out.splitlines()
    table = {line.split()[0]: re.findall(r"[\d.]+", line.split(None, 1)[1]) for line in lines[1:1 + len(EVERY_RULE)]}
    assert table["verb"] == ["4", "1.000", "4", "1.000", "4"]
    assert table["verb.svo"] == ["1", "1.000", "1", "1.000", "1"]
    assert lines[-1] == "end-to-end F1 1.000 (P 1.000 R 1.000)"


def test_gold_rules_follow_the_guideline() -> None:
    if not VALIDATE.exists():
        pytest.skip(f"{VALIDATE} is not available")
    proc = subprocess.run([sys.executable, str(VALIDATE), str(GOLD_RULES)], capture_output=True, text=True)
    assert proc.returncode == 0 and "0 problems" in proc.stdout, proc.stdout
