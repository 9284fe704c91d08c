"""A corpus of bad inputs (docs/reliability.md), written by the test: invalid and mixed
encodings, windows-1256 and ISO-8859-6 text, NUL bytes, a 100 MB single line, deeply nested
HTML, truncated gzip and WARC, JSON with huge numbers and deep nesting, right-to-left overrides
and zero-width characters inside numbers and names. One `marsad run` reads them all, into a
SQLite file and into PostgreSQL: each gives a reject with a clear reason, or the right result;
the run goes on, and the good records among them are stored."""
import gzip
import json

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.store import open_store
from test_warc import page, write_warc

GOOD = "قتل خمسة مدنيين في قصف على مدينة حلب، بحسب المرصد السوري لحقوق الإنسان."
HUGE = 100 * 2**20  # a single line of 100 MB


def line(**record) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The folder of bad inputs; {file: what it must give}."""
    d = tmp_path_factory.mktemp("bad")
    expect = {}

    def put(name, data, outcome):
        (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = outcome

    # encodings
    put("enc-latin1.txt", "Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9.".encode("latin-1"), ["invalid_utf8"])
    put("enc-mixed.txt", (GOOD + "\n").encode() + "وأصيب عشرة آخرون في القصف.".encode("cp1256"), ["invalid_utf8"])
    put("enc-cp1256.txt", GOOD.encode("cp1256"), "doc")
    put("enc-iso8859-6.txt", GOOD.encode("iso-8859-6"), "doc")
    put("enc-bom.txt", b"\xef\xbb\xbf" + GOOD.encode(), "doc")
    # NUL bytes: in a text file, in a JSON string, in a title
    put("nul.txt", GOOD.encode() + b"\x00\x00\x01\x02", ["binary"])
    put("nul.jsonl", line(id="nul-text", text=GOOD + "\u0000") + line(id="nul-title", title="a\u0000b", text=GOOD)
        + line(id="after-nul", text=GOOD), ["binary", "binary"])
    # lone surrogates (valid JSON, no text)
    put("surrogate.jsonl", '{"id": "sur", "text": "قتل خمسة \\ud800"}\n' + line(id="after-sur", text=GOOD),
        ["invalid_unicode"])
    # huge numbers and deep nesting in JSON; a 5,000-digit figure in text
    put("json-numbers.jsonl", '{"id": ' + "9" * 5000 + ', "text": "x"}\n' + '{"id": 1e999999, "text": "' + GOOD + '"}\n'
        + '{"id": "deep", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
        + "[" * 200_000 + "]" * 200_000 + "\n" + line(id="after-json", text=GOOD),
        ["malformed_json", "malformed_json", "malformed_json"])
    put("figure-digits.txt", "قتل " + "9" * 5000 + " شخصا في حلب. " + GOOD, "doc")
    # right-to-left overrides and zero-width characters inside numbers and names
    put("invisible.txt", "قتل 1\u200b5 مدنيا في قصف على مدينة ح\u200dلب، بحسب المرصد\u200c السوري. "
        "وأصيب \u202e٢٠\u202c آخرون.", "doc")
    # a 100 MB single line: a text file and a JSON line, each rejected without being held; the
    # JSON file's next line is read
    with open(d / "huge.txt", "wb") as f:
        f.write(b"\xd8\xa7" * (HUGE // 2))
    expect["huge.txt"] = ["too_large"]
    with open(d / "huge.jsonl", "wb") as f:
        f.write(b'{"id": "huge", "text": "')
        f.write(b"\xd8\xa7" * (HUGE // 2))
        f.write(b'"}\n' + line(id="after-huge", text=GOOD).encode())
    expect["huge.jsonl"] = ["too_large"]
    # deeply nested HTML, and markup that is no page
    put("nested.html", "<html><body>" + "<div>" * 100_000 + f"<p>{GOOD}</p>" + "</div>" * 100_000 + "</body></html>",
        ["broken_html"])
    # truncated gzip and WARC: the records before the cut are read
    data = gzip.compress("".join(line(id=f"gz-{i}", text=f"{GOOD} ({i * 7919 % 10007})") for i in range(1, 400)).encode())
    put("cut.jsonl.gz", data[: len(data) // 2], ["truncated_gzip"])
    write_warc(d / "whole.warc.gz", [(f"http://example.sa/{i}", "200 OK", "text/html; charset=utf-8",
                                      page("خبر", (GOOD + "\n") * 6).encode()) for i in range(2)])
    whole = (d / "whole.warc.gz").read_bytes()
    (d / "whole.warc.gz").unlink()
    put("cut.warc.gz", whole[: len(whole) - 300], ["truncated_warc"])
    # binary, empty, an unknown format
    put("random.txt", bytes((i * 7919) % 256 for i in range(5000)), ["binary"])
    put("empty.txt", "  \n\t ", ["empty"])
    put("empty.jsonl", "\n\n", ["empty"])           # no record at all: said so, not passed over
    put("archive.zip", b"PK\x03\x04" + b"\x00" * 100, ["unknown_format"])
    put("z-good.txt", GOOD, "doc")
    return d, expect


def test_each_bad_input_gives_its_reject_or_the_right_result(corpus, store_url):
    folder, expect = corpus
    result = CliRunner().invoke(main, ["run", str(folder), "--db", store_url, "--no-progress", "--json"])
    assert result.exit_code == 0, result.output     # the run goes on to the end
    with open_store(store_url, readonly=True) as store:
        rejects = store.rejects()
        by_file = {}
        for r in rejects:
            by_file.setdefault(r["input"].rsplit("/", 1)[-1].split(":")[0], []).append(r["reason"])
        for name, outcome in expect.items():
            if outcome == "doc":
                assert name not in by_file, (name, by_file.get(name))
            else:
                assert sorted(by_file.get(name, [])) == sorted(outcome), name
        assert all(r["detail"] and r["reason"] for r in rejects)
        docs = {d.id: d for d in store.documents()}
        # the good records beside the bad ones, and the encodings read right
        for doc_id in ("after-nul", "after-sur", "after-json", "after-huge", "gz-1", "z-good", "enc-cp1256",
                       "enc-iso8859-6", "enc-bom", "inf", "figure-digits", "invisible"):
            assert doc_id in docs, doc_id
        assert docs["enc-cp1256"].raw == docs["enc-iso8859-6"].raw == docs["z-good"].raw == GOOD
        assert docs["enc-cp1256"].meta["charset"] == "windows-1256"
        assert docs["enc-iso8859-6"].meta["charset"] == "iso-8859-6"
        assert len([d for d in docs if d.startswith("http://example.sa/") or "example.sa" in (docs[d].url or "")]) == 1
        for doc in docs.values():
            assert "\x00" not in doc.raw
            for c in doc.claims:
                assert doc.raw[c.start:c.end] == c.quote
        # figures hidden by invisible characters are read; names too
        invisible = {(c.kind, c.low) for c in docs["invisible"].claims}
        assert {("killed", 15), ("injured", 20)} <= invisible
        assert next(c.source for c in docs["invisible"].claims if c.kind == "killed") == "SOHR"
        # a 5,000-digit figure is none; the sentence after it still gives its claim
        assert [(c.kind, c.low) for c in docs["figure-digits"].claims] == [("killed", 5)]
