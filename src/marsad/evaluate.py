"""Scoring of predicted claims against gold claims, as ../shared/gold/GUIDE.md says.

A prediction matches a gold claim of the same doc when kind, low and high are equal and
their quotes overlap in the text (the gold quote is found in the document's raw text; a
prediction carries its offsets), or, where a quote cannot be placed, when one quote holds
the other's figure. Each gold claim matches at most one prediction. Headline: micro
precision, recall, F1. Group, source, stance and place are accuracies over matched pairs.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from marsad.model import KINDS

# The source labels GUIDE.md lists; any other named source is "other named".
LISTED_SOURCES = frozenset((
    "SOHR", "Rudaw", "RT", "Reuters", "AFP", "AP", "Al Jazeera", "Al Arabiya", "SANA", "Saudi Press Agency",
    "UN", "OCHA", "UNHCR", "UNICEF", "WHO", "ICRC", "MSF", "Amnesty", "HRW", "IOM", "coalition", "SDF", "ISIS",
    "Houthis", "Taliban", "PKK", "Erem News", "activists", "witnesses", "officials", "medical sources",
    "security source", "military source", "residents", "analysts", "reports",
))
ATTRIBUTES = ("group", "source", "stance", "place", "cumulative")
_DIGITS = re.compile(r"\d+")


def load_claims(paths: Iterable[str]) -> list[dict]:
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        out.append(json.loads(line))
                    except ValueError as e:
                        raise ValueError(f"{path}, line {n}: not a JSON claim ({e})") from e
    return out


def _spans(quote: str, text: str | None) -> list[tuple[int, int]]:
    if not text or not quote:
        return []
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _figure_in(quote_a: str, quote_b: str) -> bool:
    digits = _DIGITS.findall(quote_b)
    if digits:
        return any(d in quote_a for d in digits)
    return quote_b in quote_a or quote_a in quote_b


def _overlap(pred: dict, gold: dict, text: str | None) -> bool:
    gold_spans = _spans(gold["quote"], text)
    if pred.get("start") is not None and pred.get("end") is not None and gold_spans:
        ps, pe = pred["start"], pred["end"]
    else:
        pred_spans = _spans(pred.get("quote", ""), text)
        if not (pred_spans and gold_spans):
            return _figure_in(pred.get("quote", ""), gold["quote"]) or _figure_in(gold["quote"], pred.get("quote", ""))
        ps, pe = pred_spans[0]
    return any(ps < ge and gs < pe for gs, ge in gold_spans)


def source_right(pred, gold) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold in LISTED_SOURCES:
        return pred == gold
    return pred not in LISTED_SOURCES


def place_right(pred, gold) -> bool:
    if not gold or not pred:
        return not gold and not pred
    return pred in gold or gold in pred


def attribute_right(name: str, pred: dict, gold: dict) -> bool:
    if name == "source":
        return source_right(pred.get("source"), gold.get("source"))
    if name == "place":
        return place_right(pred.get("place"), gold.get("place"))
    return pred.get(name) == gold.get(name)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: Counter = field(default_factory=Counter)   # attribute -> matched pairs right
    per_kind: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # kind -> tp, fp, fn
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    wrong: list = field(default_factory=list)          # (attribute, pred, gold) for matched pairs

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.tp if self.tp else 0.0

    def to_dict(self) -> dict:
        return {
            "claims": {"gold": self.tp + self.fn, "predicted": self.tp + self.fp, "matched": self.tp},
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            **{f"{a}_accuracy": round(self.accuracy(a), 4) for a in ATTRIBUTES},
            **{f"{a}_right": self.right[a] for a in ATTRIBUTES},
            "per_kind": {k: dict(zip(("tp", "fp", "fn"), v)) for k, v in sorted(self.per_kind.items())},
        }


def score(predicted: list[dict], gold: list[dict], texts: dict[str, str] | None = None,
          docs: Iterable[str] | None = None) -> Score:
    """Score predictions for the documents in `docs` (default: those the gold names).
    `texts` maps a doc id to its raw text, to place quotes."""
    texts = texts or {}
    doc_set = set(docs) if docs is not None else {g["doc"] for g in gold}
    gold_by = defaultdict(list)
    for g in gold:
        if g["doc"] in doc_set:
            gold_by[g["doc"]].append(g)
    pred_by = defaultdict(list)
    for p in predicted:
        if p["doc"] in doc_set:
            pred_by[p["doc"]].append(p)
    s = Score()
    for doc in sorted(doc_set):
        text = texts.get(doc)
        preds = pred_by.get(doc, [])
        used = [False] * len(preds)
        for g in gold_by.get(doc, []):
            hit = None
            for i, p in enumerate(preds):
                if not used[i] and p["kind"] == g["kind"] and p.get("low") == g["low"] \
                        and p.get("high") == g["high"] and _overlap(p, g, text):
                    hit = i
                    break
            if hit is None:
                s.fn += 1
                s.per_kind[g["kind"]][2] += 1
                s.misses.append(g)
                continue
            used[hit] = True
            p = preds[hit]
            s.tp += 1
            s.per_kind[g["kind"]][0] += 1
            for a in ATTRIBUTES:
                if attribute_right(a, p, g):
                    s.right[a] += 1
                else:
                    s.wrong.append((a, p, g))
        for i, p in enumerate(preds):
            if not used[i]:
                s.fp += 1
                s.per_kind[p["kind"]][1] += 1
                s.false_alarms.append(p)
    return s


def format_report(s: Score, errors: bool = False) -> str:
    lines = [
        f"claims: gold {s.tp + s.fn}, predicted {s.tp + s.fp}, matched {s.tp}",
        f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
        "accuracy over matched pairs: " + "  ".join(f"{a} {s.accuracy(a):.3f}" for a in ATTRIBUTES),
        "",
        f"{'kind':<12}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for kind in KINDS:
        if kind not in s.per_kind:
            continue
        tp, fp, fn = s.per_kind[kind]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"{kind:<12}{tp + fn:>6}{tp + fp:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    if errors:
        lines += ["", f"misses ({len(s.misses)}):"]
        lines += [f"  {g['doc']}  {g['kind']} {_fig(g)}  «{g['quote']}»" for g in s.misses]
        lines += ["", f"false alarms ({len(s.false_alarms)}):"]
        lines += [f"  {p['doc']}  {p['kind']} {_fig(p)}  «{p.get('quote', '')}»" for p in s.false_alarms]
        lines += ["", f"wrong attributes of matched claims ({len(s.wrong)}):"]
        lines += [f"  {g['doc']}  {a}: predicted {p.get(a)!r}, gold {g.get(a)!r}  «{g['quote']}»"
                  for a, p, g in s.wrong]
    return "\n".join(lines)


def _fig(c: dict) -> str:
    return f"[{c.get('low')}, {c.get('high')}] {c.get('qualifier', '')}"


def default_gold(shared: str) -> tuple[list[str], list[str], list[str]]:
    """(gold files, corpus files, id files) of the project's shared gold set."""
    import os

    gold_dir, corpus_dir = os.path.join(shared, "gold"), os.path.join(shared, "corpus")
    gold = [os.path.join(gold_dir, "dev.claims.jsonl"), os.path.join(gold_dir, "raqqa-qposts.claims.jsonl")]
    corpus = [os.path.join(corpus_dir, "saudinewsnet.jsonl.gz"), os.path.join(corpus_dir, "raqqa-qposts.txt")]
    ids = [os.path.join(gold_dir, "dev.ids")]
    return gold, corpus, ids


def read_ids(paths: Iterable[str]) -> set[str]:
    out = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            out.update(line.strip() for line in f if line.strip())
    return out


def predict(corpus: list[str], doc_ids: set[str], options=None) -> tuple[list[dict], dict[str, str]]:
    """Run the steps on the documents of `corpus` whose id is in doc_ids: their claims
    (as dicts) and their raw texts."""
    from marsad.model import Reject
    from marsad.read import read_inputs
    from marsad.run.steps import process

    claims, texts = [], {}
    for record in read_inputs(corpus, options):
        if isinstance(record, Reject) or record.id not in doc_ids or record.id in texts:
            continue
        texts[record.id] = record.raw
        result = process(record)
        if isinstance(result, Reject):
            raise RuntimeError(f"{record.id}: {result.detail}")
        claims.extend(c.to_dict() for c in result.claims)
    return claims, texts
