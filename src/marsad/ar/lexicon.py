"""Loading of the language data files under ar/data/. Code reads data; it holds no word lists."""
from __future__ import annotations

import re
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


def _fold(text: str) -> str:
    from marsad.ar.normalize import fold  # (normalize reads this module's files: import late)

    return fold(text)


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


@lru_cache(maxsize=1)
def endings() -> dict[str, tuple[str, ...]]:
    """Folded endings by set (ar/data/endings.tsv)."""
    out: dict[str, list[str]] = {}
    for name, ending in read_tsv("endings.tsv"):
        out.setdefault(name, []).append(_fold(ending))
    return {k: tuple(v) for k, v in out.items()}


def end_pattern(name: str) -> str:
    """A regex for the end of a word: one optional ending of the set, then no more letters."""
    return rf"(?:{alternation(endings()[name])})?(?!\w)"


@lru_cache(maxsize=1)
def proclitic_slots() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(conjunctions, prepositions, article forms) of ar/data/proclitics.tsv, folded."""
    slots: dict[str, list[str]] = {}
    for clitic, slot in read_tsv("proclitics.tsv"):
        slots.setdefault(slot, []).append(_fold(clitic))
    conj, prep, article = (tuple(slots[k]) for k in sorted(slots))
    return conj, prep, article


def proclitics_pattern(with_article: bool = True) -> str:
    """A regex for the proclitics before a word (ar/data/proclitics.tsv): a conjunction, then
    a preposition and/or the article (و، ف؛ ب، ل، ك؛ ال، لل)."""
    conj, prep, article = (alternation(x) for x in proclitic_slots())
    if not with_article:
        return rf"(?:{conj})?(?:{prep})?"
    return rf"(?:{conj})?(?:(?:{prep})?(?:{article})|(?:{prep}))?"


def proclitic_strings(with_article: bool = True) -> list[str]:
    """Every proclitic sequence as a string (و، بال، وبال ...), longest first, for lookbehinds
    that must have a fixed width."""
    conj, prep, article = proclitic_slots()
    combos = {c + p for c in ("",) + conj for p in ("",) + prep}
    if with_article:
        combos |= {c + a for c in combos for a in article}
    return sorted(combos - {""}, key=len, reverse=True)


PROCLITICS = proclitics_pattern()
PROCLITICS_NO_ARTICLE = proclitics_pattern(with_article=False)
# fullmatch: a stretch that is nothing but proclitics (possibly none)
ONLY_PROCLITICS = re.compile(PROCLITICS)
CONJUNCTIONS, PREPOSITIONS, ARTICLES = proclitic_slots()
# a definite word: proclitics ending in the article (الرقة، بالرقة، للرقة)
DEFINITE = re.compile(rf"(?:{alternation(CONJUNCTIONS)})?(?:(?:{alternation(PREPOSITIONS)})?(?:{alternation(ARTICLES)}))")


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Folded function words by role (ar/data/function_words.tsv)."""
    roles: dict[str, set[str]] = {}
    for role, word in read_tsv("function_words.tsv"):
        roles.setdefault(role, set()).add(_fold(word))
    return {role: frozenset(words) for role, words in roles.items()}
