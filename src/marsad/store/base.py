"""What every store does, in SQL that SQLite and PostgreSQL both read: documents, claims,
control claims, rejects, runs and events; the dialects (the connection, the schema, full-text
search) are in marsad.store.sqlite and marsad.store.postgres."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from typing import Any, Callable, Iterator

from marsad import __version__
from marsad.ar.normalize import fold, fold_with_map, search_key, search_keys, search_variant
from marsad.model import Claim, ControlClaim, Document, Reject
from marsad.offsets import OffsetMap

SCHEMA_VERSION = "4"
# claim filters a caller may give, and the column each reads
CLAIM_FILTERS = {"kind": "c.kind", "group": "c.grp", "source": "c.source", "doc": "c.doc",
                 "stance": "c.stance", "qualifier": "c.qualifier", "country": "c.country", "admin1": "c.admin1"}
# control claim filters, and the column each reads
CONTROL_FILTERS = {"actor": "k.actor", "change": "k.change", "source": "k.source", "doc": "k.doc",
                   "stance": "k.stance", "country": "k.country", "admin1": "k.admin1"}
# the columns a page of claims may be sorted by
CLAIM_SORTS = {"date": "coalesce(c.date_end, d.date)", "published": "d.date", "kind": "c.kind", "low": "c.low",
               "place": "c.place_en", "source": "c.source", "group": "c.grp", "doc": "c.doc"}
_TOKEN = re.compile(r"\w+")


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


class StoreError(Exception):
    """A store that cannot be opened or used; the message says what to do."""


class DocumentNotStored(Exception):
    """One document the database refused (the store is as it was before it)."""


class SqlStore:
    """Documents, claims, rejects and runs in a SQL database; a subclass connects (self.db: a
    DB-API connection whose execute takes "?" placeholders, gives rows that are read by name
    and by position, and is a transaction as a context manager) and searches the text.

    Writes are batched in transactions of `batch` documents; a document and its claims
    are always written in the same transaction, so a store never holds half a document.
    """

    batch: int = 2000
    db: Any
    _pending: int = 0  # documents and rejects written since the last commit
    # whether a savepoint needs a transaction begun first (SQLite's outermost savepoint would
    # be a transaction of its own, committed on release)
    begin_before_savepoint = False

    def close(self) -> None:
        self.commit()
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def commit(self) -> None:
        if self.db.in_transaction:
            self.db.commit()
        self._pending = 0

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= self.batch:
            self.commit()

    def _set_version(self) -> None:
        self.db.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                        " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (SCHEMA_VERSION,))

    # full-text search: the dialect's ----------------------------------------------

    def _fts_add(self, rowid: int, keys: tuple[str, str, str]) -> None:
        """Index a document's (title keys, body keys, variants) under its rowid."""
        raise NotImplementedError

    def _fts_remove(self, rowid: int, title: str | None, text: str) -> None:
        """Take a document out of the index (with what it was indexed under)."""
        raise NotImplementedError

    def _fts_docs(self, query: str) -> tuple[str, list] | None:
        """A subquery of the rowids of the documents that hold every word of the query, in any
        spelling, and its arguments; None for a query with no word."""
        raise NotImplementedError

    def _fts_ranked(self, query: str, limit: int, offset: int) -> list:
        """Rows (id, title, text, outlet, date, score) of the documents that hold the query's
        words, best first."""
        raise NotImplementedError

    # runs ---------------------------------------------------------------------------

    def begin_run(self, inputs: list[str]) -> int:
        with self.db:
            row = self.db.execute("INSERT INTO runs(started, inputs, version) VALUES (?, ?, ?) RETURNING id",
                                  (_now(), json.dumps(inputs, ensure_ascii=False), __version__)).fetchone()
        return row[0]

    def finish_run(self, run_id: int, counts: dict[str, Any], status: str = "done") -> None:
        self.commit()
        with self.db:
            self.db.execute("UPDATE runs SET finished = ?, status = ?, counts = ? WHERE id = ?",
                            (_now(), status, json.dumps(counts, ensure_ascii=False), run_id))

    def runs(self) -> list[dict]:
        rows = self.db.execute("SELECT * FROM runs ORDER BY id").fetchall()
        return [{**dict(r), "inputs": json.loads(r["inputs"]), "counts": json.loads(r["counts"] or "{}")}
                for r in rows]

    # documents ----------------------------------------------------------------------

    def status(self, doc: Document, run_id: int | None = None) -> str:
        """new, unchanged, changed (same id, other content: replaced), or duplicate_id
        (the same id with other content was already read in this run)."""
        row = self.db.execute("SELECT content_hash, run_id FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is None:
            return "new"
        if row["content_hash"] == doc.content_hash:
            return "unchanged"
        if run_id is not None and row["run_id"] == run_id:
            return "duplicate_id"
        return "changed"

    def write_document(self, doc: Document, run_id: int | None = None, new: bool = False) -> None:
        """Insert a document with its claims, replacing an earlier version of the same id
        (new: the caller has just seen that there is none). A value the database refuses
        raises DocumentNotStored and leaves the store as it was before this document: the
        documents written before it in the batch stay."""
        if self.begin_before_savepoint and not self.db.in_transaction:
            self.db.execute("BEGIN")  # (the savepoint inside the batch's transaction, not one of its own)
        self.db.execute("SAVEPOINT document")
        try:
            self._write_document(doc, run_id, new)
        except Exception as e:
            self.db.execute("ROLLBACK TO SAVEPOINT document")
            self.db.execute("RELEASE SAVEPOINT document")
            raise DocumentNotStored(f"the store refused the document: {type(e).__name__}: {e}") from e
        self.db.execute("RELEASE SAVEPOINT document")
        self._tick()

    def _write_document(self, doc: Document, run_id: int | None, new: bool) -> None:
        db = self.db
        old = None if new else db.execute("SELECT rowid, title, coalesce(text, raw) AS text FROM documents WHERE id = ?",
                                          (doc.id,)).fetchone()
        if old is not None:
            self._fts_remove(old["rowid"], old["title"], old["text"])
            db.execute("DELETE FROM claims WHERE doc_rowid = ?", (old["rowid"],))
            db.execute("DELETE FROM control WHERE doc_rowid = ?", (old["rowid"],))
            db.execute("DELETE FROM documents WHERE rowid = ?", (old["rowid"],))
        text = doc.text if doc.text is not None else doc.raw
        offsets = doc.offsets if doc.offsets is not None else OffsetMap.identity(len(text))
        meta = json.dumps(doc.meta, ensure_ascii=False) if doc.meta else None
        rowid = db.execute(
            "INSERT INTO documents(id, content_hash, origin, title, url, date, outlet, section, byline,"
            " raw, text, offsets, meta, run_id, added_at, sketch) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " RETURNING rowid",
            (doc.id, doc.content_hash or "", doc.origin, doc.title, doc.url, doc.date, doc.outlet,
             doc.section, doc.byline, doc.raw, None if text == doc.raw else text,
             json.dumps(offsets.to_json()), meta, run_id, _now(), doc.sketch)).fetchone()[0]
        keys = doc.search_keys or index_columns(doc.title, doc.folded if doc.folded is not None else fold(text))
        self._fts_add(rowid, keys)
        db.executemany(
            'INSERT INTO claims(doc_rowid, doc, kind, low, high, qualifier, grp, source, stance, place,'
            ' cumulative, quote, start, "end", run_id, place_ar, place_en, lat, lon, country, admin1,'
            ' geo_precision, feature, place_ambiguous, date_start, date_end, time_precision, date_text)'
            ' VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(rowid, c.doc, c.kind, c.low, c.high, c.qualifier, c.group, c.source, c.stance, c.place,
              int(bool(c.cumulative)), c.quote, c.start, c.end, run_id, c.place_ar, c.place_en, c.lat, c.lon,
              c.country, c.admin1, c.geo_precision, c.feature, int(bool(c.place_ambiguous)),
              c.date_start, c.date_end, c.time_precision, c.date_text)
             for c in doc.claims])
        if doc.control:
            db.executemany(
                'INSERT INTO control(doc_rowid, doc, actor, change, place, extent, extent_text, source, stance,'
                ' quote, start, "end", run_id, place_ar, place_en, lat, lon, country, admin1, geo_precision,'
                ' feature, place_ambiguous, date_start, date_end, time_precision, date_text)'
                ' VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                [(rowid, k.doc, k.actor, k.change, k.place, k.extent, k.extent_text, k.source, k.stance, k.quote,
                  k.start, k.end, run_id, k.place_ar, k.place_en, k.lat, k.lon, k.country, k.admin1,
                  k.geo_precision, k.feature, int(bool(k.place_ambiguous)),
                  k.date_start, k.date_end, k.time_precision, k.date_text)
                 for k in doc.control])

    def write_reject(self, r: Reject, run_id: int | None = None) -> bool:
        """Keep a reject; False when the same reject is already stored."""
        key = hashlib.sha256("\x00".join((r.input, r.locator or "", r.reason, r.doc_id or "", r.sample or "")).encode(
            "utf-8", "surrogatepass")).hexdigest()[:32]
        # (what a reject quotes of bad input may hold what no store takes: NUL, lone surrogates)
        cur = self.db.execute(
            "INSERT INTO rejects(key, run_id, input, locator, reason, detail, doc_id, sample, first_seen)"
            " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (key) DO NOTHING",
            (key, run_id, *map(storable, (r.input, r.locator, r.reason, r.detail, r.doc_id, r.sample)), _now()))
        self._tick()
        return cur.rowcount > 0

    def document(self, doc_id: str) -> Document | None:
        row = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return self._document(row) if row else None

    def documents(self) -> Iterator[Document]:
        for row in self.db.execute("SELECT * FROM documents ORDER BY rowid"):
            yield self._document(row)

    def _document(self, row) -> Document:
        return Document(
            id=row["id"], raw=row["raw"], origin=row["origin"], title=row["title"], url=row["url"],
            date=row["date"], outlet=row["outlet"], section=row["section"], byline=row["byline"],
            text=row["text"] if row["text"] is not None else row["raw"],
            offsets=OffsetMap.from_json(json.loads(row["offsets"])),
            content_hash=row["content_hash"], meta=json.loads(row["meta"] or "{}"),
            claims=list(self.claims(doc=row["id"])),
            control=list(self.control(doc=row["id"])),
        )

    # queries ------------------------------------------------------------------------

    def claims(self, limit: int | None = None, place: str | None = None, since: str | None = None,
               until: str | None = None, **filters) -> Iterator[Claim]:
        """Claims, filtered (CLAIM_FILTERS; place: contains; since/until: the days of their
        event, else of their document, meet the range), in the order they were stored;
        streamed from the store row by row."""
        where, args = _equal_filters(filters, CLAIM_FILTERS, "claim")
        if place:
            where.append("c.place LIKE ?")
            args.append(f"%{place}%")
        published = "(SELECT substr(date, 1, 10) FROM documents WHERE rowid = c.doc_rowid)"
        _days_meet(where, args, since, until, f"coalesce(c.date_start, c.date_end, {published})",
                   f"coalesce(c.date_end, {published})")
        sql = "SELECT c.* FROM claims c"
        sql += _where(where)
        sql += " ORDER BY c.doc_rowid, c.start, c.id"
        if limit:
            sql += " LIMIT ?"
            args.append(int(limit))
        for r in self.db.execute(sql, args):
            yield _claim(r)

    def control(self, limit: int | None = None, place: str | None = None, since: str | None = None,
                until: str | None = None, search: str | None = None, **filters) -> Iterator[ControlClaim]:
        """Control claims, filtered (CONTROL_FILTERS; place: contains; since/until: the
        document's date, ISO; search: words their documents hold, as `search` finds them),
        in the order of the documents' dates."""
        if not self._has_control():
            return
        where, args = _equal_filters(filters, CONTROL_FILTERS, "control")
        if place:
            where.append("(k.place LIKE ? OR k.place_en LIKE ?)")
            args += [f"%{place}%", f"%{place}%"]
        # (a date compares by its day: "2015-08-31 10:00" is on or before 2015-08-31)
        if search:
            found = self._fts_docs(search)
            if found is None:
                return
            where.append(f"k.doc_rowid IN ({found[0]})")
            args += found[1]
        if since:
            where.append("substr(d.date, 1, 10) >= ?")
            args.append(since)
        if until:
            where.append("substr(d.date, 1, 10) <= ?")
            args.append(until)
        sql = "SELECT k.* FROM control k JOIN documents d ON d.rowid = k.doc_rowid"
        sql += _where(where)
        sql += " ORDER BY d.date NULLS FIRST, k.doc_rowid, k.start, k.id"
        if limit:
            sql += " LIMIT ?"
            args.append(int(limit))
        for r in self.db.execute(sql, args):
            yield _control(r)

    def control_rows(self, since: str | None = None, until: str | None = None, country: str | None = None,
                     source: str | None = None) -> Iterator[dict]:
        """Control claims as rows with their id and their document's date, outlet and URL
        (for exports), streamed; since/until: the claim's days, else its document's."""
        if not self._has_control():
            return
        where, args = [], []
        _days_meet(where, args, since, until, "coalesce(k.date_start, k.date_end, substr(d.date, 1, 10))",
                   "coalesce(k.date_end, substr(d.date, 1, 10))")
        if country:
            where.append("k.country = ?")
            args.append(country.upper())
        if source:
            where.append("k.source = ?")
            args.append(source)
        sql = ("SELECT k.*, d.date AS published, d.outlet, d.url FROM control k JOIN documents d ON d.rowid = k.doc_rowid"
               + _where(where) + " ORDER BY k.id")
        for r in self.db.execute(sql, args):
            yield dict(r)

    def control_state(self, actor: str, country: str | None = None, until: str | None = None) -> list[dict]:
        """For one actor, the latest state of each place the sources speak of: what the last
        claim (by the document's date) says it did there (took and holds: held; lost and
        withdrew: lost, or partly held where only a part was lost; besieged: besieging;
        contested), with when, who says so, how many claims there are and their history.
        Denied claims do not count."""
        if not self._has_control():
            return []
        sql = ("SELECT k.*, d.date AS date FROM control k JOIN documents d ON d.rowid = k.doc_rowid"
               " WHERE k.actor = ? AND k.stance != 'denied'")
        args: list = [actor]
        if country:
            sql += " AND k.country = ?"
            args.append(country.upper())
        if until:
            sql += " AND substr(d.date, 1, 10) <= ?"
            args.append(until)
        sql += " ORDER BY d.date NULLS FIRST, k.doc_rowid, k.start, k.id"
        places: dict[tuple, dict] = {}
        for r in self.db.execute(sql, args):
            key = (r["place_en"], r["country"], r["lat"], r["lon"]) if r["place_en"] else (r["place"], None, None, None)
            state = places.setdefault(key, {"claims": 0, "history": []})
            state["claims"] += 1
            state["history"].append(r["change"])
            state.update(
                place=r["place"], place_en=r["place_en"], country=r["country"], admin1=r["admin1"],
                lat=r["lat"], lon=r["lon"], geo_precision=r["geo_precision"], state=_state(r["change"], r["extent"]),
                change=r["change"], extent=r["extent"], date=r["date"], doc=r["doc"], source=r["source"],
                quote=r["quote"])
        rows = sorted(places.values(), key=lambda x: (x["date"] or "", x["place_en"] or x["place"]), reverse=True)
        for row in rows:
            row["history"] = " > ".join(row["history"])
        return rows

    def _has_control(self) -> bool:
        return True

    def places(self, country: str | None = None, limit: int | None = None) -> list[dict]:
        """Places with their claim counts, most claims first."""
        sql = ("SELECT min(place_ar) AS place_ar, place_en, country, admin1, feature, lat, lon, count(*) AS claims,"
               " count(DISTINCT doc) AS documents FROM claims WHERE place_en IS NOT NULL")
        args: list = []
        if country:
            sql += " AND country = ?"
            args.append(country.upper())
        sql += " GROUP BY place_en, country, admin1, feature, lat, lon ORDER BY claims DESC, place_en"
        if limit:
            sql += " LIMIT ?"
            args.append(int(limit))
        return [dict(r) for r in self.db.execute(sql, args)]

    def rejects(self, reason: str | None = None) -> list[dict]:
        sql, args = "SELECT * FROM rejects", []
        if reason:
            sql += " WHERE reason = ?"
            args.append(reason)
        return [dict(r) for r in self.db.execute(sql + " ORDER BY id", args)]

    def counts(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "claims": one("SELECT count(*) FROM claims"),
            "rejects": one("SELECT count(*) FROM rejects"),
            "runs": one("SELECT count(*) FROM runs"),
            "claims_by_kind": dict(self.db.execute("SELECT kind, count(*) FROM claims GROUP BY kind ORDER BY 2 DESC, kind")
                                   .fetchall()),
            "control": one("SELECT count(*) FROM control") if self._has_control() else 0,
            "events": one("SELECT count(*) FROM events"),
        }

    # pages of the dashboard --------------------------------------------------------

    def claims_page(self, search: str | None = None, since: str | None = None, until: str | None = None,
                    place: str | None = None, sort: str = "date", order: str = "desc", limit: int = 50,
                    offset: int = 0, **filters) -> tuple[int, list[dict]]:
        """(how many claims match, one page of them with their document's title, outlet and
        date): filters as `claims`, search as `search` (any spelling), since/until the
        event's days, sorted by a column of CLAIM_SORTS."""
        where, args = _equal_filters(filters, CLAIM_FILTERS, "claim")
        if place:
            where.append("(c.place LIKE ? OR c.place_en LIKE ?)")
            args += [f"%{place}%", f"%{place}%"]
        _days_meet(where, args, since, until, "coalesce(c.date_start, c.date_end, substr(d.date, 1, 10))",
                   "coalesce(c.date_end, substr(d.date, 1, 10))")
        if search:
            found = self._fts_docs(search)
            if found is None:
                return 0, []
            where.append(f"c.doc_rowid IN ({found[0]})")
            args += found[1]
        if sort not in CLAIM_SORTS:
            raise ValueError(f"unknown sort {sort!r}: one of {', '.join(CLAIM_SORTS)}")
        sql = " FROM claims c JOIN documents d ON d.rowid = c.doc_rowid" + _where(where)
        total = self.db.execute("SELECT count(*)" + sql, args).fetchone()[0]
        direction = "ASC" if order == "asc" else "DESC"
        rows = self.db.execute(
            "SELECT c.*, d.title, d.outlet, d.date AS published" + sql
            + f" ORDER BY {CLAIM_SORTS[sort]} {direction} NULLS LAST, c.id LIMIT ? OFFSET ?", args + [int(limit), int(offset)])
        return total, [{**_claim(r).to_dict(), "id": r["id"], "title": r["title"], "outlet": r["outlet"],
                        "published": r["published"]} for r in rows]

    def overview(self, top: int = 10) -> dict:
        """What the dashboard's first page shows: counts; per day and kind, the best figures of
        the incidents (running tolls apart) that began that day; the places and groups with
        most claims; the latest events."""
        by_day = [dict(r) for r in self.db.execute(
            "SELECT e.date_start AS day, f.kind, CAST(sum(f.best) AS BIGINT) AS figure, count(DISTINCT e.id) AS events"
            " FROM events e JOIN event_figures f ON f.event_id = e.id"
            " WHERE e.cumulative = 0 AND e.date_start IS NOT NULL AND f.best IS NOT NULL"
            " GROUP BY e.date_start, f.kind ORDER BY e.date_start, f.kind")]
        groups = [dict(r) for r in self.db.execute(
            "SELECT grp AS \"group\", count(*) AS claims FROM claims GROUP BY grp ORDER BY claims DESC, grp LIMIT ?", (top,))]
        return {"counts": self.counts(), "by_day": by_day, "places": self.places(limit=top), "groups": groups,
                "events": list(self.events(cumulative=False, limit=top))}

    def actors(self) -> list[dict]:
        """The actors of the control claims, with how many claims each has."""
        if not self._has_control():
            return []
        return [dict(r) for r in self.db.execute(
            "SELECT actor, count(*) AS claims FROM control GROUP BY actor ORDER BY claims DESC, actor")]

    # DataFrames ---------------------------------------------------------------------

    def claims_frame(self, **filters):
        """The claims `claims(**filters)` gives, as a pandas DataFrame (one row a claim, the
        columns of CLAIM_FIELDS, GEO_FIELDS and DATE_FIELDS)."""
        import pandas as pd

        from marsad.model import CLAIM_FIELDS, DATE_FIELDS, GEO_FIELDS

        columns = CLAIM_FIELDS + GEO_FIELDS + DATE_FIELDS
        return pd.DataFrame(([getattr(c, f) for f in columns] for c in self.claims(**filters)), columns=list(columns))

    def events_frame(self, **filters):
        """The events `events(**filters)` gives, as a pandas DataFrame: one row per event and
        kind and group counted (best, low, high, sources), with the event's place, days and flags."""
        import pandas as pd

        rows = []
        for e in self.events(**filters):
            for f in e["figures"] or [{}]:
                rows.append({"event": e["id"], "date_start": e["date_start"], "date_end": e["date_end"],
                             "place": e["place"], "place_en": e["place_en"], "country": e["country"],
                             "admin1": e["admin1"], "lat": e["lat"], "lon": e["lon"], "kind": f.get("kind"),
                             "group": f.get("group"), "best": f.get("best"), "low": f.get("low"), "high": f.get("high"),
                             "sources": f.get("n_sources"), "flags": ",".join(e["flags"]), "reports": e["n_reports"]})
        return pd.DataFrame(rows)

    # events -------------------------------------------------------------------------

    def link(self, rebuild: bool = False) -> dict:
        """Link the claims not yet in an event into events (all of them with rebuild);
        what was done, counted."""
        from marsad.link.events import Linker

        self.commit()
        return Linker(self).link(rebuild=rebuild)

    def events(self, kind: str | None = None, country: str | None = None, admin1: str | None = None,
               place: str | None = None, since: str | None = None, until: str | None = None,
               flag: str | None = None, min_sources: int | None = None, cumulative: bool | None = None,
               search: str | None = None, limit: int | None = None, offset: int = 0, group: str | None = None,
               source: str | None = None) -> Iterator[dict]:
        """Events, filtered (kind: one of its kinds; since/until: its days meet the range;
        flag: one of its flags; search: words its documents hold; group: a group it counts;
        source: a source of its claims), latest first, each with its figures per kind and group."""
        where, args = _event_filters(kind, country, admin1, place, since, until, flag, min_sources, cumulative, search,
                                     group, source, self._fts_docs)
        if where is None:
            return
        sql = "SELECT e.* FROM events e"
        sql += _where(where)
        sql += " ORDER BY e.date_start DESC NULLS LAST, e.n_reports DESC, e.id"
        if limit:
            sql += " LIMIT ? OFFSET ?"
            args += [int(limit), int(offset)]
        for r in self.db.execute(sql, args):
            yield self._event(r, claims=False)

    def event_points(self, kind: str | None = None, limit: int = 5000, **filters) -> list[dict]:
        """Events with a place, for a map, in one query: id, place, lat, lon, first day,
        flags, and the kind and best figure of its largest figure (of `kind`, if given).
        Filters as `events`."""
        where, args = _event_filters(kind, filters.get("country"), filters.get("admin1"), filters.get("place"),
                                     filters.get("since"), filters.get("until"), filters.get("flag"),
                                     filters.get("min_sources"), filters.get("cumulative"), filters.get("search"),
                                     filters.get("group"), filters.get("source"), self._fts_docs)
        if where is None:
            return []
        where.append("e.lat IS NOT NULL")
        if kind:
            where.append("f.kind = ?")
            args.append(kind)
        # each event once, with its largest figure
        sql = ("SELECT id, place, place_en, lat, lon, date_start, flags, kind, best FROM ("
               "SELECT e.id, e.place, e.place_en, e.lat, e.lon, e.date_start, e.flags, f.kind, f.best,"
               " row_number() OVER (PARTITION BY e.id ORDER BY f.best DESC NULLS LAST, f.kind) AS n"
               " FROM events e JOIN event_figures f ON f.event_id = e.id WHERE " + " AND ".join(where)
               + ") AS x WHERE n = 1 ORDER BY date_start DESC NULLS LAST, id LIMIT ?")
        return [{**dict(r), "flags": r["flags"].split(",") if r["flags"] else []}
                for r in self.db.execute(sql, args + [int(limit)])]

    def event(self, event_id: int) -> dict | None:
        """One event with its figures (every source's account, the timeline) and its claims."""
        r = self.db.execute("SELECT * FROM events WHERE id = ?", (int(event_id),)).fetchone()
        return self._event(r, claims=True) if r else None

    def _event(self, r, claims: bool) -> dict:
        e = dict(r)
        e["kinds"] = e["kinds"].split(",") if e["kinds"] else []
        e["flags"] = e["flags"].split(",") if e["flags"] else []
        e["figures"] = []
        for f in self.db.execute("SELECT * FROM event_figures WHERE event_id = ? ORDER BY kind, grp", (r["id"],)):
            f = dict(f)
            f.pop("event_id")
            f["group"] = f.pop("grp")
            f["flags"] = f["flags"].split(",") if f["flags"] else []
            f["sources"] = json.loads(f["sources"])
            f["timeline"] = json.loads(f["timeline"])
            if not claims:
                f.pop("sources")
            e["figures"].append(f)
        if claims:
            rows = self.db.execute(
                "SELECT c.*, d.title, d.outlet, d.date AS published, d.url, d.dup_of FROM event_claims ec"
                " JOIN claims c ON c.id = ec.claim_id JOIN documents d ON d.rowid = c.doc_rowid"
                " WHERE ec.event_id = ? ORDER BY d.date NULLS FIRST, c.doc_rowid, c.start, c.id", (r["id"],)).fetchall()
            e["claims"] = [{**_claim(c).to_dict(), "id": c["id"], "title": c["title"], "outlet": c["outlet"],
                            "published": c["published"], "url": c["url"], "duplicate_of": c["dup_of"]}
                           for c in rows]
        return e

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict]:
        """Documents whose title or body hold every word of the query, in any spelling
        variant that folding unifies and with or without proclitics (و، ب، ل، ال ...),
        best first, each with a snippet of its text."""
        terms = [key for key, _ in query_terms(query)]
        if not terms:
            return []
        rows = self._fts_ranked(query, limit, offset)
        return [{"id": r["id"], "title": r["title"], "outlet": r["outlet"], "date": r["date"],
                 "score": r["score"], "snippet": snippet(r["text"], terms)} for r in rows]


