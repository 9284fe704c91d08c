"""Events: the claims of many articles about one incident, linked, and their figures
reconciled (docs/EVENTS.md).

A claim joins the event that it fits best, or starts one:
- the same document or a near-duplicate of it (marsad.link.dedup) with a compatible place:
  the same report, so the same incident;
- else the same country, dates that meet (a day's gap at most; a claim dated only to a
  month links to no other report), places within a distance that depends on how precisely
  both are known (RADIUS_KM; a province or a country only with its own kind of place),
  figures of the same kind and group that a rising toll can join (COMPATIBLE_RATIO), and
  enough of the claim's words in the event's (WORDS_NEEDED).
Running tolls only join running tolls. Linking is incremental: claims already in an event
stay there; new ones join the events that exist, or start new ones.

Each event has, per kind and group counted, a best, low and high figure: low the most
conservative figure attributed (ACLED's rule), high the largest, best the median of what
each source says last; every source with its figure, date and quote; and flags:
disagreement (sources differ beyond rounding), denied, single_source, rising (a toll that
rose), running_toll.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from marsad.ar.normalize import fold
from marsad.extractor.lexicon import lexicon
from marsad.geo.gazetteer import distance_km
from marsad.link.dedup import groups

# kinds that one incident gives together; a claim joins only events of its family (the
# arrests after a bombing are an event of their own, as ACLED codes them)
FAMILIES = {
    "killed": "harm", "injured": "harm", "casualties": "harm", "missing": "harm", "rescued": "harm",
    "detained": "detention", "surrendered": "detention",
    "displaced": "movement", "evacuated": "movement", "trapped": "movement", "present": "movement",
}
# a report whose only date is its publication day speaks of an incident at most this many
# days before it
LATE_REPORT = 3
# how far apart (km) two places may be, by the coarser one's ACLED geo_precision
RADIUS_KM = {1: 30.0, 2: 60.0}
# ... and where one is a province or a region (its point is its weighted centre)
REGION_KM = 150.0
# a day's gap at most between the dates of a claim and of an event
DAY_GAP = 1
# a later article that recalls an incident ("the bombing that killed 32") is dated by its
# own words; it joins the incident up to this many days later where it names its place and
# one of its figures, with most of its words (RECALL_WORDS)
RECALL_DAYS = 21
RECALL_WORDS = 0.5
# ... or, with no figure in common, this many
RECALL_WORDS_ALONE = 0.6
# ... or, where the figure in common is at least RARE_FIGURE (few incidents in one town give
# the same toll of 15, many give 2), this many
RARE_FIGURE = 10
RECALL_WORDS_RARE = 0.25
_DAY = dt.timedelta(days=1)
# a figure parts a claim from an event only where it is more than this many times the
# event's largest of its kind and group, and more than COMPATIBLE_DIFF above it (a toll that
# rises from 5 to 14, a part of it given alone: "20 of the 100 injured", are one incident)
COMPATIBLE_RATIO = 10.0
COMPATIBLE_DIFF = 10
# the share of a claim's words (those that are not common to many claims) that must be in
# the event's words; a figure equal to the event's, or the same named place, counts too
WORDS_NEEDED = 0.3
# a claim with no place of its own (nor one in its document) needs this many of its words
# in the event's
WORDS_NEEDED_UNPLACED = 0.5
# two events are merged where their words (weighted by rarity) are at least this alike
# ... and where their places are apart: the same figure, one of RARE_FIGURE or more (two
# killed in Ceylanpınar and two of Suruç's victims are not one incident), and this many of
# their words
ELSEWHERE_WORDS = 0.6
MERGE_SIMILARITY = 0.2
SAME_FIGURE_BONUS = 0.15
SAME_PLACE_BONUS = 0.15
# words in more than this share of claim contexts say nothing of an incident
COMMON_WORD_SHARE = 0.03
# how far around a claim's quote its context reaches (characters)
CONTEXT = 200
# a running toll names its period ("منذ بداية الحرب") this near its figure; a cumulative claim
# without one only says an incident's toll rose ("ارتفعت حصيلة ... إلى 32")
PERIOD_REACH = 80
# figures within this share of each other differ only by rounding
ROUNDING = 0.1
GENERIC_GROUP = "people"
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(eq=False)
class LinkClaim:
    id: int
    doc: str
    kind: str
    low: int | None
    high: int | None
    qualifier: str
    group: str
    source: str | None
    stance: str
    cumulative: bool
    place: str | None
    place_en: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    geo_precision: int | None
    feature: str | None
    date_start: str | None
    date_end: str | None
    time_precision: int | None
    quote: str
    start: int
    end: int
    outlet: str | None = None
    published: str | None = None
    report: str = ""                 # the near-duplicate group (or the document itself)
    words: frozenset = frozenset()
    weight: float = 0.0              # its words' rarity (idf) together

    @property
    def figure(self) -> float | None:
        if self.low is None and self.high is None:
            return None
        lo = self.low if self.low is not None else self.high
        hi = self.high if self.high is not None else self.low
        return (lo + hi) / 2

    date_text: str | None = None

    def day_span(self) -> tuple[dt.date, dt.date] | None:
        if not self.date_start or not self.date_end:
            return None
        return dt.date.fromisoformat(self.date_start), dt.date.fromisoformat(self.date_end)

    def window(self) -> tuple[dt.date, dt.date] | None:
        """The days the incident may have happened on: the claim's own days and the day before;
        for a date that is only the publication day, up to LATE_REPORT days before."""
        span = self.day_span()
        if span is None:
            return None
        lo, hi = span
        if self.date_text is None:
            lo -= dt.timedelta(days=LATE_REPORT)
        # (a day before: "اليوم" may date the statement, the incident being the night before)
        return lo - DAY_GAP * _DAY, hi

    @property
    def family(self) -> str:
        return FAMILIES.get(self.kind, self.kind)


@dataclass(eq=False)
class Event:
    id: int | None = None
    claims: list = field(default_factory=list)
    words: Counter = field(default_factory=Counter)
    reports: set = field(default_factory=set)
    docs: set = field(default_factory=set)
    changed: bool = True
    # the days its incident may have happened on, as claims dated only by their publication
    # allow (it only narrows); and the days its claims name (their middle third is its days,
    # so that a chain of reports cannot drift from them)
    implicit: tuple | None = None
    named_days: list = field(default_factory=list)
    # what anchor(), window and the word weights give, until the next claim joins (they are
    # asked of an event for every claim and event it is compared with)
    _cache: dict = field(default_factory=dict, repr=False)

    def add(self, c: LinkClaim) -> None:
        self._cache.clear()
        span = c.day_span()
        if span is not None and c.date_text is not None and (c.time_precision or 9) <= 2:
            self.named_days.append(span[1])
        elif span is not None:
            w = c.window()
            if self.implicit is None:
                self.implicit = w
            else:
                lo, hi = max(self.implicit[0], w[0]), min(self.implicit[1], w[1])
                if lo <= hi:
                    self.implicit = (lo, hi)
        self.claims.append(c)
        self.words.update(c.words)
        self.reports.add(c.report)
        self.docs.add(c.doc)
        self.changed = True

    @property
    def window(self) -> tuple | None:
        """The days its incident may have happened on: the middle third of the days its
        claims name, and the day before (as a claim's own days reach a day back); else what its
        claims dated by their publication allow. (Not the median alone: where most reports
        say "أمس" a day or two late, as printed papers do, the median leaves out the day
        that reports giving the date in full name.)"""
        if "window" not in self._cache:
            if self.named_days:
                days = sorted(self.named_days)
                lo, hi = days[(len(days) - 1) // 3], days[len(days) - 1 - (len(days) - 1) // 3]
                self._cache["window"] = (lo - DAY_GAP * _DAY, hi)
            else:
                self._cache["window"] = self.implicit
        return self._cache["window"]

    @property
    def cumulative(self) -> bool:
        return self.claims[0].cumulative

    @property
    def family(self) -> str:
        return self.claims[0].family

    def anchor(self) -> LinkClaim:
        """The claim whose place stands for the event: the place most of its claims name
        (a country only where no claim names a place in it), the more precise first."""
        if "anchor" not in self._cache:
            placed = [c for c in self.claims if c.lat is not None and c.feature != "country"] or \
                     [c for c in self.claims if c.lat is not None]
            if not placed:
                self._cache["anchor"] = self.claims[0]
            else:
                named = Counter(c.place_en for c in placed)
                self._cache["anchor"] = max(placed, key=lambda c: (named[c.place_en], -(c.geo_precision or 9)))
        return self._cache["anchor"]

    def days(self) -> tuple[dt.date, dt.date] | None:
        """The days its incident happened on, as its claims together allow (their window
        without the slack), else the days of all its claims."""
        if self.named_days:
            day = statistics.median_low(self.named_days)
            return day, day
        if self.implicit is not None:
            return self.implicit[0] + DAY_GAP * _DAY, self.implicit[1]
        spans = [s for s in (c.day_span() for c in self.claims) if s]
        if not spans:
            return None
        return min(s[0] for s in spans), max(s[1] for s in spans)


def _places_fit(c: LinkClaim, e: Event, same_report: bool = False) -> bool | None:
    """True where the claim's place fits the event's, False where it is apart, None where
    it or the event has none (the event's place is the one most of its claims name: one
    stray place must not open the event to every place near it)."""
    a = e.anchor()
    if c.lat is None or a.lat is None:
        return None
    return _place_fits(c, a, same_report)


def _place_fits(c: LinkClaim, a: LinkClaim, same_report: bool) -> bool | None:
    """Whether two claims' places may be one incident's. Within one report a region or a
    country fits the places inside it ("قطاع غزة" and "حي الشجاعية"); only two places known
    to a town's precision can be apart."""
    if "country" in (c.feature, a.feature):
        # a country says little of where in it; named for a place in another (a victim's, a
        # side's), nothing
        return None
    if c.place_en and c.place_en == a.place_en and c.country == a.country:
        return True
    coarse = max(c.geo_precision or 3, a.geo_precision or 3)
    if coarse > 2 and c.country and a.country and c.country != a.country:
        return False
    if same_report:
        return coarse not in RADIUS_KM or distance_km(c, a) <= RADIUS_KM[coarse]
    if coarse in RADIUS_KM:
        return distance_km(c, a) <= RADIUS_KM[coarse]
    # a province or a region: the same one, or one within REGION_KM of the other's point
    return (bool(c.admin1) and c.admin1 == a.admin1) or distance_km(c, a) <= REGION_KM


def _figures_fit(c: LinkClaim, e: Event) -> tuple[bool, bool]:
    """(compatible, equal) with the event's figures of the claim's kind and group."""
    if c.figure is None:
        return True, False
    same = [x.figure for x in e.claims if x.kind == c.kind and x.group == c.group and x.figure is not None
            and x.stance != "denied"]
    if not same:
        return True, False
    # against the event's middle figure: one stray figure (a part of the toll) must not shut
    # out the others
    top = max(same)
    fits = c.figure <= top + COMPATIBLE_DIFF or c.figure <= COMPATIBLE_RATIO * top
    return fits, c.figure in same


def _days_fit(c: LinkClaim, e: Event) -> bool:
    """Whether the days the claim allows meet the event's."""
    w = c.window()
    if w is None or e.window is None:
        return False
    return w[0] <= e.window[1] and e.window[0] <= w[1]


def _recalls(c: LinkClaim, e: Event, places, equal: bool, words: float) -> bool:
    """Whether a claim dated after an event recalls it: its place (known to a town's
    precision), one of its figures, most of its words, within RECALL_DAYS."""
    w, ew = c.window(), e.window
    need = RECALL_WORDS_RARE if (c.figure or 0) >= RARE_FIGURE else RECALL_WORDS
    if not (places and equal and words >= need and w and ew and (c.geo_precision or 9) <= 2):
        return False
    return ew[1] < w[0] <= ew[1] + RECALL_DAYS * _DAY


def score(c: LinkClaim, e: Event, idf: dict | None = None) -> float | None:
    """How well a claim fits an event (higher is better), or None where it cannot join. A
    claim that is placed nowhere (nor is its document) is judged by its words weighted by
    rarity (idf, where given): a big event has most of the common words of its kind of
    incident, but not the names of another's places and people."""
    if c.cumulative != e.cumulative or c.family != e.family:
        return None
    figures_fit, equal = _figures_fit(c, e)
    if c.report in e.reports:
        places = _places_fit(c, e, same_report=True)
        # the same report: its claims are one incident unless their places, figures or days
        # part (an earlier incident the article recalls is another event)
        if places is False or not figures_fit or (c.window() and e.window and not _days_fit(c, e)):
            return None
        return 2.0
    places = _places_fit(c, e)
    if (c.time_precision or 9) > 2 or places is False or not figures_fit:
        return None
    words = len(c.words & e.words.keys()) / len(c.words) if c.words else 0.0
    if idf is not None and c.lat is None and c.country is None and c.weight:
        words = sum(idf.get(w, 0.0) for w in c.words if w in e.words) / c.weight
    if not _days_fit(c, e):
        return words if _recalls(c, e, places, equal, words) else None
    bonus = SAME_FIGURE_BONUS * equal + SAME_PLACE_BONUS * (c.place_en is not None and c.place_en == e.anchor().place_en)
    total = words + bonus
    return total if total >= (WORDS_NEEDED if places else WORDS_NEEDED_UNPLACED) else None


def _events_fit(a: Event, b: Event, strict: bool = False) -> float | None:
    """The share of words two events need to be one incident (their words aside, they may
    be), or None: MERGE_SIMILARITY where their days meet; RECALL_WORDS where the later one
    recalls the earlier (the same place known to a town's precision, a figure of the same
    kind in both, within RECALL_DAYS). strict, for an event that grew by a merge: only with
    places that fit, and a recalled incident only with a figure in common (a grown event's
    many words would meet almost any small event's)."""
    if a.cumulative != b.cumulative or a.family != b.family:
        return None
    wa, wb = a.window, b.window
    if wa is None or wb is None:
        return None
    x, y = a.anchor(), b.anchor()
    places = None if x.lat is None or y.lat is None else _place_fits(x, y, False)
    meet = wa[0] <= wb[1] and wb[0] <= wa[1]
    if strict and not places:
        return None
    if places is False:
        # places apart, which a report's place often is (where a statement was made: "الرياض
        # - واس"): one incident only if its days, a rare figure and most of its words are the same
        return ELSEWHERE_WORDS if meet and _shared_figure(a, b, RARE_FIGURE) else None
    if meet:
        return MERGE_SIMILARITY
    if wa[0] > wb[1]:
        a, b, wa, wb = b, a, wb, wa
    if not places or wb[0] > wa[1] + RECALL_DAYS * _DAY:
        return None
    return RECALL_WORDS if _shared_figure(a, b) else None if strict else RECALL_WORDS_ALONE


def _shared_figure(a: Event, b: Event, least: float = 0) -> bool:
    """Whether two events give one figure of the same kind (at least least)."""
    figures = {(c.kind, c.figure) for c in a.claims if c.figure is not None and c.figure >= least}
    return any((c.kind, c.figure) in figures for c in b.claims)


class Linker:
    """Links a store's claims into events, incrementally, and writes them back."""

    def __init__(self, store):
        self.store = store

    def link(self, rebuild: bool = False) -> dict:
        db = self.store.db
        reports = self._dedup()
        if rebuild:
            with db:
                db.execute("DELETE FROM event_claims")
                db.execute("DELETE FROM event_figures")
                db.execute("DELETE FROM events")
        claims = self._claims(reports)
        by_id = {c.id: c for c in claims}
        events: dict[int, Event] = {}
        for claim_id, event_id in db.execute("SELECT claim_id, event_id FROM event_claims"):
            c = by_id.get(claim_id)
            if c is not None:
                events.setdefault(event_id, Event(id=event_id, changed=False)).add(c)
        for e in events.values():
            e.changed = False
        linked = {c.id for e in events.values() for c in e.claims}
        todo = [c for c in claims if c.id not in linked]
        todo.sort(key=lambda c: (c.date_end or "9999", c.published or "", c.doc, c.start))
        index: dict[tuple, list[Event]] = defaultdict(list)
        for e in events.values():
            self._index(index, e)
        new_events: list[Event] = []
        for c in todo:
            best, best_score = None, None
            for e in self._candidates(index, c):
                s = score(c, e, self._idf)
                if s is not None and (best_score is None or s > best_score):
                    best, best_score = e, s
            if best is None:
                best = Event()
                new_events.append(best)
                best.add(c)
                self._index(index, best)
            else:
                best.add(c)
                self._index(index, best)
        # merged events may now meet others that neither half met: again, until none merge
        alive, merged, touched = list(events.values()) + new_events, set(), None
        while True:
            gone, grown = self._merge(alive, index, touched)
            if not gone:
                break
            merged |= gone
            alive = [e for e in alive if e not in gone]
            for bucket in index.values():
                bucket[:] = [e for e in bucket if e not in gone]
            for e in grown:
                self._index(index, e)
            touched = grown
        gone = [e for e in merged if e.id is not None]
        new_events = [e for e in new_events if e not in merged]
        updated = [e for e in events.values() if e.changed and e not in merged]
        if gone:
            with db:
                db.executemany("DELETE FROM events WHERE id = ?", [(e.id,) for e in gone])
        self._write(updated + new_events)
        return {"claims": len(claims), "linked_now": len(todo), "events": len(events) + len(new_events) - len(gone),
                "events_new": len(new_events), "events_updated": len(updated), "events_merged": len(merged),
                "duplicate_documents": len(reports)}

    def _merge(self, events: list[Event], index: dict, touched: set | None = None) -> tuple[set, set]:
        """Merge events that are one incident, seen whole: the same family, places and days
        that fit, figures that a toll can join, and most of their words alike (MERGE_SIMILARITY,
        weighted by how rare a word is). Best pairs first; only pairs with an event of touched,
        where it is given. Returns the events merged away and those that took them in."""
        idf = self._idf

        def similarity(a: Event, b: Event) -> float:
            # how much of the smaller event's words (by rarity) the other has: a report of a
            # few claims is seen whole in an incident many reports made
            small, big = (a, b) if len(a.words) <= len(b.words) else (b, a)
            total = small._cache.get("weight")
            if total is None:
                total = small._cache["weight"] = sum(idf.get(w, 0.0) for w in small.words)
            return sum(idf.get(w, 0.0) for w in small.words if w in big.words) / total if total else 0.0

        def joins(a: Event, b: Event) -> bool:
            # one report's event whose claims would each join the other as it now stands (they
            # met only a part of it, or none, when they were linked), at places that fit (a
            # big event's words meet almost any claim's)
            small, big = (a, b) if len(a.reports) <= len(b.reports) else (b, a)
            return len(small.reports) == 1 and all(
                _places_fit(c, big) and score(c, big) is not None for c in small.claims)

        # each pair of events that share a key of the index (a country and day, a report, a
        # place), once: an event meets those after it in the list
        order = {id(e): i for i, e in enumerate(events)}
        keys_of: dict[int, list] = defaultdict(list)
        for k, bucket in index.items():
            for e in bucket:
                keys_of[id(e)].append(k)
        pairs = []
        # (in a later pass, only the pairs with an event that grew, met from that event: with
        # one that did not grow, or one that grew and comes after it)
        firsts = events if touched is None else [e for e in events if e in touched]
        for a in firsts:
            near = {id(b): b for k in keys_of[id(a)] for b in index[k] if id(b) in order and (
                order[id(b)] > order[id(a)] or (touched is not None and b not in touched))}
            for b in near.values():
                x, y = (a, b) if order[id(a)] < order[id(b)] else (b, a)
                need = _events_fit(x, y, strict=touched is not None)
                if need is not None:
                    sim = similarity(x, y)
                    if sim >= need or joins(x, y):
                        pairs.append((max(sim, need), x, y))
        pairs.sort(key=lambda p: -p[0])
        into: dict[int, Event] = {}

        def final(e: Event) -> Event:
            while id(e) in into:
                e = into[id(e)]
            return e

        merged, grown = set(), set()
        for sim, a, b in pairs:
            a, b = final(a), final(b)
            if a is b:
                continue
            need = _events_fit(a, b, strict=touched is not None)
            if need is None or (similarity(a, b) < need and not joins(a, b)):
                continue
            if b.id is not None and (a.id is None or b.id < a.id):
                a, b = b, a  # an event that is stored keeps its id
            for c in b.claims:
                a.add(c)
            a.changed = True
            into[id(b)] = a
            merged.add(b)
            grown.add(a)
        return merged, grown - merged

    # reading ------------------------------------------------------------------------

    def _dedup(self) -> dict[str, str]:
        """Group near-duplicate documents; store and return {doc id: its group's first id}."""
        db = self.store.db
        docs = db.execute("SELECT id, sketch, dup_of FROM documents WHERE sketch IS NOT NULL"
                          " ORDER BY date NULLS FIRST, rowid").fetchall()
        found = groups([(r["id"], r["sketch"]) for r in docs])
        with db:
            db.executemany("UPDATE documents SET dup_of = ? WHERE id = ?",
                           [(found.get(r["id"]), r["id"]) for r in docs if r["dup_of"] != found.get(r["id"])])
        return found

    def _claims(self, reports: dict[str, str]) -> list[LinkClaim]:
        db = self.store.db
        rows = db.execute(
            "SELECT c.*, d.outlet, d.date AS published FROM claims c JOIN documents d ON d.rowid = c.doc_rowid"
            " ORDER BY c.doc_rowid, c.start, c.id").fetchall()
        claims = []
        contexts: dict[int, list] = defaultdict(list)
        for r in rows:
            c = LinkClaim(
                id=r["id"], doc=r["doc"], kind=r["kind"], low=r["low"], high=r["high"], qualifier=r["qualifier"],
                group=r["grp"] or GENERIC_GROUP, source=r["source"], stance=r["stance"],
                cumulative=_running(r), place=r["place"], place_en=r["place_en"], lat=r["lat"],
                lon=r["lon"], country=r["country"], admin1=r["admin1"], geo_precision=r["geo_precision"],
                feature=r["feature"], date_start=r["date_start"], date_end=r["date_end"],
                time_precision=r["time_precision"], date_text=r["date_text"], quote=r["quote"], start=r["start"], end=r["end"],
                outlet=r["outlet"], published=r["published"], report=reports.get(r["doc"], r["doc"]))
            claims.append(c)
            contexts[r["doc_rowid"]].append(c)
        # the words around each claim, without those common to many claims
        df: Counter = Counter()
        bags = {}
        period = lexicon().period
        for rowid, cs in contexts.items():
            raw, title = db.execute("SELECT raw, title FROM documents WHERE rowid = ?", (rowid,)).fetchone()
            # the title names the incident an article is about, where the words around a
            # figure may not ("والد الشهيد ...")
            # words as their hashes: a claim's bag of ints takes a fraction of the memory of
            # its strings (the bags only meet within this process)
            headline = {hash(w) for w in _WORD.findall(fold(title or ""))}
            for c in cs:
                if c.cumulative and not period.search(fold(raw[max(0, c.start - PERIOD_REACH):c.end + PERIOD_REACH])):
                    c.cumulative = False  # a toll that rose, with no period: the incident's own
                if not c.cumulative and c.date_start is None and c.date_end:
                    # "وقعت مؤخرا": by a day, from a start not said; linked as a report of that
                    # day with no date of its own is
                    c.date_start = (dt.date.fromisoformat(c.date_end) - _DAY).isoformat()
                    c.time_precision, c.date_text = 2, None
                bag = frozenset(headline.union(map(hash, _WORD.findall(fold(raw[max(0, c.start - CONTEXT):c.end + CONTEXT])))))
                bags[c.id] = bag
                df.update(bag)
        common = {w for w, n in df.items() if n > max(20, COMMON_WORD_SHARE * len(claims))}
        self._idf = {w: math.log(len(claims) / n) for w, n in df.items() if w not in common}
        for c in claims:
            c.words = bags[c.id] - common
            c.weight = sum(self._idf.get(w, 0.0) for w in c.words)
        # a claim with no place is where the other claims of its document are, as a region
        # at best (the first placed one: the article's lead)
        for cs in contexts.values():
            placed = next((c for c in cs if c.lat is not None), None)
            if placed is None:
                continue
            for c in cs:
                if c.lat is None and (c.country is None or c.country == placed.country):
                    c.lat, c.lon, c.country, c.admin1 = placed.lat, placed.lon, placed.country, placed.admin1
                    c.place_en, c.feature = placed.place_en, placed.feature
                    c.geo_precision = max(placed.geo_precision or 3, 2)
        return claims

    @staticmethod
    def _index(index: dict, e: Event) -> None:
        """Events by country and day, for the candidates of a claim."""
        a = e.anchor()
        keys = set()
        if e.window:
            d = e.window[0]
            while d <= e.window[1] and len(keys) < 80:
                keys.add((a.country, d))
                keys.add(("day", d))
                d += _DAY
        for c in e.claims:
            keys.add(("report", c.report))
            if c.place_en and (c.geo_precision or 9) <= 2:
                keys.add(("place", c.place_en, c.country))
        for k in keys:
            if e not in index[k]:
                index[k].append(e)

    @staticmethod
    def _candidates(index: dict, c: LinkClaim) -> list[Event]:
        out = list(index.get(("report", c.report), []))
        if c.place_en and (c.geo_precision or 9) <= 2:
            out.extend(index.get(("place", c.place_en, c.country), []))  # an incident it may recall
        w = c.window()
        if w and (c.time_precision or 9) <= 2:
            d = w[0]
            while d <= w[1]:
                # a claim with no place may join an event anywhere, on its words alone
                out.extend(index.get((c.country, d) if c.country else ("day", d), []))
                d += _DAY
        seen, unique = set(), []
        for e in out:
            if id(e) not in seen:
                seen.add(id(e))
                unique.append(e)
        return unique

    # writing ------------------------------------------------------------------------

    def _write(self, events: list[Event]) -> None:
        db = self.store.db
        with db:
            for e in events:
                summary = reconcile(e)
                a = e.anchor()
                days = e.days()
                row = (a.place, a.place_en, a.country, a.admin1, a.lat, a.lon, a.geo_precision, a.feature,
                       days[0].isoformat() if days else None, days[1].isoformat() if days else None,
                       _precision(days), int(e.cumulative), len(e.claims), len(e.docs), len(e.reports),
                       summary["sources"], ",".join(summary["kinds"]), ",".join(summary["flags"]))
                if e.id is None:
                    e.id = db.execute(
                        "INSERT INTO events(place, place_en, country, admin1, lat, lon, geo_precision, feature,"
                        " date_start, date_end, time_precision, cumulative, n_claims, n_docs, n_reports, n_sources,"
                        " kinds, flags) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", row).fetchone()[0]
                else:
                    db.execute(
                        "UPDATE events SET place=?, place_en=?, country=?, admin1=?, lat=?, lon=?, geo_precision=?,"
                        " feature=?, date_start=?, date_end=?, time_precision=?, cumulative=?, n_claims=?, n_docs=?,"
                        " n_reports=?, n_sources=?, kinds=?, flags=? WHERE id=?", (*row, e.id))
                    db.execute("DELETE FROM event_figures WHERE event_id = ?", (e.id,))
                db.executemany("INSERT INTO event_claims(claim_id, event_id) VALUES (?, ?)"
                               " ON CONFLICT (claim_id) DO UPDATE SET event_id = excluded.event_id",
                               [(c.id, e.id) for c in e.claims])
                db.executemany(
                    "INSERT INTO event_figures(event_id, kind, grp, best, low, high, n_claims, n_sources, flags,"
                    " sources, timeline) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [(e.id, f["kind"], f["group"], f["best"], f["low"], f["high"], f["claims"], f["n_sources"],
                      ",".join(f["flags"]), json.dumps(f["sources"], ensure_ascii=False),
                      json.dumps(f["timeline"], ensure_ascii=False)) for f in summary["figures"]])


