"""Control claims: who took, lost, holds, besieges or contests a place, according to whom.

A control cue (ar/data/control.tsv: "سيطرت على"، "تحت سيطرة"، "طرد ... من"، "حصار") is read
with the words around it (ar/data/control_words.tsv): "ما زال" makes it a holding, "تحاول" an
attempt (contested), "لم" no claim. The actor is an armed group of the actor lexicon, found
where the cue's kind says (the subject, the name after "تحت سيطرة", the one "طرد" expels);
the place is the first place after the cue (and the places joined to it: "في محافظتي حمص،
ووسط محافظة حماة وقرب دمشق"), or, after "عليها"، "منها", the last place before it. Source
and stance are read as for figures. The format is docs/CONTROL.md.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.ar.lexicon import (ARTICLES, CONJUNCTIONS, PROCLITICS, PROCLITICS_NO_ARTICLE, alternation, end_pattern,
                               endings, read_tsv)
from marsad.ar.normalize import fold
from marsad.model import ControlClaim


@dataclass(frozen=True)
class _Words:
    cues: object            # PhraseMatcher -> (change, actor role)
    still: re.Pattern
    attempt: re.Pattern
    approach: re.Pattern
    negated: re.Pattern
    ended: re.Pattern
    taker_mark: re.Pattern
    extents: list            # (folded phrase, value), longest first
    percent: re.Pattern
    pronoun: re.Pattern     # "عليها"، "منه": the place is named before
    joint: re.Pattern       # what may stand between two places of one list
    country_word: re.Pattern  # "البلاد": the country the article is about
    area: re.Pattern        # "مساحتها"، "أراضيه": the area of a place named before
    from_word: re.Pattern   # "من" after the actor of "طرد"، "إخراج"
    complement: re.Pattern  # between a verbal noun's actor and the noun: four words at most, then من، في ...
    in_place: re.Pattern    # "في" right after a verb's subject: where it is, not what it took
    on_word: re.Pattern     # "على" after a verb's subject: its object comes after it
    in_town: re.Pattern     # between two places: "X في Y" (X lies in Y)
    on: re.Pattern          # after the actor of an "idafa" cue: على, or its pronoun forms
    not_actor: frozenset    # aliases that are common words too (القاعدة: the base)
    from_any: re.Pattern    # "من" anywhere after a withdrawal
    governed: re.Pattern    # a preposition right before an actor: an object, not a subject
    not_territory: re.Pattern  # after a cue: an object that is no place
    apposition: re.Pattern  # between a place and "معقل" said of it
    tags: re.Pattern        # a sentence of tags
    relative: re.Pattern    # a relative pronoun right before a cue (and its actor before it)
    past: re.Pattern        # "كانت" right before a holding cue
    prospect: re.Pattern    # "مسألة وقت" after a claim
    generic: frozenset      # aliases that only refer back (التنظيم)
    result: re.Pattern      # "أدى" before "لاستعادة": a result, not an aim
    object_words: frozenset  # what may stand between a cue and its place
    actor_in: dict          # (label, country) -> the label of the force it is there
    kinds: object           # PhraseMatcher: "الجيش"، "المتمردون" -> army, rebels (a kind of force)
    kind_labels: frozenset
    no_territory_actor: frozenset
    led_by: re.Pattern      # "بقيادة" right before a place: part of the actor's name
    taken: re.Pattern       # "دخول"، "طردهم من" right before a stronghold's place: it was taken
    from_hands: re.Pattern  # "من أيدي" after a place taken: its holder follows
    operation: re.Pattern   # "عملية"، "معركة" right before a verbal noun: a battle for the place
    aim: re.Pattern         # "ل" glued to a verbal noun: an aim ("لتحرير"، "للسيطرة")


def _strip(alias: str) -> str:
    """An alias as the actor lexicon keys it (without the article)."""
    from marsad.extractor.lexicon import _strip_article

    return _strip_article(alias)


@lru_cache(maxsize=1)
def control_words() -> _Words:
    from marsad.extractor.lexicon import PhraseMatcher
    from marsad.geo.places import place_words

    cues = {fold(p): (change, role, form) for p, change, role, form in read_tsv("control.tsv")}
    roles: dict[str, list[tuple[str, str]]] = {}
    actor_in = {}
    for row in read_tsv("control_words.tsv"):
        if row[0] == "actor_in":
            actor_in[(row[1], row[2])] = row[3]
            continue
        roles.setdefault(row[0], []).append((fold(row[1]), row[2] if len(row) > 2 else ""))

    def before(role: str) -> re.Pattern:  # one of the role's phrases ending right before a cue
        return re.compile(rf"(?<!\w){PROCLITICS_NO_ARTICLE}(?:{alternation(p for p, _ in roles[role])})(?:[\s،,]+\w+){{0,3}}[\s،,]+$")

    leads = alternation(p for p, _ in roles["percent_lead"])
    conj = alternation(CONJUNCTIONS)
    glued = alternation(p for p, _ in roles["in_town"])  # "في"، "ب" before a place of a list
    # an area noun in ة takes ت before a pronoun (مساحة، مساحتها)
    feminine, bound = endings()["feminine"][0], endings()["feminine_bound"][0]
    near = [w for w in (fold(w) for r, w in read_tsv("place_words.tsv") if r == "near")]
    return _Words(
        cues=PhraseMatcher(cues, end=end_pattern("control")),
        still=before("still"),
        attempt=before("attempt"),
        approach=re.compile(rf"(?<!\w){PROCLITICS_NO_ARTICLE}(?:{alternation(p for p, _ in roles['approach'])})\s+(?:\w+\s+){{0,4}}(?:{alternation(p for p, _ in roles['from'])})\s+$"),
        negated=re.compile(rf"(?<!\w){PROCLITICS_NO_ARTICLE}(?:{alternation(p for p, _ in roles['not'])})\s+(?:\w+[\s،,]+){{0,6}}$"),
        ended=re.compile(rf"(?<!\w)(?:{alternation(p for p, _ in roles['ended'])})(?!\w)"),
        taker_mark=re.compile(rf"(?<!\w){PROCLITICS}(?:{alternation(p for p, _ in roles['taker_mark'])})(?!\w)"),
        extents=sorted(((p, v) for p, v in roles["extent"]), key=lambda pv: -len(pv[0])),
        percent=re.compile(rf"(?:({leads})\s+)?(\d+(?:[.,]\d+)?)\s*(?:{alternation(p for p, _ in roles['percent_word'])})"),
        pronoun=re.compile(rf"\s*(?:{alternation(p for p, _ in roles['pronoun'])})(?!\w)"),
        # a list goes on after a comma or و ("في محافظتي حمص، ووسط محافظة حماة وقرب دمشق"); a
        # place glued on with ب or في alone only says where the one before is ("إب بوسط البلاد")
        joint=re.compile(rf"^\s*(?:[،,]\s*(?:{conj})?|{conj})(?:(?:{glued})\s*)?(?:(?:{alternation(near)})\s+)?$"),
        country_word=re.compile(rf"(?<!\w)(?:{conj})?(?:(?:{glued})\s*)?((?:(?:{alternation(near)})\s+)?({alternation(p for p, _ in roles['country'])}))(?!\w)"),
        # (a word in ة takes ت before the pronoun: مساحة، مساحتها)
        area=re.compile(rf"(?<!\w)(?:{alternation(p[:-1] + bound if p.endswith(feminine) else p for p, _ in roles['area'])})"
                        rf"(?:{alternation(p for p, _ in roles['area_suffix'])})(?!\w)"),
        not_actor=frozenset(_strip(p) for p, _ in roles["not_actor"]),
        not_territory=re.compile(rf"\s*(?:{alternation(p for p, _ in roles['on'])}\s+)?(?:\S+\s+)?{PROCLITICS}(?:{alternation(p for p, _ in roles['not_territory'])})(?!\w)"),
        apposition=re.compile(rf"[\s،,]*(?:{alternation(p for p, _ in roles['in_town'])}\s+(?:\w+\s+){{1,2}})?(?:{PROCLITICS_NO_ARTICLE}(?:{alternation(p for p, _ in roles['apposition'])})\s+)*"),
        no_territory_actor=frozenset(p for p, _ in roles["no_territory_actor"]),
        tags=re.compile(rf"[\s\W]*(?:{alternation(p for p, _ in roles['tags'])})(?!\w)"),
        relative=re.compile(rf"(?<!\w)(?:{alternation(p for p, _ in roles['relative'])})\s+(?:(?:{alternation(p for p, _ in roles['past'])})\s+)?$"),
        # ("كانت لا تزال تحت سيطرة": held until then, no more said)
        past=re.compile(rf"(?<!\w)(?:{alternation(p for p, _ in roles['past'])})\s+(?:(?:{alternation(p for p, _ in roles['still'])})\s+)?$"),
        prospect=re.compile(rf"(?<!\w)(?:{alternation(p for p, _ in roles['prospect'])})(?!\w)"),
        generic=frozenset(_strip(p) for p, _ in roles["generic"]),
        result=re.compile(rf"(?<!\w){PROCLITICS_NO_ARTICLE}(?:{alternation(p for p, _ in roles['result'])})\s+(?:\w+\s+){{0,6}}$"),
        object_words=frozenset(p for p, _ in roles["object"]),
        kinds=PhraseMatcher({p: kind for p, kind in roles["actor_alias"]}),
        kind_labels=frozenset(kind for _, kind in roles["actor_alias"]),
        actor_in=actor_in,
        complement=re.compile(rf"[\s\"“”«»),،]*(?:(?:\w+[\s،,]+){{0,4}}(?:{alternation(p for p, _ in roles['complement'])})\s+)?"),
        in_place=re.compile(rf"[\s\"“”«»)]*(?:{alternation(p for p, _ in roles['in'])})\s+"),
        on_word=re.compile(rf"(?<!\w)(?:{alternation(p for p, _ in roles['on'])})\s+"),
        in_town=re.compile(rf"\s*(?:{alternation(p for p, _ in roles['in_town'])})\s*"),
        on=re.compile(rf"[\s\"“”«»)]*(?=(?:{alternation(p for p, _ in roles['on'])}|{alternation(p for p, _ in roles['on_pronoun'])})(?!\w))"),
        from_any=re.compile(rf"(?<!\w)(?:{alternation(p for p, _ in roles['from'])})\s+"),
        governed=re.compile(rf"(?<!\w)(?:{alternation(p for p, _ in roles['object_of'])})\s+(?:\w+\s+){{0,2}}[\"“”«»]?\s*$"),
        led_by=re.compile(rf"(?<!\w)(?:{alternation(p for p, _ in roles['led_by'])})\s+$"),
        from_word=re.compile(rf"[\s\"“”«»]*(?:{alternation(p for p, _ in roles['from'])})\s+"),
        taken=re.compile(rf"(?<!\w){PROCLITICS_NO_ARTICLE}(?:{alternation(p for p, _ in roles['taken'])})(?!\w)"),
        from_hands=re.compile(rf"[\s،,]*(?:{alternation(p for p, _ in roles['from_hands'])})\s+"),
        aim=re.compile(rf"(?<!\w)(?:{conj})?(?:{alternation(p for p, _ in roles['aim'])})$"),
        operation=re.compile(rf"(?<!\w){PROCLITICS_NO_ARTICLE}(?:{alternation(p for p, _ in roles['operation'])})\s+(?:\w+\s+)?$"),
    )


# how far after a cue (in characters) its place may start, and how far its clause reaches
_PLACE_REACH = 50
_CLAUSE_REACH = 160
# an actor this close to the cue and place is quoted with them
_QUOTE_ACTOR_GAP = 30
# how many characters around a cue an actor may stand to be its actor (before a verbal noun:
# "تمكنت المقاومة من السيطرة على"), and how many words after it
_ACTOR_AFTER = 40
_ACTOR_BEFORE = 100
_AFTER_VERB = 3
_AFTER_NOUN = 1
# a claim whose quote grows longer than this was read across clauses: none is made
_QUOTE_MAX = 150
_WORDS = re.compile(r"\w+")
_LEADING_PROCLITICS = re.compile(PROCLITICS)
# between two places: an aside after a comma ("عدن، ثاني أكبر مدينة بعد")
_ASIDE = re.compile(r"\s*[،,]\s*(?:\w+\s+){1,6}")
# how far after a withdrawal (or its actor) "من" may come before the place it left
_FROM_REACH = 30
# how far before "عليها"، "منه" the place it stands for may end
_PRONOUN_REACH = 60
# how far before a stronghold's place a word of taking makes it lost
_TAKEN_REACH = 40
# how far before a stronghold's cue a cue of taking makes it one taken
_TAKEN_CLAUSE = 80
# how far before "تحت سيطرة"، "معقل" the place it is said of may start
_HOLDER_BEFORE = 60
# how far before an actor the word that governs it may start (it and two words: "زودتها بها
# دول التحالف")
_GOVERNED_REACH = 40
# between an aim's actor and the noun: three words at most ("أطلقت القوات عملية عسكرية لتحرير")
_AIM_GAP = re.compile(r"[\s\"“”«»),،]*(?:\w+\s+){0,3}")


def control_claims(ex, doc, folded: str, discourse, cues: list | None = None) -> list[ControlClaim]:
    """The control claims of a folded document (ex: the ClaimExtractor, discourse: its
    _Discourse for the document, cues: the control cues found in it, if they were looked for)."""
    from marsad.extractor.claims import _as_written, _clause_between, _place_as_written, _to_raw

    w = control_words()
    cues = list(w.cues.finditer(folded)) if cues is None else cues
    if not cues:
        return []
    spans = discourse.spans
    starts = [s for s, _ in spans]
    out: list[ControlClaim] = []
    seen: set = set()
    sentence_actors: dict[int, list] = {}
    for cs, ce, key, (change, role, form) in cues:
        i = max(0, bisect.bisect_right(starts, cs) - 1)
        s, e = spans[i]
        word = cs
        while word > s and folded[word - 1].isalnum():
            word -= 1  # the cue's word, with its proclitics ("للسيطرة")
        head = folded[max(s, word - 60):word]
        if w.negated.search(head) or w.tags.match(folded, s):
            continue
        if change == "holds" and w.past.search(head):
            continue  # "كانت تسيطر عليها": held once, no more said
        if w.still.search(head):
            change = "holds"
        elif w.attempt.search(head) or w.approach.search(head) or (
                form == "noun" and w.aim.search(folded, max(0, cs - 3), cs) and not w.result.search(head)) or (
                form == "noun" and change == "took" and w.operation.search(folded, max(0, word - 40), word)
                and not w.result.search(head)):
            change = "contested"  # "تحاول القوات السيطرة على"، "عملية لتحرير"، "بدء عملية تحرير"
        if w.not_territory.match(folded, ce):
            continue  # "سيطرت على أربع دبابات"، "حاصروا الرئيس"
        actors = sentence_actors.get(i)
        if actors is None:
            main = None
            actors = []
            for a, b, alias, label in ex.lex.actors.finditer(folded, s, e):
                if alias in w.not_actor:
                    continue
                if alias in w.generic:  # "التنظيم": the group the article is about
                    main = main or discourse.main_actor() or label
                    label = main
                actors.append((a, b, label))
            # forces named only by their kind ("الجيش"): labelled by the place's country below
            # (not where an actor's name follows: "المتمردون الحوثيون" are the Houthis)
            actors += [(a, b, kind) for a, b, _, kind in w.kinds.finditer(folded, s, e)
                       if not any(x < b and a < y or b <= _word_start(folded, x) <= b + 1 for x, y, _ in actors)]
            actors.sort()
            sentence_actors[i] = actors
        if any(a <= cs < b for a, b, _ in actors):
            continue  # "جيش التحرير الفلسطيني": a word of an actor's name
        clause_start = _clause_start(folded, cs, s)
        clause_end = _clause_end(folded, ce, e)
        found = _actor_and_places(ex, folded, discourse, w, role, form, cs, ce, clause_start, clause_end, s,
                                  actors, i)
        if found is None:
            continue
        found = _combined(found, ex)
        if change == "took" and w.prospect.search(folded, ce, clause_end):
            change = "contested"  # "سقوط القاعدة بيد المقاومة مسألة وقت"
        for actor, actor_span, places, the_change in found:
            if actor in w.no_territory_actor:
                continue  # "دخلت الشرطة منطقة ...": no control
            change_here = the_change or change
            if change == "contested" and the_change:
                if the_change == "lost":
                    continue  # "الاستعدادات لطرد الانقلابيين من تعز": they hold it still
                change_here = "contested"  # ... and the subject only tries to take it
            for m in places:
                if change_here == "besieged" and m.start > ce and w.in_place.match(folded, ce):
                    continue  # "الذين يحاصرون في الفلوجة": they are the besieged
                # the extent said after the cue ("سيطرت على المدينة بالكامل"، "فقد سيطرته على أكثر
                # من نصف مساحتها"), else before it ("وجود داعش في كامل المحافظة")
                extent, ext_span = _extent(folded, w, ce, min(e, max(ce, m.end) + 40))
                if extent is None:
                    extent, ext_span = _extent(folded, w, max(s, min(cs, m.start) - 40), cs)
                extent_text = None
                if ext_span:
                    xs, xe = _to_raw(doc, *ext_span)
                    extent_text = doc.raw[xs:xe]
                place = _place_as_written(doc, m)
                marker = (i, actor, change_here, place)
                if marker in seen:
                    continue
                seen.add(marker)
                # the quote: the cue and the place, with the actor where it stands next to them
                lo, hi = min(cs, m.start), max(ce, m.end)
                if actor_span and (actor_span[1] >= lo - _QUOTE_ACTOR_GAP and actor_span[0] <= hi + _QUOTE_ACTOR_GAP):
                    lo, hi = min(lo, actor_span[0]), max(hi, actor_span[1])
                if ext_span:
                    lo, hi = min(lo, ext_span[0]), max(hi, ext_span[1])
                sent = folded[s:e]
                named = [a for a in discourse.attributions(i) if a[1] is not None]
                source, _ = ex._source_for(named, cs - s, lambda a, b: _clause_between(sent, a, b, words_only=True))
                if source is None and i > 0 and discourse.continues(i):
                    source = discourse.source_after(i - 1)
                stance = ex._stance_for(ex._stances(sent), sent, cs - s)
                while lo > 0 and folded[lo - 1].isalnum():
                    lo -= 1  # the whole first word ("الحوثيين", not "حوثيين")
                if hi - lo > _QUOTE_MAX:
                    continue
                start, end = _to_raw(doc, lo, hi)
                claim = ControlClaim(doc=doc.id, actor=actor, change=change_here, place=place,
                                     quote=doc.raw[start:end], start=start, end=end, extent=extent,
                                     extent_text=extent_text, source=_as_written(doc, source, cs), stance=stance)
                p = m.place
                claim.place_ambiguous = m.ambiguous
                if p is not None and not m.ambiguous:
                    claim.place_ar, claim.place_en, claim.lat, claim.lon = p.name_ar, p.name_en, p.lat, p.lon
                    claim.country, claim.admin1, claim.feature = p.country, p.admin1, p.feature
                    claim.geo_precision = max(m.precision, p.precision)
                    claim.actor = w.actor_in.get((claim.actor, p.country), claim.actor)
                if claim.actor in w.kind_labels:
                    continue  # "الجيش" where no country says whose army
                out.append(claim)
    return _strongholds_taken(out)


def _strongholds_taken(claims: list) -> list:
    """"X holds" from "معقل X" in a sentence that says another actor took the place: X lost
    it ("سيطرت المقاومة على حي التواهي آخر معاقل الحوثيين")."""
    took = {(k.doc, k.place_en or k.place, k.actor) for k in claims
            if k.change == "took" and k.extent in (None, "full")}  # (taking "most" of it leaves it held in part)
    for k in claims:
        if k.change == "holds" and any(p == (k.place_en or k.place) and a != k.actor and d == k.doc
                                       for d, p, a in took):
            k.change = "lost"
    return claims


def _combined(found: list, ex) -> list:
    """Actors said together whose pair has a label of its own ("الحوثيين وقوات صالح":
    Houthis and Saleh forces) make one claim under it."""
    labels = _pair_labels(ex)
    by_key: dict = {}
    for actor, span, places, change in found:
        by_key.setdefault((change, tuple(id(p) for p in places)), []).append((actor, span, places, change))
    out = []
    for group in by_key.values():
        names = [g[0] for g in group]
        pair = next((labels[(a, b)] for a in names for b in names if (a, b) in labels), None)
        if pair:
            first = group[0]
            out.append((pair, first[1], first[2], first[3]))
            out.extend(g for g in group if g[0] not in pair)
        else:
            out.extend(group)
    return out


@lru_cache(maxsize=1)
def _pair_labels_cached(labels: tuple) -> dict:
    out = {}
    for label in labels:
        if " and " in label:
            a, b = label.split(" and ", 1)
            if a in labels and b in labels:
                out[(a, b)] = label
    return out


def _pair_labels(ex) -> dict:
    return _pair_labels_cached(tuple(sorted(set(ex.lex.actors.values.values()))))


def _clause_start(folded: str, pos: int, sentence_start: int) -> int:
    from marsad.geo.places import place_words

    lo = max(sentence_start, pos - _ACTOR_BEFORE)
    last = None
    for m in place_words().clause.finditer(folded, lo, pos):
        last = m
    return last.end() if last else lo


def _clause_end(folded: str, pos: int, sentence_end: int) -> int:
    """Where the clause of a cue at pos ends: a new clause (فيما، بينما) or a verb of saying
    (مبينا، مضيفا، قال), else the sentence's end (or _CLAUSE_REACH)."""
    from marsad.geo.places import place_words

    end = min(sentence_end, pos + _CLAUSE_REACH)
    words = place_words()
    hits = [m.start() for m in (words.clause.search(folded, pos, end), words.saying.search(folded, pos, end)) if m]
    return min(hits) if hits else end


