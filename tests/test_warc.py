"""WARC archives (marsad.read.warc): a WARC written by the test with warcio, from HTML pages
built around real SaudiNewsNet articles (in UTF-8, windows-1256 and ISO-8859-6), with records
that must become rejects: an English page, an HTTP error, an image, a request record, a page
with no article; and a truncated .warc.gz."""
import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import shared_path

from marsad.model import Reject
from marsad.read import ReadOptions, read_inputs
from marsad.store import open_store
from marsad.run import LocalExecutor


def articles(n=3):
    out = []
    with gzip.open(shared_path("corpus", "saudinewsnet.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if len(r["text"]) > 800 and "قتل" in r["text"]:
                out.append(r)
            if len(out) == n:
                return out


def page(title, text, charset="utf-8", meta=True):
    head = f'<meta charset="{charset}">' if meta else ""
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    return (f"<html><head>{head}<title>{title}</title></head><body><nav>الرئيسية</nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>جميع الحقوق محفوظة</footer></body></html>")


def write_warc(path, records, gz=True):
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for url, status, ctype, body in records:
            if status is None:  # a request record
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(body)))
                continue
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))


def test_a_warc_of_real_pages_gives_documents_and_rejects(tmp_path, store_url):
    a, b, c = articles()
    english = page("Market report", "Shares rose on Tuesday as investors weighed the latest figures from the "
                   "central bank, which kept its main rate unchanged for the fourth month in a row.\n" * 3)
    records = [
        ("http://example.sa/a", "200 OK", "text/html; charset=utf-8", page(a["title"], a["text"]).encode("utf-8")),
        # windows-1256 declared only in the HTTP header; ISO-8859-6 only in the page's <meta>
        ("http://example.sa/b", "200 OK", "text/html; charset=windows-1256",
         page(b["title"], b["text"], meta=False).encode("cp1256", "replace")),
        ("http://example.sa/c", "200 OK", "text/html",
         page(c["title"], c["text"], charset="iso-8859-6").encode("iso-8859-6", "replace")),
        ("http://example.com/en", "200 OK", "text/html; charset=utf-8", english.encode("utf-8")),
        ("http://example.sa/missing", "404 Not Found", "text/html", b"<html>not found</html>"),
        ("http://example.sa/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        ("http://example.sa/a", None, None, b"GET /a HTTP/1.1\r\nHost: example.sa\r\n\r\n"),
        ("http://example.sa/empty", "200 OK", "text/html", b"<html><body><div></div></body></html>"),
    ]
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, records)
    out = list(read_inputs([str(path)], ReadOptions()))
    docs = [r for r in out if not isinstance(r, Reject)]
    rejects = {r.reason for r in out if isinstance(r, Reject)}
    assert [d.url for d in docs] == ["http://example.sa/a", "http://example.sa/b", "http://example.sa/c"]
    assert rejects == {"not_arabic", "http_status", "not_html", "not_a_response", "broken_html"}
    assert len(out) == len(records)                  # every record: a document or a reject
    for d, rec, charset in zip(docs, (a, b, c), ("utf-8", "windows-1256", "iso-8859-6")):
        first = next(p for p in rec["text"].split("\n") if len(p) > 40)
        assert first[:40] in d.raw                   # the article, decoded right
        assert d.meta["charset"] == charset and d.meta["language"] == "ar" and d.meta["crawl_date"]
        assert d.meta["http_status"] == "200" and d.date
    # the run: stored, claims found, rejects kept with their reasons
    with open_store(store_url) as store:
        _, counts = LocalExecutor(store, options=ReadOptions()).run([str(path)])
        assert counts.documents == 3 and sum(counts.rejects.values()) == 5
        assert {r["reason"] for r in store.rejects()} == rejects
        assert list(store.claims())


def test_a_truncated_warc_keeps_what_came_before(tmp_path):
    a, b, _ = articles()
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"http://example.sa/{i}", "200 OK", "text/html; charset=utf-8",
                       page(r["title"], r["text"]).encode("utf-8")) for i, r in enumerate((a, b))])
    data = path.read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 300])
    out = list(read_inputs([str(tmp_path / "cut.warc.gz")], ReadOptions()))
    assert [getattr(r, "url", None) for r in out if not isinstance(r, Reject)] == ["http://example.sa/0"]
    assert [r.reason for r in out if isinstance(r, Reject)] == ["truncated_warc"]
