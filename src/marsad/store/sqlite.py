"""The embedded store: one SQLite file (the default), searched by FTS5."""
from __future__ import annotations

import sqlite3
from importlib import resources

from marsad.ar.normalize import fold
from marsad.store.base import (CLAIM_FILTERS, CLAIM_SORTS, CONTROL_FILTERS, SCHEMA_VERSION, SqlStore, StoreError,
                               index_columns, query_terms, snippet)

# columns added in each version, for stores written by an earlier one
_MIGRATIONS = {
    "2": [f"ALTER TABLE claims ADD COLUMN {col}" for col in (
        "place_ar TEXT", "place_en TEXT", "lat REAL", "lon REAL", "country TEXT", "admin1 TEXT",
        "geo_precision INTEGER", "feature TEXT", "place_ambiguous INTEGER NOT NULL DEFAULT 0")],
    "3": [],  # the control table, which schema.sql creates
    # event dates on claims; near-duplicate groups of documents (the events tables are new)
    "4": [f"ALTER TABLE {table} ADD COLUMN {col}" for table in ("claims", "control") for col in (
        "date_start TEXT", "date_end TEXT", "time_precision INTEGER", "date_text TEXT")]
         + ["ALTER TABLE documents ADD COLUMN sketch TEXT", "ALTER TABLE documents ADD COLUMN dup_of TEXT"],
}


class SqliteStore(SqlStore):
    """The store in one SQLite file: WAL, foreign keys on; full-text search by FTS5 over the
    documents' search keys (a contentless index: the text is in documents)."""

    begin_before_savepoint = True

    def __init__(self, path: str = "marsad.db", batch: int = 2000, readonly: bool = False):
        self.path = path
        self.batch = batch
        try:
            if readonly:
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            else:
                self.db = sqlite3.connect(path, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open the store {path!r}: {e} (is it a marsad SQLite file?)") from e

    def _migrate(self) -> None:
        schema = "\n".join((resources.files("marsad.store") / name).read_text(encoding="utf-8")
                           for name in ("schema.sql", "fts_sqlite.sql"))
        with self.db:
            exists = self.db.execute("SELECT name FROM sqlite_master WHERE name = 'meta'").fetchone()
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if exists else None
            if row is not None and int(row[0]) > int(SCHEMA_VERSION):
                raise StoreError(f"{self.path} has schema version {row[0]}; this marsad reads up to {SCHEMA_VERSION}")
            # the tables a version added are made by schema.sql; the columns it added to
            # older tables, by its ALTER statements (where the table lacks them)
            self.db.executescript(schema)
            if row is not None:
                for version in range(int(row[0]) + 1, int(SCHEMA_VERSION) + 1):
                    for statement in _MIGRATIONS.get(str(version), []):
                        table, column = statement.split()[2], statement.split()[5]
                        if column not in {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}:
                            self.db.execute(statement)
            self._set_version()
        with self.db:
            self.db.execute("CREATE INDEX IF NOT EXISTS claims_country ON claims(country, admin1)")

    def _has_control(self) -> bool:
        # (a store opened read-only may be older than the control table)
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'control'").fetchone() is not None

    # full-text search ----------------------------------------------------------------

    def _fts_add(self, rowid, keys) -> None:
        self.db.execute("INSERT INTO documents_fts(rowid, title, body, variants) VALUES (?, ?, ?, ?)", (rowid, *keys))

    def _fts_remove(self, rowid, title, text) -> None:
        self.db.execute("INSERT INTO documents_fts(documents_fts, rowid, title, body, variants)"
                        " VALUES ('delete', ?, ?, ?, ?)", (rowid, *index_columns(title, fold(text))))

    def _fts_docs(self, query):
        match = _match(query)
        return ("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", [match]) if match else None

    def _fts_ranked(self, query, limit, offset):
        return self.db.execute(
            # a word itself weighs more than a variant of it (حلب in بحلب)
            "SELECT d.id, d.title, coalesce(d.text, d.raw) AS text, d.outlet, d.date,"
            " bm25(documents_fts, 2.0, 1.0, 0.5) AS score"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
            (_match(query), limit, offset)).fetchall()


def _match(query: str) -> str:
    """The FTS5 MATCH expression for a query: every word, a noun's key in title and body only."""
    parts = []
    for key, variants_too in query_terms(query):
        quoted = '"' + key.replace('"', '""') + '"'
        parts.append(quoted if variants_too else "{title body}: " + quoted)
    return " AND ".join(parts)


__all__ = ["CLAIM_FILTERS", "CLAIM_SORTS", "CONTROL_FILTERS", "SCHEMA_VERSION", "SqliteStore", "StoreError",
           "index_columns", "snippet"]