def _actor_and_places(ex, folded, discourse, w, role, form, cs, ce, clause_start, clause_end, s, actors, i):
    """[(actor, its span, places, change or None)] for a cue, or None where it says nothing
    of control. The actor must be named: right after the cue (a verb's subject, a verbal
    noun's or "تحت سيطرة"'s complement), or before it in its clause (nearer still for a
    verbal noun)."""
    after = [a for a in actors if ce <= a[0] <= ce + _ACTOR_AFTER and a[0] < clause_end]
    objects = _objects(folded, w, actors)
    before = [a for a in actors if a[1] <= cs and cs - a[1] <= _ACTOR_BEFORE and a[0] >= clause_start
              and a not in objects]  # "من أيدي داعش": not the subject
    if form == "noun":
        # a verbal noun's actor before it is the subject of the verb it completes: "تمكنت
        # المقاومة من تحرير"، "نجاح القوات في الدخول إلى"; else it is not said
        word = cs
        while word > 0 and folded[word - 1].isalnum():
            word -= 1  # the noun's word, with its proclitics ("من السيطرة")
        aim = w.aim.search(folded, max(0, cs - 3), cs) is not None
        before = [a for a in before if w.complement.fullmatch(folded, a[1], word)
                  or (aim and _AIM_GAP.fullmatch(folded, a[1], word))]
    gap = _AFTER_NOUN if form == "noun" else _AFTER_VERB
    first_after = after[0] if after and len(_WORDS.findall(folded, ce, after[0][0])) <= gap else None

    if role == "taker":
        places = _places_after(folded, discourse, w, ce, clause_end, skip=None)
        if not places:
            return None
        mark = w.taker_mark.search(folded, places[-1].end, min(clause_end, places[-1].end + 30))
        if not mark:
            return None  # "سقوط قذائف": nothing fell to anyone
        taker = next((a for a in actors if mark.end() <= a[0] <= mark.end() + 12), None)
        return [(taker[2], taker[:2], places, None)] if taker else None

    if role == "idafa":
        # "سيطرة قوات X على المدينة"، "بعد سيطرة قوات X عليها": the actor, then على
        if first_after is None:
            return None
        on = w.on.match(folded, first_after[1])
        if not on:
            return None
        places = _places_after(folded, discourse, w, on.end(), clause_end, skip=first_after)
        if not places:
            places = _places_before(folded, discourse, w, on.start(), s, clause_end)
        return [(first_after[2], first_after[:2], places, None)] if places else None

    if role in ("holder", "holder_before", "loser", "loser_ended", "owner"):
        if first_after is None or (role == "owner" and _WORDS.search(folded, ce, first_after[0])):
            return None  # "خسائر تنظيم الدولة في الرقة", but not "خسائر في الجيش"
        owner = first_after
        subject = None
        if role == "loser" and form == "verb":
            # "طردت المقاومة الحوثيين من ...": after a verb the subject comes first, then the
            # one expelled
            second = next((a for a in after if a[0] >= owner[1] and a[2] != owner[2]
                           and len(_WORDS.findall(folded, owner[1], a[0])) <= _AFTER_VERB), None)
            if second is not None:
                subject, owner = owner, second
        if role == "loser":
            # "طرد X من <place>": the place is what comes right after من, or there is none
            m = w.from_word.match(folded, owner[1])
            places = _places_after(folded, discourse, w, m.end(), clause_end, skip=owner, reach=4) if m else []
        elif role == "holder_before":
            places = _place_just_before(folded, discourse, w, cs, max(s, cs - _HOLDER_BEFORE))
            if not places and _took_in_clause(folded, w, max(clause_start, cs - _TAKEN_CLAUSE), cs):
                return None  # a stronghold taken, named by no place of its own: a place after it only locates it
            places = places or _places_after(folded, discourse, w, owner[1], clause_end, skip=owner)
        else:
            places = _places_after(folded, discourse, w, owner[1], clause_end, skip=owner)
        if not places and role != "loser":
            places = _places_before(folded, discourse, w, owner[1], s, clause_end)
        if not places:
            return None
        if role == "loser_ended" and not w.ended.search(folded, owner[1], clause_end + 40):
            return None
        if role == "holder_before" and places and _taken_before(folded, w, places[0].start, s):
            # "نجحت المعركة باستعادة معسكر لبوزة، آخر معاقل الحوثي": the stronghold was lost
            return [(owner[2], owner[:2], places, "lost")]
        if role in ("holder", "holder_before", "owner"):
            return [(owner[2], owner[:2], places, None)]
        found = [(owner[2], owner[:2], places, "lost")]
        if role == "loser":
            for taker in ([subject] if subject else _subjects(folded, before, cs, discourse)):
                if taker[2] != owner[2]:
                    found.append((taker[2], taker[:2] if taker[0] >= 0 else None, places, "took"))
        return found

    # subject: right after a verb or a verbal noun ("سيطرت قوات X على"، "سيطرة X على"), else
    # the nearest before it, else the group the article is about
    pronoun = form == "pronoun" or _pronoun_suffix(folded, cs, ce)
    actor = first_after if first_after and not pronoun else None
    if pronoun:  # "سيطرته": the actor named last before it in its sentence
        before = [a for a in actors if a[1] <= cs and a not in objects]
        subjects = _subjects(folded, before[-1:], cs, discourse, actors)
    elif actor:  # "انسحبت ميليشيات الحوثيين وقوات المخلوع": the subject and those joined to it
        subjects = [actor]
        for a in after:
            if a[0] >= subjects[-1][1] and _JOINED.search(folded, subjects[-1][1], a[0]):
                subjects.append(a)
        actor = subjects[-1]
    else:
        rel = w.relative.search(folded, max(s, cs - 30), _word_start(folded, cs))
        if rel:  # "التنظيم الذي يسيطر على": the actor is the one the relative refers to
            near = [a for a in actors if a[1] <= rel.start() and len(_WORDS.findall(folded, a[1], rel.start())) <= 1]
            # (a relative after a place, "بلدة صرين التي سيطروا عليها", has the place as object;
            # after another noun, "كتائب الثوار التي اقتحمت", the actor is a force marsad cannot name)
            after_place = any(m.end <= rel.start() and len(_WORDS.findall(folded, m.end, rel.start())) <= 1
                              for m in discourse._candidates() if s <= m.start < rel.start())
            subjects = near[-1:] or (_subjects(folded, before, cs, discourse, actors) if after_place else [])
        else:
            subjects = _subjects(folded, before, cs, discourse, actors)
    start_places = actor[1] if actor else ce
    on = w.on_word.search(folded, start_places, min(clause_end, start_places + _PLACE_REACH))
    if on and (actor or not any(m.start < on.start() for m in _places_between(discourse, start_places, on.start()))):
        start_places = on.end()  # "سيطرت قوات المقاومة في محافظتي الضالع وعدن على مثلث العند"
    elif actor and w.in_place.match(folded, start_places):
        return None  # "طوّق جيش الإسلام وجبهة النصرة في الغوطة الشرقية الإشكالات": where the actor is
    if w.not_territory.match(folded, start_places):
        return None  # "سيطرت المقاومة على أربع دبابات"
    if the_change_of(role, folded, cs, ce) == "took" and w.from_word.match(folded, start_places):
        return None  # "انتزعت من الولايات المتحدة تنازلا": what is taken comes after whom from
    if the_change_of(role, folded, cs, ce) == "withdrew":
        # "انسحبت جبهة النصرة ... من خطوط المواجهة في شمالي محافظة حلب": the place it left
        m = w.from_any.search(folded, start_places, min(clause_end, start_places + _FROM_REACH))
        if m and not w.pronoun.match(folded, start_places):
            start_places = m.end()
    places = _places_after(folded, discourse, w, start_places, clause_end, skip=actor)
    if not places:
        places = _places_before(folded, discourse, w, start_places, s, clause_end)
    if not places:
        return None
    found = [(a[2], a[:2] if a[0] >= 0 else None, places, None) for a in subjects]
    hands = w.from_hands.match(folded, places[-1].end) if the_change_of(role, folded, cs, ce) == "took" else None
    if hands:  # "تحرير مدينة عدن من أيدي الحوثيين": who held it lost it
        holder = next((a for a in actors if hands.end() <= a[0] <= hands.end() + 2), None)
        if holder and holder[2] not in [f[0] for f in found]:
            found.append((holder[2], holder[:2], places, "lost"))
    return found or None