def _precision(days) -> int | None:
    if not days:
        return None
    n = (days[1] - days[0]).days
    return 1 if n == 0 else 2 if n <= 6 else 3 if n <= 31 else 4


def _source_key(c: LinkClaim) -> str:
    """Who gives a figure: the source the article names, else the outlet itself."""
    return c.source or (f"{c.outlet} (own)" if c.outlet else f"{c.doc} (own)")


def reconcile(e: Event) -> dict:
    """Per kind and group: best, low, high, every source's account, the flags."""
    by: dict[tuple, list[LinkClaim]] = defaultdict(list)
    for c in e.claims:
        if c.figure is not None:
            by[(c.kind, c.group)].append(c)
    figures = []
    all_sources: set = set()
    event_flags: set = set()
    for (kind, group), cs in sorted(by.items()):
        standing = [c for c in cs if c.stance != "denied"]
        flags = set()
        if len(standing) < len(cs):
            flags.add("denied")
        ordered = sorted(standing, key=lambda c: (c.published or "", c.doc, c.start))
        latest: dict[str, LinkClaim] = {}
        reports_of: dict[str, set] = defaultdict(set)
        for c in ordered:
            key = _source_key(c)
            latest[key] = c
            reports_of[key].add(c.report)
        values = [c.figure for c in latest.values()]
        # a vague figure ("عشرات") bounds the others but is no estimate of its own
        estimates = [c.figure for c in latest.values() if c.qualifier != "vague"]
        if values:
            small, big = min(values), max(values)
            if big - small > max(2, ROUNDING * big):
                flags.add("disagreement")
        timeline = []
        for c in ordered:
            if not timeline or c.figure != timeline[-1]["figure"]:
                timeline.append({"date": (c.published or "")[:10], "figure": c.figure, "source": _source_key(c),
                                 "doc": c.doc})
        if len(timeline) > 1 and timeline[-1]["figure"] > timeline[0]["figure"] and any(
                b["figure"] > a["figure"] for a, b in zip(timeline, timeline[1:])):
            flags.add("rising")
        if len(latest) <= 1:
            flags.add("single_source")
        all_sources |= set(latest)
        lows = [c.low if c.low is not None else c.high for c in standing]
        highs = [c.high if c.high is not None else c.low for c in standing]
        figures.append({
            "kind": kind, "group": group,
            "best": (round(statistics.median(estimates)) if estimates
                     else min(c.low for c in latest.values() if c.low is not None) if values else None),
            "low": min(lows) if lows else None, "high": max(highs) if highs else None,
            "claims": len(cs), "n_sources": len(latest), "flags": sorted(flags),
            "sources": [{"source": _source_key(c), "low": c.low, "high": c.high, "qualifier": c.qualifier,
                         "stance": c.stance, "date": c.date_end, "published": c.published, "doc": c.doc,
                         "outlet": c.outlet, "quote": c.quote, "start": c.start, "end": c.end,
                         "reports": len(reports_of[_source_key(c)]) if c.stance != "denied" else 1}
                        for c in sorted(cs, key=lambda c: (c.published or "", c.doc, c.start))],
            "timeline": timeline,
        })
        event_flags |= flags - {"single_source"}
    if len(all_sources) <= 1:
        event_flags.add("single_source")
    if e.cumulative:
        event_flags.add("running_toll")
    kinds = sorted({c.kind for c in e.claims})
    return {"figures": figures, "flags": sorted(event_flags), "kinds": kinds, "sources": len(all_sources)}


