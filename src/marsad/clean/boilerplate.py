"""Cleaning of text that was already extracted from a page.

Scraped article text arrives with the page around it: glued navigation crumbs before the
title, a byline, reader polls, comment headers and "related articles" after the body. The
cleaner keeps the body whole (every paragraph, with its sub-headings), moves title, section
and byline into metadata, and builds an OffsetMap from the body back to the raw text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.ar.lexicon import read_tsv
from marsad.ar.normalize import fold
from marsad.offsets import OffsetMap
from marsad.model import Document

_TRIM = " \t\u00a0\u200f\u200e:：-–—|.•·»«\"“”'()[]"
_SENTENCE_END = re.compile(r"[.…]\s*$")  # headlines end with ? or nothing
# a line is a paragraph of the article when it is this long (words) ...
PARAGRAPH_WORDS = 12
# ... or ends a sentence and is at least this long
SENTENCE_WORDS = 6
# header lines longer than this are never taken for a byline or menu
SHORT_LINE_WORDS = 8
MAX_BOILERPLATE_CHARS = 250
ENDERS = ("comments", "related")  # after one of these in the footer, the rest is page furniture


@dataclass(frozen=True)
class _Rules:
    line: dict[str, str]          # folded phrase -> type
    prefix: tuple[tuple[str, str], ...]
    contains: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    line, prefix, contains = {}, [], []
    for kind, match, phrase in read_tsv("boilerplate.tsv"):
        key = fold(phrase).strip(_TRIM)
        if match == "line":
            line[key] = kind
        elif match == "prefix":
            prefix.append((key, kind))
        elif match == "contains":
            contains.append((key, kind))
        else:
            raise ValueError(f"boilerplate.tsv: unknown match type {match!r}")
    prefix.sort(key=lambda p: -len(p[0]))  # longest crumb first
    return _Rules(line, tuple(prefix), tuple(contains))


def classify_line(line: str) -> tuple[str | None, str]:
    """(type, remainder): the boilerplate type of a line or None, and for a menu crumb
    glued to more text, what follows the crumb."""
    rules = _rules()
    key = fold(line).strip(_TRIM)
    if not key:
        return "blank", ""
    if key in rules.line:
        return rules.line[key], ""
    for phrase, kind in rules.contains:
        if phrase in key:
            return kind, ""
    for phrase, kind in rules.prefix:
        if key.startswith(phrase):
            rest = key[len(phrase):]
            # a prefix must end at a word boundary, or be a glued menu crumb
            if kind == "menu" or not rest or not rest[0].isalpha() or rest[0] == " ":
                return kind, _remainder(line, phrase)
    return None, ""


def _remainder(line: str, folded_prefix: str) -> str:
    """What follows a folded prefix in the original line (folding keeps the length of
    undecorated text, so walk the original until its folded form covers the prefix)."""
    stripped = line.strip(_TRIM)
    for i in range(len(stripped) + 1):
        if fold(stripped[:i]).strip(_TRIM) == folded_prefix:
            return stripped[i:].strip(_TRIM)
    return ""


def _words(line: str) -> int:
    return len(line.split())


def _is_paragraph(line: str) -> bool:
    if len(line) > 40 * PARAGRAPH_WORDS:
        return True  # no need to count the words of a long line
    n = _words(line)
    return n >= PARAGRAPH_WORDS or (n >= SENTENCE_WORDS and bool(_SENTENCE_END.search(line)))


def _header_date(line: str) -> str | None:
    """The day (ISO) a header line gives, where the line is a full date and little else."""
    from marsad.extractor.dates import find_dates

    folded = fold(line)
    if not any(ch.isdigit() for ch in folded):
        return None
    dates = [d for d in find_dates(folded, None) if d.lo == d.hi]
    if len(dates) != 1 or _words(folded[:dates[0].start] + " " + folded[dates[0].end:]) > 3:
        return None
    return dates[0].lo.isoformat()


def clean_document(doc: Document) -> Document:
    """Fill doc.text, doc.offsets and the title/section/byline metadata from doc.raw."""
    raw = doc.raw
    lines = []  # (start, end_without_newline, end_with_newline)
    pos = 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((pos, pos + len(body), pos + len(line)))
        pos += len(line)

    # boilerplate lines are short: long lines are not looked at
    kinds = [classify_line(raw[s:e]) if e - s <= MAX_BOILERPLATE_CHARS else (None, "") for s, e, _ in lines]

    para = [k[0] is None and _is_paragraph(raw[s:e]) for (s, e, _), k in zip(lines, kinds)]
    first = next((i for i, p in enumerate(para) if p), None)
    last = max((i for i, p in enumerate(para) if p), default=None)
    if first is None:  # no line looks like a paragraph: keep all but the boilerplate
        first, last = 0, len(lines) - 1

    keep = [False] * len(lines)
    kicker = []
    # header: menu crumbs give the section, a byline line the byline. For scraped text that
    # came without a title, the first other short line is the title and the short lines
    # after it are kickers and tags; a record that came with a title keeps its other header
    # lines in the body, since they may be its first sentence.
    title_given = doc.title is not None
    for i in range(first):
        s, e, _ = lines[i]
        line = raw[s:e].strip()
        kind, rest = kinds[i]
        short = _words(line) <= SHORT_LINE_WORDS
        if kind == "blank":
            continue
        if kind == "menu" and short:
            if rest and not doc.section:
                doc.section = rest
            continue
        if kind == "byline" and short:
            doc.byline = doc.byline or line
            continue
        if kind in ("poll", "comments", "related", "share"):
            continue
        if short and (day := _header_date(line)):
            # a page's date line ("الثلاثاء 21 يوليو 2015"، "2015-07-21 10:30"): the
            # publication date where the record has none
            doc.date = doc.date or day
            continue
        if short and not title_given:
            if doc.title is None:
                doc.title = line
            else:
                kicker.append(line)
            continue
        if short and fold(line).strip(_TRIM) == fold(doc.title or "").strip(_TRIM):
            continue
        keep[i] = True

    for i in range(first, last + 1):
        kind = kinds[i][0]
        keep[i] = kind is None or kind == "blank" or kind in ("menu", "byline")
    ended = False
    for i in range(last + 1, len(lines)):
        kind = kinds[i][0]
        if kind in ENDERS:
            ended = True
        keep[i] = not ended and (kind is None or kind == "blank")

    m = OffsetMap()
    parts = []
    started = False
    for i, (s, e, e_nl) in enumerate(lines):
        if not keep[i]:
            continue
        if not started and kinds[i][0] == "blank":
            continue  # no leading blank lines
        started = True
        parts.append(raw[s:e_nl])
        m.add(s, e_nl - s)
    text = "".join(parts)
    # trailing blank lines go too
    stripped = text.rstrip()
    if len(stripped) < len(text):
        m.length = len(stripped)
        while m.dst and m.dst[-1] >= m.length and len(m.dst) > 1:
            m.dst.pop()
            m.src.pop()
        text = stripped
    if not m.dst:
        m = OffsetMap.identity(0)
    doc.text = text
    doc.offsets = m
    if kicker:
        doc.meta["kicker"] = kicker
    removed = [raw[s:e].strip() for (s, e, _), k in zip(lines, keep) if not k and raw[s:e].strip()]
    if removed:
        doc.meta["removed_lines"] = len(removed)
    return doc
