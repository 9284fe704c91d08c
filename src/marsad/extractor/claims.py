"""Claims from Arabic text: one per figure about people, in the format of GUIDE.md.

One scan of the whole folded text finds the cue words; only the sentences that hold one
are read closely. In such a sentence every quantity (digits, number words, vague plurals,
and the count a singular or dual noun carries) is tied to the cue that says what happened
to the people it counts, the noun or actor that says who they are, the attribution that
says who gives the figure, and the words that hedge or deny it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.ar.normalize import fold, fold_with_map
from marsad.ar.numbers import find_quantities, qualifier_after
from marsad.ar.lexicon import (
    ARTICLES, CONJUNCTIONS, DEFINITE, ONLY_PROCLITICS, PREPOSITIONS, PROCLITICS, PROCLITICS_NO_ARTICLE,
    alternation, endings, function_words,
)
from marsad.extractor.lexicon import Lexicon, lexicon
from marsad.geo.places import place_words
from marsad.extractor.control import control_claims, control_words
from marsad.extractor.dates import DatedText, date_words, publication_day
from marsad.model import Claim, Document

_SENTENCE_END = re.compile(r"(?:[.!?؟؛;]+(?=\s|$|[\"”»)])|\n+)")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_SEMICOLONS = ("؛", ";")
_TOKEN = re.compile(r"\w+|[^\w\s]")  # a word or a mark
# tokens that end a clause: a cue on the far side of one says nothing of a figure
_W = function_words()
_CLAUSE_BREAK = _W["clause_break"]
_PART_OF = _W["part_of"]
_LINKS = _W["link"]
_ONE = _W["one"]
_RELATIVE = _W["relative"]
_PARTITIVE = _W["partitive"]
_AMONG = _W["among"]
_AND = tuple(_W["and"])
# a word after a preposition ("بإعدامه"): a demand or an aim, not an event
_PREPOSITIONAL = re.compile(rf"(?:{alternation(CONJUNCTIONS)})?(?:{alternation(PREPOSITIONS)})")
_FILLERS = _W["filler"]
_NOT_SOURCE = _W["not_source"]
_SAME = _W["same"]
_SKIP = _W["skip"]
_LABEL_BEFORE = _W["label_before"]
_RELATIVE_ONLY = [[w] for w in _RELATIVE]
_OTHERS = re.compile(rf"^{PROCLITICS}(?:{alternation(_W['others'])})$")
_ONE_WITH_PRONOUN = re.compile(rf"^{PROCLITICS}(?:{alternation(_ONE)})(?:{alternation(endings()['possessive'])})$")
_JOINERS = re.compile(rf"(?:^|\s)(?:{alternation(_W['joiner'])})\s*$")
# how many tokens a cue may stand from its figure
BEFORE = 4
AFTER = 7
# a word of a running toll (حصيلة، منذ بدء) this many tokens from a figure makes it cumulative
TOLL_WINDOW = 8


@dataclass
class _Tok:
    start: int
    end: int
    text: str


@dataclass
class _Figure:
    low: int | None
    high: int | None
    qualifier: str
    start: int          # char span in the sentence (qualifier included)
    end: int
    t0: int             # token span of the figure
    t1: int
    q0: int = -1        # token where its qualifier starts (أكثر من 25), t0 if none
    noun: tuple | None = None       # (t0, t1, Person) of the counted noun, if any
    implicit: bool = False          # a count carried by a noun (مقتل جندي)


@dataclass
class _State:
    """What carries from sentence to sentence within a document."""
    group: str | None = None
    paragraph: int = -1
    claims: list = field(default_factory=list)   # claims of the last sentence


class _Discourse:
    """What one document says beyond a sentence: who says what, which armed group the article
    is about, whether it is about a non-violent disaster. Each is worked out only where a
    figure needs it, and kept here, not on the extractor, which documents share."""

    def __init__(self, extractor: "ClaimExtractor", folded: str, spans: list[tuple[int, int]],
                 title: str | None = None):
        self.ex, self.folded, self.spans = extractor, folded, spans
        self._attributions: dict[int, list] = {}
        self.title_cause = extractor._cause(fold(title)) if title else None
        self._title = title
        self._main: dict[bool, str | None] = {}
        self._places: list | None = None
        self._doc_sites: list | None = None
        self._here: list | None = None
        self._harmless: bool | None = None

    def places(self) -> list:
        """The place mentions of the document, resolved, in order (worked out once, when the
        first claim needs its place)."""
        if self._places is None:
            from marsad.geo.places import PlaceFinder

            finder = PlaceFinder.default()
            known = [m for m in finder.mentions(self.folded) if not self._in_actor(m)]
            finder.resolve(known)
            self._places = known
        return self._places

    def _in_actor(self, m) -> bool:
        """A name inside an actor's name is no place: "قوات سوريا الديمقراطية"."""
        lo, hi = max(0, m.name_start - 40), min(len(self.folded), m.name_end + 40)
        return any(s < m.name_end and m.name_start < e for s, e, *_ in self.ex.lex.actors.finditer(self.folded, lo, hi))

    def _sites(self) -> list:
        """Named sites ("قرية زراكلي") of the document that the gazetteer's mentions do not
        cover, worked out once, when the first claim needs its place."""
        if self._doc_sites is None:
            from marsad.geo.places import PlaceFinder

            self._doc_sites = PlaceFinder.default().named_sites(self.folded, self.places())
        return self._doc_sites

    def _candidates(self) -> list:
        """The places and named sites of the document in order, less the names that report
        (worked out once)."""
        if self._here is None:
            self._here = [m for m in sorted(self.places() + self._sites(), key=lambda m: m.start)
                          if not self._said_by(m) and not self._dateline(m)]
        return self._here

    def _dateline(self, m) -> bool:
        """The place a report was filed from, at the head of a paragraph before a dash or a
        colon ("بوجومبورا - د.ب.أ:"، "رويترز - بنغازي (ليبيا):"): not where things happened."""
        par = self.folded.rfind("\n", 0, m.start) + 1
        return m.start - par <= _DATELINE_REACH and _DATELINE_END.match(self.folded, m.end) is not None

    def _said_by(self, m) -> bool:
        """A name that says or reports, not where something happened: "بحسب أنقرة"، "قالت
        دمشق" (an attribution word right before it)."""
        lo = max(0, m.start - 16)
        return any(e >= m.start - 2 and not self.folded[e:m.start].strip()
                   for _, e, *_ in self.ex.lex.attribution.finditer(self.folded, lo, m.start))

    def _apart(self, a: int, b: int, words: re.Pattern) -> bool:
        return words.search(self.folded, a, b) is not None

    def place_for(self, i: int, pos: int, cumulative: bool = False):
        """The place of a figure at folded position pos in sentence i: a mention in its
        sentence (the nearest after it, else the nearest before it), else the last one of the
        sentences before it in its paragraph; else, for a running toll, the province or
        country the article is about, and for the rest the last town (or larger place) named before it. A name that reports ("بحسب أنقرة")
        is no place; in its sentence, a place named before a verb of saying ("في بيان نشره في
        أنقرة، أكد ... أن") or after a new clause ("... في حين ...") is taken last."""
        s, e = self._clause_sentence(i)
        par = self.folded.rfind("\n", 0, s) + 1
        chosen = self._place_in(s, e, par, pos)
        if chosen is None:
            return self._place_around(s, e, cumulative)
        if self._toward(chosen):
            # where people were only taken or went to ("نقل 8 مصابين إلى الرياض"), the
            # incident is where the article placed it before, if it did
            return self._earlier(s) or chosen
        return chosen

    def _place_in(self, s: int, e: int, par: int, pos: int):
        """The place of a figure at pos in the sentence s..e, else in its paragraph before it."""
        here = self._candidates()
        words = place_words()
        for pool in ([m for m in here if s <= m.start < e],     # its sentence,
                     [m for m in here if par <= m.start < s]):  # its paragraph
            if not pool:
                continue
            # a place that only says where another lies ("محافظة الشرقية التي تقع شمال شرقي
            # القاهرة") is the other's; then a town or a part of it before a province or a country
            pool = [m for m in pool if not self._locating(m)] or pool
            own = pool[0].start >= s
            if own:  # in the figure's own sentence, what another clause or a speaker names
                # is taken last
                near = [m for m in pool if not self._toward(m) and not (
                    self._apart(pos, m.start, words.clause) if m.start >= pos else self._apart(m.end, pos, words.saying))]
                if near:
                    pool = near
                else:  # a place people were taken to is the last one to take
                    pool = [m for m in pool if not self._toward(m)] or pool
            pool = [m for m in pool if _specific(m)] or pool
            if own:  # a site named with a street or a mosque before the town it is in
                pool = [m for m in pool if m.role == "site" and abs(m.start - pos) < _SITE_REACH] or pool
            after = [m for m in pool if m.start >= pos]
            before = [m for m in pool if m.start < pos]
            if after and (not before or after[0].start - pos <= pos - before[-1].end + 20):
                chosen = after[0]
            else:
                chosen = before[-1] if before else after[0]
            return chosen
        return None

    def _earlier(self, s: int):
        """The last town (or larger place) named before s (a street or a neighbourhood stays
        with its own paragraph)."""
        earlier = [m for m in self._candidates() if m.start < s and m.level >= 2 and not self._locating(m)]
        return earlier[-1] if earlier else None

    def _place_around(self, s: int, e: int, cumulative: bool):
        """The place of a figure that its sentence and paragraph do not place."""
        here = self._candidates()
        if cumulative:
            country = self.country()
            if country is not None:
                return country
        earlier = self._earlier(s)
        if earlier is not None:
            return earlier
        # a figure before any place (a headline, a lead): the first place named after it
        later = [m for m in here if m.start >= e and not self._locating(m)]
        if later:
            return later[0]
        # else the place the article is about: the town it names most, else its first place
        towns = [m for m in here if m.place is not None and _specific(m)]
        if towns:
            counts: dict[str, int] = {}
            for m in towns:
                counts[m.place.id] = counts.get(m.place.id, 0) + 1
            return max(towns, key=lambda m: (counts[m.place.id], -m.start))
        if here:
            return here[0]
        return next((m for m in self.places() if self._dateline(m)), None)  # at worst, the dateline

    def country(self):
        """The region the article is about: the first province, region or country it names
        (in its dateline or its lead)."""
        return next((m for m in self.places() if m.level >= 3 and not self._said_by(m)), None)

    def _clause_sentence(self, i: int) -> tuple[int, int]:
        """The span of sentence i with the sentences a semicolon joins to it: the place of
        "قتل 53؛ أبرزهم ...، غرب مدينة الرمادي" is after the semicolon."""
        def joined(n: int) -> bool:  # sentence n ends with a semicolon
            a, b = self.spans[n]
            return self.folded[a:b].rstrip().endswith(_SEMICOLONS)

        j = i
        while j + 1 < len(self.spans) and joined(j):
            j += 1
        k = i
        while k > 0 and joined(k - 1):
            k -= 1
        return self.spans[k][0], self.spans[j][1]

    def _toward(self, m) -> bool:
        """A place people went or were taken to ("للدخول إلى عين العرب")."""
        return place_words().toward.search(self.folded, max(0, m.start - 30), m.start) is not None

    def _locating(self, m) -> bool:
        """A place named only to say where another lies ("... الواقعة في محافظة إدلب")."""
        return place_words().locating.search(self.folded, max(0, m.start - 14), m.start) is not None

    def main_actor(self, state: bool = False) -> str | None:
        """The armed group (or state forces) the article is about, if one stands out."""
        if state not in self._main:
            self._main[state] = self.ex.main_actor(self.folded, self._title, state)
        return self._main[state]

    def harmless(self) -> bool:
        """An article that names a non-violent cause and no violence anywhere (a storm, a
        fire, an epidemic) gives no claims of harm, displacement or rescue."""
        if self._harmless is None:
            self._harmless = self.ex._cause(self.folded) == "cause"
        return self._harmless

    def sentence(self, i: int) -> str:
        s, e = self.spans[i]
        return self.folded[s:e]

    def attributions(self, i: int) -> list:
        if i not in self._attributions:
            found = self.ex._attributions(self.sentence(i), lambda kind="any": self.last_named(i - 1, kind=kind))
            self._attributions[i] = [(p, self._known_by_surname(label, i), role) for p, label, role in found]
        return self._attributions[i]

    def _known_by_surname(self, label: str | None, i: int) -> str | None:
        """A person named in short ("وقال عبد الرحمن") whom the article named in full before as
        a source of the lexicon ("رامي عبد الرحمن", SOHR) is that source."""
        if not label or label in self.ex.lex.source_types or " " not in label.strip() and len(label) < 4:
            return label
        before = self.folded[:self.spans[i][0]]
        for alias, value in self.ex.lex.sources.values.items():
            if alias != label and alias.endswith(" " + label) and alias in before:
                return value
        return label

    def continues(self, i: int) -> bool:
        a = self.attributions(i)
        if self.ex._continues(self.sentence(i)) or bool(a and a[0][2] == "continue"):
            return True
        # "... أفاد المرصد عن مقتل 19 مواطنا. وقتل طفلان ...": in the same paragraph, a
        # sentence that opens with و and what happened goes on with the same report
        if i > 0 and not a and "\n" not in self.folded[self.spans[i - 1][0]:self.spans[i][0]]:
            sent = self.sentence(i).lstrip()
            if sent.startswith(_AND):
                cue = self.ex.lex.cues.match(sent, 0)
                return bool(cue and cue[0] <= 2)
        return False

    def source_after(self, i: int) -> str | None:
        """The source in force at the end of sentence i: named there, or carried into it."""
        return self.last_named(i, through_continuations=True)

    def last_named(self, i: int, through_continuations: bool = False, kind: str = "any") -> str | None:
        """The source named last in sentences 0..i, of the given kind (for "وقالت الوكالة" the
        last news outlet, for "وأضاف المصدر" the last voice); with through_continuations, only
        looking back through sentences that continue."""
        while i >= 0:
            named = [a for a in self.attributions(i)
                     if a[1] is not None and (kind == "any" or self.ex.source_type(a[1]) in (kind, "any"))]
            if named:
                return named[-1][1]
            if through_continuations and not self.continues(i):
                return None
            i -= 1
        return None


