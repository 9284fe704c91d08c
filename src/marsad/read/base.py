"""What every reader shares: options, decoding with clear errors, rejects."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Iterator, Protocol

from marsad.model import Document, Reject

DEFAULT_MAX_BYTES = 5_000_000  # one article over 5 MB is not an article
# fields of a corpus record -> Document attribute; the first name present wins
DEFAULT_FIELDS = {
    "id": ("id", "doc_id", "_id"),
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "date": ("date", "published", "pubdate", "datetime"),
    "outlet": ("source", "outlet", "publisher", "site"),
    "byline": ("author", "byline"),
    "section": ("section", "category"),
}


@dataclass
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    fields: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FIELDS))
    format: str = "auto"  # auto | text | jsonl | html

    def map_fields(self, pairs: list[str]) -> None:
        """Apply `--field text=body` style overrides: the corpus field `body` holds `text`."""
        for pair in pairs:
            if "=" not in pair:
                raise ValueError(f"--field expects NAME=FIELD (e.g. text=body), got {pair!r}")
            name, src = (p.strip() for p in pair.split("=", 1))
            if name == "source":
                name = "outlet"
            if name not in DEFAULT_FIELDS:
                raise ValueError(f"--field: unknown name {name!r}; one of {', '.join(sorted(DEFAULT_FIELDS))}")
            self.fields[name] = (src,)


class Reader(Protocol):
    """A reader turns one input path into documents and rejects, streaming."""
    def __call__(self, path: str, options: ReadOptions) -> Iterator[Document | Reject]: ...


def sample(data: bytes | str, n: int = 80) -> str:
    if isinstance(data, bytes):
        return repr(data[:n])[2:-1]
    return data[:n]


def decode(data: bytes, path: str, locator: str, base_offset: int = 0) -> str | Reject:
    """Strict UTF-8 (with or without BOM), or a reject that says where it broke."""
    if b"\x00" in data[:8192]:
        return Reject(path, locator, "binary", "the input holds NUL bytes: it is a binary file, not text",
                      sample=sample(data))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        at = base_offset + e.start
        return Reject(path, locator or f"byte {at}", "invalid_utf8",
                      f"invalid UTF-8 at byte {at} ({e.reason}); convert the file to UTF-8 "
                      f"(e.g. iconv -f windows-1256 -t utf-8)", sample=sample(data[max(0, e.start - 20):e.start + 20]))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def looks_binary(text: str) -> bool:
    """Text that decoded but is mostly control characters is a binary file."""
    head = text[:4096]
    if not head:
        return False
    return len(_CONTROL.findall(head)) / len(head) > 0.1


def content_hash(doc: Document) -> str:
    h = hashlib.sha256()
    h.update((doc.title or "").encode("utf-8", "surrogatepass"))
    h.update(b"\x00")
    h.update(doc.raw.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def check_text(doc: Document, path: str, locator: str, options: ReadOptions) -> Document | Reject:
    """The checks every document passes before it goes on: not empty, not too large."""
    if not doc.raw.strip():
        return Reject(path, locator, "empty", "the record has no text", doc_id=doc.id)
    if len(doc.raw) > options.max_bytes:
        return Reject(path, locator, "too_large",
                      f"the record's text has {len(doc.raw):,} characters, over the limit of "
                      f"{options.max_bytes:,} (raise it with --max-bytes)", doc_id=doc.id, sample=sample(doc.raw))
    if looks_binary(doc.raw):
        return Reject(path, locator, "binary", "the text is mostly control characters: a binary file, not text",
                      doc_id=doc.id, sample=sample(doc.raw))
    doc.content_hash = content_hash(doc)
    return doc


def read_file(path: str, limit: int, doc_id: str, what: str = "file") -> bytes | Reject:
    """The bytes of a file of at most `limit` bytes, or a reject that says why not."""
    try:
        size = os.path.getsize(path)
        if size > limit:
            return Reject(path, "", "too_large", f"the {what} has {size:,} bytes, over the limit of {limit:,} "
                          f"(raise it with --max-bytes)", doc_id=doc_id)
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        return Reject(path, "", "unreadable", f"cannot read the {what}: {e.strerror or e}", doc_id=doc_id)
