"""Readers: one per input format, each streaming documents and rejects from a path."""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator

from marsad.model import Document, Reject
from marsad.read.base import ReadOptions
from marsad.read.html import read_html
from marsad.read.jsonl import read_jsonl
from marsad.read.text import read_text
from marsad.read.warc import read_warc

# the built-in readers; readers() adds those other packages register
READERS = {"text": read_text, "jsonl": read_jsonl, "html": read_html, "warc": read_warc}
_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".ndjson": "jsonl", ".ndjson.gz": "jsonl", ".json.gz": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc", ".warc.gz": "warc",
}


@lru_cache(maxsize=1)
def readers() -> tuple[dict, dict]:
    """(format -> reader, extension -> format): the entry points of group `marsad.readers`
    (marsad's own are registered there too, in pyproject.toml), else the built-in ones. A
    reader is a function (path, ReadOptions) -> iterator of Document and Reject; its
    `extensions` attribute (".warc", ...) says which files it reads by default."""
    from importlib.metadata import entry_points

    found = {ep.name: ep.load() for ep in entry_points(group="marsad.readers")} or dict(READERS)
    extensions = dict(_EXTENSIONS)
    for name, reader in found.items():
        for ext in getattr(reader, "extensions", ()):
            extensions.setdefault(ext.lower(), name)
    return found, extensions


def format_of(path: str) -> str | None:
    name = path.lower()
    extensions = readers()[1]
    for ext in sorted(extensions, key=len, reverse=True):
        if name.endswith(ext):
            return extensions[ext]
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
        if fmt is None or fmt not in readers()[0]:
            yield Reject(path, "", "unknown_format",
                         "unknown file type: use .txt, .jsonl, .jsonl.gz or .html, or name one with --format")
            continue
        yield from _guarded(readers()[0][fmt], path, options)


def _guarded(reader, path: str, options: ReadOptions) -> Iterator[Document | Reject]:
    """What a reader gives of one file, and a reject where it gives nothing (an empty corpus
    file) or breaks off with an error (the records before it stay)."""
    n = 0
    try:
        for n, record in enumerate(reader(path, options), 1):
            yield record
    except Exception as e:  # a reader's bug, or a format it did not foresee: the run goes on
        where = getattr(e, "__traceback__", None)
        while where is not None and where.tb_next is not None:
            where = where.tb_next
        at = f" (in {where.tb_frame.f_code.co_name}, {os.path.basename(where.tb_frame.f_code.co_filename)}:{where.tb_lineno})" if where else ""
        yield Reject(path, f"after record {n}", "reader_error",
                     f"reading stopped after {n} records: {type(e).__name__}: {e}{at}; the records before it were "
                     "read; please report it with this file")
        return
    if n == 0:
        yield Reject(path, "", "empty", "the file holds no record")


__all__ = ["ReadOptions", "read_inputs", "READERS", "readers", "format_of", "expand"]