class ClaimExtractor:
    """The rule-based extractor. `extract(doc)` returns the document's claims with
    offsets into doc.raw."""

    name = "rules"

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or lexicon()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "ClaimExtractor":
        return cls()

    # the document ------------------------------------------------------------------

    def extract(self, doc: Document) -> list[Claim]:
        return self.extract_all(doc, control=False)[0]

    def extract_all(self, doc: Document, control: bool = True) -> tuple[list[Claim], list]:
        """The figure claims and (with control) the control claims of a cleaned document,
        read with one view of the document (its sentences, places and sources)."""
        text = doc.text if doc.text is not None else doc.raw
        if doc.folded is None:
            doc.folded, doc.folded_offsets = fold_with_map(text)
        folded = doc.folded
        cues = [c for c in self.lex.cues.finditer(folded) if c[3] != "-" and
                not (c[2] in self.lex.verb_cues and _proclitics_before(folded, c[0]) not in _VERB_PROCLITICS)]
        control_cues = list(control_words().cues.finditer(folded)) if control else []
        if not cues and not control_cues:
            return [], []
        spans = list(self._sentences(folded))
        discourse = _Discourse(self, folded, spans, doc.title)
        claims = self._figure_claims(doc, folded, cues, spans, discourse) if cues else []
        control = control_claims(self, doc, folded, discourse, control_cues) if control_cues else []
        if claims or control:
            _date_claims(doc, folded, spans, claims + control)
        return claims, control

    def _figure_claims(self, doc, folded, cues, spans, discourse) -> list[Claim]:
        claims: list[Claim] = []
        state = _State()
        paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(folded)]
        ci, pi = 0, 0
        for i, (s, e) in enumerate(spans):
            while pi + 1 < len(paragraph_starts) and paragraph_starts[pi + 1] <= s:
                pi += 1
            if pi != state.paragraph:
                # a new paragraph: the group "others" refer to does not carry
                state = _State(paragraph=pi, claims=state.claims)
            sent_cues = []
            while ci < len(cues) and cues[ci][0] < e:
                if cues[ci][0] >= s:
                    sent_cues.append(cues[ci])
                ci += 1
            if not sent_cues:
                # a sentence that denies what the last one said: "وهذا ما نفاه ..."
                if state.claims and self._denies_back(folded[s:e]):
                    for c in state.claims:
                        c.stance = "denied"
                state.claims = []
                continue
            claims.extend(self._sentence(doc, folded, i, s, e, sent_cues, state, discourse))
        return claims

    def places_of(self, doc: Document) -> list:
        """The resolved place mentions of a cleaned document, as its claims are placed."""
        text = doc.text if doc.text is not None else doc.raw
        if doc.folded is None:
            doc.folded, doc.folded_offsets = fold_with_map(text)
        return _Discourse(self, doc.folded, list(self._sentences(doc.folded)), doc.title).places()

    @staticmethod
    def _sentences(folded: str):
        pos = 0
        for m in _SENTENCE_END.finditer(folded):
            if m.end() > pos and not folded[pos:m.end()].isspace():
                yield pos, m.end()
            pos = m.end()
        if pos < len(folded):
            yield pos, len(folded)

    # one sentence -------------------------------------------------------------------

    def _sentence(self, doc, folded, i, s, e, cues, state: _State, discourse: "_Discourse") -> list[Claim]:
        lex = self.lex
        sent = folded[s:e]
        named = [a for a in discourse.attributions(i) if a[1] is not None]
        # attribution carries only into a sentence that continues the statement (وأضاف،
        # مشيرا إلى): carrying it through the paragraph or the document scores worse on gold
        carried = discourse.source_after(i - 1) if i > 0 and discourse.continues(i) else None
        toks = [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sent)]
        starts = [t.start for t in toks]
        tok_at = _index(starts)
        cue_toks = []  # (t0, t1, kind, the dead are attackers, weak)
        for cs, ce, key, kind in cues:
            t0 = tok_at(cs - s)
            t1 = tok_at(ce - s - 1) + 1
            cue_toks.append((t0, t1, kind, key in lex.attacker_cues, key in lex.weak_cues))
        figures = self._figures(sent, toks, tok_at)
        if not figures:
            state.claims = []
            return []
        stances = self._stances(sent)
        # (not one a comparison leads: "هو الأكثر دموية منذ أشهر" is no toll)
        compared = date_words().compared_lead
        tolls = [tok_at(m[0]) for m in lex.cumulative.finditer(sent) if not compared.search(sent, max(0, m[0] - 100), m[0])]
        tolls += [tok_at(m.start()) for m in lex.period.finditer(sent)
                  if not compared.search(sent, max(0, m.start() - 100), m.start())]
        rise = lex.rise.search(sent)
        cause = self._cause(sent)

        # deaths and injuries from fire, accidents, weather, disease are no claims (GUIDE)
        def harmless() -> bool:  # asked only of a figure of harm: the article scan is costly
            return cause == "cause" or (cause is None and (discourse.title_cause == "cause" or discourse.harmless()))

        starts_of_figures = [f.t0 for f in figures if not self._not_people(sent, toks, f)]
        out: list[Claim] = []
        last_group = state.group
        prev = None  # (end token, kind, cue) of the last figure that made a claim
        for f in figures:
            if self._not_people(sent, toks, f):
                continue
            kind, cue = self._kind(sent, toks, f, cue_toks, prev, starts_of_figures)
            if kind is None or (kind in _HARMED and harmless()):
                continue
            group = self._group(sent, toks, f, last_group, cue, discourse)
            if group == "people" and _MASSACRE.search(sent):
                group = "civilians"  # "مجزرة سقط ضحيتها تسعة قتلى"
            source, role = self._source_for(named, f.start, lambda a, b: _clause_between(sent, a, b, words_only=True))
            if source is None:
                source = carried
            span_t0 = min(f.t0, cue[0]) if cue else f.t0
            span_t1 = max(f.t1, cue[1]) if cue else f.t1
            if f.noun and f.noun[1] > span_t1 and f.noun[0] <= span_t1 + 1:
                span_t1 = f.noun[1]
            qs = min(toks[span_t0].start, f.start) + s
            qe = max(toks[span_t1 - 1].end, f.end) + s
            cumulative = (any(abs(t - f.t0) <= TOLL_WINDOW for t in tolls)
                          or (rise is not None and rise.start() < f.start and _TO_FIGURE.search(sent, 0, f.start) is not None))
            stance = self._stance_for(stances, sent, f.start)
            mention = discourse.place_for(i, qs, cumulative)
            out.append(self._claim(doc, qs, qe, kind, f, group, source, stance, mention, cumulative))
            if cue is not None:  # "others" refer to a whole, not to a part of it
                last_group = group
            prev = (max(f.t1, f.noun[1] if f.noun else 0), kind, cue, f.t0)
        state.group = last_group
        state.claims = out
        return out

    # figures ------------------------------------------------------------------------

    def _figures(self, sent: str, toks: list[_Tok], tok_at) -> list[_Figure]:
        figures: list[_Figure] = []
        for q in find_quantities(sent):
            t0, t1 = tok_at(q.value_start), tok_at(q.value_end - 1) + 1
            f = _Figure(q.low, q.high, q.qualifier, q.start, q.end, t0, t1, q0=tok_at(q.start))
            f.noun = self._noun_after(sent, toks, t1)
            if f.noun and f.qualifier == "exact":
                # "11 شخصا على الأقل": the qualifier may follow the counted noun
                after = qualifier_after(sent, toks[f.noun[1] - 1].end)
                if after:
                    f.qualifier = after
                    if after == "at_least":
                        f.high = None
                    elif after == "at_most":
                        f.low = None
            figures.append(f)
        taken = {i for f in figures for i in range(f.t0, f.t1)} | {
            i for f in figures if f.noun for i in range(f.noun[0], f.noun[1])}
        # a noun that carries its own count: مقتل جندي (1)، قتل شرطيين (2)، قتيلين (2)
        explicit = [f.t0 for f in figures]
        for ps, pe, key, person in self.lex.persons.finditer(sent):
            t0, t1 = tok_at(ps), tok_at(pe - 1) + 1
            if t0 in taken or person.count is None:
                continue
            prev = toks[t0 - 1].text if t0 > 0 else ""
            if prev in _ONE:
                continue  # handled below with أحد
            own = self.lex.cues.match(sent, toks[t0].start)
            if own:
                # a noun that names what happened (قتيل، جريح) counts alone only as an
                # indefinite dual, or right after what then happened to that person ("قتل
                # جريح"); "الجريحين"، "القتيل" refer back to people counted before
                before = self.lex.cues.match(sent, toks[t0 - 1].start) if t0 > 0 else None
                after_other = before and before[3] != own[3] and _tok_end(toks, before[1]) == t0
                if _definite(toks[t0].text) or not (person.count == 2 or after_other):
                    continue
            actor = self.lex.actors.match(sent, toks[t0].start)
            if actor and actor[1] == pe:
                continue  # a name, not a count: طالبان is the Taliban, not "two students"
            if _OTHERS.match(toks[t0].text) and not (t0 > 0 and self.lex.cues.match(sent, toks[t0 - 1].start)):
                continue  # "آخر" counts one only right after its cue (وأصيب آخر), not as "حادث آخر"
            if t0 > 0 and not toks[t0].text.startswith(_AND) and (
                           self.lex.source_heads.match(sent, toks[t0 - 1].start)
                           or self.lex.persons.match(sent, toks[t0 - 1].start)):
                continue  # an adjective of the noun before it: "مصدر عسكري"، "طالب سعودي"
            if t1 in explicit:
                continue  # "انتحاريان 13 شخصا": the figure that follows is the count
            last = figures[-1] if figures else None
            if last is not None and last.implicit and last.t1 == t0 and last.low == person.count \
                    and not toks[t0].text.startswith(_AND):
                continue  # "طفلان شقيقان": two words for the same two people
            f = _Figure(person.count, person.count, "exact", toks[t0].start, pe, t0, t1, q0=t0,
                        noun=(t0, t1, person), implicit=True)
            after = qualifier_after(sent, pe)
            if after == "at_least":
                f.qualifier, f.high = after, None
            figures.append(f)
            taken.update(range(t0, t1))
        for i, t in enumerate(toks):
            if _ONE_WITH_PRONOUN.match(t.text) and i not in taken:
                # "أحدهما"، "إحداهم": one of the people just named
                figures.append(_Figure(1, 1, "exact", t.start, t.end, i, i + 1, q0=i, implicit=True))
                continue
            if t.text in _ONE and i + 1 < len(toks) and i not in taken:
                noun = self._noun_after(sent, toks, i + 1)
                actor = self.lex.actors.match(sent, toks[i + 1].start) or (
                    toks[i + 1].text in _PARTITIVE and i + 2 < len(toks) and self.lex.actors.match(sent, toks[i + 2].start))
                if (noun and not self.lex.cues.match(sent, toks[noun[0]].start)) or actor:
                    figures.append(_Figure(1, 1, "exact", t.start, t.end, i, i + 1, q0=i, noun=noun, implicit=True))
        figures.sort(key=lambda f: f.t0)
        return figures

    def _noun_after(self, sent, toks, i) -> tuple | None:
        """The counted noun after a figure: "17 شخصا"، "6 من الارهابيين"، "الـ15"."""
        j = i
        while j < len(toks) and (toks[j].text in _PARTITIVE or toks[j].text in ARTICLES or toks[j].text == "-") \
                and j - i < 3:
            j += 1
        if j >= len(toks):
            return None
        m = self.lex.persons.match(sent, toks[j].start)
        if m:
            end = _tok_end(toks, m[1])
            a = self.lex.actors.match(sent, toks[end].start) if end < len(toks) else None
            if a:  # "قائد قوات الدفاع الوطني الذي قتل": the actor belongs to the noun
                end = _tok_end(toks, a[1])
            return (j, end, m[3])
        return None

    def _not_people(self, sent, toks, f: _Figure) -> bool:
        """A figure that counts no people: money, ages, dates, percentages, things."""
        if f.implicit:
            return False
        if f.t1 < len(toks):
            m = self.lex.units.match(sent, toks[f.t1].start) or self.lex.bare_units.match(sent, toks[f.t1].start)
            if m and not (f.noun and f.noun[0] == f.t1):
                return True
            if toks[f.t1].text in ("%", "٪"):
                return True
        if f.t0 > 0:
            prev = toks[f.t0 - 1].text
            # a label, not a count: "الفرقة 30"، "عام 2015"، "رقم 5"
            if prev in _LABEL_BEFORE or (
                    _definite(prev) and f.qualifier == "exact" and not f.noun
                    and not self.lex.cues.match(sent, toks[f.t0 - 1].start)
                    and not self.lex.persons.match(sent, toks[f.t0 - 1].start)):
                return True
        if f.low is not None and 1900 <= f.low <= 2100 and f.qualifier in ("exact", "range") and not f.noun and \
                (f.high is None or f.high == f.low or 1900 <= f.high <= 2100):
            return True  # a year, or years ("300 ألف قتيل بين 1993 و2006")
        return False

    # kind ---------------------------------------------------------------------------

    def _kind(self, sent, toks, f: _Figure, cue_toks, prev, figure_starts=()) -> tuple[str | None, tuple | None]:
        """The kind of a figure and the cue (t0, t1, kind) that says it. `prev` is the
        figure before it in the sentence with its kind and cue, or None."""
        # part of the figure before: "قتيلا بينهم ثلاثة أطفال"، "(11 رجل أمن، وأربعة"
        if prev is not None and prev[1] and self._part_of(toks, prev[0], f.q0 if f.q0 >= 0 else f.t0):
            return prev[1], None
        # a cue right before the figure says what happened (إجلاء 300 نازح، بتحرير 20000 نازح) ...
        q0 = f.q0 if f.q0 >= 0 else f.t0
        for gap in ((0,) if f.implicit else (0, 1)):
            if True:
                for c in cue_toks:
                    if c[1] == q0 - gap and not self._broken(toks, c[1], q0) \
                            and not (c[4] and f.implicit and not _OTHERS.match(toks[f.t0].text)) \
                            and not self.lex.persons.match(sent, toks[c[0]].start) \
                            and not (c[4] and c[2] == "evacuated" and f.noun
                                     and any(o[0] == f.noun[0] for o in cue_toks)):
                        # (a weak verb of movement yields to a counted noun that is a cue:
                        # "غادر عشرات المصابين المستشفى" counts the injured)
                        return c[2], c
        # ... else a counted noun that is itself a cue (11 قتيلا، 227 جريحا، الشهداء الـ15)
        for c in cue_toks:
            if f.noun and c[0] == f.noun[0]:
                return c[2], c
        if f.t0 > 0 and _definite(toks[f.t0 - 1].text):
            for c in cue_toks:
                if c[1] == f.t0:
                    return c[2], c
        # joined to the figure before, it shares that figure's kind: "مقتل ضابط ومجند"،
        # "(11 رجل أمن، وأربعة"، "مقتل تسعة من الحوثيين بالإضافة إلى أحد أفراد المقاومة"
        if prev is not None and prev[1] and not any(prev[0] <= c[0] < f.t0 for c in cue_toks):
            gap = f.t0 - prev[0]
            lead = sent[toks[max(prev[0], f.t0 - 4)].start:toks[f.t0].start]
            coordinated = toks[f.t0].text.startswith(_AND) and gap <= 2
            if coordinated or (gap <= 7 and _JOINERS.search(lead) and not lead.strip().endswith(("،", ","))):
                return prev[1], prev[2]
        best = None
        end = f.noun[1] if f.noun else f.t1
        for c in cue_toks:
            if c[4] and f.implicit:
                continue  # a weak cue (خروج، الأسر) never counts a lone noun
            if f.implicit and (c[0] < f.t1 and f.t0 < c[1]):
                continue  # a noun is not its own cue
            if f.implicit and _definite(toks[c[0]].text) and self.lex.persons.match(sent, toks[c[0]].start):
                continue  # "الطالب القتيل" refers back
            if c[1] <= q0:  # before the figure
                gap = q0 - c[1]
                if f.implicit:  # "قتل أيضا “أبو مجاهد”": fillers and quotes do not part them
                    gap = sum(1 for t in toks[c[1]:q0] if t.text not in _QUOTES and t.text not in _FILLERS)
                if gap > (0 if f.implicit else 1 if c[4] else BEFORE) or self._broken(toks, c[1], q0):
                    continue
                d = gap
            elif c[0] >= end:
                # after the figure and its noun; an aside in brackets or quotes between them
                # does not count: "الشاب (24 عاما) الذي قتلته"، "فتاتان «...» قامتا بتفجير نفسيهما"
                between = _outside_asides(toks, end, c[0])
                if f.implicit and f.low == 1 and _definite(toks[f.t0].text) and \
                        [toks[i].text for i in between] not in _RELATIVE_ONLY:
                    continue  # a definite noun alone counts after its cue ("قتل العقيد") or
                    # with a relative clause ("الانتحاري الذي فجر نفسه"), not as "المدني ..."
                gap = len(between)
                # a clause break ends the search, but for a force described by what follows
                # it: "300-400 مقاتل من داعش، يتواجدون"
                breaks = [i for i in between if toks[i].text in _CLAUSE_BREAK]
                broken = bool(breaks) and not (c[2] == "present" and breaks == [c[0] - 1])
                if c[4] or gap > (3 if f.implicit else AFTER) or broken:
                    # (a weak cue counts only a figure after it: "الأسر" after a figure is
                    # "the families")
                    continue
                if toks[c[0]].text.startswith(_AND) and gap == 0:
                    continue  # "ثلاثة أطفال وأصيب ...": a new clause starts
                if f.implicit and c[1] < len(toks) and (
                        c[1] in figure_starts or self.lex.persons.match(sent, toks[c[1]].start)) \
                        and not _OBJECT_PRONOUN.search(toks[c[1] - 1].text):
                    # "انتحاري قتل 32 شخصا"، "الشاب الذي قتل ثلاثة مارة": the one who killed;
                    # "الذي قتلته الشرطة": the one who was killed
                    continue
                if f.implicit and any(x in between for x in figure_starts):
                    continue  # a noun's cue is not beyond another figure
                if f.implicit and f.low == 1 and _PREPOSITIONAL.match(toks[c[0]].text):
                    continue  # "طالب بإعدامه": a demand, not an event
                d = gap + 0.5
            else:
                continue
            if best is None or d < best[0]:
                best = (d, c)
        if best is None:
            return None, None
        return best[1][2], best[1]

    def _broken(self, toks, a, b) -> bool:
        """Whether a clause ends between tokens a and b."""
        for i in range(a, b):
            if toks[i].text in _CLAUSE_BREAK:
                return True
        return False

    @staticmethod
    def _part_of(toks, a, b) -> bool:
        """A figure that lists part of the one before (a: where that one ends):
        "بينهم ثلاثة أطفال"، "(11 رجل أمن، وأربعة"."""
        between = [t.text for t in toks[max(a, 0):b]]
        if len(between) > 7:
            return False
        return any(w in _PART_OF for w in between) or ("(" in between and len(between) <= 4)

    # group, source, stance, place -------------------------------------------------

    def _group(self, sent, toks, f: _Figure, last_group, cue, discourse: _Discourse) -> str:
        lex = self.lex
        if cue is not None and cue[3]:
            # "الانتحاري الذي فجر نفسه": the attackers' group
            return discourse.main_actor() or "militants"
        if f.t1 < len(toks) and _OTHERS.match(toks[f.t1].text) or (
                f.noun and _OTHERS.match(toks[f.noun[0]].text)):
            return last_group or "people"
        start = f.noun[0] if f.noun else f.t1
        end = f.noun[1] if f.noun else f.t1
        # an actor in the noun phrase or joined to it: "المسلحين الحوثيين"، "من الحوثيين"،
        # "في صفوف قوات سوريا الديمقراطية"
        j = start
        while j < len(toks) and j <= end + 3:
            m = lex.actors.match(sent, toks[j].start)
            if m:
                return m[3]
            if j >= end and toks[j].text not in _LINKS and not lex.persons.match(sent, toks[j].start):
                break  # (a person noun may stand between: "33 مسلحا من مسلحي «داعش»")
            j += 1
        # "ستة قتلى من السكان"، "27 شخصا على الأقل من سكان الحي": a person noun after من
        # says who they are
        after = end
        if 0 < end < len(toks) and qualifier_after(sent, toks[end - 1].end):
            while after < len(toks) and toks[after].text not in _AMONG and after - end < 3:
                after += 1
        if after < len(toks) and toks[after].text in _PART_OF:
            after += 1  # "تسعة من القتلى هم من المدنيين"
        if after < len(toks) and toks[after].text in _AMONG:
            p = lex.persons.match(sent, toks[after + 1].start) if after + 1 < len(toks) else None
            if p and p[3].group == "families":
                return "civilians"  # "خمسة أشخاص من أسرة واحدة": members of a family
            if p and p[3].group not in ("people", "-"):
                return p[3].group
        q0 = f.q0 if f.q0 >= 0 else f.t0
        if f.noun and f.noun[2].group == "people" and q0 > 1 and cue is not None and cue[1] == q0 - 1 \
                and lex.persons.match(sent, toks[cue[0]].start):
            # "عدد الجرحى المدنيين 1616 شخصا": an adjective of the cue noun names them
            p = lex.persons.match(sent, toks[q0 - 1].start)
            if p and p[3].group not in ("people", "-", "families") and p[1] == toks[q0 - 1].end:
                return p[3].group
        if f.noun:
            group = f.noun[2].group
            n = lex.nationalities.match(sent, toks[end].start) if end < len(toks) else None
            if group in ("soldiers", "police") and n:
                return n[3]  # "جندي تركي": the soldiers of a state are its forces
            if group == "people" and n:
                return "civilians"  # "جريح سوري"، "مواطن عراقي": a person of a country
            if group == "soldiers" and not (end < len(toks) and _NISBA.match(toks[end].text)):
                # soldiers with no nationality ("جنود إيرانيين" has one, if not a known one):
                # the state forces the article is about
                return discourse.main_actor(state=True) or group
            if group != "-":
                return group
            # "قائد"، "عنصر" with no actor: the actor named before the cue, not the one
            # between cue and figure (that one did it: "خطفت جبهة النصرة ثمانية عناصر"),
            # unless the noun says they are its own ("خسرت المقاومة ثلاثة من مقاتليها")
            own = _POSSESSIVE.search(toks[f.noun[1] - 1].text)
            limit = toks[cue[0]].start if cue and cue[0] < f.t0 and not own else toks[f.t0].start
            before = self._actors_before(sent, limit, cue)
            if before:
                return before[-1]
            # else the armed group the article is about ("مقاتلو داعش" all through it)
            return discourse.main_actor() or "militants"
        # a figure with no noun counts the people counted just before: "وقتل ما لا يقل عن
        # 260 مقاتلا كرديا واصيب حوالى 400"
        if last_group:
            return last_group
        limit = toks[cue[0]].start if cue and cue[0] < f.t0 else toks[f.t0].start
        before = self._actors_before(sent, limit, cue)
        if before:
            return before[-1]
        # "تمكن الجيش من إلقاء القبض على ستة": the state forces acted; the ones counted are
        # the armed group the article is about
        if any(m[3] in _STATE_FORCES or m[3] == "police" for m in lex.actors.finditer(sent, 0, limit)):
            return discourse.main_actor() or "people"
        return "people"

    def _actors_before(self, sent: str, limit: int, cue) -> list[str]:
        """Actors named before a figure's cue. Those who arrest are the police and the state:
        before "اعتقلت" they did it, they are not the ones counted."""
        actors = [m[3] for m in self.lex.actors.finditer(sent, 0, limit)]
        if cue is not None and cue[2] == "detained":
            actors = [a for a in actors if a not in _STATE_FORCES and a != "police"]
        return actors

    def _attributions(self, sent: str, last_named) -> list[tuple[int, str | None, str]]:
        """Every attribution in a sentence: (position, source, role)."""
        lex = self.lex
        found = []
        for s, e, key, role in lex.attribution.finditer(sent):
            if role == "opener":
                # "وتبنى حزب العمال الكردستاني الهجوم، موضحا أن ...": the subject of the
                # sentence says what follows
                subject = next(lex.sources.finditer(sent, 0, s), None) if s > 0 else None
                if subject:
                    found.append((s, subject[3], "verb"))
                continue
            if role == "continue":
                found.append((s, None, role))
                continue
            pos = e
            while True:  # skip quotes and what names the kind of source: "موقع “رووداو”"
                m = _SOURCE_KIND.match(sent, pos)
                if not m or m.end() == pos:
                    break
                pos = m.end()
            label = self._known_source(sent, pos)
            if label is None and role == "verb":
                # the subject before the verb: "المرصد قال إن"
                before = sent[max(0, s - 40):s]
                last = None
                for ms, me, k, value in lex.sources.finditer(before):
                    last = (me, value)
                if last and len(before) - last[0] < 15:
                    label = last[1]
            if label is None:
                label = self._named_source(sent, pos, last_named, role)
            if label is None and role == "verb":
                rest = sent[pos:pos + 60]
                said = _SAID_THAT.match(rest)
                if said and not said.group(1):
                    # "وأشار إلى أن ..."، "وقال إن ...": no subject, the last source goes on
                    found.append((s, None, "continue"))
                    continue
                if said:
                    # "قال الأصبحي إن ...": whoever stands between the verb and "إن"
                    label = said.group(1).strip()
            if label:
                found.append((s, label, role))
        return found

    def _known_source(self, sent: str, pos: int) -> str | None:
        """A source of the lexicon among the next words (مدير المرصد، مراسل قناة العربية)."""
        words = 0
        for m in _TOKEN.finditer(sent, pos):
            if m.group() in _QUOTES:
                continue
            if words == 0 and m.group() in _SKIP:
                continue  # "وفق ما أعلن المرصد"، "حسب ما أفاد به المرصد"
            verb = self.lex.attribution.match(sent, m.start())
            if verb and verb[0] == m.start() and verb[3] == "verb":
                continue
            hit = self.lex.sources.match(sent, m.start())
            if hit:
                return hit[3]
            # go on past a title (مدير، مراسل قناة), not past any word
            if words == 3 or not self.lex.source_heads.match(sent, m.start()) and m.group() not in _TITLES:
                return None
            words += 1
        return None

    def _named_source(self, sent: str, pos: int, last_named, role: str = "verb") -> str | None:
        """A source not in the lexicon: after "بحسب"، "وفقا ل" whatever is named (بحسب أنقرة);
        after a verb, words that begin with a source head (وزارة الداخلية الكويتية، المتحدث
        باسم الجيش), since a verb may be followed by its object (أعلنت ولاءها). A bare
        "المصدر" or "الوكالة" is the source named last."""
        m = _TOKEN.search(sent, pos)
        if m and m.group() in _SKIP:
            # "حسب ما نشرته صحيفة ..."، "وفق ما أعلنت الوزارة": the name follows the verb
            verb = _TOKEN.search(sent, m.end())
            m = _TOKEN.search(sent, verb.end()) if verb else None
            while m and m.group() in _SKIP:  # "ما أفاد به المرصد"
                m = _TOKEN.search(sent, m.end())
        if not m or not m.group()[0].isalpha():
            return None
        head = self.lex.source_heads.match(sent, m.start())
        if not head:
            if role != "by" or m.group() in _NOT_SOURCE:
                return None
            return _name(sent[m.start():], self.lex)
        name = _name(sent[m.start():], self.lex)
        role_of_head, kind = head[3]
        if name and role_of_head == "back" and _definite(name) and all(w in _SAME for w in name.split()[1:]):
            return last_named(kind)  # "وأضاف المصدر"، "المصدر نفسه"، "وقالت الوكالة"
        if name and role_of_head == "back" and " " not in name and kind == "voice":
            return last_named(kind) or name  # "وقال مصدر إن" after "قالت مصادر أمنية"
        return name

    def source_type(self, label: str) -> str:
        """The kind of a source: from source_types.tsv for a label of the lexicon, from the
        word it begins with for a name (وزارة ... -> ministry), else other."""
        if label in self.lex.source_types:
            return self.lex.source_types[label]
        head = self.lex.source_heads.match(label, 0)
        return head[3][1] if head else "other"

    @staticmethod
    def _source_for(attributions, pos: int, clause_between) -> tuple[str | None, str | None]:
        """The source of a figure at pos: the nearest attribution before it, else the first
        one after it, unless a new clause (إذ، فيما، كما ...) starts between them; a comma
        does not stop a trailing attribution ("... 27 شخصا، وفق ما أعلن المرصد")."""
        before = [a for a in attributions if a[0] < pos]
        if before:
            a = before[-1]
            return a[1], a[2]
        for a in attributions:
            if not clause_between(pos, a[0]):
                return a[1], a[2]
            break
        return None, None

    def _continues(self, sent: str) -> bool:
        """Whether a sentence opens by going on with the statement before it (مشيرا، معظمهم)."""
        m = _OPENING.match(sent)
        hit = self.lex.attribution.match(sent, m.end()) if m else None
        return bool(hit and hit[0] <= m.end() + 2 and hit[3] == "opener")

    def _stances(self, sent: str) -> list[tuple[int, str, str]]:
        return [(ms, v[0], v[1]) for ms, _, _, v in self.lex.stance.finditer(sent)]

    @staticmethod
    def _stance_for(stances, sent: str, pos: int) -> str:
        """Hedged or denied when a hedge or denial governs the figure at pos: one before it in
        its clause (رجحت مصادر أن يكون نحو 40 قتلوا، نفت الجماعة سقوط قتلى), or one that looks
        back after it (لم يتسن التأكد من الحصيلة، وهذا ما نفاه)."""
        stance = "asserted"
        for p, value, scope in stances:
            if scope == "forward" and p < pos and pos - p < 90 and not _CLAUSE_WORDS.search(sent, p, pos):
                applies = True
            elif scope == "back" and p > pos:
                applies = True
            else:
                applies = False
            if applies:
                if value == "denied":
                    return "denied"
                stance = "hedged"
        return stance

    def main_actor(self, folded: str, title: str | None, state: bool = False) -> str | None:
        """The armed group (or, with state, the state's forces) an article names most (its
        title counts twice), if one stands out."""
        counts: dict[str, int] = {}
        for text, weight in ((fold(title or ""), 2), (folded, 1)):
            for *_, label in self.lex.actors.finditer(text):
                if (label in _STATE_FORCES) == state and label != "police":
                    counts[label] = counts.get(label, 0) + weight
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None  # two sides named as often: no one group stands out
        return ranked[0][0]

    def _cause(self, text: str) -> str | None:
        """violence if the text names an act of violence, cause if only a non-violent cause."""
        kinds = {v for *_, v in self.lex.non_violent.finditer(text)}
        if "violence" in kinds:
            return "violence"
        return "cause" if kinds else None

    def _denies_back(self, sent: str) -> bool:
        return any(v[0] == "denied" for *_, v in self.lex.stance.finditer(sent))

    def _claim(self, doc, qs, qe, kind, f, group, source, stance, place, cumulative) -> Claim:
        start, end = _to_raw(doc, qs, qe)
        claim = Claim(doc=doc.id, kind=kind, low=f.low, high=f.high, qualifier=f.qualifier,
                      quote=doc.raw[start:end], start=start, end=end, group=group,
                      source=_as_written(doc, source, qs), stance=stance, cumulative=cumulative)
        if place is None:
            return claim
        claim.place = _place_as_written(doc, place)
        claim.place_ambiguous = place.ambiguous
        p = place.place
        if p is not None and not place.ambiguous:
            claim.place_ar, claim.place_en, claim.lat, claim.lon = p.name_ar, p.name_en, p.lat, p.lon
            claim.country, claim.admin1, claim.feature = p.country, p.admin1, p.feature
            claim.geo_precision = max(place.precision, p.precision)
        return claim


