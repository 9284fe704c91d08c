"""When a claim's event happened: a day or a span of days, from the publication date and what
the text says ("أمس"، "اليوم (الاثنين)"، "الخميس الماضي"، "مطلع الشهر الجاري"، "15 يوليو/تموز"،
"5 شوال 1436هـ"). The words are in ar/data/dates.tsv.

A claim takes the date said nearest to it in its sentence (before it first; but where that is
only when a statement was made, "ذكرت الوكالة أمس أن ...", one said after it in its clause),
else the last one said before it in its paragraph or the one before, else the one in the
article's lead (a day carried so is that day give or take one: news carries a day on loosely),
else the day of publication or the two before (news reports what happened by then; a paper
of the morning reports the day before's, and a story may run a day late). "منذ" before a date, within a few words ("منذ اندلاع الصراع في أبريل"), and "منذ ذلك
الحين" make a span from then to the publication; "خلال أسبوعين"، "خلال الـ48 ساعة" a span
up to it. "مؤخرا"، "إلى اليوم", and arrests reported with no day of their own, give a span
up to it from a start not said (no date_start), as does "لا يزال" before a figure (a state that
goes on); people held "منذ أبريل" were taken then.
"بعد ثمانية أيام من الهجوم"، "وقبل ذلك بيوم" and "في الذكرى الأولى لمقتل" count back from the
date said last (or the day it was written).
Where the document has no publication date, only a date the text gives in full (with its
year) counts: no date is invented. `time_precision` is ACLED's: 1 a day, 2 a week at most, 3 a month at most; 4 (not
ACLED's) a longer span.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from fractions import Fraction
from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.ar.lexicon import PROCLITICS, PROCLITICS_NO_ARTICLE, alternation, end_pattern, read_tsv
from marsad.ar.normalize import fold
from marsad.ar.numbers import number_data

_ONE = dt.timedelta(days=1)
_WEEK = dt.timedelta(days=7)
_HALF_YEAR = dt.timedelta(days=182)
# (a known event longer ago than this, after "منذ", is a comparison: "الأسوأ منذ الحرب العالمية الثانية")
_LONG_AGO = dt.timedelta(days=20 * 365)
_COMMA = re.compile("[،,؛;]")
# (how far after a year said in its sentence a day and month with no year are of that year)
_YEAR_REACH = 200
_SENTENCE_ENDS = ".!?؟\n"
_SENTENCE_END = re.compile(f"[{_SENTENCE_ENDS}]")
# (a day of a month right after a weekday: "الخميس (6 أغسطس 2015)" is that day)
_DATE_AFTER = re.compile(r"\s*[(\[]?\s*\d")
# kinds of claims that count people in a state that began on a day ("المحتجزين منذ أبريل")
_HELD = frozenset({"detained", "missing"})
# kinds of claims that an undated report gives by its day, from a start not said
_HELD_BY = frozenset({"detained"})
# (people, at least) a figure this large with no date said in its sentence is a toll counted over a
# while, not a day's ("سجلت الحكومة نحو 1180 شهيدا"، "6.5 ملايين نازح داخل البلاد")
_TOLL_SIZE = 200
# how near before a claim's figure (characters) "لا يزال" stands
_STILL_REACH = 40
# how near after a claim's words (characters) its "منذ ..." date stands
_HELD_REACH = 20
# the first day of a span whose start is not said ("مؤخرا"): a claim dated so has no date_start
OPEN = dt.date.min
# a conjunction or preposition glued to a date word ("وأمس"، "بالخميس")
_GLUE = PROCLITICS_NO_ARTICLE
_YEAR = r"(1[34]\d\d|20\d\d|19\d\d)"
# two years joined by a dash: "(1982-1990)"، "2011 - 2014" (not a part of a longer number or a date)
_YEAR_RANGE = re.compile(r"(?<![\d/.-])(19\d\d|20\d\d)\s*[-–]\s*(19\d\d|20\d\d)(?![\d/.-])")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int      # the words, in the folded text
    end: int
    lo: dt.date
    hi: dt.date
    began: dt.date | None = None  # after "منذ": the last day of the date said (hi is then the publication)
    clause: bool = False  # "بعد يومين من ...": it dates only the words after it in its clause
    named: bool = False   # a well-known event by its name: it dates only the figures of its clause
    yearless: bool = False  # a day and month said with no year ("في الرابع من يوليو")


@dataclass(frozen=True)
class _DateWords:
    day: re.Pattern
    days: dict
    weekday: re.Pattern
    weekdays: dict
    explicit: re.Pattern     # 15 يوليو/تموز 2015، 5 شوال 1436، الأول من يناير
    ordinals: dict
    day_of_month: re.Pattern  # الخامس من الشهر الجاري
    range_lead: re.Pattern   # "بين" or "من" before the first of two dates
    range_join: re.Pattern   # what stands between them: "و"، "وحتى"
    pair_join: re.Pattern    # "و" between two days a day or two apart: "أمس واليوم"
    month_alone: re.Pattern  # في يوليو الماضي، شهر رمضان، يوليو 2015
    months: dict
    hijri: dict
    numeric: re.Pattern      # 15/7/2015، 2015-07-15
    period: re.Pattern
    periods: dict
    week_start: int          # the first day of a week (Python's weekday)
    this_month: re.Pattern
    last_month: re.Pattern
    part: re.Pattern         # مطلع الشهر الجاري، أواخر يوليو
    parts: dict
    ago: re.Pattern          # قبل ثلاثة أيام، منذ يومين
    units: dict
    since: re.Pattern        # منذ before a date ("منذ تسلمه مهامه في 29 مايو")
    since_then: re.Pattern   # منذ ذلك الحين: from the date said before
    then: re.Pattern         # آنذاك: the date said before
    pluperfect: re.Pattern   # "وكان ... هاجم" before a weekday: what had happened before
    of_year: re.Pattern      # "شوال لهذا العام": what stands between a date and its year
    compared_with: re.Pattern  # "مقارنة بالعام الماضي": a date compared with dates nothing
    open_past: re.Pattern    # مؤخرا، إلى اليوم: up to now, from a start not said
    still: re.Pattern        # لا يزال: a state that goes on, from a start not said
    year: re.Pattern         # عام 2014
    shift: re.Pattern        # بعد ثمانية أيام من، بعد أقل من أسبوع على: that long before the date said last
    shift_less: frozenset    # the leads that say "less than that long"
    shift_back: re.Pattern   # وقبل ذلك بيوم
    anniversary: re.Pattern  # الذكرى الأولى ل، الذكرى الـ70 ل
    same_period: re.Pattern  # خلال الفترة نفسها: the span said last
    year_ordinals: dict
    past: frozenset
    future: frozenset
    plural_units: frozenset  # "أيام" with no count: a few days
    duals: frozenset         # "أسبوعين": a unit that says its count
    month_words: tuple       # the words of this month and the last (a text without them has no day of either)
    since_then_words: tuple
    year_last: frozenset     # "العام الماضي"
    since_words: frozenset   # "منذ" leading a month: from then to the publication
    not_day: re.Pattern      # "عين اليوم": a name
    name_before: re.Pattern  # "قصر 22 مايو": a name
    span: re.Pattern         # خلال الأسبوعين الماضيين، خلال الـ48 ساعة، خلال 10 أشهر
    past_only_leads: frozenset  # "في": a span only with "الماضي"
    night: re.Pattern        # ليلة الخميس الجمعة
    eve: re.Pattern          # ليل الاثنين: that night, or the one before it
    holiday: re.Pattern      # أول أيام عيد الفطر
    holidays: dict
    year_part: re.Pattern    # مطلع العام الماضي
    year_parts: dict
    year_pair: re.Pattern    # بين عامي 1982 و1990
    span_of: re.Pattern      # أربعة أشهر من المعارك: that long, up to now
    new_clause: re.Pattern   # "، ويشهد": a comma that begins another clause (not "، وفق ما")
    clause_open: re.Pattern  # "ويذكر"، "أن": a word that begins another clause
    saying: re.Pattern       # a verb of saying ending right before a date: the statement's day
    told: re.Pattern         # a relative day with its weekday ("أمس الجمعة"، "اليوم (السبت)")
    known: re.Pattern        # a well-known event or war by its name ("مجزرة سربرنيتسا"، "الأزمة السورية")
    during: re.Pattern       # "خلال"، "طوال" right before a war's name: through it
    compared: re.Pattern     # "أعلى حصيلة منذ": a comparison (ending at "منذ" and the words after it)
    compared_lead: re.Pattern  # ... ending right before "منذ"
    known_days: dict         # its name -> (first day, last day or None where it goes on)


@lru_cache(maxsize=1)
def date_words() -> _DateWords:
    rows: dict[str, list[tuple[str, str]]] = {}
    duals = set()
    for row in read_tsv("dates.tsv"):
        rows.setdefault(row[0], []).append((fold(row[1]), row[2] if len(row) > 2 else ""))
        if row[0] == "unit" and row[3:4] == ("dual",):
            duals.add(fold(row[1]))

    def alt(role):
        return alternation(p for p, _ in rows[role])

    def table(role, convert=int):
        return {p: convert(v) for p, v in rows[role]}

    def pair(v):
        if v.startswith(("week", "year")):
            return v  # a calendar week or year: "week-1" the one before, "week" this one (up to the day)
        a, b = v.split(",")
        return int(a), int(b)

    months = table("month")
    # (a comparison's word, as itself or with the article, not "أكثر من" or "على الأقل": a figure's qualifier)
    compared = rf"(?<!\w)(?<!{fold('على ')})(?:ال)?(?:{alt('comparison')})(?!\w)(?!\s+من(?!\w)(?!\s+(?:{alt('comparison_kind')})))"
    known_days = {fold(r[0]): (_known_day(r[1], last=False), None if r[2] == "now" else _known_day(r[2], last=True))
                  for r in read_tsv("known_events.tsv")}
    counted = rf"(?:(?P<count>\d+|\w+)\s+)?(?P<unit>{alt('unit')})"  # "ثمانية أيام"، "يومين"
    article, half = alt("count_article"), rf"(?:{alt('half')})(?!\w)"
    about = alternation(fold(r[1]) for r in read_tsv("qualifiers.tsv") if len(r) > 2 and r[0] == "approx" and r[2] == "before")
    ordinals = table("ordinal")
    # a day: in digits, or an ordinal followed by "من"
    day_number = rf"(\d{{1,2}}|(?:{alternation(ordinals)})(?=\s+(?:{alternation(p for p, _ in rows['of'])})\s))"
    hijri = table("hijri_month")
    month = alternation(list(months) + list(hijri))
    gregorian = alt("month")
    of, month_word, day_word = alt("of"), alt("month_word"), alt("day_word")
    tail = rf"(?:\s+({alt('past')}|{alt('future')}))?"
    # a year: written, or said as "العام الماضي"، "العام الجاري" (a letter then stands for it)
    year_of = (rf"(?:\s*[,،]?\s*(?:{of}\s+)?(?:(?:{alt('year_word')}\s+)?{_YEAR}(?!\d)"
               rf"|((?:{alt('year_last')})|(?:{alt('year_this')}))(?!\w)))?")

    return _DateWords(
        # (not a name in quotes: the paper «اليوم»; "«هذا الصباح فجر انتحاري" is a day)
        day=re.compile(rf"(?<!\w)(?<![«\"“](?=(?:{alt('day')})[»\"”])){_GLUE}({alt('day')})(?!\w)"
                       rf"(?!\s+(?:{alt('not_day_before')})(?!\w))"),
        days=table("day"),
        weekday=re.compile(rf"(?<!\w){_GLUE}(?:{day_word}\s+)?({alt('weekday')})(?!\w){tail}"),
        weekdays=table("weekday"),
        explicit=re.compile(rf"(?<![\d/])(?<!\w\w){day_number}\s*(?:{of}\s+)?(?:{month_word}\s+)?({month})(?!\w)(?:\s*[/(-]?\s*{gregorian}\s*\)?)?{tail}{year_of}"),
        month_alone=re.compile(
            rf"(?:(?<!\w)({alt('month_lead')}|{_GLUE}(?:{month_word}))\s+(?:{month_word}\s+)?)?"
            rf"(?<!\w)({month})(\s*[/(-]?\s*{gregorian}(?!\w)\s*\)?)?(?!\w){tail}{year_of}"),
        months=months, hijri=hijri, ordinals=ordinals,
        day_of_month=re.compile(rf"(?<![\d/])(?<!\w\w){day_number}\s*{of}\s+(?:({alt('last_month')})|({alt('this_month')}))(?!\w)"),
        range_lead=re.compile(rf"(?<!\w){_GLUE}(?:{alt('range_lead')})\s*$"),
        range_join=re.compile(rf"\s*(?:(?:{alt('past')})\s*)?[،,]?\s*(?:{alt('range_join')})\s*$"),  # ("يوليو الماضي، وحتى")
        # (the second day's "و" may be read with it: "والجمعة")
        pair_join=re.compile(rf"\s*(?:{alternation(p for p, v in rows['range_join'] if v == 'pair')})?\s*$"),
        numeric=re.compile(r"(?<![\d/.-])(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{4})([/-])(\d{1,2})\5(\d{1,2}))(?![\d/.-])"),
        period=re.compile(rf"(?<!\w){_GLUE}({alt('period')})(?!\w)"),
        periods=table("period", pair),
        week_start=int(rows["week_start"][0][1]),
        this_month=re.compile(rf"(?<!\w){_GLUE}(?:{alt('this_month')})(?!\w)"),
        last_month=re.compile(rf"(?<!\w){_GLUE}(?:{alt('last_month')})(?!\w)"),
        part=re.compile(rf"(?<!\w){_GLUE}({alt('month_part')})\s+(?:({alt('last_month')})|(?:{alt('this_month')})|(?:{month_word}\s+)?({month})(?!\w){tail})"),
        parts=table("month_part", pair),
        # ("قبل نحو 24 شهرا": the words of about, as qualifiers.tsv has them)
        ago=re.compile(rf"(?<!\w)(?:{alt('ago')})\s+(?:(?:{about})\s+)?(?:(\d+|\w+)\s+)?({alt('unit')})(?!\w)"),
        # (with no "الماضية" after it, only with a count: "خلال 10 أشهر"، "خلال أسبوعين")
        span=re.compile(rf"(?<!\w){_GLUE}(?P<lead>{alt('span_lead')})\s+(?:(?:{article}\s*)?(?P<count>\d+|\w+)\s+)?"
                        rf"(?P<unit>{alt('unit')})(?(count)|(?:\s+(?!(?:{alt('past_plural')}|{alt('few')})(?!\w))(?:{article}\s*)?"
                        rf"(?!{half})(?P<count_after>\d+|\w+))?)"
                        rf"(?P<half>\s+{half})?(?P<few>\s+(?:{alt('few')}))?(?:\s+(?P<past>{alt('past_plural')}))?(?!\w)"),
        past_only_leads=frozenset(p for p, v in rows["span_lead"] if v == "past"),
        night=re.compile(rf"(?<!\w){_GLUE}(?:{alt('night')})\s+(?:{day_word}\s+)?({alt('weekday')})\s*"
                         rf"(?:[-/–]\s*)?(?:و)?({alt('weekday')})(?!\w)"),
        eve=re.compile(rf"(?<!\w){_GLUE}(?:{alt('eve')})\s+(?:{day_word}\s+)?({alt('weekday')})(?!\w)"
                       rf"(?!\s*(?:[-/–]\s*)?(?:و)?(?:{alt('weekday')})(?!\w))"),
        holiday=re.compile(rf"(?<!\w){_GLUE}({alt('holiday')})(?!\w)"),
        holidays=table("holiday", lambda v: tuple(int(x) for x in v.split(","))),
        year_part=re.compile(rf"(?<!\w){_GLUE}({alt('year_part')})\s+(?:({alt('year_last')})|({alt('year_this')})|"
                             rf"(?:{alt('year_word')})\s+{_YEAR})(?!\w)"),
        year_parts=table("year_part", pair),
        new_clause=re.compile(rf"[،,]\s*(?!(?:{alt('same_clause')})(?!\w))(?:{alt('conjunction')})\w"),
        # (not "و" before a number: "أوقع 32 قتيلا ومئة جريح الإثنين" is one clause)
        clause_open=re.compile(rf"(?<!\w)(?:(?:{alt('conjunction')})(?!\d|(?:{alternation(number_data().words)})(?!\w))\w+|"
                               rf"(?:{alt('clause_open')}))(?!\w)"),
        span_of=re.compile(rf"(?<!\w){counted}\s+من\s+(?:{alt('span_of')})(?!\w)"),
        year_pair=re.compile(rf"(?<!\w){_GLUE}(?:{alt('year_pair')})\s+{_YEAR}\s*(?:{alt('year_pair_join')})\s*{_YEAR}(?!\d)"),
        saying=re.compile(rf"(?<!\w){_GLUE}(?:{alternation(fold(r[0]) for r in read_tsv('attribution.tsv') if len(r) > 1 and r[1] == 'verb')})"
                          rf"{end_pattern('object')}(?:(?:[\s،,]+\S+){{0,8}}|(?:(?:\s*[،,]\s*(?!و)|\s+)[^\s،,]+){{9,12}})[\s،,(]*$"),
        known=re.compile(rf"(?<!\w){_GLUE}({alternation(known_days)})(?!\w)"),
        known_days=known_days,
        compared=re.compile(rf"{compared}(?:\s+[^\s.،,؛:]+){{0,6}}?\s+{_GLUE}(?:{alt('since')}|{alt('comparison_span')})(?:\s+[^\s.،,؛:]+){{0,5}}\s*$"),
        compared_lead=re.compile(rf"{compared}(?:\s+[^\s.،,؛:]+){{0,6}}?\s+{_GLUE}$"),
        during=re.compile(rf"(?<!\w){_GLUE}(?:{alternation(p for p, v in rows['span_lead'] if v != 'past')})\s+$"),
        told=re.compile(rf"(?<![\w«\"“]){_GLUE}({alt('day')})\s*[(]?\s*(?:{day_word}\s+)?({alt('weekday')})(?!\w)"),
        units={p: Fraction(v.rstrip("+")) for p, v in rows["unit"]},
        plural_units=frozenset(p for p, v in rows["unit"] if v.endswith("+")),
        duals=frozenset(duals),
        month_words=tuple(p for role in ("this_month", "last_month") for p, _ in rows[role]),
        since_then_words=tuple(p for role in ("since_then", "then") for p, _ in rows[role]),
        year_last=frozenset(p for p, _ in rows["year_last"]),
        since_words=frozenset(p for p, _ in rows["since"]),
        not_day=re.compile(rf"(?<!\w){_GLUE}(?:{alt('not_day_after')})[\s«\"“]*$"),
        name_before=re.compile(rf"(?<!\w){PROCLITICS}(?:{alt('name_before')})[\s«\"“]*$"),
        # (منذ, then at most five words naming what began then: "منذ اندلاع الصراع في شرق
        # أوكرانيا في أبريل"، no clause or sentence between)
        since=re.compile(rf"(?<!\w){_GLUE}(?:{alt('since')})(?:\s+[^\s.،,؛:!?()«»]+){{0,5}}\s+(?:{day_word}\s+)?$"),
        since_then=re.compile(rf"(?<!\w){_GLUE}(?:{alt('since_then')})(?!\w)"),
        then=re.compile(rf"(?<!\w){_GLUE}(?:{alt('then')})(?!\w)"),
        compared_with=re.compile(rf"(?<!\w)(?:{alt('compared_with')})\s*$"),
        pluperfect=re.compile(rf"(?<!\w)(?:{alt('pluperfect')})(?!\w)[^{_SENTENCE_ENDS}]*$"),
        # (between a date and a year said right after it, "شوال لهذا العام": that date's year)
        of_year=re.compile(rf"[\s()،,-]*(?:(?:{alt('of')})\s+)?{_GLUE}"),
        open_past=re.compile(rf"(?<!\w){_GLUE}(?:{alt('open_past')})(?!\w)"),
        still=re.compile(rf"(?<!\w){_GLUE}(?:{alt('still')})(?!\w)"),
        year=re.compile(rf"(?<!\w){_GLUE}(?:{alt('year_word')})\s+{_YEAR}(?!\d)"),
        shift=re.compile(rf"(?<!\w){_GLUE}(?P<lead>{alt('shift_lead')})\s+{counted}\s+(?:{alt('shift_link')})(?!\w)"),
        shift_less=frozenset(p for p, v in rows["shift_lead"] if v == "less"),
        shift_back=re.compile(rf"(?<!\w){_GLUE}(?:{alt('shift_back')})\s*{counted}(?!\w)"),
        anniversary=re.compile(rf"(?<!\w){_GLUE}(?:{alt('anniversary')})\s+(?:(?P<ord>{alt('year_ordinal')})|"
                               rf"(?:{article}\s*)?(?P<num>\d{{1,3}}))(?!\w)"),
        year_ordinals=table("year_ordinal"),
        same_period=re.compile(rf"(?<!\w){_GLUE}(?:{alt('same_period')})(?!\w)"),
        past=frozenset(p for p, _ in rows["past"]),
        future=frozenset(p for p, _ in rows["future"]),
    )


def _known_day(value: str, last: bool) -> dt.date:
    """A day of known_events.tsv: YYYY-MM-DD, or YYYY-MM (its first day, or its last)."""
    if len(value) == 7:
        first = dt.date.fromisoformat(value + "-01")
        return _month_end(first) if last else first
    return dt.date.fromisoformat(value)


def publication_day(value: str | None) -> dt.date | None:
    """The day of a document's date (ISO, with or without a time), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None


