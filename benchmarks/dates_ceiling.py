"""How far the hand-read date samples (tests/data/dates_claims*.tsv) could go by choosing better
among the dates an article says, and whether a model learnt from them chooses better than the rules.

    python benchmarks/dates_ceiling.py            # the rules and the ceiling, per sample
    python benchmarks/dates_ceiling.py --learn    # also a learnt chooser (pip install scikit-learn)

For every sampled claim marsad still makes, the candidates are every date marsad reads in its
article (as read, from "منذ" also up to its own day, and each single day also a day either way)
and the two dates it gives a claim with no date (the three days up to publication; a toll from
an unknown start). The ceiling is the share of claims for which one candidate is right by the
measure of tests/test_dates_checked.py: no choosing among them does better. The claims with no
right candidate are counted by how marsad's date stands to the reader's.

--learn scores each candidate with gradient-boosted trees (features: where the date is from the
figure, sentence, comma stretch, paragraph and order; its width and distance from publication;
its kind; the claim's kind, size and whether it is a running toll; whether the rules chose it),
trained on all samples but one and scored on that one (a sample and its second reading are held
out together, as are the articles they share with others).
"""
from __future__ import annotations

import argparse
import bisect
import collections
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import test_dates_checked as checked  # noqa: E402
from conftest import snn_records_by_id  # noqa: E402

import marsad.extractor.claims as claims_module  # noqa: E402
from marsad.clean import clean_document  # noqa: E402
from marsad.extractor import ClaimExtractor  # noqa: E402
from marsad.extractor.dates import OPEN, DatedText  # noqa: E402
from marsad.model import Document  # noqa: E402

_ONE = dt.timedelta(days=1)


class _Kept(DatedText):
    """DatedText that keeps the last one made, to read the dates of the article just extracted."""
    last = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _Kept.last = self


def _bucket(x, edges):
    return next((i for i, e in enumerate(edges) if x <= e), len(edges))


def candidates(claim, dated: DatedText):
    """[(first day or None, last day, features)] for one claim."""
    pub, cs, ce = dated.pub, claim.start, claim.end
    rs = claim.date_start and dt.date.fromisoformat(claim.date_start)
    re_ = claim.date_end and dt.date.fromisoformat(claim.date_end)
    i = max(0, bisect.bisect_right(dated._span_starts, cs) - 1)
    ss, se = dated.spans[i] if dated.spans else (0, ce + 1)
    par = bisect.bisect_right(dated.paragraphs, cs)
    base = {"kind=" + claim.kind: 1, "toll": int(claim.cumulative), "large": int((claim.low or 0) >= 200),
            "q=" + claim.qualifier: 1}
    out = []

    def add(lo, hi, feat):
        f = dict(base, **feat)
        f["rules"] = int(lo == rs and hi == re_)
        if lo is None:
            f["open"] = 1
        else:
            f["wide%d" % _bucket((hi - lo).days, [0, 1, 2, 6, 31, 366])] = 1
        if pub is not None:
            f["ago%d" % _bucket((pub - hi).days, [0, 1, 2, 3, 7, 31, 366])] = 1
        out.append((lo, hi, f))

    n_before = sum(m.start < cs for m in dated.mentions)
    for j, m in enumerate(dated.mentions):
        lo = None if m.lo == OPEN else m.lo
        after = m.start >= ce
        side = "a" if after else "b"
        f = {"mention": 1, side: 1,
             side + "far%d" % _bucket(m.start - ce if after else cs - m.end, [0, 10, 30, 80, 200, 500, 1500]): 1,
             side + "rank%d" % _bucket(j - n_before if after else n_before - 1 - j, [0, 1, 2]): 1,
             "sentence": int(ss <= m.start < se),
             "comma": int(dated._comma_part(m.start) == dated._comma_part(ce if after else cs)),
             "paragraphs%d" % _bucket(abs(bisect.bisect_right(dated.paragraphs, m.start) - par), [0, 1, 2]): 1,
             "named": int(m.named), "clause": int(m.clause), "since": int(m.began is not None),
             "yearless": int(m.yearless), "statement": int(m.start in dated.statements),
             "lead": int(dated.lead is not None and m.start == dated.lead.start)}
        add(lo, m.hi if m.began is None else pub, f)
        if m.began is not None:
            add(m.lo, m.began, dict(f, began_day=1))
        if lo is not None and m.lo == m.hi and pub is not None:
            add(lo - _ONE, min(pub, m.hi + _ONE), dict(f, either_way=1))
    if pub is not None:
        add(None, pub, {"no_date_toll": 1})
        add(pub - 2 * _ONE, pub, {"no_date_days": 1})
    return out