def the_change_of(role, folded, cs, ce) -> str | None:
    return control_words().cues.values.get(folded[cs:ce], (None,))[0] if role == "subject" else None


def _word_start(folded: str, pos: int) -> int:
    while pos > 0 and folded[pos - 1].isalnum():
        pos -= 1
    return pos


def _objects(folded: str, w, actors: list) -> set:
    """The actors that are objects, not subjects: those governed by a word before them, and
    those joined to one by "و" ("المسنودة بقوات الجيش الوطني وطيران التحالف": both back it)."""
    out: set = set()
    last = None
    for a in actors:
        if _governed(folded, w, a[0]) or (last in out and _JOINED.search(folded, last[1], a[0])):
            out.add(a)
        last = a
    return out


def _governed(folded: str, w, start: int) -> bool:
    """An actor right after a preposition or a word it is the object of ("من أيدي داعش"،
    "مدعومة بمقاتلي المقاومة"): not a subject."""
    word = start
    while word > 0 and folded[word - 1].isalnum():
        word -= 1  # with its proclitics
    return w.governed.search(folded, max(0, word - _GOVERNED_REACH), word) is not None


def _taken_before(folded: str, w, place_start: int, s: int) -> bool:
    """Whether a word of taking stands just before a place ("باستعادة معسكر لبوزة")."""
    lo = max(s, place_start - _TAKEN_REACH)
    for _, end, _, value in w.cues.finditer(folded, lo, place_start):
        if value[0] == "took" and value[1] != "holder_before" and _object_gap(folded, w, end, place_start):
            extent, _ = _extent(folded, w, end, place_start)
            return extent in (None, "full")  # (taking "most of" it leaves it held in part)
    return any(_object_gap(folded, w, m.end(), place_start) for m in w.taken.finditer(folded, lo, place_start))


