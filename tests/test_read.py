import gzip
import json

import pytest

from marsad.model import Document, Reject
from marsad.read import ReadOptions, read_inputs
from conftest import SAMPLES


def read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], ReadOptions(**kw)))


def test_text_file_and_folder(raqqa_path):
    (doc,) = read(raqqa_path)
    assert isinstance(doc, Document) and doc.id == "raqqa-qposts"
    assert doc.raw == raqqa_path.read_text(encoding="utf-8")
    docs = read(SAMPLES)
    assert len(docs) == len(list(SAMPLES.glob("*.txt"))) >= 8
    assert all(isinstance(d, Document) for d in docs)
    assert [d.id for d in docs] == sorted(p.stem for p in SAMPLES.glob("*.txt"))


def test_saudinewsnet_first_records(snn_path, snn_records):
    docs = []
    for record in read_inputs([str(snn_path)]):
        docs.append(record)
        if len(docs) == len(snn_records):
            break
    assert all(isinstance(d, Document) for d in docs)
    for doc, rec in zip(docs, snn_records):
        assert doc.id == rec["id"]
        assert doc.raw == rec["text"]
        assert doc.title == rec["title"]
        assert doc.url == rec["url"] and doc.date == rec["date"]
        assert doc.outlet == rec["source"]
        assert doc.byline == rec.get("author")


def test_field_mapping(tmp_path, snn_records):
    path = tmp_path / "other.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for rec in snn_records[:5]:
            f.write(json.dumps({"article_id": rec["id"], "body": rec["text"], "headline": rec["title"]},
                               ensure_ascii=False) + "\n")
    options = ReadOptions()
    options.map_fields(["id=article_id", "text=body"])
    docs = list(read_inputs([str(path)], options))
    assert [d.id for d in docs] == [r["id"] for r in snn_records[:5]]
    assert docs[0].raw == snn_records[0]["text"] and docs[0].title == snn_records[0]["title"]
    with pytest.raises(ValueError):
        ReadOptions().map_fields(["nonsense"])


def _page(title, paragraphs, extra=""):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title><meta property="og:title" content="{title}">
<meta name="author" content="سامر الحلبي"><meta property="article:section" content="شؤون عربية">
<meta property="article:published_time" content="2017-10-20T10:00:00+00:00"></head>
<body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/arab">شؤون عربية</a></li></ul></nav>
<article><h1>{title}</h1>{body}</article>
<aside><h3>مقالات ذات صلة</h3><ul><li><a href="/a">خبر آخر</a></li></ul></aside>{extra}
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_html_page_built_around_a_real_article(tmp_path, raqqa_path):
    from marsad.clean import clean_document

    raqqa = clean_document(read(raqqa_path)[0])
    paragraphs = [p for p in raqqa.text.split("\n") if len(p.split()) > 12]
    path = tmp_path / "raqqa.html"
    path.write_text(_page(raqqa.title, paragraphs), encoding="utf-8")
    (doc,) = read(path)
    assert isinstance(doc, Document)
    assert doc.title == raqqa.title
    assert doc.byline == "سامر الحلبي"
    assert doc.section == "شؤون عربية"
    assert doc.date == "2017-10-20"
    for p in paragraphs:
        assert p in doc.raw
    assert "مقالات ذات صلة" not in doc.raw and "جميع الحقوق" not in doc.raw


def _reasons(records):
    return [r.reason for r in records if isinstance(r, Reject)]


