"""Quantities in Arabic text: digits, number words, ranges, approximators, vague plurals.

Works on folded text (marsad.ar.normalize.fold): digits are Western there, hamza forms of
alef are bare. Every quantity keeps its span in that text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.ar.lexicon import ARTICLES, CONJUNCTIONS, PREPOSITIONS, alternation, function_words, read_tsv
from marsad.ar.normalize import fold


@dataclass(slots=True)
class Quantity:
    low: int | None
    high: int | None
    qualifier: str     # exact, approx, range, at_least, at_most, vague
    start: int         # span in the folded text, qualifier phrase included
    end: int
    value_start: int   # span of the figure itself
    value_end: int


_AND = alternation(function_words()["and"])
# more than anything news counts: a longer run of digits is an ID, a phone number or noise
# (and would not fit a store's integer)
MAX_QUANTITY = 10**12
DIGITS = r"\d+(?:[,،٬]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class _NumberData:
    words: dict[str, tuple[int, str]]
    word_re: re.Pattern
    vague: dict[str, tuple[int, int]]
    vague_re: re.Pattern
    before: dict[str, str]
    before_re: re.Pattern
    after: dict[str, str]
    after_re: re.Pattern
    range_open_re: re.Pattern
    range_sep_re: re.Pattern
    range_to: frozenset


def _alternation(phrases) -> str:
    return alternation(phrases)


@lru_cache(maxsize=1)
def number_data() -> _NumberData:
    words = {fold(w): (int(v), role) for w, v, role in read_tsv("number_words.tsv")}
    word_alt = _alternation(words)
    # one number word, optionally after و, standing as a whole word
    word_re = re.compile(rf"(?<!\w)(?:{_AND})?({word_alt})(?!\w)")
    vague = {fold(p): (int(lo), int(hi)) for p, lo, hi in read_tsv("vague.tsv")}
    vague_re = re.compile(rf"(?<!\w)(?:{alternation(CONJUNCTIONS)})?(?:{alternation(PREPOSITIONS)})?"
                          rf"({_alternation(vague)})(?!\w)")
    before, after, opens, seps, to = {}, {}, [], [], set()
    for q, phrase, pos in read_tsv("qualifiers.tsv"):
        if pos == "range_open":
            opens.append(fold(phrase))
        elif pos in ("range_sep", "range_to"):
            seps.append(fold(phrase))
            if pos == "range_to":
                to.add(fold(phrase))
        else:
            (before if pos == "before" else after)[fold(phrase)] = q
    range_open_re = re.compile(rf"(?<!\w)(?:{_alternation(opens)})\s*$")
    range_sep_re = re.compile(rf"^\s*(?:{_alternation(seps)})\s*$")
    before_re = re.compile(rf"(?<!\w)(?:{_AND})?({_alternation(before)})\s*(?:{alternation(ARTICLES)})?$")
    after_re = re.compile(rf"^\s*({_alternation(after)})(?!\w)")
    return _NumberData(words, word_re, vague, vague_re, before, before_re, after, after_re,
                       range_open_re, range_sep_re, frozenset(to))


# digits stand alone, or after proclitics glued to them (بين 300 و400، الـ15، بـ15), not
# inside a date or time (21/7/2015, 10:30)
_ONE_LETTER = "".join(c for c in CONJUNCTIONS + PREPOSITIONS if len(c) == 1)
_DIGITS_RE = re.compile(
    rf"(?:(?<![\w./:])|(?<=(?<!\w)[{_ONE_LETTER}])|(?<=(?<!\w){ARTICLES[0]})|(?<=(?<!\w)[{_ONE_LETTER}]{ARTICLES[0]}))"
    rf"({DIGITS})(?![\w/:]|\.\d)")


_AND_DIGITS = re.compile(rf"\s*(?:{_AND})\s*({DIGITS})(?![\w/:]|\.\d)")


def _digits_value(s: str) -> float:
    return float(re.sub(r"[,،٬]", "", s))


def _word_numbers(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of number-word sequences: ثلاثمائة واحد عشر -> 311."""
    data = number_data()
    out = []
    matches = list(data.word_re.finditer(text))
    i = 0
    while i < len(matches):
        seq = [matches[i]]
        j = i + 1
        while j < len(matches) and text[seq[-1].end():matches[j].start()].strip() in ("",):
            seq.append(matches[j])
            j += 1
        out.append(_compose(text, seq, data))
        i = j
    return [o for o in out if o is not None]


