"""Properties (hypothesis) of the quantities, the extractor and the readers on any input:
number words generated from integers read back as those integers, over the whole range to
tens of millions; the extractor and every reader never raise, on any text and any bytes;
every offset lies inside the text and every quote is the raw text at its offsets; a reader
gives documents that any store can hold, or rejects."""
import gzip
import os
import tempfile

from hypothesis import HealthCheck, assume, given, settings, strategies as st

import marsad
from marsad.ar.normalize import fold
from marsad.ar.numbers import find_quantities
from marsad.model import Document, Reject
from marsad.read import ReadOptions, read_inputs

ARABIC_BITS = st.sampled_from([
    "قتل", "مقتل", "أصيب", "جرحى", "نحو", "أكثر من", "بين", "و", "إلى", "عشرات", "آلاف", "مدنيين",
    "جندي", "شخصين", "بحسب", "المرصد", "قال", "إن", "نفى", "رجح", "،", ".", "\n", " ", "«", "»",
    "(", ")", "300", "٣١١", "1,200", "-", "ثلاثمائة", "وأحد", "عشر", "الـ", "ال", "ـ", "\u200f", "ً",
    "سيطرت", "قوات", "على", "مدينة", "حلب", "تحت سيطرة", "داعش", "انسحب", "من", "أمس", "الجمعة",
    "\u200b", "\u202e", "\u202c", "\ufeff", "\x00", "\ud800", "9" * 30,
])
# invisible characters that writers and scrapers leave inside numbers and names
INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
                             "\u202d", "\u202e", "\u2066", "\u2069", "\ufeff", "\u00ad"])


def check(text, claims):
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start:c.end] == c.quote
        low, high = getattr(c, "low", None), getattr(c, "high", None)  # (a control claim has no figure)
        assert low is None or high is None or low <= high


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC_BITS, max_size=60).map(" ".join))
def test_arabic_like_text(text):
    figures, control = marsad.extract(text), marsad.extract_control(text)
    check(text, figures)
    check(text, control)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text(text):
    check(text, marsad.extract(text))
    check(text, marsad.extract_control(text))


# --- number words, generated from integers (Modern Standard Arabic as news copy writes them) ---

UNITS = {1: "واحد", 2: "اثنان", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة",
         10: "عشرة"}
TEENS = {11: "أحد عشر", 12: "اثنا عشر"}
TENS = {2: "عشرون", 3: "ثلاثون", 4: "أربعون", 5: "خمسون", 6: "ستون", 7: "سبعون", 8: "ثمانون", 9: "تسعون"}
HUNDREDS = {1: "مائة", 2: "مائتان", 3: "ثلاثمائة", 4: "أربعمائة", 5: "خمسمائة", 6: "ستمائة", 7: "سبعمائة",
            8: "ثمانمائة", 9: "تسعمائة"}


def _below_100(n):
    if n <= 10:
        return UNITS[n]
    if n < 20:
        return TEENS.get(n) or UNITS[n - 10] + " عشر"
    tens, unit = divmod(n, 10)
    return TENS[tens] if not unit else f"{UNITS[unit]} و{TENS[tens]}"


def _below_1000(n):
    hundreds, rest = divmod(n, 100)
    return " و".join(([HUNDREDS[hundreds]] if hundreds else []) + ([_below_100(rest)] if rest else []))


def _scaled(n, one, two, plural, accusative):
    """n thousands or millions: ألف، ألفان، ثلاثة آلاف، أحد عشر ألفا، مائة ألف."""
    if n <= 2:
        return (one, two)[n - 1]
    rest = n % 100
    noun = plural if 3 <= rest <= 10 else accusative if rest >= 11 else one
    return f"{_below_1000(n)} {noun}"


def number_words(n: int) -> str:
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append(_scaled(millions, "مليون", "مليونان", "ملايين", "مليونا"))
    if thousands:
        parts.append(_scaled(thousands, "ألف", "ألفان", "آلاف", "ألفا"))
    if units:
        parts.append(_below_1000(units))
    return " و".join(parts)


def _plain(n: int) -> bool:
    """Numbers whose thousands or millions end in 1 or 2 past a hundred ("مائة وألف") have no
    form news writes."""
    return all(not (group > 100 and group % 100 in (1, 2)) for group in ((n // 1000) % 1000, n // 1_000_000))


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.integers(2, 1_000), st.integers(2, 1_000_000), st.integers(2, 99_999_999)))
def test_number_words_read_back(n):
    # (one alone, "واحد", is "one of", "anyone" more often than a count: no quantity)
    assume(_plain(n))
    words = number_words(n)
    assert [(q.low, q.high, q.qualifier) for q in find_quantities(fold(words))] == [(n, n, "exact")], words


@settings(max_examples=500, deadline=None)
@given(st.integers(0, 10**11), st.booleans(), st.booleans())
def test_digits_read_back(n, grouped, indic):
    digits = f"{n:,}" if grouped else str(n)
    if indic:
        digits = digits.translate(str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬"))
    assert [(q.low, q.high) for q in find_quantities(fold(digits))] == [(n, n)], digits


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 99_999), INVISIBLE, st.integers(0, 4))
def test_invisible_characters_inside_a_figure(n, mark, at):
    """"قتل 1\u200b5 مدنيا": the figure is 15, its quote the raw text with the mark in it."""
    digits = str(n)
    at = min(at, len(digits) - 1) + 1
    text = f"قتل {digits[:at]}{mark}{digits[at:]} مدنيا في قصف على مدينة حلب."
    claims = marsad.extract(text)
    check(text, claims)
    assert [(c.kind, c.low) for c in claims] == [("killed", n)], text


# --- the readers, on any bytes ---

FORMATS = (".txt", ".jsonl", ".jsonl.gz", ".html", ".warc", ".warc.gz")
JSONISH = st.lists(st.sampled_from([b'{"id": "x", "text": "', "قتل خمسة".encode(), b'"}', b"\n", b"{", b"}", b"[",
                                    b"\x00", b"\xff", b"\\ud800", b"1e999999", b'"', b",", b":", b"\xd8"]),
                   max_size=40).map(b"".join)


def read_all(data: bytes, ext: str) -> list:
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "x" + ext)
        with open(path, "wb") as f:
            f.write(gzip.compress(data) if ext.endswith(".gz") and data[:1] == b"z" else data)
        return list(read_inputs([path], ReadOptions(max_bytes=20_000)))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=3000), JSONISH, st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass"))),
       st.sampled_from(FORMATS))
def test_readers_on_any_bytes(data, ext):
    out = read_all(data, ext)
    assert out and all(isinstance(r, (Document, Reject)) for r in out)
    for r in out:
        if isinstance(r, Reject):
            assert r.reason and r.detail
            continue
        assert isinstance(r.raw, str) and r.raw.strip() and len(r.raw) <= 20_000
        assert "\x00" not in r.raw and not any("\ud800" <= ch <= "\udfff" for ch in r.raw)
        check(r.raw, marsad.extract(r.raw))
