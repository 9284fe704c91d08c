"""Place mentions in Arabic text, and the place each one most likely denotes.

One Aho-Corasick pass over the folded text finds every name of the gazetteer; a match counts
where it starts a word (after the proclitics و ف ب ل ك ال) and ends one. Words around it say
how precisely it places an event: "مدينة حلب" the town (ACLED precision 1), "ريف حلب"، "قرب
حلب"، "شمال حلب" near it (2), "محافظة حلب" the province (3).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.ar.normalize import fold
from marsad.ar.lexicon import (
    ARTICLES, ONLY_PROCLITICS, PREPOSITIONS, PROCLITICS, PROCLITICS_NO_ARTICLE, alternation, function_words, read_tsv,
)
from marsad.ar.lexicon import DEFINITE, endings
from marsad.geo.gazetteer import Gazetteer, Place


def _ends(word: str, kind: str) -> bool:
    return any(word.endswith(e) and len(word) > len(e) + 2 for e in endings()[kind])



# a name in quotes right after a preposition ("لـ"الرياض"": told to an outlet)
_QUOTED = re.compile(rf"(?<!\w)(?:{alternation(PREPOSITIONS)}|{alternation(ARTICLES)})[\s\u0640]*[\"“«]\s*$")
_CLOSE_QUOTES = {'"', "”", "»"}


@dataclass(slots=True)
class Mention:
    start: int             # span of the name (and the words that qualify it) in the folded text
    end: int
    name_start: int
    name_end: int
    key: str
    candidates: list[Place]
    precision: int         # ACLED: 1 the place itself, 2 near it or part of it, 3 the region
    place: Place | None = None
    ambiguous: bool = False
    role: str = ""         # a named site the gazetteer lacks: "site" (شارع، مسجد ...), "town"
                           # (قرية، منطقة ...) or "part" of a town (حي، مخيم)

    @property
    def level(self) -> int:
        """How small the place is: 0 a site, 1 a part of a town, 2 a town, 3 a province or
        region, 4 a country."""
        if self.place is None:
            return {"site": 0, "part": 1}.get(self.role, 2)
        return {"country": 4, "admin1": 3, "region": 3, "sea": 3, "town": 2}.get(self.place.feature, 1)


@dataclass(frozen=True)
class _Words:
    near: re.Pattern       # قرب، ريف، شمال ... before a name: precision 2
    town: re.Pattern       # مدينة، بلدة، قرية، حي، مخيم before a name: the place itself
    stop: frozenset        # names that are common words
    named: re.Pattern      # "قرية زراكلي"، "مسجد الصادق": a place named after a word that says so
    media: re.Pattern      # قناة، صحيفة ... before a name: the name of an outlet
    role: dict             # site or town word -> "site", "part" (حي، مخيم) or "town"
    not_name: frozenset    # words that follow a site word but name nothing
    head: frozenset        # first words of two-word names (أبو، عين، الشيخ ...)
    place_word: re.Pattern  # a word that is itself a site, town, direction or province word
    headed: re.Pattern     # the proclitics before a site, town, direction or province word
    clause: re.Pattern     # a word that starts a new clause (فيما، بينما، في حين)
    saying: re.Pattern     # a verb of saying (قال، أكد، أعلن)
    locating: re.Pattern   # "تقع"، "الواقعة" right before a name that locates another place
    toward: re.Pattern     # "إلى"، "باتجاه" right before a name: where people went, not where it happened
    dual_words: frozenset  # town words for two places ("بلدتي"): kept out of the name as written
    dual: re.Pattern


@lru_cache(maxsize=1)
def _region() -> frozenset:
    from importlib import resources

    text = (resources.files("marsad.geo") / "data" / "regions.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def place_words() -> _Words:
    lists: dict[str, list[str]] = {}
    for role, word in read_tsv("place_words.tsv"):
        lists.setdefault(role, []).append(fold(word))
    near, town, site, media = (lists.get(r, []) for r in ("near", "town", "site", "media"))
    town = town + lists.get("dual", [])
    before = rf"(?:^|(?<=\s)){PROCLITICS}(?:{{}})\s+$"
    # a site or town word (without the article: "القاعدة" refers back, "قاعدة العند" names),
    # then the first two words after it; named_sites() decides how many of them are the name
    word = r"[^\W\d]+"
    named = re.compile(rf"(?<!\w){PROCLITICS_NO_ARTICLE}({alternation(town + site)})\s+({word})(?:\s+({word}))?")
    media_re = re.compile(rf"(?<!\w){PROCLITICS}(?:{alternation(media)})[\s\"“”«»]*$")
    part = set(lists.get("part", []))
    role = {w: "town" for w in town} | {w: "site" for w in site} | {w: "part" for w in part}
    fw = function_words()
    not_name = frozenset(lists.get("not_name", [])) | fw["name_stop"] | fw["clause_break"]
    descriptors = alternation(town + site + near + lists.get("province", []) + lists.get("region", []))
    place_word = re.compile(rf"{PROCLITICS}(?:{descriptors})")
    return _Words(re.compile(before.format(alternation(near))), re.compile(before.format(alternation(town))),
                  frozenset(lists.get("stop", [])), named, media_re, role, not_name,
                  frozenset(lists.get("name_head", [])), place_word, re.compile(rf"{PROCLITICS_NO_ARTICLE}(?=(?:{descriptors})(?!\w))"),
                  re.compile(rf"(?<!\w)(?:{alternation(lists.get('clause', []))})(?!\w)"),
                  re.compile(rf"(?<!\w){PROCLITICS_NO_ARTICLE}(?:{alternation(fold(w) for w, role in read_tsv('attribution.tsv') if role == 'verb')})(?!\w)"),
                  re.compile(rf"(?<!\w)(?:{alternation(lists.get('locating', []))})\s+(?:\w+\s+){{0,2}}$"),
                  # (or the other name of such a place, in brackets after it: "إلى كوباني (عين العرب")
                  re.compile(rf"(?<!\w)(?:{alternation(lists.get('toward', []))})\s+(?:(?:\w+\s+){{0,2}}\w+\s*\(\s*|{alternation(lists.get('edge', []) or ['-'])}\s+)?$"),
                  frozenset(lists.get("dual", [])), re.compile(rf"(?:{alternation(lists.get('dual', []) or ['-'])})\s*$"))


class PlaceFinder:
    """Finds and resolves place mentions in folded text."""

    MIN_KEY = 3  # letters
    # a one-word name of a place smaller than this needs a word that says it is a place
    MIN_POPULATION = 20_000
    # a one-word name glued to ب، ل، و without the article counts only for a place this big
    BARE_PREFIX_POPULATION = 100_000
    LIKE = fold("ك")  # "كـ" (like) is hardly ever glued to a town's name; "كمينا" is an ambush

    def __init__(self, gazetteer: Gazetteer | None = None):
        import ahocorasick_rs

        self.gaz = gazetteer or Gazetteer.default()
        words = place_words()
        region = _region()
        # (a key that starts like the article, "الش"، "ال باسو", would hide the name after
        # the article from the leftmost-longest matcher: "الشيخ زويد"، "الشيشان")
        self.keys = [k for k in self.gaz.names if len(k.replace(" ", "")) >= self.MIN_KEY and k not in words.stop
                     and not k.startswith(ARTICLES) and not self._town_word_key(k, words)
                     and any(self._in_scope(p, region) for p in self.gaz.candidates(k))]
        self.region = region
        self.matcher = ahocorasick_rs.AhoCorasick(self.keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self.longest = max(map(len, self.keys))
        self.words = words

    WORLD_CITY = 150_000  # outside the region, towns this big are matched too

    def _town_word_key(self, k: str, words) -> bool:
        """A name that begins with a town word ("مدينة زنجبار", Zanzibar City's) and whose rest
        is a name too: the matcher reads the town word itself, so that the rest's other places
        (Zinjibar in Yemen) stay candidates."""
        head, _, rest = k.partition(" ")
        return (bool(rest) and words.town.search(head + " ") is not None and rest in self.gaz.names
                and all(p.feature == "town" for p in self.gaz.candidates(k)))

    @classmethod
    def _in_scope(cls, p: Place, region: frozenset) -> bool:
        return p.feature != "town" or p.country in region or p.population >= cls.WORLD_CITY

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "PlaceFinder":
        return cls()

    @staticmethod
    def _word_start(folded: str, s: int, e: int) -> int | None:
        """Where the word of a match starts, if the match ends a word and starts it after
        proclitics at most; else None."""
        if e < len(folded) and (folded[e].isalnum() or folded[e] == "_"):
            return None
        ws = s
        while ws > 0 and (folded[ws - 1].isalnum() or folded[ws - 1] == "_"):
            ws -= 1
        if ws < s and not ONLY_PROCLITICS.fullmatch(folded[ws:s]):
            return None
        return ws

    def _matches(self, folded: str):
        """(key index, start, end, word start) of every name that stands as a word. The one
        leftmost-longest pass reports no match that overlaps one it reported: a key found
        inside a word ("لار" in "الاردن") would hide the name after it, so the stretch it
        covers is searched again from the next letter on."""
        last = 0
        for idx, s, e in self.matcher.find_matches_as_indexes(folded):
            if s < last:
                continue
            ws = self._word_start(folded, s, e)
            if ws is not None:
                last = e
                yield idx, s, e, ws
                continue
            start = s + 1
            while start < e:
                hit = next(iter(self.matcher.find_matches_as_indexes(folded[start:e + self.longest])), None)
                if hit is None or start + hit[1] >= e:
                    break
                idx2, s2, e2 = hit[0], start + hit[1], start + hit[2]
                ws2 = self._word_start(folded, s2, e2)
                if ws2 is not None:
                    last = e2
                    yield idx2, s2, e2, ws2
                    break
                start = s2 + 1

    def mentions(self, folded: str) -> list[Mention]:
        out = []
        for idx, s, e, ws in self._matches(folded):
            k = self.keys[idx]
            prefix = folded[ws:s]
            if k in self.gaz.article and not prefix.endswith(ARTICLES):
                continue  # "أبو خليل" is a man, "الخليل" the town
            candidates = [p for p in self.gaz.candidates(k) if self._in_scope(p, self.region)]
            if not candidates:
                continue
            if prefix.endswith(ARTICLES) and k not in self.gaz.article and all(p.feature == "country" for p in candidates):
                continue  # "الجيش البوروندي"، "التشيلي": an adjective like a country's name
            head = folded[max(0, ws - 30):ws]
            precision, start, said = 1, ws, False
            m = self.words.near.search(head)
            if m:
                precision, start, said = 2, ws - (len(head) - m.start()), True
            else:
                m = self.words.town.search(head)
                if m:
                    said = True
                    if not self.words.dual.search(m.group()):  # "بلدتي نبل والزهراء": two places
                        start = ws - (len(head) - m.start())
            if not said and " " not in k and not any(
                    p.population >= self.MIN_POPULATION or p.feature not in ("town",) for p in candidates):
                continue  # a small place's one-word name counts only as "قرية X"، "ريف X" ...
            if not said and " " not in k and prefix and not prefix.endswith(ARTICLES) and not any(
                    p.feature == "country" or (p.population >= self.BARE_PREFIX_POPULATION and p.country in self.region
                                               and not prefix.endswith(self.LIKE))
                    for p in candidates):
                continue  # "بحجة أن"، "لتدمر حياته"، "كمينا"، "بكاري": a word with a proclitic, not a town
            media = self.words.media.search(folded, max(0, ws - 20), ws)
            if media and media.end() >= ws - 3:
                continue  # "قناة أبوظبي"، "صحيفة الرياض": a channel or a paper, not a place
            if _QUOTED.search(folded[max(0, ws - 6):ws]) and folded[e:e + 1] in _CLOSE_QUOTES:
                continue  # "قال مصدر لـ"الرياض"": a name in quotes is an outlet's or a group's
            out.append(Mention(start, e, s, e, k, candidates, precision))
        return out

    def named_sites(self, folded: str, known: list[Mention]) -> list[Mention]:
        """Places the gazetteer does not hold, named after a word that says they are one
        ("قرية زراكلي"، "مسجد الصادق"، "شارع الثورة"), kept as written with no coordinates;
        where the name is in the gazetteer ("مدينة حلب") the gazetteer's mention stands."""
        out = []
        for m in self.words.named.finditer(folded):
            n = self._name_length(m.group(2), m.group(3))
            if not n:
                continue
            end = m.end(2) if n == 1 else m.end(3)
            if any(k.start < end and m.start() < k.end for k in known):
                continue
            out.append(Mention(m.start(2) if m.group(1) in self.words.dual_words else m.start(), end, m.start(2), end,
                               folded[m.start(2):end], [], 1,
                               role=self.words.role.get(m.group(1), "town")))
        return out

    def _name_length(self, first: str, second: str | None) -> int:
        """How many of the (one or two) words after a site word are its name: none for "قرية
        تقع"، "منطقة جبلية"، "حي مجاور"; two for "أبو ناعور"، "شارع الثورة" (a definite second
        word that is no adjective), one for the rest."""
        w = self.words
        if not self._name_word(first):
            return 0
        definite = DEFINITE.match(first)
        if not definite and _ends(first, "nisba") and first.endswith(endings()["nisba_feminine"]):
            return 0  # "منطقة جبلية"، "قاعدة عسكرية": an adjective
        if second is None or not self._name_word(second):
            return 1
        bare = first[definite.end():] if definite and first.startswith(ARTICLES) else first
        if first in w.head or bare in w.head:
            return 2
        if DEFINITE.match(second) and second.startswith(ARTICLES) and not self._of_place(second):
            return 2
        return 1

    def _of_place(self, word: str) -> bool:
        """An adjective of a direction or a country ("الشمالية"، "السورية"، "التركي"), which
        follows a name rather than being part of it."""
        bare = word[len(DEFINITE.match(word).group()):]
        for e in sorted(endings()["nisba"], key=len, reverse=True):
            if bare.endswith(e) and len(bare) > len(e) + 1:
                stem = bare[:-len(e)]
                return (self.words.place_word.fullmatch(stem) is not None
                        or any(p.feature == "country" for k in (stem + ("" if e == "-" else e) for e in endings()["country_stem"]) for p in self.gaz.candidates(k)))
        return False

    def _name_word(self, word: str) -> bool:
        return (len(word) >= 2 and word not in self.words.not_name
                and not self.words.place_word.fullmatch(word))

    def resolve(self, mentions: list[Mention]) -> None:
        """Choose each mention's place: within the countries the article is about (those of
        its unambiguous places and the countries it names), the most populous, province
        before town before village; a name left between two countries is marked ambiguous.
        A name the gazetteer marks as a common word too is dropped (from the list, in place)
        unless the article names its country."""
        countries: dict[str, int] = {}
        named: set[str] = set()
        for m in mentions:
            ccs = {p.country for p in m.candidates}
            if len(ccs) == 1:
                cc = next(iter(ccs))
                countries[cc] = countries.get(cc, 0) + (3 if any(p.feature == "country" for p in m.candidates) else 1)
                if any(p.feature == "country" for p in m.candidates):
                    named.add(cc)
        # "مروة" is Maroua only in an article that names Cameroon, else a woman's name
        mentions[:] = [m for m in mentions
                       if not m.candidates or not all(p.needs_country and p.country not in named for p in m.candidates)]
        for m in mentions:
            if not m.candidates:
                continue
            # a place a hundred times bigger than another of the same name is the one meant
            # (لندن is London, not London, Ohio), whatever countries the article names
            biggest = max(p.population for p in m.candidates)
            # ... unless a smaller one lies in a country the article is about (السدة in Ibb)
            local = [p for p in m.candidates if countries.get(p.country)]
            pool = local or [p for p in m.candidates if p.feature != "town" or p.population * 100 >= biggest]
            scored = sorted(((self._score(p, countries), p) for p in pool), key=lambda sp: -sp[0])
            m.place = scored[0][1]
            if len(scored) > 1 and scored[1][1].country != m.place.country and scored[0][0] - scored[1][0] < 1.0:
                m.ambiguous = True
            if m.place.feature in ("country", "admin1", "region", "sea"):
                m.precision = 3

    @staticmethod
    def _score(p: Place, countries: dict[str, int]) -> float:
        rank = {"country": 2.0, "admin1": 1.5, "region": 1.0}.get(p.feature, 0.0)
        return 3.0 * math.log1p(countries.get(p.country, 0)) + math.log10(1 + p.population) / 2 + rank
