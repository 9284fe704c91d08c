"""The extractor's view of the language data: matchers built once from ar/data/."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from marsad.ar.lexicon import ARTICLES, CONJUNCTIONS, PROCLITICS, alternation, end_pattern, endings, read_tsv
from marsad.ar.normalize import fold

WORD_END = end_pattern("word")


def _strip_article(phrase: str) -> str:
    article = ARTICLES[0]  # ال (لل is ل + ال, a proclitic of its own)
    if phrase.startswith(article) and len(phrase) > 4 and not phrase.startswith(article + article[-1]):
        return phrase[len(article):]
    return phrase


class PhraseMatcher:
    """Finds phrases of a lexicon in folded text, after proclitics; a longer phrase wins."""

    def __init__(self, entries: dict[str, object], prefix: set[str] | frozenset = frozenset(),
                 end: str = WORD_END, proclitics: str = PROCLITICS):
        # the article is a proclitic: an entry written with it ("القتلى والجرحى") is kept
        # without it, or the proclitic would take the article and a shorter entry would win
        entries = {_strip_article(k): v for k, v in entries.items()}
        prefix = {_strip_article(p) for p in prefix}
        self.values = entries
        words = [p for p in entries if p not in prefix]
        parts = []
        # whole words and phrases first: "مقتل وإصابة" is one cue, not مقتل alone
        if words:
            parts.append(rf"(?P<w>{alternation(words)}){end}")
        if prefix:
            parts.append(rf"(?P<p>{alternation(prefix)})\w*")
        self.re = re.compile(rf"(?<!\w){proclitics}(?:{'|'.join(parts)})")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str, object]]:
        """(start, end, phrase, value): start is after the proclitics, end after the suffix."""
        for m in self.re.finditer(text, pos, len(text) if endpos is None else endpos):
            key = m.group("p") if "p" in m.re.groupindex and m.group("p") else m.group("w")
            yield m.start("p" if "p" in m.re.groupindex and m.group("p") else "w"), m.end(), key, self.values[key]

    def match(self, text: str, pos: int) -> tuple[int, int, str, object] | None:
        """The phrase starting at pos (after proclitics), or None."""
        m = self.re.match(text, pos)
        if not m:
            return None
        key = m.group("p") if "p" in m.re.groupindex and m.group("p") else m.group("w")
        return m.start("p" if "p" in m.re.groupindex and m.group("p") else "w"), m.end(), key, self.values[key]


@dataclass(frozen=True)
class Person:
    group: str          # a GUIDE group label, or "-" when the noun does not say
    count: int | None   # 1 singular, 2 dual, None plural


@dataclass(frozen=True)
class Lexicon:
    cues: PhraseMatcher            # -> kind
    attacker_cues: frozenset       # cue phrases whose dead are the attackers
    weak_cues: frozenset           # cues with other common senses: only right next to a figure
    verb_cues: frozenset           # verbs spelled as nouns too: only with no proclitic but و or ف
    persons: PhraseMatcher         # -> Person
    actors: PhraseMatcher          # -> group label
    sources: PhraseMatcher         # -> source label
    attribution: PhraseMatcher     # -> by | verb | continue
    stance: PhraseMatcher          # -> hedged | denied
    cumulative: PhraseMatcher      # -> True
    period: re.Pattern             # "منذ ست سنوات"، "خلال العامين الماضيين"، "منذ 2013"
    rise: re.Pattern               # "ارتفعت حصيلة ..." before a figure
    units: PhraseMatcher           # -> True: nouns that count no people
    bare_units: PhraseMatcher      # -> True: the same, with no proclitic but و
    non_violent: PhraseMatcher     # -> cause | violence
    source_heads: PhraseMatcher    # -> (head | back, type)
    source_types: dict             # source label -> type (media, monitor, org, voice, party)
    nationalities: PhraseMatcher   # -> the forces of a state


def _phrases(name: str, key=0, value=1) -> dict[str, object]:
    return {fold(row[key]): row[value] for row in read_tsv(name)}


def _persons() -> dict[str, Person]:
    e = endings()
    fem, bound = e["feminine"][0], e["feminine_bound"][0]
    # a sound plural's genitive is written like the dual (مدنيين "civilians", جنديين "two
    # soldiers"): a sound noun's dual is only the ending no plural shares (مدنيان)
    sound_duals = [d for d in e["dual"] if d not in e["plural"]]
    out: dict[str, Person] = {}
    for noun, group, form in read_tsv("persons.tsv"):
        n = fold(noun)
        if form in ("plural", "word"):
            out.setdefault(n, Person(group, None))
        elif form == "dual":
            out[n] = Person(group, 2)
        else:  # sing, sound
            out[n] = Person(group, 1)
            if form == "sing" and not n.endswith(fem):
                # "والده" (his father); not for a sound noun, where a final ه is the
                # feminine ending of an adjective (المسلحه: "armed")
                out.setdefault(n + fem, Person(group, 1))
            stem = n[:-len(fem)] + bound if n.endswith(fem) else n
            for dual in (e["dual"] if form == "sing" else sound_duals):
                out.setdefault(stem + dual, Person(group, 2))
            if form == "sound":
                # plurals, and the construct plural before a pronoun (مقاتليها، مسلحيه)
                for suffix in e["plural"] + e["construct"]:
                    out.setdefault(n + suffix, Person(group, None))
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues, prefix, attacker, weak, verbs = {}, set(), set(), set(), set()
    for kind, stem, match, *flags in read_tsv("cues.tsv"):
        if "verb" in flags:
            verbs.add(_strip_article(fold(stem)))
        cues[fold(stem)] = kind
        if match == "prefix":
            prefix.add(fold(stem))
        if "attacker" in flags:
            attacker.add(_strip_article(fold(stem)))
        if "weak" in flags:
            weak.add(_strip_article(fold(stem)))
    attribution = _phrases("attribution.tsv")
    stance = {fold(p): (s, scope) for s, p, scope in read_tsv("stance.tsv")}
    return Lexicon(
        # no bare ه after a whole-word cue: folded, أسرة (family) is أسر + ه
        cues=PhraseMatcher(cues, prefix, end=end_pattern("noun")),
        attacker_cues=frozenset(attacker),
        weak_cues=frozenset(weak),
        verb_cues=frozenset(verbs),
        # a pronoun may follow (طفلها); a bare ه only where _persons() lists it (والده)
        persons=PhraseMatcher(_persons(), end=end_pattern("noun")),
        actors=PhraseMatcher(_phrases("actors.tsv")),
        sources=PhraseMatcher(_phrases("sources.tsv")),
        attribution=PhraseMatcher(attribution, end=end_pattern("verb")),
        stance=PhraseMatcher(stance, end=end_pattern("verb")),
        cumulative=PhraseMatcher({fold(r[0]): True for r in read_tsv("cumulative.tsv")}),
        **_periods(),
        units=PhraseMatcher({fold(r[0]): True for r in read_tsv("units_not_people.tsv") if r[1:2] != ("bare",)},
                            end=end_pattern("unit")),
        # ("قتل 8 بموقع": a place after a preposition is where, not what is counted)
        bare_units=PhraseMatcher({fold(r[0]): True for r in read_tsv("units_not_people.tsv") if r[1:2] == ("bare",)},
                                 end=end_pattern("unit"), proclitics=f"(?:{alternation(CONJUNCTIONS)})?"),
        non_violent=PhraseMatcher({fold(p): t for t, p in read_tsv("non_violent.tsv")}),
        source_types={label: kind for label, kind in read_tsv("source_types.tsv")},
        nationalities=PhraseMatcher(_phrases("nationalities.tsv"), end=end_pattern("adjective")),
        source_heads=PhraseMatcher({fold(w): (role, kind) for w, role, kind in read_tsv("source_heads.tsv")},
                                   end=end_pattern("head")),
    )


def _periods() -> dict[str, re.Pattern]:
    words: dict[str, list[str]] = {}
    for role, word in read_tsv("periods.tsv"):
        words.setdefault(role, []).append(fold(word))
    unit = rf"(?:{alternation(words['unit'])})(?!\w)"
    period = (rf"(?<!\w)(?:(?:{alternation(words['lead'])})\s+(?:[^\s\d]+\s+)?{unit}"
              rf"|(?:{alternation(words['lead'])})\s+(?:{unit}\s+)?(?:19|20)\d\d(?!\d)"
              rf"|(?:{alternation(words['count_lead'])})\s+[^\s]+\s+(?:{alternation(words['count_unit'])})(?!\w))")
    return {"period": re.compile(period), "rise": re.compile(rf"(?<!\w)(?:{alternation(words['rise'])})(?!\w)")}
