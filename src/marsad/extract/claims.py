"""Claims from Arabic text: one per figure about people, in the format of GUIDE.md.

One fast scan of the whole (folded) text finds the cue words; only the sentences that hold
one are looked at closely for quantities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.ar.lexicon import alternation, read_tsv
from marsad.ar.normalize import fold, fold_with_map
from marsad.ar.numbers import Quantity, find_quantities
from marsad.model import Claim, Document

# proclitics that may stand before a cue: conjunction, preposition, article
_PROCLITICS = r"(?:[وف])?(?:[بلك])?(?:ال|لل)?"
_SENTENCE = re.compile(r"[.!?؟؛;\n]+")
# a cue farther than this many characters from a figure does not say what the figure counts
MAX_CUE_DISTANCE = 60


@dataclass(frozen=True)
class _Lexicon:
    cue_re: re.Pattern
    cue_kind: dict[str, str]
    unit_re: re.Pattern


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    prefix, word, kinds = [], [], {}
    for kind, stem, match in read_tsv("cues.tsv"):
        stem = fold(stem)
        kinds[stem] = kind
        (prefix if match == "prefix" else word).append(stem)

    alt = alternation
    cue_re = re.compile(rf"(?<!\w){_PROCLITICS}(?:(?P<p>{alt(prefix)})\w*|(?P<w>{alt(word)})(?!\w))")
    units = [fold(row[0]) for row in read_tsv("units_not_people.tsv")]
    unit_re = re.compile(rf"\s*(?:[وب])?(?:ال)?(?:{alt(units)})")  # used with .match(text, pos)
    return _Lexicon(cue_re, kinds, unit_re)


class ClaimExtractor:
    """The rule-based extractor. `extract(doc)` returns the document's claims with
    offsets into doc.raw."""

    name = "rules"

    def __init__(self, max_cue_distance: int = MAX_CUE_DISTANCE):
        self.max_cue_distance = max_cue_distance
        self.lex = _lexicon()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "ClaimExtractor":
        return cls()

    def extract(self, doc: Document) -> list[Claim]:
        text = doc.text if doc.text is not None else doc.raw
        if doc.folded is None:
            doc.folded, doc.folded_offsets = fold_with_map(text)
        folded, fmap = doc.folded, doc.folded_offsets
        cues = [(m.start(), m.end(), self.lex.cue_kind[m.group("p") or m.group("w")])
                for m in self.lex.cue_re.finditer(folded)]
        if not cues:
            return []
        claims = []
        bounds = [0] + [m.end() for m in _SENTENCE.finditer(folded)] + [len(folded)]
        ci = 0
        for s, e in zip(bounds, bounds[1:]):
            sent_cues = []
            while ci < len(cues) and cues[ci][0] < e:
                if cues[ci][0] >= s:
                    sent_cues.append(cues[ci])
                ci += 1
            if not sent_cues:
                continue
            sentence = folded[s:e]
            for q in find_quantities(sentence):
                if self.lex.unit_re.match(sentence, q.value_end):
                    continue
                claim = self._claim(doc, text, fmap, s, q, sent_cues)
                if claim:
                    claims.append(claim)
        return claims

    def _claim(self, doc, text, fmap, offset, q: Quantity, cues) -> Claim | None:
        qs, qe = q.start + offset, q.end + offset
        best = None
        for cs, ce, kind in cues:
            distance = cs - qe if cs >= qe else qs - ce
            if distance <= self.max_cue_distance and (best is None or distance < best[0]):
                best = (max(distance, 0), cs, ce, kind)
        if best is None:
            return None
        _, cs, ce, kind = best
        fs, fe = fmap.span_to_source(min(qs, cs), max(qe, ce))
        start, end = (doc.offsets.span_to_source(fs, fe) if doc.offsets is not None else (fs, fe))
        return Claim(doc=doc.id, kind=kind, low=q.low, high=q.high, qualifier=q.qualifier,
                     quote=doc.raw[start:end], start=start, end=end)
