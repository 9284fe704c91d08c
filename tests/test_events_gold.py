"""Event linking against 54 hand-built incidents of the SaudiNewsNet corpus
(tests/data/events_gold.tsv): the whole corpus is read and linked, as a user would, and the
pairwise linking precision and recall over the gold claims must not fall below their
floors. `python tests/test_events_gold.py` prints the scores (and, with --errors, every
pair linked wrongly or left apart)."""
import sys

from conftest import ROOT, shared_path

from marsad.link.events import load_gold, score_links
from marsad.read import ReadOptions
from marsad.run import LocalExecutor
from marsad.store import SqliteStore

GOLD = ROOT / "tests" / "data" / "events_gold.tsv"
# measured 2026-12-04: precision 0.915, recall 0.866 (the issue asks 0.85 for both; earlier the
# same day 0.909 and 0.836, see docs/EVENTS.md); 0.920 and 0.881 with the dates counted back and
# carried a day either way (precision swings with the Suruç event: see docs/EVENTS.md); 0.912 and 0.871
# with the date rules of 2026-12-05; 0.890 and 0.871 with those made from the seventh date sample
# (right dates, which the linker's Suruç weakness turns into wrong pairs: docs/EVENTS.md); 0.916 and
# 0.867 once events in places apart need a figure of 10 or more in common to merge (recall's floor
# came down by 0.01 for 0.026 of precision)
FLOORS = {"precision": 0.91, "recall": 0.86}


def linked_store(path):
    store = SqliteStore(str(path))
    LocalExecutor(store, jobs=2, options=ReadOptions()).run([str(shared_path("corpus", "saudinewsnet.jsonl.gz"))])
    store.link()
    return store


def test_linking_against_the_hand_built_events(tmp_path):
    store = linked_store(tmp_path / "corpus.db")
    s = score_links(store, load_gold(str(GOLD)))
    print(f"\nevents gold: precision {s['precision']}, recall {s['recall']}, F1 {s['f1']} "
          f"({s['pairs_gold']} pairs, {s['claims_missing']} gold claims not made)")
    assert s["claims_missing"] <= 0.02 * s["gold_claims"]  # the gold names claims marsad makes
    assert s["precision"] >= FLOORS["precision"] and s["recall"] >= FLOORS["recall"], s


if __name__ == "__main__":
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        s = score_links(linked_store(Path(d) / "corpus.db"), load_gold(str(GOLD)))
    print(f"gold: {s['gold_events']} events, {s['gold_claims']} claims ({s['claims_missing']} not made)")
    print(f"pairs: {s['pairs_gold']} in gold, {s['pairs_predicted']} linked, {s['true_pairs']} right")
    print(f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if "--errors" in sys.argv:
        for what, a, b in s["errors"]:
            print(f"{what}\t{a[0]} {a[2]}:{a[3]}\t{b[0]} {b[2]}:{b[3]}")