def precision(lo: dt.date, hi: dt.date) -> int:
    days = (hi - lo).days
    return 1 if days == 0 else 2 if days <= 6 else 3 if days <= 31 else 4


# how many days before its publication a text may have been written (a paper's edition of
# the morning, written the day before; a weekly column)
_MAX_LAG = 3


def writing_day(folded: str, pub: dt.date | None) -> dt.date | None:
    """The day a text was written, that its "أمس" and "اليوم" count from: the publication day,
    unless the text names the weekday of one of them ("أمس الجمعة" in a paper of Sunday morning:
    written on Saturday); the first such pair decides."""
    if pub is None:
        return None
    w = date_words()
    for m in w.told.finditer(folded):
        offset, weekday = w.days[m.group(1)], w.weekdays[m.group(2)]
        for lag in range(_MAX_LAG + 1):
            if (pub - dt.timedelta(days=lag - offset)).weekday() == weekday:
                return pub - dt.timedelta(days=lag)
        break
    return pub


def find_dates(folded: str, pub: dt.date | None, written: dt.date | None = None) -> list[DateMention]:
    """The dates a folded text gives, resolved against the day it was written (writing_day),
    in text order (one per stretch of words: "اليوم (الاثنين)" is one). A date to come is left
    out."""
    w = date_words()
    found: list[DateMention] = []
    published, pub = pub, written or writing_day(folded, pub)

    def add(m, lo, hi, start=None, end=None, began=None, named=False, yearless=False):
        if lo is None or hi is None or lo > hi:
            return
        s = m.start() if start is None else start
        if w.compared.search(folded, max(0, s - 150), s) or (
                folded.startswith(tuple(w.since_words), s) and w.compared_lead.search(folded, max(0, s - 100), s)):
            return  # "في أعلى حصيلة منذ عام 2009": a comparison dates nothing
        if w.compared_with.search(folded, max(0, s - 20), s):
            return  # "ارتفع عدد الضحايا 1 في المائة مقارنة بالعام الماضي"
        if published is not None and lo > published + _ONE:
            return  # a plan or an appointment: no event yet
        if w.since.search(folded, max(0, s - 60), s) and pub is not None and lo <= pub:
            began, hi = hi, max(hi, published)  # "منذ الخميس": from that day on
        found.append(DateMention(s, m.end() if end is None else end, lo, hi, began, named=named, yearless=yearless))

    if pub is not None:
        for m in w.day.finditer(folded):
            if w.not_day.search(folded, max(0, m.start(1) - 12), m.start(1)):
                continue
            d = pub + dt.timedelta(days=w.days[m.group(1)])
            add(m, d, d, m.start(1))
        for m in w.weekday.finditer(folded):
            if m.group(2) in w.future:
                continue
            back = (pub.weekday() - w.weekdays[m.group(1)]) % 7
            if back == 0 and (m.group(2) in w.past or (w.pluperfect.search(folded, max(0, m.start() - 80), m.start()) and
                                                     not _DATE_AFTER.match(folded, m.end()))):
                back = 7  # "الخميس الماضي"، "وكان عبدالعزيز هاجم الخميس" in Thursday's paper: a week before
            d = pub - dt.timedelta(days=back)
            add(m, d, d)
        for m in w.open_past.finditer(folded):
            add(m, OPEN, pub)
        for m in w.period.finditer(folded):
            span = w.periods[m.group(1)]
            if isinstance(span, str) and span.startswith("year"):  # "في العام الماضي": the calendar year before
                year = pub.year + int(span[4:] or 0)
                add(m, dt.date(year, 1, 1), min(pub, dt.date(year, 12, 31)), m.start(1))
                continue
            if isinstance(span, str):  # "الأسبوع الماضي": the calendar week before (Sunday to Saturday)
                first = pub - dt.timedelta(days=(pub.weekday() - w.week_start) % 7) + \
                    dt.timedelta(days=7 * int(span[4:] or 0))
                add(m, first, min(pub, first + dt.timedelta(days=6)), m.start(1))
                continue
            a, b = span
            add(m, pub + dt.timedelta(days=a), pub + dt.timedelta(days=b), m.start(1))
        for m in w.span.finditer(folded):
            unit, plural = w.units[m.group("unit")], m.group("unit") in w.plural_units
            said = m.group("count") or m.group("count_after")
            count = _count(said) if said else None
            if said and count is None and (m.group("count") or m.group("past") or said in w.months or said in w.hijri):
                continue  # "في هذه الأيام"، "خلال شهر رمضان" (a month's name)
            end = None if count is not None or not said else max(m.end("unit"), m.end("half"))  # (not "خلال أسبوعين من")
            if m.group("past") is None and ((m.group("lead") in w.past_only_leads and (not m.group("count") or unit < 30)) or (
                    count is None and (plural or (m.group("unit") not in w.duals and not m.group("half"))))):
                # "في يومين"، "خلال أيام"، "خلال شهر ميلادي واحد": no span up to the day it was
                # written (a dual says its count: "خلال أسبوعين"; "أوقع 6800 قتيل في 15 شهرا" is one,
                # a count of months or years before them, not "في الأشهر الأربعة الأولى")
                continue
            if count is None and plural and (unit >= 30 or (unit >= 7 and m.group("few"))):
                # "طوال السنوات الماضية"، "في الأشهر الماضية"، "خلال الأسابيع القليلة الماضية": up to
                # now, from a start not said ("خلال الأسابيع الماضية" is about a month)
                add(m, OPEN, pub)
                continue
            if count is None:
                count = (3 if m.group("few") else 5) if plural else 1  # "خلال الأيام القليلة الماضية"، "خلال أسبوعين"
            if m.group("half"):
                count += Fraction(1, 2)  # "خلال شهر ونصف"
            days = max(1, round(count * unit))
            if m.group("past") is None or unit >= 30:
                # "خلال أسبوعين" is about that long: it may be 16 days; months and years are
                # counted round ("خلال الـ12 عاما الماضية" from May 2003, in July 2015)
                days += days // 7
            if days > _FARTHEST:
                continue  # "خلال 1400 عام": history, no event date
            # (a long time up to now reaches the day it was published)
            add(m, _counted_back(pub, days), max(pub, published or pub) if days >= 28 else pub, end=end)
        for m in w.span_of.finditer(folded):
            count = _count(m.group("count"))
            if count is None or (m.group("count") is None and m.group("unit") in w.plural_units):
                continue  # ("أيام من القتال": how many not said)
            days = round(count * w.units[m.group("unit")])
            days += days // 7 if days >= 30 else 0
            if 7 <= days <= _FARTHEST:
                add(m, _counted_back(pub, days), max(pub, published or pub))
        for m in w.night.finditer(folded):
            second = w.weekdays[m.group(2)]
            if second != (w.weekdays[m.group(1)] + 1) % 7:
                continue
            back = (pub.weekday() - second) % 7
            d = pub - dt.timedelta(days=back)
            add(m, d - _ONE, d)  # the night between the two days
        for m in w.eve.finditer(folded):
            d = pub - dt.timedelta(days=(pub.weekday() - w.weekdays[m.group(1)]) % 7)
            add(m, d - _ONE, d)  # "ليل الاثنين": the night into Monday or Monday's
        for m in w.holiday.finditer(folded):
            month, day, days = w.holidays[m.group(1)]
            first = _hijri_day(month, day, None, pub)
            if first is not None:
                add(m, first, min(first + dt.timedelta(days=days - 1), max(first, pub)))
        for m in w.year_part.finditer(folded):
            a, b = w.year_parts[m.group(1)]
            year = pub.year - 1 if m.group(2) else pub.year if m.group(3) else int(m.group(4))
            if 1900 <= year <= pub.year:
                add(m, dt.date(year, a, 1), min(_month_end(dt.date(year, b, 1)), pub))  # (none to come)
        for m in w.this_month.finditer(folded):  # (up to the day it was published)
            add(m, pub.replace(day=1), max(pub, published))
        for m in w.last_month.finditer(folded):
            end = pub.replace(day=1) - _ONE
            add(m, end.replace(day=1), end)
        for m in w.ago.finditer(folded):
            count = _count(m.group(1))
            unit = float(w.units[m.group(2)])
            if count is None or count * unit > _FARTHEST:
                continue
            if m.group(1) is None and m.group(2) in w.plural_units and unit >= 365:
                add(m, OPEN, pub)  # "منذ سنوات": up to now, from a start not said
                continue
            if m.group(1) is None and m.group(2) in w.plural_units:
                # "قبل أيام": a few, two to seven of them ago; "منذ أيام": as many, or for as long
                since = w.since.search(folded, m.start(), m.start(2))
                add(m, pub - dt.timedelta(days=7 * unit), pub if since else pub - dt.timedelta(days=2 * unit))
                continue
            d = pub - dt.timedelta(days=count * unit)
            slack = dt.timedelta(days=0 if count * unit <= 2 else min(183, max(1, count * unit // 7)))
            if unit >= 30 and folded[m.start():m.start(1) if m.group(1) else m.start(2)].split()[0] in w.since_words:
                # "الحرب المستمرة منذ 19 شهرا"، "منذ قرابة خمسة أعوام": for that long, up to now (what
                # was taken then, "المحتجزين منذ ثلاثة أشهر", was taken on the day it began)
                add(m, _counted_back(pub, count * unit, slack), max(pub, published or pub), began=min(pub, d + slack))
                continue
            add(m, d - slack, min(pub, d + slack))
    for m in w.known.finditer(folded):
        # a well-known event by its name ("مجزرة سربرنيتسا"): its days; a war that goes on, from
        # its start to the day the text was written ("الأزمة السورية"); none it was written before
        first, last = w.known_days[m.group(1)]
        if last is None and (pub is None or not (w.since.search(folded, max(0, m.start() - 60), m.start()) or
                                                 w.during.search(folded, max(0, m.start() - 20), m.start()))):
            continue  # a war that goes on dates a toll since it began or through it, not what its name is near
        if published is not None and (last or first) > published:
            continue
        if last is not None and w.since.search(folded, max(0, m.start() - 60), m.start()) and \
                (published is None or last < published - _LONG_AGO):
            continue  # "أسوأ أزمة نزوح منذ الحرب العالمية الثانية": a comparison, not a toll since then
        if last is None:
            last = max(pub, published or pub)
        elif published is not None and last >= published - _WEEK:
            # (an event of the last days: the day either way, as the article's own words may count it)
            first, last = first - _ONE, min(last + _ONE, published)
        add(m, first, last, m.start(1), named=True)
    for m in w.explicit.finditer(folded):
        if w.name_before.search(folded, max(0, m.start() - 16), m.start()):
            continue  # "قصر 22 مايو": a palace
        day, name, tail = _day_number(w, m.group(1)), m.group(2), m.group(3)
        year = _year(w, m.group(4), m.group(5), pub)
        if tail in w.future:
            continue
        lo = _day(w, name, day, year, pub)
        add(m, lo, lo, yearless=not year and name not in w.hijri and not tail)
    if pub is not None and any(p in folded for p in w.month_words):
        for m in w.day_of_month.finditer(folded):
            first = (pub.replace(day=1) - _ONE).replace(day=1) if m.group(2) else pub.replace(day=1)
            try:
                d = first.replace(day=_day_number(w, m.group(1)))
            except ValueError:
                continue
            add(m, d, d)
    for m in w.part.finditer(folded):
        a, b = w.parts[m.group(1)]
        if m.group(3):
            span = _month(w, m.group(3), None, pub, m.group(4) in w.past) if m.group(4) not in w.future else None
        elif pub is None:
            continue
        elif m.group(2):
            end = pub.replace(day=1) - _ONE
            span = (end.replace(day=1), end)
        else:
            span = (pub.replace(day=1), pub)
        if span:
            first, last = span
            lo = first + dt.timedelta(days=a - 1)
            hi = min(last, first + dt.timedelta(days=b - 1))
            add(m, min(lo, hi), hi)
    for m in w.month_alone.finditer(folded):
        lead, name, slash, tail, digits, relative = m.groups()
        year = _year(w, digits, relative, pub)
        if tail in w.future or any(x.start <= m.start(2) < x.end for x in found):
            continue
        if not (lead or slash or tail or year):
            continue  # "مارس" alone is a verb as often as a month
        span = _month(w, name, year, pub, tail in w.past)
        if span:
            began = None
            if lead in w.since_words and pub is not None:
                began, span = span[1], (span[0], max(span[1], pub))  # "منذ أبريل": from then on
            add(m, *span, began=began)
    for m in w.numeric.finditer(folded):
        y, mo, d = ((m.group(3), m.group(2), m.group(1)) if m.group(1) else (m.group(4), m.group(6), m.group(7)))
        add(m, *[_numeric_day(int(y), int(mo), int(d))] * 2)
    for m in w.year.finditer(folded):
        year = int(m.group(1))
        if 1900 <= year <= 2100:
            add(m, dt.date(year, 1, 1), dt.date(year, 12, 31))
    for m in [*_YEAR_RANGE.finditer(folded), *w.year_pair.finditer(folded)]:
        # "خلال فترة حكمه (1982-1990)"، "بين عامي 1982 و1990": those years
        first, last = int(m.group(1)), int(m.group(2))
        if 1900 <= first < last <= (published or pub or dt.date.max).year:
            add(m, dt.date(first, 1, 1), dt.date(last, 12, 31))
    # one date per stretch of words: the first found of overlapping ones (a day before the
    # weekday in brackets after it, a day of a month before the month alone)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[DateMention] = []
    for x in found:
        if out and x.start < out[-1].end + 3 and _adjacent(folded, out[-1], x):
            continue
        if out and x.lo.month == 1 and x.lo.day == 1 and x.hi.year == x.lo.year and out[-1].lo.year == x.lo.year and \
                x.start >= out[-1].end and w.of_year.fullmatch(folded, out[-1].end, x.start):
            continue
        if out and w.range_join.match(folded[out[-1].end:x.start]) and \
                w.range_lead.search(folded, max(0, out[-1].start - 16), out[-1].start) and out[-1].lo <= x.hi:
            # "بين الأول من يناير و30 يونيو": one span
            out[-1] = DateMention(out[-1].start, x.end, out[-1].lo, max(x.hi, out[-1].hi))
            continue
        if out and out[-1].lo == out[-1].hi and x.lo == x.hi and 0 < abs((x.lo - out[-1].lo).days) <= 2 and \
                out[-1].began is None and x.began is None and w.pair_join.match(folded[out[-1].end:x.start]):
            # "أمس واليوم"، "الخميس والجمعة": both days
            out[-1] = DateMention(out[-1].start, x.end, min(x.lo, out[-1].lo), max(x.hi, out[-1].hi))
            continue
        out.append(x)
    for i, x in enumerate(out):
        if x.yearless and x.began is None:
            # "في عام 1993، عندما قتل شخصان ... في الرابع من يوليو": a day and month with no year,
            # in the sentence after a year long past, are of that year
            prior = next((p for p in reversed(out[:i]) if p.end <= x.start), None)
            if prior is not None and not prior.named and prior.lo != OPEN and prior.lo.year == prior.hi.year and \
                    (pub is None or prior.lo.year < pub.year - 1) and x.start - prior.end <= _YEAR_REACH and \
                    not _SENTENCE_END.search(folded, prior.end, x.start):
                try:
                    day = x.lo.replace(year=prior.lo.year)
                except ValueError:
                    continue
                out[i] = replace(x, lo=day, hi=day)
    if any(p in folded for p in w.since_then_words):
        # "منذ ذلك الحين": from the date said last, on; "وقد قتل آنذاك": the date said last
        for since, pattern in ((True, w.since_then), (False, w.then)):
            for m in pattern.finditer(folded):
                prior = [x for x in out if x.end <= m.start() and x.lo != OPEN]
                if prior and (pub is not None or not since):
                    out.append(DateMention(m.start(), m.end(), prior[-1].lo,
                                           max(prior[-1].hi, pub) if since else prior[-1].hi, named=prior[-1].named))
        out.sort(key=lambda x: x.start)
    shifted = _shifted(w, folded, out, pub)
    if shifted:
        taken = [(x.start, x.end) for x in shifted]
        out = sorted([x for x in out if not any(a < x.end and x.start < b for a, b in taken)] + shifted,
                     key=lambda x: x.start)
    return out


# the longest time counted back from a day that is read as a date ("قبل 70 عاما"; not "منذ 1400 عام")
_FARTHEST = 200 * 365

def _month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - _ONE


def _counted_back(pub: dt.date, days, slack: dt.timedelta = dt.timedelta(0)) -> dt.date:
    """The first day of a time that long (and slack) before pub: a season or more is counted
    round, from the first of the month it reaches ("منذ 19 شهرا"، "خلال الأشهر الستة الماضية")."""
    first = pub - dt.timedelta(days=days) - slack
    return first.replace(day=1) if days >= 90 else first


# how far after a figure's words a date before the one said before them may stand to date it
# (characters: "قتل فيها 72 مشجعا للأهلي في فبراير عام 2012")
_AFTER_REACH = 30

# how far before a date counted back from it ("بعد يومين من"، "وقبل ذلك بيوم") the date it
# counts from may stand (characters)
_SHIFT_REACH = 1500


def _shifted(w, folded: str, found: list[DateMention], pub: dt.date | None) -> list[DateMention]:
    """The dates counted back from the date said last, or the day the text was written:
    "وفي الرابع من يوليو، وبعد ثمانية أيام من الهجوم" (26 June), "وقبل ذلك بيوم" (the day
    before), "في الذكرى الأولى لمقتل" (a year before). After "بعد ... من" and an anniversary
    they date only the words that follow in their clause."""
    out = []

    def reference(at):
        prior = [x for x in found if x.end <= at and at - x.end <= _SHIFT_REACH and x.lo != OPEN and x.began is None]
        if prior:
            return prior[-1].lo, prior[-1].hi
        return (pub, pub) if pub is not None else None

    def back(m, lead_less, clause):
        ref = reference(m.start())
        count = _count(m.group("count")) if m.group("count") else 1
        if ref is None or count is None:
            return
        unit = w.units[m.group("unit")]
        if count * unit > _FARTHEST:
            return
        lo, hi = ref
        if m.group("count") is None and m.group("unit") in w.plural_units:
            # "بعد أيام من": a few, two to seven, before
            a, b = lo - dt.timedelta(days=round(7 * unit)), hi - dt.timedelta(days=round(2 * unit))
        else:
            days = round(count * unit)
            if lead_less:  # "بعد أقل من أسبوع على": within that long before
                a, b = lo - dt.timedelta(days=days), hi - _ONE
            else:
                slack = dt.timedelta(days=0 if days <= 2 else max(1, days // 7))
                a, b = lo - dt.timedelta(days=days) - slack, min(hi, hi - dt.timedelta(days=days) + slack)
        if a <= b:
            out.append(DateMention(m.start(), m.end(), a, b, clause=clause))

    for m in w.shift.finditer(folded):
        back(m, m.group("lead") in w.shift_less, True)
    for m in w.shift_back.finditer(folded):
        back(m, False, False)
    for m in w.anniversary.finditer(folded):
        years = w.year_ordinals[m.group("ord")] if m.group("ord") else int(m.group("num"))
        ref = reference(m.start())
        if ref is None or not 0 < years < 1000:
            continue
        try:
            a, b = (d.replace(year=d.year - years) if (d.month, d.day) != (2, 29) else
                    d.replace(year=d.year - years, day=28) for d in ref)
        except ValueError:
            continue
        out.append(DateMention(m.start(), m.end(), a, b, clause=True))
    for m in w.same_period.finditer(folded):  # "خلال الفترة نفسها": the span said last
        spans = [x for x in found if x.end <= m.start() and m.start() - x.end <= _SHIFT_REACH and x.lo < x.hi and x.lo != OPEN]
        if spans:
            out.append(DateMention(m.start(), m.end(), spans[-1].lo, spans[-1].hi))
    return out


def _adjacent(folded: str, a: DateMention, b: DateMention) -> bool:
    """b overlaps a, or only brackets and commas stand between them ("اليوم (الاثنين)")."""
    return b.start < a.end or not folded[a.end:b.start].strip(" ()،,-")


def _day_number(w, said: str) -> int:
    return int(said) if said.isdigit() else w.ordinals[said]


def _year(w, digits: str | None, relative: str | None, pub: dt.date | None) -> str | None:
    """A year as written ("2015"), or said ("العام الماضي": the publication's year before)."""
    if digits:
        return digits
    if relative and pub is not None:
        return str(pub.year - 1 if relative in w.year_last else pub.year)
    return None


def _count(word: str | None) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    from marsad.ar.numbers import find_quantities

    qs = find_quantities(word)
    return qs[0].low if qs and qs[0].low else None


def _day(w, name: str, day: int, year: str | None, pub: dt.date | None) -> dt.date | None:
    if name in w.hijri:
        return _hijri_day(w.hijri[name], day, year, pub)
    month = w.months[name]
    if year:
        y = int(year)
        if not 1900 <= y <= 2100:
            return None  # a Hijri year with a Gregorian month ("1419"): no date
    elif pub is None:
        return None
    else:
        y = pub.year
        try:
            if dt.date(y, month, min(day, 28)) > pub + _ONE:
                y -= 1  # "15 ديسمبر" in a July article: last December ("20 يوليو الماضي": this one)
        except ValueError:
            return None
    try:
        return dt.date(y, month, day)
    except ValueError:
        return None


def _numeric_day(year: int, month: int, day: int) -> dt.date | None:
    """A date written in digits: Gregorian, or Hijri where the year is one ("24/1/1434"، "1436/10/5",
    as Saudi papers write them)."""
    if _HIJRI_YEARS[0] <= year <= _HIJRI_YEARS[1]:
        return _hijri_day(month, day, str(year), None) if 1 <= month <= 12 else None
    try:
        return dt.date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


# a year written in digits that is a Hijri one (1300 is 1882, 1500 is 2077)
_HIJRI_YEARS = (1300, 1500)


def _hijri_day(month: int, day: int, year: str | None, pub: dt.date | None) -> dt.date | None:
    from hijridate import Gregorian, Hijri

    try:
        if year:
            return Hijri(int(year), month, day).to_gregorian()
        if pub is None:
            return None
        y = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
        d = Hijri(y, month, day).to_gregorian()
        return d if d <= pub + _ONE else Hijri(y - 1, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _month(w, name: str, year: str | None, pub: dt.date | None, past: bool) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a month named alone (the last such month before the
    publication day where no year is given)."""
    if name in w.hijri:
        from hijridate import Gregorian, Hijri

        try:
            if year:
                y = int(year)
            elif pub is None:
                return None
            else:
                y = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
                if Hijri(y, w.hijri[name], 1).to_gregorian() > pub:
                    y -= 1
            first = Hijri(y, w.hijri[name], 1)
            return first.to_gregorian(), first.to_gregorian() + dt.timedelta(days=first.month_length() - 1)
        except (ValueError, OverflowError):
            return None
    month = w.months[name]
    if year:
        y = int(year)
        if not 1900 <= y <= 2100:
            return None
    elif pub is None:
        return None
    else:
        y = pub.year if (month < pub.month or (month == pub.month and not past)) else pub.year - 1
    first = dt.date(y, month, 1)
    last = _month_end(first)
    if pub is not None and not year and first <= pub <= last:
        last = pub
    return first, last


class DatedText:
    """The dates of one document, and the rule that gives each claim one. Positions are in
    the raw text where to_raw maps the folded text's positions there."""

    def __init__(self, folded: str, pub: dt.date | None, spans: list[tuple[int, int]], paragraphs: list[int],
                 to_raw=lambda i: i):
        # (what the text says it reported by, "أمس" and "اليوم" count from its writing day)
        self.pub = writing_day(folded, pub)
        found = find_dates(folded, pub, self.pub)
        said = date_words().saying
        # a date right after a verb of saying ("أعلنت الوزارة اليوم") dates the statement: what it
        # reports may have happened the day before
        self.statements = {to_raw(m.start) for m in found
                           if m.lo == m.hi and not m.named and said.search(folded, max(0, m.start - 80), m.start)}
        self.mentions = [replace(m, start=to_raw(m.start), end=to_raw(m.end)) for m in found]
        self._commas = [to_raw(m.start()) for m in _COMMA.finditer(folded)]
        self._new_clauses = {to_raw(m.start()) for m in date_words().new_clause.finditer(folded)}
        self._clause_opens = [to_raw(m.start()) for m in date_words().clause_open.finditer(folded)]
        self._still = [to_raw(m.end()) for m in date_words().still.finditer(folded)]
        self._starts = [m.start for m in self.mentions]
        self.spans = [(to_raw(s), to_raw(e)) for s, e in spans]
        self._span_starts = [s for s, _ in self.spans]
        self.paragraphs = [to_raw(p) for p in paragraphs]
        lead_end = self.spans[1][1] if len(self.spans) > 1 else (self.spans[0][1] if self.spans else 0)
        self.lead = next((m for m in self.mentions if m.start < lead_end and not m.clause and not m.named), None)

    def _comma_part(self, pos: int) -> int:
        """Which stretch between commas pos is in (two positions in one stretch: no comma between)."""
        return bisect.bisect_left(self._commas, pos)

    def _in_clause(self, m: DateMention, pos: int) -> bool:
        """pos is in the clause m begins ("بعد يومين من مقتل رضيع"): near, no comma between."""
        return pos - m.end <= 150 and self._comma_part(m.end) == self._comma_part(pos)

    def for_position(self, pos: int, end: int | None = None) -> tuple[DateMention | None, dt.date | None, dt.date | None]:
        """(the mention that dates a claim at position pos (its words ending at end), or None;
        its first and last day), or (None, None, None) where nothing gives a date."""
        end = pos if end is None else end
        i = max(0, bisect.bisect_right(self._span_starts, pos) - 1)
        s, e = self.spans[i] if self.spans else (0, pos + 1)
        k = bisect.bisect_right(self._starts, pos)
        before = [m for m in self.mentions[:k] if m.start >= s and (not (m.clause or m.named) or self._in_clause(m, pos))]
        # (a known event's name after the figure, near and in its comma stretch: "قتل 72 في مذبحة بورسعيد")
        after = [m for m in self.mentions[k:] if m.start < e and not m.clause and
                 (not m.named or (m.start - end <= 2 * _AFTER_REACH and self._comma_part(end) == self._comma_part(m.start)))]
        if before and after and before[-1].start in self.statements and \
                self._comma_part(pos) == self._comma_part(after[0].start):
            # "ذكرت الوكالة أمس أن 390 قتلوا خلال أسبوعين": when it was said, and (in the
            # figure's clause) when it happened; a time up to now is up to the day it was said
            said, m = before[-1].hi, after[0]
            if self.pub is not None and m.lo != OPEN and m.hi == self.pub and said < self.pub and m.lo < m.hi:
                return m, m.lo - (self.pub - said), said
            before = []
        if before and after and self.pub is not None and after[0].lo != OPEN and after[0].hi >= self.pub - _ONE and \
                ((after[0].hi - after[0].lo).days >= 14 or after[0].began is not None) and \
                self._comma_part(pos) == self._comma_part(after[0].start) != self._comma_part(before[-1].start):
            # "..., والتي أدت إلى سقوط 220 ألف قتيل على مدى 50 عاما": a time up to now said in
            # the figure's own clause is its time, not a date said before a comma
            before = []
        if before and after and after[0].start - end <= _AFTER_REACH and after[0].lo != OPEN and \
                after[0].hi < before[-1].lo and self._comma_part(pos) == self._comma_part(after[0].start) and \
                bisect.bisect_left(self._clause_opens, end) == bisect.bisect_left(self._clause_opens, after[0].start):
            # "تأجلت أمس محاكمة حبري بقتل الآلاف خلال حكمه بين عامي 1982 و1990": a time right after
            # the figure, before the day said before it, is the time of what it counts
            before = []
        if before and after and after[0].start - end <= 2 * _AFTER_REACH and after[0].lo != OPEN and \
                before[-1].lo != OPEN and before[-1].began is None and before[-1].lo <= after[0].lo and \
                after[0].hi <= before[-1].hi and \
                (after[0].hi - after[0].lo) < (before[-1].hi - before[-1].lo) and \
                self._comma_part(end) == self._comma_part(after[0].start) != self._comma_part(before[-1].start):
            # "في عام 1993، عندما قتل شخصان في تبادل إطلاق ناري في الرابع من يوليو": a day said right
            # after the figure, in its clause, within the time said before the comma, is narrower
            before = []
        if not before and after and self._comma_part(end) != self._comma_part(after[0].start) \
                and self._commas[self._comma_part(end)] in self._new_clauses and self.pub is not None \
                and after[0].lo != OPEN and after[0].began is None and after[0].hi >= self.pub - _ONE and \
                (after[0].hi - after[0].lo).days >= 7:
            # "القبض على المهاجر الذي قذفه بالحجارة وهو سوداني، ويشهد النفق منذ أسابيع محاولات
            # تسلل": a while up to now in another clause after the figure's is that clause's (a
            # day there is still the figure's, "قتل 5، وأصيب 10 في هجوم الجمعة", and so is a
            # start, "ارتفع العدد إلى 3216 جراء غارات التحالف، وضرباته منذ 23 سبتمبر 2014")
            after = []
        m = before[-1] if before else after[0] if after else None
        if m is not None and m.named:
            # a date the text says after the name, in the figure's comma stretch, is the time of what
            # the name is said with ("قتل 5 جنود في تشاتانوغا الخميس"، "هيروشيما وناغازاكي في 9
            # أغسطس 1945"), unless the name's days are within it ("مذبحة بورسعيد التي قتل فيها 72 في
            # فبراير 2012"); one said before the name is another verb's ("قالت امس ... بعد أكثر من
            # شهر من تفجير مسجد الصادق"); and a day it says within the name's days is narrower ("قتل
            # أمس 15 في تفجير مسجد قوات الطوارئ")
            part = self._comma_part(pos)
            said = [x for x in self.mentions if s <= x.start < e and not x.named and not x.clause and
                    self._comma_part(x.start) == part]
            within = [x for x in said if x.lo != OPEN and m.lo <= x.lo and x.hi <= m.hi]
            later = [x for x in said if x.start > m.start]
            if within:  # (one said after the name first: "نقلت أمس 8 مصابين في تفجير مسجد الطوارئ أول من أمس")
                m = min(within, key=lambda x: (x.start < m.start, abs(x.start - pos)))
            elif later and not (later[0].lo <= m.lo and m.hi <= later[0].hi):
                m = later[0]
        if m is None:
            # (the paragraph before goes on with its day: "أما في تعز فقد قتل 11 ... الخميس" then
            # "فيما قتل أحد رجال المقاومة")
            j = bisect.bisect_right(self.paragraphs, pos) - 1
            p = self.paragraphs[max(0, j)] if self.paragraphs else 0
            q = self.paragraphs[max(0, j - 1)] if self.paragraphs else 0
            # (from the paragraph before, a day or a week: a year or a month there is background)
            earlier = [x for x in self.mentions[:k] if not x.clause and not x.named and
                       (x.start >= p or (x.start >= q and (x.hi - x.lo).days <= 6))]
            m = earlier[-1] if earlier else (self.lead if self.lead is not None and self.lead.start < pos else None)
            if m is not None and m.lo == m.hi and m.lo != OPEN and self.pub is not None:
                # (a day said in another sentence, a day either way: "أمس" in the lead of a paper
                # written late, a day the paragraph before gave for another part of the fighting)
                return m, m.lo - _ONE, max(m.hi, min(self.pub, m.hi + _ONE))
        if m is not None:
            return m, m.lo, m.hi
        if self.pub is not None:
            return None, self.pub - 2 * _ONE, self.pub
        return None, None, None

    def date(self, claim, raw: str) -> None:
        """Set a claim's date fields (date_start, date_end, time_precision, date_text). A
        running toll (claim.cumulative) runs from the start its words give (or an unknown
        one) to the day it was given, unless its sentence names the day of an incident."""
        m, lo, hi = self.for_position(claim.start, claim.end)
        if getattr(claim, "kind", None) in _HELD and not getattr(claim, "cumulative", False):
            # people held or missing "منذ أبريل" were taken then: the date right after the figure's
            # words, in its clause, and the start of the span
            k = bisect.bisect_left(self._starts, claim.end)
            right = self.mentions[k] if k < len(self.mentions) else None
            if right is not None and right.began is not None and right.start - claim.end <= _HELD_REACH and \
                    self._comma_part(claim.end) == self._comma_part(right.start):
                m, lo, hi = right, right.lo, right.hi
            if m is not None and m.began is not None:
                hi = m.began
        i = max(0, bisect.bisect_right(self._span_starts, claim.start) - 1)
        s, e = self.spans[i] if self.spans else (0, claim.end)
        own = m is not None and s <= m.start < e
        # (a toll that rose, said of a day or of a known event, "ارتفعت حصيلة انفجار أمس إلى 15", is that day's)
        # (... and one said of a span that ended before, "بين الأول من يناير و30 يونيو", that span's)
        if getattr(claim, "cumulative", False) and self.pub is not None and \
                not (own and (lo == hi or m.named or hi < self.pub - _ONE)):
            start = lo if own and lo is not None and lo != OPEN and lo < self.pub - _WEEK else None
            claim.date_start = start.isoformat() if start else None
            claim.date_end = max(hi, self.pub).isoformat() if own and hi else self.pub.isoformat()
            claim.time_precision = precision(start, self.pub) if start else 4
            claim.date_text = raw[m.start:m.end] if own else None
            return
        if lo is None:
            return
        k = bisect.bisect_right(self._still, claim.start)
        if k and claim.start - self._still[k - 1] <= _STILL_REACH and \
                (m is None or m.end <= self._still[k - 1] < claim.start):
            # "بينما لا يزال 24 مصابا يتلقون العلاج" (a day said before it dates what came before):
            # a state that goes on, begun on a day not said
            lo = OPEN
        if self.pub is not None and (getattr(claim, "low", None) or 0) >= _TOLL_SIZE and lo != OPEN and \
                (m is None or (not own and ((m.hi - m.lo).days < 7 or m.hi < self.pub - _HALF_YEAR))):
            # a large figure with no date in its sentence (a day said in another, or a year long past,
            # "عام 1916" in the paragraph before; not a month's report, "خلال يوليو الماضي"): up to the
            # day it was reported, from a start not said
            claim.date_start, claim.date_end, claim.time_precision = None, self.pub.isoformat(), 4
            claim.date_text = None
            return
        if m is None and getattr(claim, "kind", None) in _HELD_BY:
            # arrests reported with no day of their own were made by the day they were reported,
            # since a day not said (a ministry announces weeks of arrests)
            lo, hi = OPEN, self.pub
        if lo == OPEN:  # "وقعت مؤخرا": up to that day, from a start not said
            claim.date_start, claim.date_end, claim.time_precision = None, hi.isoformat(), 4
            claim.date_text = raw[m.start:m.end] if m is not None else None
            return
        if m is not None and m.start in self.statements:
            lo = lo - _ONE
        claim.date_start, claim.date_end = lo.isoformat(), hi.isoformat()
        claim.time_precision = precision(lo, hi)
        claim.date_text = raw[m.start:m.end] if m is not None else None
