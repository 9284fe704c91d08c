"""WARC archives (.warc, .warc.gz; Common Crawl's CC-NEWS layout): every HTML response
becomes a document (its article by trafilatura), with its URL, its crawl date and its HTTP
metadata; pages in legacy encodings (windows-1256, ISO-8859-6 are common on Arabic sites) are
decoded by their declared charset, else a detected one; only Arabic documents are kept
(py3langid, whose model ships in the package). Every record that yields no document becomes
a reject with its reason: not a response, an HTTP error, not HTML, undecodable, no article,
not Arabic, a truncated archive."""
from __future__ import annotations

import os
from typing import Iterator

from marsad.model import Document, Reject
from marsad.read.base import ReadOptions, decode_page, sample
from marsad.read.html import html_document

# a language is told from this many characters of the article
_LANG_SAMPLE = 2000
LANGUAGES = ("ar",)


def read_warc(path: str, options: ReadOptions) -> Iterator[Document | Reject]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        stream = open(path, "rb")
    except OSError as e:
        yield Reject(path, "", "unreadable", f"cannot open the archive: {e}")
        return
    with stream:
        size = os.fstat(stream.fileno()).st_size
        records = ArchiveIterator(stream)
        while True:
            try:
                record = next(records)
            except StopIteration:
                # (a gzip member cut short ends the iteration quietly: the bytes after the last
                # whole record say so)
                done = getattr(records, "offset", size)
                if done < size:
                    yield Reject(path, f"byte {done}", "truncated_warc",
                                 f"the archive breaks off after byte {done:,}: {size - done:,} bytes after the last "
                                 "whole record are no record; the records before it were read")
                return
            except Exception as e:  # (warcio raises many kinds on a damaged archive)
                offset = getattr(records, "offset", "") or ""
                yield Reject(path, f"byte {offset}", "truncated_warc",
                             f"the archive breaks off or is damaged here ({type(e).__name__}: {e}); the records "
                             f"before it were read")
                return
            try:
                # (the body is read first: asking warcio for the record's offset reads it away)
                body = record.content_stream().read(options.max_bytes * 4 + 1) if record.rec_type == "response" else b""
                offset = records.get_record_offset()
            except Exception as e:  # a record whose body breaks off, or is damaged
                yield Reject(path, "", "truncated_warc", f"a record breaks off ({type(e).__name__}: {e}); the records "
                             f"before it were read")
                return
            yield _record(record, body, path, offset, options)


read_warc.extensions = (".warc", ".warc.gz")


def _record(record, body: bytes, path: str, offset: int, options: ReadOptions) -> Document | Reject:
    where = f"byte {offset}"
    headers = record.rec_headers
    rid = (headers.get_header("WARC-Record-ID") or "").strip("<>").replace("urn:uuid:", "")
    url = headers.get_header("WARC-Target-URI")
    if record.rec_type != "response":
        return Reject(path, where, "not_a_response",
                      f"a WARC {record.rec_type} record, not a page (only response records hold pages)", doc_id=rid)
    http = record.http_headers
    status = http.get_statuscode() if http else None
    if status != "200":
        return Reject(path, where, "http_status", f"HTTP {status} for {url}: no page to read", doc_id=rid)
    ctype = (http.get_header("Content-Type") or "").lower()
    if ctype and "html" not in ctype:
        return Reject(path, where, "not_html", f"{url} is {ctype}, not an HTML page", doc_id=rid)
    declared = (record.length or 0) - (getattr(http, "total_len", 0) or 0)
    if len(body) < declared and len(body) <= options.max_bytes * 4:
        return Reject(path, where, "truncated_warc",
                      f"{url}: the record breaks off after {len(body):,} of its {declared:,} bytes (a truncated archive)",
                      doc_id=rid)
    if len(body) > options.max_bytes * 4:
        return Reject(path, where, "too_large", f"{url}: the page is over {options.max_bytes * 4:,} bytes", doc_id=rid)
    text, charset = decode_page(body, ctype)
    if text is None:
        return Reject(path, where, "undecodable", f"{url}: no encoding reads the page", doc_id=rid,
                      sample=sample(body))
    doc = html_document(text, path, rid, options, url=url, locator=where)
    if isinstance(doc, Reject):
        return doc
    lang = _language(doc.raw)
    if lang not in LANGUAGES:
        return Reject(path, where, "not_arabic", f"{url}: the article is in {lang!r}, not Arabic", doc_id=rid,
                      sample=sample(doc.raw))
    crawled = headers.get_header("WARC-Date")
    # the crawl date is the publication date (news is crawled as it appears): the date
    # trafilatura guesses from a page's text can be any year the text names
    if doc.date:
        doc.meta["page_date"] = doc.date
    doc.date = crawled[:10] if crawled else doc.date
    doc.meta.update({"format": "warc", "crawl_date": crawled, "http_status": status, "content_type": ctype,
                     "charset": charset, "language": lang, "warc_record_id": rid, "warc_offset": offset,
                     "server": http.get_header("Server")})
    return doc


def _language(text: str) -> str:
    import py3langid

    return py3langid.classify(text[:_LANG_SAMPLE])[0]