def _took_in_clause(folded: str, w, lo: int, cs: int) -> bool:
    """Whether a cue of taking stands between lo and a cue at cs ("سيطرت على المدينة وهي واحدة
    من آخر معاقل"، "السيطرة على معقل لحركة الشباب")."""
    return any(value[0] == "took" and value[1] != "holder_before"
               for _, _, _, value in w.cues.finditer(folded, lo, cs))


def _subjects(folded, before, cs, discourse, actors=()) -> list:
    """The actor nearest before a cue, with the actors joined to it by "و" ("قوات سوريا
    الديمقراطية ... وقوات التحالف من السيطرة على"), first named first."""
    if before:
        chain = [before[-1]]
        for a in reversed([a for a in actors if a[1] <= chain[0][0]] or before[:-1]):
            if a[2] == chain[0][2] or _JOINED.search(folded, a[1], chain[0][0]):
                chain.insert(0, a)
            else:
                break
        labels: list = []
        for a in chain:
            if a[2] not in [b[2] for b in labels]:
                labels.append(a)
        return labels
    return []


# between two actors, an "و" right before the second: they act together
_JOINED = re.compile(rf"(?<!\w)و(?:\s*\w+\s+|\s*)(?:{alternation(ARTICLES)})?$")  # ("وحزب الله"، "وميليشيا حزب الله"، "والقوات")