# "... إلى 11": the figure a toll rose to (after a word of rise in its sentence)
_TO_FIGURE = re.compile(rf"(?<!\w)(?:{alternation(_W['to'])})\s*$")
# a dateline: a place within this many characters of a paragraph's start, then a dash or a
# colon (after the country in brackets, at most)
_DATELINE_REACH = 30
_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—:]")
# how far (in characters) from a figure a named site is taken as its place before a town
_SITE_REACH = 150


def _specific(m) -> bool:
    """A mention of a town or a part of it, not of a province or a country."""
    return m.precision < 3 and not (m.place and m.place.precision == 3)


def _place_as_written(doc, m) -> str:
    """A place mention as the article writes it, without the proclitics glued to it:
    "بالرياض" is الرياض, "للعراق" العراق, "بمحافظة إدلب" محافظة إدلب."""
    start = m.start
    folded = doc.folded
    if ONLY_PROCLITICS.fullmatch(folded[start:m.name_start]):
        # no word before the name: drop the proclitics, keep the article
        word = start
        while word > 0 and folded[word - 1].isalnum():
            word -= 1
        prefix = folded[word:m.name_start]
        article, contracted = ARTICLES  # ال، and لل (ل + ال)
        if prefix.endswith(contracted):
            ps, pe = _to_raw(doc, m.name_start, m.end)
            return article + doc.raw[ps:pe].strip()
        start = m.name_start - len(article) if prefix.endswith(article) else m.name_start
    else:
        prefix = place_words().headed.match(folded, start)
        if prefix:
            start = prefix.end()  # "بمحافظة إدلب"، "وحي باب توما", but "بلدة سراقب" keeps its ب
    ps, pe = _to_raw(doc, start, m.end)
    return doc.raw[ps:pe].strip()


