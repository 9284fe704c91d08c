import random

from marsad.ar.normalize import fold, fold_with_map
from marsad.offsets import OffsetMap


def test_offset_map_segments_and_spans():
    raw = "menu\nTitle\nbody one\nskip\nbody two"
    m = OffsetMap()
    m.add(11, 9)   # "body one\n"
    m.add(25, 8)   # "body two"
    text = raw[11:20] + raw[25:33]
    assert m.length == len(text)
    for i, ch in enumerate(text):
        assert raw[m.to_source(i)] == ch
    s, e = m.span_to_source(text.index("two"), len(text))
    assert raw[s:e] == "two"
    # a span that ends at a segment boundary does not run into the next segment
    s, e = m.span_to_source(0, 9)
    assert raw[s:e] == "body one\n"


def test_offset_map_json_roundtrip():
    m = OffsetMap()
    m.add(3, 4)
    m.add(10, 2)
    assert OffsetMap.from_json(m.to_json()).to_json() == m.to_json()


def test_fold_unifies_spelling_variants():
    assert fold("إصابةٌ") == fold("اصابه")
    assert fold("مُستشفى") == fold("مستشفي")
    assert fold("آلاف") == fold("الاف")
    assert fold("٣١١") == "311"
    assert fold("قـــتـل") == "قتل"


def test_fold_map_points_back_to_original_characters():
    text = "قُتِلَ ثلاثةُ أشخاصٍ في الرَّقَّة"
    folded, m = fold_with_map(text)
    assert folded == fold(text)
    for i, ch in enumerate(folded):
        assert fold(text[m.to_source(i)]) == ch
    i = folded.index("الرقه")
    s, e = m.span_to_source(i, i + 5)
    assert text[s:e] == "الرَّقَّة"


def test_composed_maps():
    rng = random.Random(1)
    raw = "".join(rng.choice("ابت ُ\n") for _ in range(400))
    outer = OffsetMap()
    pos = 0
    pieces = []
    while pos < len(raw):
        n = rng.randint(1, 30)
        if rng.random() < 0.7:
            outer.add(pos, min(n, len(raw) - pos))
            pieces.append(raw[pos:pos + n])
        pos += n
    mid = "".join(pieces)
    folded, inner = fold_with_map(mid)
    both = inner.then(outer)
    for i, ch in enumerate(folded):
        assert fold(raw[both.to_source(i)]) == ch