def _pronoun_suffix(folded: str, cs: int, ce: int) -> bool:
    """A cue with the actor as a pronoun ("سيطرته"، "سيطرتها"): the actor is named before."""
    word = folded[cs:ce]
    return word.endswith(("ته", "تها", "تهم"))


def _places_after(folded, discourse, w, pos, clause_end, skip, reach=_PLACE_REACH):
    """The place right after pos (within reach) and the places listed with it."""
    from marsad.geo.places import place_words

    if w.pronoun.match(folded, pos):
        return []  # "سيطرت عليها": the place was named before
    here = discourse._candidates()
    lo = bisect.bisect_left([m.start for m in here], pos)
    toward = place_words().toward
    pool = [m for m in here[lo:] if m.start < clause_end and not (skip and skip[0] <= m.start < skip[1])
            and not w.led_by.search(folded, max(0, m.start - 10), m.start)
            and not toward.search(folded, max(0, m.start - 8), m.start)  # "إلى بغداد": where they went
            and not place_words().locating.search(folded, max(0, m.start - 30), m.start)]  # "تبعد 100 كم عن X"
    pool += _country_words(folded, discourse, w, pos, clause_end)
    pool.sort(key=lambda m: m.start)
    out = []
    for m in pool:
        if not out:
            if m.start - pos > reach:
                break
            if not _object_gap(folded, w, pos, m.start):
                break  # "سيطرت على مقر اللواء في ...": the object has a name of its own
        elif not w.joint.match(folded[out[-1].end:m.name_start]):  # (with the words before the name)
            break
        elif m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _object_gap(folded: str, w, a: int, b: int) -> bool:
    """Whether only area words, quantities and prepositions stand between a and b."""
    for word in _WORDS.findall(folded, a, b):
        if word.isdigit():
            continue
        if word not in w.object_words and _strip_proclitic(word) not in w.object_words:
            return False
    return True