# what may be glued before a verb cue (هجر، خرج): a conjunction (proclitics.tsv), not an article or a preposition
_VERB_PROCLITICS = frozenset({"", *CONJUNCTIONS})


def _proclitics_before(folded: str, pos: int) -> str:
    """The letters glued before pos in its word (the proclitics a matcher took)."""
    i = pos
    while i > 0 and folded[i - 1].isalpha():
        i -= 1
    return folded[i:pos]


def _date_claims(doc, folded: str, spans, claims) -> None:
    """Give each claim the day or days its event happened (marsad.extractor.dates)."""
    def to_raw(i: int) -> int:
        return _to_raw(doc, i, i)[0]

    paragraphs = [0] + [m.end() for m in _PARAGRAPH.finditer(folded)]
    dated = DatedText(folded, publication_day(doc.date), spans, paragraphs, to_raw)
    for c in claims:
        dated.date(c, doc.raw)


def _to_raw(doc, fs: int, fe: int) -> tuple[int, int]:
    """A span of the folded text as a span of the raw text."""
    ts, te = doc.folded_offsets.span_to_source(fs, fe)
    return doc.offsets.span_to_source(ts, te) if doc.offsets is not None else (ts, te)


def _as_written(doc, folded_name: str | None, near: int) -> str | None:
    """A name taken from the folded text (a place, a source not in the lexicon) as the
    article writes it: the nearest occurrence before `near`, else the first after it."""
    if not folded_name or not _ARABIC.search(folded_name):
        return folded_name  # a label of the lexicon (SOHR, officials) stays as it is
    i = doc.folded.rfind(folded_name, 0, near + len(folded_name))
    if i < 0:
        i = doc.folded.find(folded_name)
    if i < 0:
        return folded_name
    start, end = _to_raw(doc, i, i + len(folded_name))
    return doc.raw[start:end]


