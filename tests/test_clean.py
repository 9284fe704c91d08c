from marsad.clean import clean_document
from marsad.model import Document
from marsad.read import read_inputs


def _raqqa(path):
    (doc,) = list(read_inputs([str(path)]))
    return clean_document(doc)


def test_raqqa_metadata_found(raqqa_path):
    doc = _raqqa(raqqa_path)
    assert doc.title == "بعد “تحرير” الرقة، أين اختفى قادة داعش؟"
    assert doc.section == "شؤون عربية"
    assert doc.byline and "كيو بوست" in doc.byline
    assert doc.id == "raqqa-qposts"


def test_raqqa_boilerplate_gone_and_body_whole(raqqa_path):
    doc = _raqqa(raqqa_path)
    raw = doc.raw
    lines = [l.strip() for l in raw.splitlines() if l.strip(" \u00a0")]
    gone = [lines[0]] + [l for l in lines if "شاركنا رأيك" in l or "التعليقات" == l
                          or "الفيس بوك" in l or "ذات صلة" in l]
    assert len(gone) == 5
    for line in gone:
        assert line not in doc.text
    # every paragraph of the article's body is kept, its sub-headings too
    body = [l for l in lines if len(l.split()) >= 12 and "شاركنا رأيك" not in l]
    assert len(body) >= 8
    for para in body:
        assert para in doc.text
    for heading in ("أين ذهب مقاتلو داعش ؟", "أماكن تواجد داعش الحالية"):
        assert heading in doc.text


def test_raqqa_offsets_point_into_raw(raqqa_path):
    doc = _raqqa(raqqa_path)
    for i in range(0, len(doc.text), 7):
        assert doc.raw[doc.offsets.to_source(i)] == doc.text[i]


def test_record_with_title_keeps_short_first_line():
    # a corpus record that came with its title: a short first sentence is body, not header
    raw = "الرياض – واس\nقتل جنديان.\nوأصيب ثلاثة آخرون في هجوم على نقطة تفتيش في منطقة الحدود الجنوبية مساء أمس."
    doc = clean_document(Document(id="x", raw=raw, title="هجوم على الحدود"))
    assert "قتل جنديان" in doc.text
    assert doc.byline is None or "واس" not in doc.text


def test_clean_text_without_boilerplate_is_unchanged(snn_records):
    from marsad.read.base import ReadOptions
    from marsad.read.jsonl import _to_document

    for i, rec in enumerate(snn_records[:30]):
        doc = _to_document(rec, "snn", i + 1, "snn", ReadOptions())
        clean_document(doc)
        # records of a clean corpus lose at most surrounding whitespace
        assert doc.text == doc.raw.strip() or len(doc.text) > 0.9 * len(doc.raw.strip())
        for j in range(0, len(doc.text), 97):
            assert doc.raw[doc.offsets.to_source(j)] == doc.text[j]
