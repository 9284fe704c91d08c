"""Plain text files: one article per file, id = the file's stem."""
from __future__ import annotations

import os
from typing import Iterator

from marsad.model import Document, Reject
from marsad.read.base import ReadOptions, check_text, decode, legacy_arabic, read_file


def read_text(path: str, options: ReadOptions) -> Iterator[Document | Reject]:
    data = read_file(path, options.max_bytes, _stem(path))
    if isinstance(data, Reject):
        yield data
        return
    text, charset = decode(data, path, ""), None
    if isinstance(text, Reject) and text.reason == "invalid_utf8":
        # not UTF-8: a text wholly in windows-1256 or ISO-8859-6 is read as such
        text, charset = legacy_arabic(data) or (text, None)
    if isinstance(text, Reject):
        text.doc_id = _stem(path)
        yield text
        return
    # a scraped page's text: its title, if any, is inside the text
    doc = Document(id=_stem(path), raw=text, origin=path)
    if charset:
        doc.meta["charset"] = charset
    yield check_text(doc, path, "", options)


def _stem(path: str) -> str:
    name = os.path.basename(path)
    return name.rsplit(".", 1)[0] if "." in name else name

