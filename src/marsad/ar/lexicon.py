"""Loading of the language data files under ar/data/. Code reads data; it holds no word lists."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def data_path(name: str):
    return resources.files("marsad.ar") / "data" / name


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a data file: '#' lines are the header and comments, blank lines are skipped."""
    rows = []
    text = data_path(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def alternation(phrases) -> str:
    """A regex that matches any of the phrases, written as a trie (شهيد|شهداء -> شه(?:يد|داء)):
    Python's regex engine tries an alternation branch by branch, a trie shares the work, which
    makes a scan for hundreds of cue words several times faster. Longer phrases win where one
    is a prefix of another, as in a plain longest-first alternation."""
    import re

    trie: dict = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)