def test_rejects_of_every_kind(tmp_path):
    good = {"id": "ok", "text": "قتل جندي في هجوم على نقطة تفتيش."}
    (tmp_path / "bad.jsonl").write_bytes(b"\n".join([
        json.dumps(good).encode(),
        b'{"id": "broken", "text": ',                       # malformed JSON, line 2
        json.dumps({"id": "notext", "article": "x"}).encode(),  # missing text, line 3
        json.dumps({"id": "empty", "text": "   "}).encode(),  # empty, line 4
        b'{"id": "latin1", "text": "caf\xe9"}',               # invalid UTF-8, line 5
        b"[1, 2, 3]",                                         # not an object, line 6
        json.dumps({"id": "big", "text": "ا" * 3000}).encode(),  # too large, line 7
    ]) + b"\n")
    records = read(tmp_path / "bad.jsonl", max_bytes=2000)
    rejects = {r.reason: r for r in records if isinstance(r, Reject)}
    assert [r.id for r in records if isinstance(r, Document)] == ["ok"]
    assert rejects["malformed_json"].locator == "line 2" or "line 2" in _details(records, "malformed_json")
    assert rejects["missing_text"].locator == "line 3" and "article" in rejects["missing_text"].detail
    assert rejects["empty"].locator == "line 4"
    assert rejects["invalid_utf8"].locator == "line 5"
    offset = (tmp_path / "bad.jsonl").read_bytes().index(b"\xe9")
    assert f"byte {offset}" in rejects["invalid_utf8"].detail
    assert "too_large" in rejects and rejects["too_large"].locator == "line 7"
    assert sorted(_reasons(records)) == sorted(
        ["malformed_json", "malformed_json", "missing_text", "empty", "invalid_utf8", "too_large"])


def _details(records, reason):
    return " ".join(r.detail for r in records if isinstance(r, Reject) and r.reason == reason)


def test_file_rejects(tmp_path):
    (tmp_path / "a-binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "b-empty.txt").write_text("  \n", encoding="utf-8")
    # a text wholly in windows-1256 is read as such; one that mixes it with UTF-8 is not
    (tmp_path / "c-cp1256.txt").write_bytes("قتل خمسة مدنيين في قصف على حلب.".encode("cp1256"))
    (tmp_path / "c-mixed.txt").write_bytes("قتل خمسة مدنيين في قصف على حلب.\n".encode() + "وأصيب عشرة آخرون.".encode("cp1256"))
    (tmp_path / "d-broken.html").write_text("<html><body><div><<<</", encoding="utf-8")
    (tmp_path / "e-notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "f-good.txt").write_text("قتل خمسة مدنيين في قصف على حلب.", encoding="utf-8")
    records = read(tmp_path, tmp_path / "missing.txt")
    assert _reasons(records) == ["binary", "empty", "invalid_utf8", "broken_html", "unknown_format", "not_found"]
    docs = {r.id: r for r in records if isinstance(r, Document)}
    assert list(docs) == ["c-cp1256", "f-good"] and docs["c-cp1256"].raw == docs["f-good"].raw
    assert docs["c-cp1256"].meta["charset"] == "windows-1256"
    mixed = [r for r in records if isinstance(r, Reject) and r.reason == "invalid_utf8"][0]
    offset = (tmp_path / "c-mixed.txt").read_bytes().index(b"\n") + 1
    assert f"byte {offset}" in mixed.detail and "mixes" in mixed.detail and mixed.doc_id == "c-mixed"


def test_truncated_gzip_keeps_what_came_before(tmp_path, snn_records):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in snn_records).encode())
    path.write_bytes(data[: len(data) // 2])
    records = read(path)
    docs = [r for r in records if isinstance(r, Document)]
    assert 0 < len(docs) < len(snn_records)
    assert records[-1].reason == "truncated_gzip"
    assert [d.id for d in docs] == [r["id"] for r in snn_records[: len(docs)]]


def test_huge_line_is_rejected_without_holding_it(tmp_path):
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as f:
        f.write(b'{"id": "huge", "text": "' + b"a" * 3_000_000 + b'"}\n')
        f.write(json.dumps({"id": "after", "text": "قتل جندي."}).encode() + b"\n")
    records = read(path, max_bytes=100_000)
    assert _reasons(records) == ["too_large"]
    assert [r.id for r in records if isinstance(r, Document)] == ["after"]


def test_a_reader_that_breaks_off_leaves_a_reject_and_the_run_goes_on(tmp_path):
    """A reader (a plugin's, or one meeting a format it did not foresee) that raises: the
    records it gave stay, a reader_error says where it stopped, the next file is read."""
    from marsad.read import _guarded

    def reader(path, options):
        yield Document(id="first", raw="قتل جندي.")
        raise RuntimeError("cannot go on")

    out = list(_guarded(reader, "x.bin", ReadOptions()))
    assert [type(r).__name__ for r in out] == ["Document", "Reject"]
    assert out[1].reason == "reader_error" and "after 1 records" in out[1].detail and "RuntimeError" in out[1].detail