def _running(r) -> bool:
    """A running toll over a period, kept apart from incidents: a cumulative claim, but not
    one that only says an incident's toll rose and names its day ("ارتفعت حصيلة ضحايا انفجار
    أمس إلى 15": that is the incident's toll, and joins it); nor one with no period near it
    (checked on the text in Linker._claims)."""
    return bool(r["cumulative"]) and not (r["date_text"] and r["time_precision"] == 1)


def load_gold(path: str) -> list[tuple[str, str, int, int]]:
    """Hand-built events (tests/data/events_gold.tsv): (event, doc, start, end) per claim."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                event, doc, start, end, *_ = line.rstrip("\n").split("\t")
                rows.append((event, doc, int(start), int(end)))
    return rows


def score_links(store, gold: list[tuple[str, str, int, int]]) -> dict:
    """Pairwise linking precision and recall of a store's events against gold events: over
    every pair of gold claims the store holds (by doc and offsets), a pair is linked in gold
    when both are in one gold event, and predicted when both are in one stored event."""
    found = []
    missing = []
    for event, doc, start, end in gold:
        r = store.db.execute(
            'SELECT ec.event_id FROM claims c LEFT JOIN event_claims ec ON ec.claim_id = c.id'
            ' WHERE c.doc = ? AND c.start = ? AND c."end" = ?', (doc, start, end)).fetchone()
        if r is None:
            missing.append((event, doc, start, end))
        else:
            found.append((event, r[0], doc, start))
    tp = fp = fn = 0
    errors = []
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            g = found[i][0] == found[j][0]
            p = found[i][1] is not None and found[i][1] == found[j][1]
            tp += g and p
            fp += p and not g
            fn += g and not p
            if g != p:
                errors.append(("split" if g else "merged", found[i], found[j]))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold_events": len({g[0] for g in gold}), "gold_claims": len(gold), "claims_found": len(found),
            "claims_missing": len(missing), "pairs_gold": tp + fn, "pairs_predicted": tp + fp, "true_pairs": tp,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "errors": errors, "missing": missing}
