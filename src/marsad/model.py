"""The records that flow through marsad: plain dataclasses, no logic beyond (de)serialisation."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

# The eleven kinds of ../shared/gold/GUIDE.md, in the guide's order.
KINDS = (
    "killed", "injured", "casualties", "displaced", "evacuated", "trapped",
    "present", "surrendered", "detained", "rescued", "missing",
)
QUALIFIERS = ("exact", "approx", "range", "at_least", "at_most", "vague")
STANCES = ("asserted", "hedged", "denied")

# The claim fields in GUIDE.md's order, then marsad's own additions.
CLAIM_FIELDS = (
    "doc", "kind", "low", "high", "qualifier", "group", "source", "stance",
    "place", "cumulative", "quote", "start", "end",
)
# Where a claim's place is on the map (the gazetteer's entry for `place`; none where no entry
# was found or the name stayed ambiguous between countries). geo_precision is ACLED's: 1 the
# town itself, 2 near it or part of its area, 3 only the region or country.
GEO_FIELDS = (
    "place_ar", "place_en", "lat", "lon", "country", "admin1", "geo_precision", "feature", "place_ambiguous",
)

# When the event happened (marsad.extractor.dates): its first and last day (ISO), ACLED's
# time_precision (1 day, 2 week, 3 month; 4 longer), and the words that said it (none where
# the day comes from the publication date alone).
DATE_FIELDS = ("date_start", "date_end", "time_precision", "date_text")


class _Record:
    """(De)serialisation of a claim record: its FIELDS, in the order of its format."""
    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.FIELDS}

    @classmethod
    def from_dict(cls, d: dict[str, Any]):
        return cls(**{name: d.get(name) for name in cls.FIELDS if name in d})


@dataclass(slots=True, kw_only=True)
class _Located(_Record):
    """Where and when a claim's event happened: GEO_FIELDS and DATE_FIELDS, shared by figure
    and control claims (keyword-only, after each claim's own fields)."""
    place_ar: str | None = None
    place_en: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geo_precision: int | None = None
    feature: str | None = None
    place_ambiguous: bool = False
    date_start: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    date_text: str | None = None


@dataclass(slots=True)
class Claim(_Located):
    doc: str
    kind: str
    low: int | None
    high: int | None
    qualifier: str
    quote: str
    start: int          # character offsets of `quote` in the document's raw text
    end: int
    group: str = "people"
    source: str | None = None
    stance: str = "asserted"
    place: str | None = None
    cumulative: bool = False

    FIELDS: ClassVar[tuple[str, ...]] = CLAIM_FIELDS + GEO_FIELDS + DATE_FIELDS


# Control claims (docs/CONTROL.md): who took, lost, holds or besieges a place, according to
# whom. The changes, and the fields in the order of the format.
CONTROL_CHANGES = ("took", "lost", "withdrew", "besieged", "holds", "contested")
EXTENTS = ("full", "most", "more_than_half", "half", "part", "limited")
CONTROL_FIELDS = (
    "doc", "actor", "change", "place", "extent", "extent_text", "source", "stance", "quote", "start", "end",
)


@dataclass(slots=True)
class ControlClaim(_Located):
    doc: str
    actor: str
    change: str
    place: str
    quote: str
    start: int          # character offsets of `quote` in the document's raw text
    end: int
    extent: str | None = None       # one of EXTENTS, or a share such as "<10%"; None where unsaid
    extent_text: str | None = None  # the words that say it ("بالكامل"، "أكثر من نصف")
    source: str | None = None
    stance: str = "asserted"

    FIELDS: ClassVar[tuple[str, ...]] = CONTROL_FIELDS + GEO_FIELDS + DATE_FIELDS


@dataclass(slots=True)
class Document:
    """One article. `raw` is the text exactly as read (for an HTML page: the text that
    trafilatura extracted from it); `text` is the cleaned body, and `offsets` maps every
    position of `text` back into `raw`."""
    id: str
    raw: str
    origin: str = ""                 # where it came from: path, path:line
    title: str | None = None
    url: str | None = None
    date: str | None = None
    outlet: str | None = None        # the publisher (the corpus field `source`)
    section: str | None = None
    byline: str | None = None
    text: str | None = None
    offsets: Any = None              # marsad.offsets.OffsetMap, text -> raw
    content_hash: str | None = None
    sketch: str | None = None        # for near-duplicates (marsad.link.dedup); made for documents with claims
    meta: dict[str, Any] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    control: list[ControlClaim] = field(default_factory=list)
    # `text` folded for matching and search (marsad.ar.normalize), made once by the steps
    # and shared by the extractor and the search index; not stored
    folded: str | None = None
    folded_offsets: Any = None       # OffsetMap, folded -> text
    search_keys: Any = None          # (title, body, variants) for the search index, made by the steps


@dataclass(slots=True)
class Reject:
    """A record that could not be used, kept with the reason so nothing is lost silently."""
    input: str               # the file it came from
    locator: str             # where in the file: "line 12", "byte 40", a member name, or ""
    reason: str              # a short code: invalid_utf8, malformed_json, ...
    detail: str              # what was wrong and what to do, for a person
    doc_id: str | None = None
    sample: str | None = None  # the first bytes of the record, escaped, for inspection
