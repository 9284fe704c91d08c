"""Readers: one per input format, each streaming documents and rejects from a path."""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from marsad.model import Document, Reject
from marsad.read.base import ReadOptions
from marsad.read.html import read_html
from marsad.read.jsonl import read_jsonl
from marsad.read.text import read_text

READERS = {"text": read_text, "jsonl": read_jsonl, "html": read_html}
_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".ndjson": "jsonl", ".ndjson.gz": "jsonl", ".json.gz": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}


def format_of(path: str) -> str | None:
    name = path.lower()
    for ext in sorted(_EXTENSIONS, key=len, reverse=True):
        if name.endswith(ext):
            return _EXTENSIONS[ext]
    return None


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files of the inputs: a file as given, a folder's files in sorted order, recursively."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield path


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Document | Reject]:
    options = options or ReadOptions()
    for path in expand(paths):
        if not os.path.exists(path):
            yield Reject(path, "", "not_found", "no such file or folder")
            continue
        fmt = options.format if options.format != "auto" else format_of(path)
        if fmt is None:
            yield Reject(path, "", "unknown_format",
                         "unknown file type: use .txt, .jsonl, .jsonl.gz or .html, or name one with --format")
            continue
        yield from READERS[fmt](path, options)


__all__ = ["ReadOptions", "read_inputs", "READERS", "format_of", "expand"]
