"""Properties of the extractor on any text: it never raises, and every claim's quote is the
raw text at its offsets."""
from hypothesis import given, settings, strategies as st

import marsad

ARABIC_BITS = st.sampled_from([
    "قتل", "مقتل", "أصيب", "جرحى", "نحو", "أكثر من", "بين", "و", "إلى", "عشرات", "آلاف", "مدنيين",
    "جندي", "شخصين", "بحسب", "المرصد", "قال", "إن", "نفى", "رجح", "،", ".", "\n", " ", "«", "»",
    "(", ")", "300", "٣١١", "1,200", "-", "ثلاثمائة", "وأحد", "عشر", "الـ", "ال", "ـ", "\u200f", "ً",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC_BITS, max_size=60).map(" ".join))
def test_arabic_like_text(text):
    for c in marsad.extract(text):
        assert text[c.start:c.end] == c.quote
        assert c.low is None or c.high is None or c.low <= c.high


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text(text):
    for c in marsad.extract(text):
        assert text[c.start:c.end] == c.quote
