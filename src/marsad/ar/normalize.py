"""Arabic normalisation for matching and search, with a map back to the original text.

`fold` removes diacritics and tatweel and unifies letter variants that writers use
interchangeably (hamza forms of alef, final ya / alef maqsura, ta marbuta / ha,
Arabic-Indic digits). Substitutions keep the length; only deletions need the map.
"""
from __future__ import annotations

import re

from marsad.offsets import OffsetMap

# Characters deleted: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, tatweel,
# and invisible format characters that can hide inside words and numbers.
_DELETE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad"
)
_DELETE_RE = re.compile(f"[{_DELETE}]+")

_SUBST = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه",
    **{chr(0x0660 + i): str(i) for i in range(10)},   # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},   # Eastern Arabic-Indic (Persian) digits
    "٫": ".", "٬": ",",
}
_SUBST_RE = re.compile("[" + "".join(_SUBST) + "]")
# str.translate looks every character up in a dict; a scan for the few characters that
# change, then one replace each, is several times faster on Arabic text
_SUBST_SCAN = tuple(_SUBST.items())


# a lone surrogate (text cut inside a pair, or escaped wrongly) stands in no encoding: the
# matchers and the stores take the replacement character in its place (the same length)
SURROGATE = re.compile("[\ud800-\udfff]")


def _substitute(text: str) -> str:
    if SURROGATE.search(text):
        text = SURROGATE.sub("\ufffd", text)
    if not _SUBST_RE.search(text):
        return text
    for a, b in _SUBST_SCAN:
        if a in text:
            text = text.replace(a, b)
    return text


def fold(text: str) -> str:
    """The folded form of text (no map)."""
    return _substitute(_DELETE_RE.sub("", text))


def fold_with_map(text: str) -> tuple[str, OffsetMap]:
    """The folded form of text and a map from its positions back to text's."""
    m = OffsetMap()
    parts = []
    pos = 0
    for match in _DELETE_RE.finditer(text):
        if match.start() > pos:
            parts.append(text[pos:match.start()])
            m.add(pos, match.start() - pos)
        pos = match.end()
    if pos < len(text):
        parts.append(text[pos:])
        m.add(pos, len(text) - pos)
    if not m.dst:
        m = OffsetMap.identity(0)
    return _substitute("".join(parts)), m


# a search key keeps at least this many letters of a word
MIN_STEM = 2
# a word stripped of a bare conjunction or preposition keeps at least this many
MIN_VARIANT = 3
_WORD_RE = re.compile(r"\w+")


def _proclitic_res() -> tuple[re.Pattern, re.Pattern]:
    """(key, variant): the article (with the clitics before it) where at least MIN_STEM
    letters follow it; a bare conjunction or preposition before at least MIN_VARIANT letters,
    in a word that does not start with the article."""
    from marsad.ar.lexicon import read_tsv

    slots: dict[str, list[str]] = {}
    for clitic, slot in read_tsv("proclitics.tsv"):
        slots.setdefault(slot, []).append(fold(clitic))
    combos = {""}
    for k in sorted(slots)[:-1]:  # conjunctions and prepositions, at most one of each, in order
        combos |= {c + p for c in combos for p in slots[k]}
    bare = combos - {""}
    with_article = {c + a for c in combos for a in slots[sorted(slots)[-1]]}
    # longest first, so that لل (ل + ال) is taken whole rather than ل alone
    alt = lambda xs: "|".join(sorted(xs, key=len, reverse=True))  # noqa: E731
    key = re.compile(rf"(?<!\w)(?:{alt(with_article)})(?=\w{{{MIN_STEM}}})")
    variant = re.compile(rf"(?<!\w)(?!{alt(with_article)})(?:{alt(bare)})(\w{{{MIN_VARIANT},}})")
    return key, variant


_RES: tuple[re.Pattern, re.Pattern] | None = None


def _res():
    global _RES
    if _RES is None:
        _RES = _proclitic_res()
    return _RES


def search_key(word: str) -> str:
    """The key a folded word is indexed and searched under: the article and the clitics
    before it taken off (الرقة، بالرقة، والرقة، للرقة -> رقه). A word without the article
    keeps its first letters, which may be its own (فرقة is not ف + رقة)."""
    return _res()[0].sub("", word, count=1)


def search_variant(word: str) -> str | None:
    """A word with a bare conjunction or preposition taken off (بحلب، وحلب -> حلب), or None.
    Indexed beside the key so that حلب finds بحلب; it may also be a word's own letters."""
    m = _res()[1].fullmatch(word)
    return m.group(1) if m else None


def search_keys(folded_text: str) -> tuple[str, str]:
    """(keys, variants) of a folded text: the text with every word's key in its place, and
    the variants, space-separated. One pass of a regex each, not a call per word."""
    key, variant = _res()
    return key.sub("", folded_text), " ".join(variant.findall(folded_text))
