"""What every reader shares: options, decoding with clear errors, rejects."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Iterator, Protocol

from marsad.ar.lexicon import ARTICLES
from marsad.ar.normalize import SURROGATE
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
        mixed = len(_UTF8_ARABIC.findall(data)) >= 8
        why = ("the text mixes UTF-8 with another encoding: convert the part that is not UTF-8" if mixed else
               "convert the file to UTF-8 (e.g. iconv -f windows-1256 -t utf-8)")
        return Reject(path, locator or f"byte {at}", "invalid_utf8",
                      f"invalid UTF-8 at byte {at} ({e.reason}); {why}",
                      sample=sample(data[max(0, e.start - 20):e.start + 20]))


# Arabic letters as UTF-8 writes them (a lead byte D8-DB, then a continuation byte): in text
# of a legacy encoding they are rare
_UTF8_ARABIC = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
# the legacy encodings of Arabic text, the commoner first
LEGACY_ARABIC = ("windows-1256", "iso-8859-6")
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u066e-\u06d3]")


def legacy_arabic(data: bytes) -> tuple[str, str] | None:
    """(text, charset) of bytes wholly in a legacy Arabic encoding: most of their letters
    Arabic, and no more than a trace of UTF-8 among them (a mix is not read); else None.
    Where both encodings read the bytes, the one whose text has more of the article "ال"
    (the commonest pair of letters in Arabic) is the right one."""
    if len(_UTF8_ARABIC.findall(data)) * 2 > len(data) // 20:
        return None
    best = None
    for charset in LEGACY_ARABIC:
        try:
            text = data.decode(charset)
        except UnicodeDecodeError:
            continue
        letters = len(_LETTER.findall(text))
        if letters and len(_ARABIC_LETTER.findall(text)) >= letters / 2 and not looks_binary(text):
            score = text.count(ARTICLES[0])
            if best is None or score > best[0]:
                best = (score, text, charset)
    return best[1:] if best else None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode_page(body: bytes, ctype: str = "") -> tuple[str | None, str | None]:
    """A web page's text, by the charset its HTTP Content-Type or its <meta> declares, else
    UTF-8, else the one charset_normalizer finds; and the charset used (None, None: none reads it)."""
    declared = []
    m = re.search(r"charset=([\w-]+)", ctype)
    if m:
        declared.append(m.group(1))
    m = _META_CHARSET.search(body[:4096])
    if m:
        declared.append(m.group(1).decode("ascii", "ignore"))
    for charset in declared + ["utf-8"]:
        try:
            return body.decode(charset), charset.lower()
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    return (str(best), best.encoding) if best is not None else (None, None)


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


_TEXT_FIELDS = ("id", "raw", "title", "url", "date", "outlet", "byline", "section")


def check_text(doc: Document, path: str, locator: str, options: ReadOptions) -> Document | Reject:
    """The checks every document passes before it goes on: not empty, not too large, text
    that any store can hold (no NUL character, no lone surrogate)."""
    for name in _TEXT_FIELDS:
        value = getattr(doc, name)
        if not value:
            continue
        field = "text" if name == "raw" else name
        if "\x00" in value:
            return Reject(path, locator, "binary", f"the record's {field} holds NUL characters (\\u0000): "
                          "binary data, not text", doc_id=None if name == "id" else doc.id, sample=sample(value))
        if SURROGATE.search(value):
            return Reject(path, locator, "invalid_unicode",
                          f"the record's {field} holds a lone surrogate (\\ud800-\\udfff), which no encoding can "
                          "store: it was cut or escaped wrongly", doc_id=None if name == "id" else doc.id,
                          sample=sample(value))  # (escaped where rejects are stored)
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
