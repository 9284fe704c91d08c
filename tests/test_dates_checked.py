"""Event dates against ten hand-checked samples of 100 SaudiNewsNet claims (five of them read twice)
(tests/data/dates_claims*.tsv: the true day or span of each, as read in the article).
A date is right where the true days lie within marsad's and marsad's span is not needlessly
wide (at most a week, or twice the true span); a running toll with an unknown start is right
with an open start ending at the day it was given. `python tests/test_dates_checked.py`
prints the scores and every miss."""
import datetime as dt
import sys

import pytest

from conftest import ROOT, snn_records_by_id

from marsad.clean import clean_document
from marsad.extractor import ClaimExtractor
from marsad.model import Document

# (file, floor): the share right of the claims marsad still makes and that were datable.
# The first check read 51/96 right, the second (fresh) 55/91 (0.62 by this measure), 0.67 after
# fixes made from both, 0.67 and 0.78 on 2026-12-04 (spans, "منذ" reaching a date, ranges,
# "مؤخرا", held since, the paragraph before). The third was read blind after those fixes, by a
# reader who did not see marsad's dates: 33/78 (0.42; 33/55 where the start is known: it takes
# features, condemnations and announced arrests as "unknown..the day", which marsad never
# gives). Then arrests reported with no day of their own were given an open start (as all three
# readers read them): 0.68, 0.78, 0.47. Dates counted back from the date said last ("بعد ثمانية
# أيام من"، "وقبل ذلك بيوم"، "الذكرى الأولى ل"): 0.68, 0.78, 0.54; and a day carried from another
# sentence taken as that day give or take one (precision 2): 0.71, 0.79, 0.62; "لا يزال" before a
# figure, after the day said last (a state that goes on, no start): 0.64. The fourth was read
# blind after those rules, by two readers: 51/89 (0.57; the evening's code, fcc47ae, 47/89). From its
# misses, a claim with no date said became a report of the publication day or the two before (it was
# the day before): 0.72, 0.79, 0.64, 0.64. The issue asks for 0.9. The printout also gives how many
# right ones are no wider than the truth: 0.34, 0.38, 0.38, 0.38 (at fcc47ae 0.49, 0.62, 0.40, 0.44).
# Then, from the fourth's misses, "أمس واليوم" (both days), "من 31 يوليو وحتى يوم أمس", "خلال
# الفترة نفسها" (the span said last): 0.72, 0.79, 0.64, 0.67. The fifth was read blind by two other
# readers after all of those rules and scored before any change: 54/85 (0.64; fcc47ae 45/85, 0.53);
# no wider than the truth 30/85 (0.35; fcc47ae 36/85, 0.42)
# On 2026-12-05 the rules of commit d3c83e4 ("منذ 19 شهرا"، the calendar week, ...) made from the
# fifth's misses: 0.74, 0.79, 0.64, 0.71, 0.67. The sixth was then read blind by two more readers
# and scored once: 38/74 (0.51; ae44bcf 0.50, fcc47ae 0.41). The fifth was also read a second time
# by two others (dates_claims5b.tsv): marsad by their reading 0.51, and the two readings agree with
# each other no better than 0.67-0.69 by this measure (printed below). The seventh was read blind by
# four readers and again by four others, each of whom then checked marsad's dates (cd3c61d): 0.59 and
# 0.60 by their readings, 56/88 right by both checks; the two readings agree 0.97, so that 0.67 was
# the fifth's readers' disagreement, not a ceiling. From its misses (feasts, "ليل الاثنين", parts of
# a year, two years, a date right after the figure, another clause after a comma, a day in quotes, a
# statement's day after a long name): 0.75, 0.80, 0.64, 0.71, 0.67, 0.51, 0.57, 0.70, 0.71. The eighth
# was then read the same way and scored once (dbf1f47): 40/77 and 42/79 (0.52, 0.53), 44/76 right by both
# checks (0.58), the readings agreeing 0.92-0.96; cd3c61d, before the seventh's rules, gets the same
# 40/77: those rules gave nothing on fresh text. "قتلوا في الصراع"، "منذ منتصف" as running tolls: 0.53, 0.54.
# On 2026-12-05 (later) well-known events by name (ar/data/known_events.tsv) and comparisons ("أعلى حصيلة
# منذ 2009" dates nothing): 0.75, 0.80, 0.64, 0.72, 0.67, 0.51, 0.58, 0.72, 0.73, 0.55, 0.56 (612 of 923
# right, 604 before). The ninth was read blind by four readers and again by four others while those
# rules were written, and scored once, before and after them: 40/73 and 39/73 (0.55, 0.53) both times;
# the two readings agree 58 of 70 (0.83) by this measure.
# Then fewer non-claims (e91d887, cb454ba). The tenth was drawn from the claims of 477511e, read blind
# by four readers and four others, and scored once: 46/83 and 47/84 (0.55, 0.56; 6b5e497 45/83 and
# 46/84), the readings agreeing 73-74 of 82 (0.89-0.90); both readers call 15 of its 100 no claim,
# where they called 22 of the eighth's and 27 of the ninth's (drawn from the code before).
# From its misses, "في 15 شهرا" after a toll is that long up to the day: 47/83, 48/84.
# On 2026-12-05 (evening), from the misses of the eighth to the tenth: "العام الماضي"/"هذا العام" alone,
# "آنذاك", "بين 1993 و2006", "اليوم الأول"/"اليوم نفسه" not today, "وكان ... الخميس" in Thursday's paper,
# "32 قتيلا ومئة جريح الإثنين" (one clause), comparisons "خلال" and "مقارنة ب" (from 781 of 1231 right to
# 788 of 1229); then a figure of 200 or more with no date in its sentence is a toll up to the day it was
# reported, from a start not said: 819 of 1229; the eighth to the tenth 0.62, 0.63, 0.56, 0.55, 0.62, 0.63.
# The eleventh was then drawn from the claims of eea02a4, read blind by four readers and four others,
# and scored once: 53/91 and 52/91 (0.58, 0.57; 3ba4d77, before that day's rules, 49/91 both), the
# readings agreeing 84-86 of 90 (0.93-0.96); both readers call 9 of its 100 no claim.
# Then "حينها", "اليوم الذي" (not today), a day and month after a year long past of that year, and a
# day right after the figure within the year said before it: the eleventh 54/91 and 53/91.
# The twelfth was then drawn from the claims of 9a74db4, read the same way and scored once: 54/91 and
# 55/90 (0.59, 0.61; 3ba4d77 49/91 and 50/90), the readings agreeing 84-85 of 89 (0.94-0.96).
SETS = [("dates_claims.tsv", 0.78), ("dates_claims2.tsv", 0.81), ("dates_claims3.tsv", 0.67), ("dates_claims4.tsv", 0.73),
        ("dates_claims5.tsv", 0.68), ("dates_claims5b.tsv", 0.52), ("dates_claims6.tsv", 0.59),
        ("dates_claims7.tsv", 0.71), ("dates_claims7b.tsv", 0.72), ("dates_claims8.tsv", 0.61), ("dates_claims8b.tsv", 0.62),
        ("dates_claims9.tsv", 0.55), ("dates_claims9b.tsv", 0.54), ("dates_claims10.tsv", 0.61), ("dates_claims10b.tsv", 0.62),
        ("dates_claims11.tsv", 0.57), ("dates_claims11b.tsv", 0.56),
        ("dates_claims12.tsv", 0.58), ("dates_claims12b.tsv", 0.60)]
