"""Control claims against 60 hand-checked claims of SaudiNewsNet articles
(tests/data/control_claims.tsv): of the claims marsad still makes at those places, the
share right (actor, change and place) must not fall below the floor."""
import gzip
import json

import marsad
from marsad.evaluate import place_right
from conftest import ROOT, shared_path

# 27/60 (0.45) when the set was checked; 40/51 after rules made from its errors (so this set
# now flatters: tests/data/control_claims_heldout.tsv is the fresh check). Raise as rules improve.
FLOOR = 0.92
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
    wanted = {r[0] for r in rows}
    texts = {}
    with gzip.open(shared_path("corpus", "saudinewsnet.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in wanted:
                texts[rec["id"]] = rec["text"]
    assert len(texts) == len(wanted)
    found = {doc: marsad.extract_control(text, doc_id=doc) for doc, text in texts.items()}
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


def test_hand_checked_control_claims():
    good, made, total, lines = score()
    print(f"{good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= FLOOR, "\n".join(lines)


# the second check, made after the rules were fitted to the set above: 34/60 when checked,
# 28/35 of the claims still made after rules made from its errors (so it too flatters now)
HELDOUT_FLOOR = 0.85


def test_hand_checked_control_claims_heldout():
    good, made, total, lines = score("control_claims_heldout.tsv")
    print(f"held out: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= HELDOUT_FLOOR, "\n".join(lines)


# the third check, fresh when it was read (after the rules were fitted to both sets above):
# 43/60 right when checked (0.72, the honest estimate); 43/50 of the claims still made after
# rules made from its errors
HELDOUT3_FLOOR = 0.86


def test_hand_checked_control_claims_third():
    good, made, total, lines = score("control_claims_heldout3.tsv")
    print(f"third: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= HELDOUT3_FLOOR, "\n".join(lines)


# the fourth check, fresh when it was read: 46/60 right when checked (0.77); 51/58 of the
# claims still made after rules made from its errors
HELDOUT4_FLOOR = 0.87


def test_hand_checked_control_claims_fourth():
    good, made, total, lines = score("control_claims_heldout4.tsv")
    print(f"fourth: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= HELDOUT4_FLOOR, "\n".join(lines)


# the fifth check, fresh when it was read: 44/60 right when checked (0.73)
HELDOUT5_FLOOR = 0.8


def test_hand_checked_control_claims_fifth():
    good, made, total, lines = score("control_claims_heldout5.tsv")
    print(f"fifth: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= HELDOUT5_FLOOR, "\n".join(lines)


# the sixth check, fresh when it was read: 46/60 right when checked (0.77)
HELDOUT6_FLOOR = 0.8


def test_hand_checked_control_claims_sixth():
    good, made, total, lines = score("control_claims_heldout6.tsv")
    print(f"sixth: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= HELDOUT6_FLOOR, "\n".join(lines)


# the seventh check, fresh when it was read: 51/60 right when checked (0.85; 43/60 if its
# borderline calls count wrong); 53/58 of the claims still made after rules made from it
HELDOUT7_FLOOR = 0.91


def test_hand_checked_control_claims_seventh():
    good, made, total, lines = score("control_claims_heldout7.tsv")
    print(f"seventh: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= HELDOUT7_FLOOR, "\n".join(lines)


# the eighth check, fresh when it was read: 49/60 right when checked (0.82; 46/60 with its
# borderline calls wrong)
HELDOUT8_FLOOR = 0.82


def test_hand_checked_control_claims_eighth():
    good, made, total, lines = score("control_claims_heldout8.tsv")
    print(f"eighth: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= HELDOUT8_FLOOR, "\n".join(lines)


# the ninth check, fresh when it was read: 41/52 right when checked (0.79)
HELDOUT9_FLOOR = 0.82


def test_hand_checked_control_claims_ninth():
    good, made, total, lines = score("control_claims_heldout9.tsv")
    print(f"ninth: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= HELDOUT9_FLOOR, "\n".join(lines)


# the tenth check, fresh when it was read (every unread document left): 25/35 (0.71)
HELDOUT10_FLOOR = 0.71


def test_hand_checked_control_claims_tenth():
    good, made, total, lines = score("control_claims_heldout10.tsv")
    print(f"tenth: {good}/{made} control claims right ({total} checked, {total - made} no longer made)")
    assert made and good / made >= HELDOUT10_FLOOR, "\n".join(lines)


if __name__ == "__main__":  # python tests/test_control_claims.py: the score and every miss
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    for name in sys.argv[1:] or ["control_claims.tsv", "control_claims_heldout.tsv", "control_claims_heldout3.tsv",
                                 "control_claims_heldout4.tsv", "control_claims_heldout5.tsv",
                                 "control_claims_heldout6.tsv", "control_claims_heldout7.tsv",
                                 "control_claims_heldout8.tsv", "control_claims_heldout9.tsv",
                                 "control_claims_heldout10.tsv"]:
        g, m, n, ls = score(name)
        print("\n".join(ls))
        print(f"{name}: {g}/{m} control claims right ({n} checked, {n - m} no longer made)")