def shown(url: str) -> str:
    """A store's path or URL as messages show it: without a URL's password."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def storable(text: str | None) -> str | None:
    """Text any store holds: NUL and lone surrogates written as escapes (\\x00, \\ud800)."""
    if text is None or (text.isprintable() and "\x00" not in text):
        return text
    return text.replace("\x00", "\\x00").encode("utf-8", "backslashreplace").decode("utf-8")


def _where(conditions: list[str]) -> str:
    """The WHERE clause of these conditions, all of them ("" for none)."""
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _equal_filters(filters: dict, columns: dict, kind: str) -> tuple[list[str], list]:
    """WHERE conditions (and their arguments) for the filters given a value, each on the
    column `columns` names for it; an unknown filter is an error."""
    where, args = [], []
    for name, value in filters.items():
        if value is None:
            continue
        if name not in columns:
            raise ValueError(f"unknown {kind} filter {name!r}")
        where.append(f"{columns[name]} = ?")
        args.append(value)
    return where, args


def _days_meet(where: list, args: list, since: str | None, until: str | None, first: str, last: str) -> None:
    """Conditions that the days from SQL expression `first` to `last` meet since..until."""
    if since:
        where.append(f"{last} >= ?")
        args.append(since)
    if until:
        where.append(f"{first} <= ?")
        args.append(until)


def _event_filters(kind, country, admin1, place, since, until, flag, min_sources, cumulative, search,
                   group=None, source=None, fts_docs: Callable | None = None):
    """WHERE conditions and arguments for the events filters (None: a search with no word)."""
    where, args = [], []
    if group:
        where.append("e.id IN (SELECT event_id FROM event_figures WHERE grp = ?)")
        args.append(group)
    if source:
        where.append("e.id IN (SELECT ec.event_id FROM event_claims ec JOIN claims c ON c.id = ec.claim_id"
                     " WHERE c.source = ?)")
        args.append(source)
    if kind:
        where.append("e.id IN (SELECT event_id FROM event_figures WHERE kind = ?)")
        args.append(kind)
    if country:
        where.append("e.country = ?")
        args.append(country.upper())
    if admin1:
        where.append("e.admin1 = ?")
        args.append(admin1)
    if place:
        where.append("(e.place LIKE ? OR e.place_en LIKE ?)")
        args += [f"%{place}%", f"%{place}%"]
    _days_meet(where, args, since, until, "e.date_start", "e.date_end")
    if flag:
        where.append("(',' || e.flags || ',') LIKE ?")
        args.append(f"%,{flag},%")
    if min_sources:
        where.append("e.n_sources >= ?")
        args.append(int(min_sources))
    if cumulative is not None:
        where.append("e.cumulative = ?")
        args.append(int(cumulative))
    if search:
        found = fts_docs(search)
        if found is None:
            return None, None
        where.append("e.id IN (SELECT ec.event_id FROM event_claims ec JOIN claims c ON c.id = ec.claim_id"
                     f" WHERE c.doc_rowid IN ({found[0]}))")
        args += found[1]
    return where, args


def query_terms(query: str) -> list[tuple[str, bool]]:
    """The search keys of a query's words, each with whether it is looked for among the
    variants too: a word written with the article is a noun, and its key is not (where فرقة
    would give رقة). A document must hold every one."""
    out = []
    for word in _TOKEN.findall(fold(query)):
        key = search_key(word)
        out.append((key, key == word))
    return out


# what the last change said of a place leaves the actor with
_STATE = {"took": "held", "holds": "held", "lost": "lost", "withdrew": "lost", "besieged": "besieging",
          "contested": "contested"}


def _state(change: str, extent: str | None) -> str:
    """The state a change leaves a place in; losing a part of it leaves the rest held."""
    if change in ("lost", "withdrew") and extent and extent != "full":
        return "partly held"
    return _STATE[change]


def _claim(r) -> Claim:
    return Claim(doc=r["doc"], kind=r["kind"], low=r["low"], high=r["high"], qualifier=r["qualifier"],
                 quote=r["quote"], start=r["start"], end=r["end"], group=r["grp"], source=r["source"],
                 stance=r["stance"], place=r["place"], cumulative=bool(r["cumulative"]),
                 place_ar=r["place_ar"], place_en=r["place_en"], lat=r["lat"], lon=r["lon"],
                 country=r["country"], admin1=r["admin1"], geo_precision=r["geo_precision"],
                 feature=r["feature"], place_ambiguous=bool(r["place_ambiguous"]),
                 date_start=r["date_start"], date_end=r["date_end"], time_precision=r["time_precision"],
                 date_text=r["date_text"])


def _control(r) -> ControlClaim:
    return ControlClaim(doc=r["doc"], actor=r["actor"], change=r["change"], place=r["place"], quote=r["quote"],
                        start=r["start"], end=r["end"], extent=r["extent"], extent_text=r["extent_text"],
                        source=r["source"], stance=r["stance"], place_ar=r["place_ar"], place_en=r["place_en"],
                        lat=r["lat"], lon=r["lon"], country=r["country"], admin1=r["admin1"],
                        geo_precision=r["geo_precision"], feature=r["feature"],
                        place_ambiguous=bool(r["place_ambiguous"]), date_start=r["date_start"],
                        date_end=r["date_end"], time_precision=r["time_precision"], date_text=r["date_text"])


def index_columns(title: str | None, folded_body: str | None) -> tuple[str, str, str]:
    """What the search index holds for a document: (title keys, body keys, variants)."""
    folded_body = folded_body or ""
    title_keys, title_variants = search_keys(fold(title or ""))
    body_keys, body_variants = search_keys(folded_body)
    return title_keys, body_keys, (title_variants + " " + body_variants).strip()


def snippet(text: str, folded_terms: list[str], width: int = 70) -> str:
    """A window of the original text around the first word whose search key is a term."""
    folded, m = fold_with_map(text)
    wanted = set(folded_terms)
    best = None
    for hit in _TOKEN.finditer(folded):
        if search_key(hit.group()) in wanted or search_variant(hit.group()) in wanted:
            best = (hit.start(), hit.end())
            break
    if best is None:
        return text[: 2 * width].replace("\n", " ")
    s, e = m.span_to_source(*best)
    lo, hi = max(0, s - width), min(len(text), e + width)
    return ("…" if lo else "") + text[lo:s] + "[" + text[s:e] + "]" + text[e:hi] + ("…" if hi < len(text) else "")