_ARABIC = re.compile(r"[\u0600-\u06ff]")
_SOURCE_KIND = re.compile(rf"\s*(?:[\"“”«»]|{PROCLITICS}(?:{alternation(_W['source_kind'])})(?!\w))\s*")
_SAID_THAT = re.compile(rf"\s*((?:\w+\s+){{0,3}}?)(?:{alternation(_W['complementizer'])})(?!\w)")
_QUOTES = {'"', "“", "”", "«", "»", "'"}
_OPENING = re.compile(r"[\s\"“”«»(]*")
_TITLES = _W["title"]
_CLAUSE_WORDS = re.compile(rf"(?<!\w)(?:{alternation(w for w in _W['clause_word'] if w.isalpha())})(?!\w)|[،,؛;]")


_NEW_REPORT = re.compile(rf"(?<!\w)(?:{alternation(_W['new_report'])})(?!\w)")


def _clause_between(sent: str, a: int, b: int, words_only: bool = False) -> bool:
    """Whether a clause opens between a and b; words_only: a new report (إذ، كما ...), not a comma."""
    return bool((_NEW_REPORT if words_only else _CLAUSE_WORDS).search(sent, min(a, b), max(a, b)))


# "في مدينة X"; "المدينة" with the article refers back and names nothing
_NAME_STOP = _W["name_stop"]


