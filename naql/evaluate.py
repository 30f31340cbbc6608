"""Score extracted attributions against gold files, as ../gold/GUIDELINE.md specifies.

A predicted attribution matches a gold one when their contents' token F1 is at least 0.5
(one-to-one, best pairs first); its source is right when the resolved names share at least
half of the shorter one's informative tokens and the prediction is not much longer.

Beside the guideline's figures, precision per ``rule`` (the pattern that found each predicted
attribution, naql/attach/): how many of its attributions match a gold content, and how many
of those also have the right source, so a pattern can be measured on its own.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# Descriptions too common to identify a source on their own (normalised).
GENERIC = frozenset({
    "مسؤول", "مسوول", "مسؤولون", "مسؤولين", "مصدر", "مصادر", "وزير", "رئيس", "متحدث", "المتحدث", "باسم",
    "صحيفه", "وكاله", "قناه", "موقع", "شبكه", "احد", "احدى", "بيان", "مكتب", "عضو", "نائب", "النائب",
})
MATCH_F1 = 0.5


def score_tokens(s: str | None) -> list[str]:
    if not s:
        return []
    s = unicodedata.normalize("NFKC", s)
    s = _DIACRITICS.sub("", s)
    s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي").replace("ة", "ه")
    return [t[1:] if len(t) > 3 and t[0] in "وف" else t for t in _NON_WORD.sub(" ", s).split()]


def _without_article(tokens: list[str]) -> list[str]:
    return [t[2:] if t.startswith("ال") and len(t) > 4 else t for t in tokens]


def token_f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def source_right(pred: str | None, gold: str | None) -> bool:
    p, g = _without_article(score_tokens(pred)), _without_article(score_tokens(gold))
    if not p or not g or len(p) > 2 * len(g) + 3:
        return False
    ps, gs = set(p) - GENERIC, set(g) - GENERIC
    if not ps or not gs:
        ps, gs = set(p), set(g)
    return len(ps & gs) / min(len(ps), len(gs)) >= 0.5


def _text(x: object) -> str | None:
    if isinstance(x, str):
        return x
    if isinstance(x, dict):
        return x.get("text")
    return None


def _pred_source(a: dict) -> str | None:
    s = a.get("source")
    if isinstance(s, dict):
        return s.get("resolved") or s.get("text")
    return s if isinstance(s, str) else None


def _spans(a: dict) -> Iterable[dict]:
    for key in ("cue", "source", "content"):
        v = a.get(key)
        if isinstance(v, dict) and v.get("text") is not None and v.get("start") is not None:
            yield v
    for v in a.get("via") or []:
        if isinstance(v, dict) and v.get("start") is not None:
            yield v


NO_RULE = "(none)"  # a prediction that names no rule (another extractor's output)


@dataclass
class RuleScore:
    """The predicted attributions of one rule: how many, how many matched a gold content, and
    how many of those have the right source."""
    predicted: int = 0
    matched: int = 0
    end_to_end: int = 0

    @property
    def content_precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def e2e_precision(self) -> float:
        return self.end_to_end / self.predicted if self.predicted else 0.0


@dataclass
class Scores:
    documents: int = 0
    missing: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    end_to_end: int = 0
    source: int = 0
    type: int = 0
    polarity: int = 0
    anonymity: int = 0
    anonymity_n: int = 0
    via_gold: int = 0
    via_hit: int = 0
    spans: int = 0
    spans_exact: int = 0
    per_doc: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    by_rule: dict[str, RuleScore] = field(default_factory=dict)

    @staticmethod
    def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def content(self) -> tuple[float, float, float]:
        return self.prf(self.matched, self.predicted, self.gold)

    @property
    def e2e(self) -> tuple[float, float, float]:
        return self.prf(self.end_to_end, self.predicted, self.gold)

    def rules(self) -> list[tuple[str, RuleScore]]:
        """Per rule, most predicted first."""
        return sorted(self.by_rule.items(), key=lambda kv: (-kv[1].predicted, kv[0]))

    def report(self, per_doc: bool = False, by_rule: bool = False) -> str:
        m = self.matched or 1
        lines = []
        if per_doc:
            lines += ["doc %-12s gold %3d pred %3d matched %3d end-to-end %3d" % row for row in self.per_doc]
        if by_rule:
            lines.append(f"{'rule':<18} {'predicted':>9}  {'content P':<12}  {'end-to-end P':<12}")
            lines += [f"{rule:<18} {r.predicted:>9}  {r.content_precision:.3f} ({r.matched:>4})"
                      f"  {r.e2e_precision:.3f} ({r.end_to_end:>4})" for rule, r in self.rules()]
        cp, cr, cf = self.content
        ep, er, ef = self.e2e
        anon = self.anonymity / self.anonymity_n if self.anonymity_n else 0
        via = self.via_hit / self.via_gold if self.via_gold else 0
        lines += [
            f"documents {self.documents} (no output for {self.missing}), gold {self.gold}, predicted {self.predicted}",
            f"content   P {cp:.3f} R {cr:.3f} F1 {cf:.3f}",
            f"on matches: source {self.source / m:.3f}  type {self.type / m:.3f}  polarity {self.polarity / m:.3f}"
            f"  anonymity {anon:.3f}  via recall {via:.3f}",
            f"offsets exact {self.spans_exact}/{self.spans}",
            f"end-to-end F1 {ef:.3f} (P {ep:.3f} R {er:.3f})",
        ]
        return "\n".join(lines)

    def to_dict(self, per_doc: bool = False) -> dict:
        """The figures as JSON-ready data, with the counts they are computed from."""
        def prf(v: tuple[float, float, float]) -> dict:
            return {"p": round(v[0], 4), "r": round(v[1], 4), "f1": round(v[2], 4)}

        m = self.matched or 1
        out = {
            "documents": self.documents, "missing": self.missing, "gold": self.gold,
            "predicted": self.predicted, "matched": self.matched, "end_to_end": self.end_to_end,
            "content": prf(self.content), "e2e": prf(self.e2e),
            "on_matches": {"source": round(self.source / m, 4), "type": round(self.type / m, 4),
                           "polarity": round(self.polarity / m, 4),
                           "anonymity": round(self.anonymity / self.anonymity_n, 4) if self.anonymity_n else 0.0,
                           "via_recall": round(self.via_hit / self.via_gold, 4) if self.via_gold else 0.0},
            "offsets": {"exact": self.spans_exact, "spans": self.spans},
            "by_rule": [{"rule": rule, "predicted": r.predicted, "matched": r.matched, "end_to_end": r.end_to_end,
                         "content_precision": round(r.content_precision, 4),
                         "e2e_precision": round(r.e2e_precision, 4)} for rule, r in self.rules()],
        }
        if per_doc:
            out["per_doc"] = [dict(zip(("id", "gold", "predicted", "matched", "end_to_end"), row))
                              for row in self.per_doc]
        return out


def match(gold_attrs: list[dict], pred_attrs: list[dict]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), best content overlap first, one-to-one."""
    gt = [score_tokens(a["content"]) for a in gold_attrs]
    pt = [score_tokens(_text(a.get("content"))) for a in pred_attrs]
    pairs = sorted(((token_f1(pt[j], gt[i]), i, j) for i in range(len(gt)) for j in range(len(pt))), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for f, i, j in pairs:
        if f < MATCH_F1:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


def score(golds: dict[str, dict], preds: dict[str, dict]) -> Scores:
    t = Scores(documents=len(golds))
    for gid, g in golds.items():
        p = preds.get(gid)
        if p is None:
            t.missing += 1
            p = {"attributions": []}
        ga, pa = g["attributions"], p.get("attributions") or []
        text = p.get("text") or ""
        for a in pa:
            for sp in _spans(a):
                t.spans += 1
                try:
                    t.spans_exact += text[sp["start"]:sp["end"]] == sp["text"]
                except (TypeError, KeyError):
                    pass
        pairs = match(ga, pa)
        rules = [t.by_rule.setdefault(a.get("rule") or NO_RULE, RuleScore()) for a in pa]
        for r in rules:
            r.predicted += 1
        doc_e2e = 0
        for i, j in pairs:
            gold_a, pred_a = ga[i], pa[j]
            right = source_right(_pred_source(pred_a), gold_a["source_resolved"])
            rules[j].matched += 1
            rules[j].end_to_end += right
            t.source += right
            doc_e2e += right
            t.type += pred_a.get("type") == gold_a["type"]
            t.polarity += (pred_a.get("polarity") or "assert") == gold_a["polarity"]
            ps = pred_a.get("source")
            if isinstance(ps, dict) and "anonymous" in ps:
                t.anonymity_n += 1
                t.anonymity += bool(ps["anonymous"]) == gold_a["anonymous"]
            for v in gold_a.get("via") or []:
                t.via_gold += 1
                t.via_hit += any(source_right(_text(x), v) for x in pred_a.get("via") or [])
        t.gold += len(ga)
        t.predicted += len(pa)
        t.matched += len(pairs)
        t.end_to_end += doc_e2e
        t.per_doc.append((gid, len(ga), len(pa), len(pairs), doc_e2e))
    return t


def load_gold(directory: str | Path) -> dict[str, dict]:
    golds = {}
    for f in sorted(Path(directory).glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        golds[doc["id"]] = doc
    return golds


def evaluate(directory: str | Path, extract: Callable[[str, str], dict]) -> Scores:
    """Run ``extract(text, id)`` on every gold text and score the results."""
    golds = load_gold(directory)
    return score(golds, {gid: extract(g["text"], gid) for gid, g in golds.items()})