def _strip_proclitic(word: str) -> str:
    m = _LEADING_PROCLITICS.match(word)
    return word[m.end():] if m and len(word) - m.end() >= 3 else word


def _places_between(discourse, a: int, b: int) -> list:
    return [m for m in discourse._candidates() if a <= m.start < b]


def _place_just_before(folded, discourse, w, cs, lo):
    """The place a "معقل"، "تحت سيطرة" is said of, named just before it: only words of
    apposition ("آخر معقل"، "أصبح تحت سيطرة") and a short "في ..." stand between."""
    word = cs
    while word > 0 and folded[word - 1].isalnum():
        word -= 1
    from marsad.geo.places import place_words

    here = [m for m in discourse._candidates() if lo <= m.start and m.end <= word]
    if not here or not w.apposition.fullmatch(folded, here[-1].end, word):
        return []
    y = here[-1]
    if len(here) > 1:
        x = here[-2]
        between = folded[x.end:y.start]
        locating = place_words().locating.search(folded, max(0, y.start - 30), y.start)
        # "الحديدة الواقعة غرب اليمن والخاضعة لسيطرة": the place located, not the landmark;
        # "منطقة التواهي في عدن، التي تعد آخر معاقل": the place in the town; "عدن، ثاني أكبر
        # مدينة بعد صنعاء، تحت سيطرة": the place the aside is about
        direction = y.precision == 2 and y.start < y.name_start and len(_WORDS.findall(between)) <= 3
        if (locating and locating.start() >= x.end) or w.in_town.fullmatch(between) or direction \
                or (_ASIDE.fullmatch(between) and folded[y.end:word].lstrip().startswith(("،", ","))):
            return [x]
    return [y]