def how_missed(claim, t) -> str:
    ts, te = t
    lo = claim.date_start and dt.date.fromisoformat(claim.date_start)
    hi = claim.date_end and dt.date.fromisoformat(claim.date_end)
    if ts is None:
        return "the reader: a toll from an unknown start; marsad: dated"
    if lo is None:
        return "marsad: a toll from an unknown start; the reader: dated"
    if lo <= ts and hi >= te:
        return "marsad's span holds the reader's but is too wide"
    if hi < ts or lo > te:
        far = min(abs((ts - hi).days), abs((lo - te).days)) > 30
        return ("marsad later" if lo > te else "marsad earlier") + (" by over a month" if far else "")
    return "the two overlap, neither holds the other"


def read_samples():
    """[(sample, article, claim, truth, candidates)] for every dated sampled claim marsad still makes."""
    rows = [(name, r) for name, _ in checked.SETS for r in checked.rows_of(name)]
    texts = snn_records_by_id({r[0] for _, r in rows})
    ex = ClaimExtractor.default()
    made = {}
    out = []
    claims_module.DatedText = _Kept
    try:
        for name, (doc, start, end, verdict, true, *_) in rows:
            t = checked.truth(true)
            if verdict == "UNSURE" or t is None:
                continue
            if doc not in made:
                rec = texts[doc]
                found = ex.extract(clean_document(Document(id=doc, raw=rec["text"], title=rec.get("title"),
                                                           date=rec.get("date"))))
                made[doc] = found, _Kept.last
            found, dated = made[doc]
            c = next((c for c in found if c.start == int(start) and c.end == int(end)), None)
            if c is not None:
                out.append((name, doc, c, t, candidates(c, dated)))
    finally:
        claims_module.DatedText = DatedText
    return out


def _sample(name: str) -> str:
    """A sample's file, for it and its second reading ("dates_claims5b.tsv" is the fifth)."""
    return name.replace("b.tsv", ".tsv")


def learn(samples):
    """{sample: how many the learnt chooser gets right}, each sample scored by a model trained without it."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer(sparse=False).fit([f for *_, cands in samples for *_, f in cands])
    right = collections.Counter()
    for held in {_sample(name) for name, *_ in samples}:
        test = [s for s in samples if _sample(s[0]) == held]
        docs = {s[1] for s in test}
        train = [s for s in samples if _sample(s[0]) != held and s[1] not in docs]
        X = vec.transform([f for *_, cands in train for *_, f in cands])
        y = [checked.right(checked._Read((lo, hi)), t) for _, _, _, t, cands in train for lo, hi, _ in cands]
        model = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_depth=3, random_state=0).fit(X, y)
        for name, _, _, t, cands in test:
            p = model.predict_proba(vec.transform([f for *_, f in cands]))[:, 1]
            lo, hi, _ = cands[int(np.argmax(p))]
            right[name] += checked.right(checked._Read((lo, hi)), t)
    return right


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--learn", action="store_true", help="also a chooser learnt from the other samples")
    args = ap.parse_args(argv)
    samples = read_samples()
    learnt = learn(samples) if args.learn else None
    per = collections.defaultdict(collections.Counter)
    missed = collections.Counter()
    for name, _, c, t, cands in samples:
        ok = checked.right(c, t)
        reachable = any(checked.right(checked._Read((lo, hi)), t) for lo, hi, _ in cands)
        per[name].update(n=1, rules=ok, ceiling=reachable or ok)
        if not reachable and not ok:
            missed[how_missed(c, t)] += 1
    total = collections.Counter()
    print("sample\tclaims\trules\tceiling" + ("\tlearnt" if learnt else ""))
    for name, _ in checked.SETS:
        p = per[name]
        total.update(p)
        line = f"{name}\t{p['n']}\t{p['rules'] / p['n']:.2f}\t{p['ceiling'] / p['n']:.2f}"
        print(line + (f"\t{learnt[name] / p['n']:.2f}" if learnt else ""))
    n = total["n"]
    print(f"all\t{n}\t{total['rules'] / n:.3f} ({total['rules']})\t{total['ceiling'] / n:.3f} ({total['ceiling']})" +
          (f"\t{sum(learnt.values()) / n:.3f} ({sum(learnt.values())})" if learnt else ""))
    print(f"\n{n - total['ceiling']} claims no candidate dates right:")
    for how, k in missed.most_common():
        print(f"  {k}\t{how}")


if __name__ == "__main__":
    main()
