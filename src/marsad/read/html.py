"""HTML pages: the main text and metadata through trafilatura."""
from __future__ import annotations

import os
import re
from typing import Iterator

from marsad.model import Document, Reject
from marsad.read.base import ReadOptions, check_text, decode, decode_page, read_file, sample

_LETTERS = re.compile(r"[^\W\d_]{2}")  # an article has words, not only markup debris


def read_html(path: str, options: ReadOptions) -> Iterator[Document | Reject]:
    stem = os.path.basename(path).rsplit(".", 1)[0]
    # pages carry several times their text in markup
    data = read_file(path, options.max_bytes * 4, stem, what="page")
    if isinstance(data, Reject):
        yield data
        return
    yield html_document(data, path, stem, options)


def html_document(data: bytes | str, path: str, doc_id: str, options: ReadOptions,
                  url: str | None = None, locator: str = "") -> Document | Reject:
    """One page to a Document (or a reject that says why no article came out of it)."""
    import trafilatura

    charset = None
    if isinstance(data, bytes):
        text = decode(data, path, locator)
        if isinstance(text, Reject) and text.reason == "invalid_utf8":
            # a page in the charset its <meta> declares, or one that is found
            text, charset = decode_page(data)
            if text is None:
                return Reject(path, locator, "undecodable", "no encoding reads the page", doc_id=doc_id,
                              sample=sample(data))
        if isinstance(text, Reject):
            text.doc_id = doc_id
            return text
    else:
        text = data
    try:
        result = trafilatura.bare_extraction(
            text, url=url, include_comments=False, with_metadata=True, favor_precision=False,
        )
    except Exception as e:  # trafilatura raises many kinds on broken markup
        return Reject(path, locator, "broken_html", f"the page could not be parsed: {type(e).__name__}: {e}",
                      doc_id=doc_id)
    if result is None or not _LETTERS.search(getattr(result, "text", None) or ""):
        return Reject(path, locator, "broken_html",
                      "no article text found in the page (empty, broken or not an article)", doc_id=doc_id)
    categories = getattr(result, "categories", None) or []
    doc = Document(
        id=doc_id, raw=result.text, origin=path,
        title=result.title or None, url=result.url or url, date=result.date or None,
        outlet=result.sitename or None, byline=result.author or None,
        section=categories[0] if categories else None,
    )
    doc.meta["format"] = "html"
    if charset:
        doc.meta["charset"] = charset
    return check_text(doc, path, locator, options)