def _compose(text, seq, data):
    total, group = 0, 0
    prev_role = None
    if data.words[seq[0].group(1)][1] == "scales":
        return None  # آلاف، ملايين with no number before them: a vague plural, not a count
    for m in seq:
        value, role = data.words[m.group(1)]
        if role in ("scale", "scales"):
            base = 1_000_000 if value >= 1_000_000 else 1000
            if group:
                total += group * base
            else:
                total += value
            group = 0
        elif value == 10 and prev_role == "unit" and group and group < 10:
            group += 10  # أحد عشر، ثلاثة عشر
        else:
            group += value
        prev_role = role
    total += group
    if total == 1 and len(seq) == 1:
        return None  # أحد / واحد alone is "one of", "anyone" far more often than a count
    start = seq[0].start(1)
    return (start, seq[-1].end(), total) if total else None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in folded text, in order of position."""
    data = number_data()
    raw: list[tuple[int, int, int | None, int | None, str]] = []
    consumed = 0
    for m in _DIGITS_RE.finditer(text):
        if m.start() < consumed:
            continue  # the rest of a number read already ("240 ألفا و381")
        v = _digits_value(m.group(1))
        # a scale word after digits: 3 آلاف، 1.5 مليون
        tail = data.word_re.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
        end = m.end()
        if tail and data.words[tail.group(1)][1] in ("scale", "scales"):
            scale = 1_000_000 if data.words[tail.group(1)][0] >= 1_000_000 else 1000
            v *= scale
            end = tail.end()
            # "240 ألفا و381": the rest of the number after و
            rest = _AND_DIGITS.match(text, end)
            if rest and _digits_value(rest.group(1)) < scale:
                v += _digits_value(rest.group(1))
                end = rest.end()
        consumed = end
        if not v < MAX_QUANTITY:  # (inf too: "9" * 400)
            continue
        raw.append((m.start(1), end, int(v), int(v), "exact"))
    taken = [(s, e) for s, e, *_ in raw]
    for s, e, v in _word_numbers(text):
        if not any(s < te and ts < e for ts, te in taken):
            raw.append((s, e, v, v, "exact"))
    for m in data.vague_re.finditer(text):
        s, e = m.start(1), m.end(1)
        if not any(s < te and ts < e for ts, te, *_ in raw):
            lo, hi = data.vague[m.group(1)]
            raw.append((s, e, lo, hi, "vague"))
    raw.sort()

    out: list[Quantity] = []
    i = 0
    while i < len(raw):
        s, e, lo, hi, q = raw[i]
        # ranges: 300-400، بين 300 و400، من 300 الى 400
        if q == "exact" and i + 1 < len(raw) and raw[i + 1][4] == "exact":
            s2, e2, lo2, _, _ = raw[i + 1]
            sep = text[e:s2]
            if lo2 > lo and data.range_sep_re.match(sep):
                opener = data.range_open_re.search(text[max(0, s - 10):s])
                # "35 إلى 40" is a range without "من"; "300 و400" only after "بين"
                if sep.strip() in "-–—" or opener or sep.strip() in data.range_to:
                    start = s - (min(s, 10) - opener.start()) if opener else s
                    out.append(Quantity(lo, lo2, "range", start, e2, s, e2))
                    i += 2
                    continue
        out.append(Quantity(lo, hi, q, s, e, s, e))
        i += 1

    for quantity in out:
        if quantity.qualifier in ("exact", "range"):
            _qualify(text, quantity, data)
    return out


def _qualify(text: str, q: Quantity, data: _NumberData) -> None:
    head = text[max(0, q.start - 20):q.start]
    m = data.before_re.search(head)
    if m:
        kind = data.before[m.group(1)]
        q.start -= len(head) - m.start(1)
        if q.qualifier == "exact":
            q.qualifier = kind
            if kind == "at_least":
                q.high = None
            elif kind == "at_most":
                q.low = None
        return
    m = data.after_re.match(text[q.end:q.end + 40])
    if m and q.qualifier == "exact":
        q.qualifier = data.after[m.group(1)]
        q.end += m.end()
        if q.qualifier == "at_least":
            q.high = None
        elif q.qualifier == "at_most":
            q.low = None


def qualifier_after(text: str, pos: int) -> str | None:
    """The qualifier a phrase right after pos gives (على الأقل، تقريبا), or None."""
    m = number_data().after_re.match(text[pos:pos + 40])
    return number_data().after[m.group(1)] if m else None