# (a second reading of the same claims, for the agreement of two readers)
SECOND_READINGS = [("dates_claims5.tsv", "dates_claims5b.tsv"), ("dates_claims7.tsv", "dates_claims7b.tsv"),
                   ("dates_claims8.tsv", "dates_claims8b.tsv"), ("dates_claims9.tsv", "dates_claims9b.tsv"),
                   ("dates_claims10.tsv", "dates_claims10b.tsv"),
                   ("dates_claims11.tsv", "dates_claims11b.tsv"),
                   ("dates_claims12.tsv", "dates_claims12b.tsv")]


def _day(s):
    if len(s) == 4:  # a year
        return dt.date(int(s), 1, 1), dt.date(int(s), 12, 31)
    if len(s) == 7:  # a month
        first = dt.date.fromisoformat(s + "-01")
        return first, (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    d = dt.date.fromisoformat(s)
    return d, d


def truth(s):
    """(first, last) day as read; first None for an unknown start; None where unknown."""
    if s == "unknown":
        return None
    if ".." in s:
        a, b = s.split("..")
        return (None if a == "unknown" else _day(a)[0]), _day(b)[1]
    return _day(s)


def right(c, t) -> bool:
    start = c.date_start and dt.date.fromisoformat(c.date_start)
    end = c.date_end and dt.date.fromisoformat(c.date_end)
    if end is None:
        return False
    ts, te = t
    if ts is None:
        return start is None and abs((end - te).days) <= 1
    if start is None:
        return (te - ts).days > 31 and end >= te
    return start <= ts and end >= te and (end - start).days <= max(7, 2 * (te - ts).days + 2)


def rows_of(name):
    return [line.rstrip("\n").split("\t") for line in (ROOT / "tests" / "data" / name).open(encoding="utf-8")
            if line.strip() and not line.startswith("#")]


class _Read:
    """A reader's span in the shape of a claim's dates, to score one reader by another."""
    def __init__(self, t):
        self.date_start, self.date_end = t[0] and t[0].isoformat(), t[1].isoformat()


def agreement(first, second):
    """(how many claims both readers dated, how many of the second's dates are right by the
    first's truth, and the other way round), by the measure marsad is held to."""
    a = {tuple(r[:3]): r for r in rows_of(first)}
    both = one = other = 0
    for r in rows_of(second):
        f = a.get(tuple(r[:3]))
        if f is None or "UNSURE" in (f[3], r[3]) or truth(f[4]) is None or truth(r[4]) is None:
            continue
        both += 1
        one += right(_Read(truth(r[4])), truth(f[4]))
        other += right(_Read(truth(f[4])), truth(r[4]))
    return both, one, other


def score(name):
    rows = rows_of(name)
    texts = snn_records_by_id({r[0] for r in rows})
    ex = ClaimExtractor.default()
    claims = {}
    ok = n = exact = 0
    misses = []
    for doc, start, end, verdict, true, *_ in rows:
        t = truth(true)
        if verdict == "UNSURE" or t is None:
            continue
        if doc not in claims:
            rec = texts[doc]
            claims[doc] = ex.extract(clean_document(Document(id=doc, raw=rec["text"], title=rec.get("title"),
                                                             date=rec.get("date"))))
        c = next((c for c in claims[doc] if c.start == int(start) and c.end == int(end)), None)
        if c is None:
            continue  # no longer made
        n += 1
        if right(c, t):
            ok += 1
            # (as narrow as the truth: the measure takes a span of up to a week that holds it)
            exact += t[0] is None or (c.date_start is not None and
                                      dt.date.fromisoformat(c.date_end) - dt.date.fromisoformat(c.date_start) <= t[1] - t[0])
        else:
            misses.append(f"{doc}\t{start}\ttrue {true}\tmarsad {c.date_start}..{c.date_end} ({c.date_text})")
    return ok, n, misses, exact


def not_claims():
    """(the sampled claims every reader of them marked UNSURE: not a count of people harmed, held
    or moved in a violent event, by the readers' instructions; how many of them marsad still makes)."""
    verdicts = {}
    for name, _ in SETS:
        for r in rows_of(name):
            verdicts.setdefault(tuple(r[:3]), []).append(r[3])
    unsure = [k for k, v in verdicts.items() if all(x == "UNSURE" for x in v)]
    texts = snn_records_by_id({k[0] for k in unsure})
    ex = ClaimExtractor.default()
    made = 0
    for doc in sorted({k[0] for k in unsure}):
        rec = texts[doc]
        spans = {(c.start, c.end) for c in ex.extract(clean_document(Document(id=doc, raw=rec["text"], title=rec.get("title"),
                                                                             date=rec.get("date"))))}
        made += sum((int(s), int(e)) in spans for d, s, e in unsure if d == doc)
    return len(unsure), made


def test_claims_every_reader_called_no_claim_stay_few():
    # 2026-12-05: 141 such claims in the first nine samples; marsad made all 141 before the units,
    # verbs and death sentences of e91d887, and 101 after (many of the rest are crime arrests, which
    # GUIDE.md counts and the readers' instructions did not); the tenth, drawn after, adds 15, of
    # which lamps ("مصابيح") and productive families ("أسر منتجة") then went: 114 of 156
    # the eleventh (drawn from eea02a4) adds 8 more, of which a football match's minute ("في الدقيقة 72
    # مصابا") then went: 121 of 164 (the rest: hunger strikes, a negated arrest, a dog, a hypothetical)
    # the twelfth (drawn from 9a74db4) adds 8 more, all still made: 129 of 172
    n, made = not_claims()
    assert n >= 172 and made <= 129, (n, made)


@pytest.mark.parametrize("name,floor", SETS)
def test_dates_against_hand_checked_claims(name, floor):
    ok, n, _, _ = score(name)
    assert n >= 70 and ok / n >= floor, (ok, n)  # (the claims still made, of the datable ones)


if __name__ == "__main__":
    for name, _ in SETS:
        ok, n, misses, exact = score(name)
        print("\n".join(misses))
        print(f"{name}: {ok}/{n} dates right ({ok / n:.2f}); {exact} of them no wider than the truth ({exact / n:.2f})")
    n, made = not_claims()
    print(f"of {n} sampled claims every reader marked UNSURE (no count of people harmed), marsad still makes {made}")
    for first, second in SECOND_READINGS:
        both, one, other = agreement(first, second)
        print(f"two readings of the same claims ({first}, {second}): of {both} both dated, the second reader is "
              f"right by the first's truth on {one} ({one / both:.2f}), the first by the second's on {other} ({other / both:.2f})")