def _places_before(folded, discourse, w, pos, s, clause_end):
    """After "عليها"، "منها" or "على أكثر من نصف مساحتها": the last place named before the
    cue, within _PRONOUN_REACH in its sentence ("X في Y": X)."""
    if not w.pronoun.match(folded, pos) and not w.area.search(folded, pos, min(clause_end, pos + _PLACE_REACH)):
        return []
    from marsad.geo.places import place_words

    toward = place_words().toward
    here = [m for m in discourse._candidates() if m.end <= pos and m.start >= s  # its own sentence,
            and pos - m.end <= _PRONOUN_REACH                                      # near,
            and not toward.search(folded, max(0, m.start - 8), m.start)]           # not where they went
    if len(here) > 1 and w.in_town.fullmatch(folded[here[-2].end:here[-1].start]):
        return [here[-2]]  # "قرية عزان بمحافظة أبين ... سيطرت عليها": the village
    return here[-1:] if here else []


def _country_words(folded, discourse, w, pos, end) -> list:
    """"البلاد" ("في جنوب البلاد") as mentions of a country: the country of the last place
    named before it, else the first country the article names."""
    out = []
    for m in w.country_word.finditer(folded, pos, end):
        named = [k for k in discourse.places() if k.place is not None]
        last = next((k for k in reversed(named) if k.end <= m.start()), None)
        country = next((k for k in named if k.place.feature == "country"
                        and (last is None or k.place.country == last.place.country)), None)
        if country is None:
            continue
        start = m.start(1)
        name_start = m.start(2)
        out.append(replace(country, start=start, end=m.end(), name_start=name_start, name_end=m.end(),
                           precision=2 if name_start > start else country.precision, ambiguous=False))
    return out


def _extent(folded: str, w: _Words, lo: int, hi: int):
    """(value, span) of the extent said between lo and hi: a word of control_words.tsv, else
    a share ("لا تتخطى 10%": "<10%"); (None, None) where none is said."""
    window = folded[lo:hi]
    for phrase, value in w.extents:
        m = re.search(rf"(?<!\w){PROCLITICS}{re.escape(phrase)}(?!\w)", window)
        if m:
            return value, (lo + m.start(), lo + m.end())
    m = w.percent.search(window)
    if m:
        lead = dict(_percent_leads()).get(m.group(1) or "", "")
        return f"{lead}{m.group(2)}%", (lo + m.start(), lo + m.end())
    return None, None


@lru_cache(maxsize=1)
def _percent_leads():
    return [(fold(row[1]), row[2]) for row in read_tsv("control_words.tsv") if row[0] == "percent_lead"]
