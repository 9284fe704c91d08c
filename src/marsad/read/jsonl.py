"""JSON Lines corpora, plain or gzip-compressed: one article per line."""
from __future__ import annotations

import gzip
import json
import os
import zlib
from typing import Any, Iterator

from marsad.model import Document, Reject
from marsad.read.base import ReadOptions, check_text, decode, sample


def _open(path: str):
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _lines(f, limit: int) -> Iterator[tuple[int, int, bytes | None]]:
    """(line number, byte offset, line) with lines over `limit` bytes given as None and
    never held whole in memory."""
    number, offset = 0, 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        number += 1
        start = offset
        offset += len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of an oversized line in bounded chunks
                chunk = f.readline(1 << 20)
                offset += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, start, None
            continue
        yield number, start, line


def _field(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if name in record and record[name] is not None:
            return record[name]
    return None


def read_jsonl(path: str, options: ReadOptions) -> Iterator[Document | Reject]:
    stem = os.path.basename(path).split(".")[0]
    # a JSON line carries an article and its quoting; allow some room beyond the text limit
    limit = options.max_bytes * 2 + 65536
    try:
        f = _open(path)
    except OSError as e:
        yield Reject(path, "", "unreadable", f"cannot open the file: {e.strerror or e}")
        return
    number = 0
    try:
        with f:
            for number, offset, line in _lines(f, limit):
                loc = f"line {number}"
                if line is None:
                    yield Reject(path, loc, "too_large",
                                 f"line {number} is over {limit:,} bytes (raise the limit with --max-bytes)")
                    continue
                if not line.strip():
                    continue  # blank lines separate nothing and hold nothing
                text = decode(line, path, loc, base_offset=offset)
                if isinstance(text, Reject):
                    text.detail = f"line {number}: {text.detail}"
                    yield text
                    continue
                try:
                    record = json.loads(text)
                except (ValueError, RecursionError) as e:
                    yield Reject(path, loc, "malformed_json", f"line {number} is not valid JSON: {e}",
                                 sample=sample(text))
                    continue
                if not isinstance(record, dict):
                    yield Reject(path, loc, "malformed_json",
                                 f"line {number} is a JSON {type(record).__name__}, not an object", sample=sample(text))
                    continue
                yield _to_document(record, path, number, stem, options)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Reject(path, f"line {number + 1}", "truncated_gzip",
                     f"the compressed file is damaged or cut short after line {number} ({e}); "
                     f"the records before it were read")
    except OSError as e:
        yield Reject(path, f"line {number + 1}", "unreadable", f"read error after line {number}: {e}")


def _to_document(record: dict, path: str, number: int, stem: str, options: ReadOptions) -> Document | Reject:
    fields = options.fields
    loc = f"line {number}"
    raw_id = _field(record, fields["id"])
    doc_id = str(raw_id) if raw_id is not None and str(raw_id).strip() else f"{stem}-{number}"
    text = _field(record, fields["text"])
    if text is None:
        have = ", ".join(sorted(record)[:12]) or "none"
        return Reject(path, loc, "missing_text",
                      f"line {number} has no text field ({'/'.join(fields['text'])}); its fields: {have}. "
                      f"Map another field with --field text=NAME", doc_id=doc_id)
    if not isinstance(text, str):
        return Reject(path, loc, "missing_text",
                      f"line {number}: the text field holds a JSON {type(text).__name__}, not a string", doc_id=doc_id)

    def opt(name: str) -> str | None:
        value = _field(record, fields[name])
        return None if value is None else str(value)

    doc = Document(
        id=doc_id, raw=text, origin=f"{path}:{number}", title=opt("title"), url=opt("url"),
        date=opt("date"), outlet=opt("outlet"), byline=opt("byline"), section=opt("section"),
    )
    return check_text(doc, path, loc, options)