def _name(rest: str, lex) -> str | None:
    """A source named by the words after an attribution: up to four words, up to the
    next attribution."""
    words = []
    for m in re.finditer(r"\w+|[^\w\s]", rest):
        w = m.group()
        if w in _QUOTES and words:
            continue  # "صحيفة «الوطن»"
        if not w[0].isalpha() or w in _NAME_STOP or len(words) == 4 or lex.attribution.match(rest, m.start()) \
                or lex.cues.match(rest, m.start()):
            break  # (a cue ends a name: "أعلن الجيش التركي مقتل ثلاثة")
        words.append(w)
    return " ".join(words) or None


# the GUIDE's labels for the forces of a state
_STATE_FORCES = {"Yemeni government forces", "Saudi forces", "Syrian government forces", "Iraqi forces",
                 "Israeli forces", "Egyptian forces", "Libyan forces", "Turkish forces", "Afghan forces",
                 "Saudi-led coalition", "Peshmerga", "Kurdish forces", "PMF"}
_OBJECT_PRONOUN = re.compile(rf"\w{{2}}(?:{alternation(endings()['object'])})$")
# the kinds a non-violent cause (a storm, a fire) can give and the GUIDE does not count
_HARMED = {"killed", "injured", "casualties", "missing", "displaced", "evacuated", "trapped", "rescued"}
# a nisba adjective after a noun (إيرانيين، أمريكيا، الروسي): a nationality, known or not
_NISBA = re.compile(rf"^(?:{alternation(ARTICLES)})?\w{{3,}}(?:{alternation(endings()['nisba'])})$")
_POSSESSIVE = re.compile(rf"\w{{3}}(?:{alternation(endings()['possessive'])})$")
_MASSACRE = re.compile(rf"(?<!\w){PROCLITICS}(?:{alternation(_W['massacre'])})(?!\w)")
_OPEN = {"(": ")", "«": "»", "“": "”", '"': '"'}


def _outside_asides(toks, a: int, b: int) -> list[int]:
    """The token indices in [a, b) that are not inside brackets or quotes opened and closed
    there."""
    out, i = [], a
    while i < b:
        close = _OPEN.get(toks[i].text)
        if close:
            j = next((k for k in range(i + 1, b) if toks[k].text == close), None)
            if j is not None:
                i = j + 1
                continue
        out.append(i)
        i += 1
    return out


def _definite(word: str) -> bool:
    return bool(DEFINITE.match(word))


def _index(starts: list[int]):
    from bisect import bisect_right

    def at(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)
    return at


def _tok_end(toks, pos: int) -> int:
    for i, t in enumerate(toks):
        if t.start >= pos:
            return i
    return len(toks)
