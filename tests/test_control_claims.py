"""Control claims against twelve hand-checked sets of SaudiNewsNet claims
(tests/data/control_claims*.tsv): of the claims marsad still makes at those places, the
share right (actor, change and place) must not fall below each set's floor."""
import functools

import pytest

import marsad
from marsad.evaluate import place_right
from conftest import ROOT, snn_records_by_id

# a claim taken and then held is still held: "took" for "holds" (and back) is right
_SAME = {("took", "holds"), ("holds", "took")}


def load_rows(name="control_claims.tsv"):
    rows = []
    for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            doc, start, end, actor, change, place, *_ = line.split("\t")
            rows.append((doc, int(start), int(end), actor, change, place))
    return rows


def right(claim, actor, change, place) -> bool:
    if actor == "NOT_A_CLAIM":
        return False
    return (claim.actor == actor and (claim.change == change or (claim.change, change) in _SAME)
            and place_right(claim.place, place))


def score(name="control_claims.tsv"):
    rows = load_rows(name)
    records = snn_records_by_id(r[0] for r in rows)
    # (with its title and date, as marsad run reads a record)
    found = {doc: marsad.extract_control(r["text"], doc_id=doc, title=r.get("title"), date=r.get("date"))
             for doc, r in records.items()}
    made, good, lines = 0, 0, []
    for doc, start, end, actor, change, place in rows:
        hits = [c for c in found[doc] if c.start < end and start < c.end]
        if not hits:
            lines.append(f"{doc}\t{start}\t(no claim)\t| {actor} {change} {place}")
            continue
        made += 1
        ok = any(right(c, actor, change, place) for c in hits)
        good += ok
        if not ok:
            c = hits[0]
            lines.append(f"{doc}\t{start}\t{c.actor} {c.change} {c.place}\t| {actor} {change} {place}")
    return good, made, len(rows), lines


# Each set with the floor of its precision over the claims still made; the comment says what
# it was when read (the honest figure for unseen text) and why the floor is higher now.
SETS = [
    # the first check: 27/60 (0.45) when read; 40/51 after rules made from its errors
    ("control_claims.tsv", 0.92),
    # the second, read after the rules were fitted to the first: 34/60 when read
    ("control_claims_heldout.tsv", 0.85),
    # the third, fresh when read: 43/60 (0.72)
    ("control_claims_heldout3.tsv", 0.86),
    # the fourth, fresh when read: 46/60 (0.77)
    ("control_claims_heldout4.tsv", 0.87),
    # the fifth, fresh when read: 44/60 (0.73)
    ("control_claims_heldout5.tsv", 0.85),
    # the sixth, fresh when read: 46/60 (0.77)
    ("control_claims_heldout6.tsv", 0.9),
    # the seventh, fresh when read: 51/60 (0.85; 43/60 with its borderline calls wrong)
    ("control_claims_heldout7.tsv", 0.91),
    # the eighth, fresh when read: 49/60 (0.82; 46/60 with its borderline calls wrong)
    ("control_claims_heldout8.tsv", 0.94),
    # the ninth, fresh when read: 41/52 (0.79)
    ("control_claims_heldout9.tsv", 0.9),
    # the tenth, fresh when read (every unread document left): 25/35 (0.71)
    ("control_claims_heldout10.tsv", 0.85),
    # the eleventh, fresh when read (every claim of the corpus no set had checked): 64/83 (0.77);
    # 64/78 after operations ("عملية تحرير") were read as contested
    ("control_claims_heldout11.tsv", 0.85),
    # the twelfth, a blind re-reading of 70 claims drawn at random from the whole output
    # (2026-12-04): 58/70 (0.83) when read, 59/65 after the backing forces and plans it showed
    ("control_claims_blind12.tsv", 0.9),
]


@functools.lru_cache(maxsize=None)
def scored(name):
    return score(name)


@pytest.mark.parametrize("name,floor", SETS)
def test_hand_checked_control_claims(name, floor):
    good, made, total, lines = scored(name)
    print(f"{name}: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= floor, "\n".join(lines)



def test_pooled_precision_over_every_set():
    """The issue's measure: the share right of all hand-checked claims marsad makes (every claim
    the corpus gives has been read in one set or another; 0.897 on 2026-12-04), at least 0.85."""
    good = made = 0
    for name, _ in SETS:
        if "blind" in name:
            continue  # (a second reading of claims the other sets read)
        g, m, _, _ = scored(name)
        good, made = good + g, made + m
    print(f"all sets: {good}/{made} control claims right")
    assert made >= 500 and good / made >= 0.88


if __name__ == "__main__":  # python tests/test_control_claims.py: the score and every miss
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    for name in sys.argv[1:] or [n for n, _ in SETS]:
        g, m, n, ls = score(name)
        print("\n".join(ls))
        print(f"{name}: {g}/{m} control claims right ({n} checked, {n - m} no longer made)")
