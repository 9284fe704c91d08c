"""The store on a PostgreSQL server (`--db postgresql://user@host/dbname`), for corpora and
readers that outgrow one SQLite file: the same tables and queries as the SQLite store
(marsad.store.base), through psycopg 3; full-text search by PostgreSQL's own tsvector and
tsquery, over the same search keys. Needs `pip install 'marsad[postgresql]'`."""
from __future__ import annotations

import re
from importlib import resources

from marsad.store.base import SCHEMA_VERSION, SqlStore, StoreError, query_terms, shown

# what a tsvector can hold: words of at most this many characters, and at most this many
# distinct words a column (PostgreSQL's limits are 2 KB a word and 1 MB a tsvector)
_MAX_WORD = 200
_MAX_WORDS = 40_000
_WEIGHTS = ("A", "B", "C")  # title, body, variants
_WORD = re.compile(r"[^\W_]+")


class _Row(tuple):
    """A row read by position and by column name, and with keys() (as sqlite3.Row is)."""

    def __new__(cls, values, index):
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self):
        return list(self._index)


def _rows(cursor):
    index: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        index.setdefault(column.name, i)  # (the first of two columns of one name, as sqlite3.Row)
    return lambda values: _Row(values, index)


def _placeholders(sql: str) -> str:
    """The store's SQL ("?" placeholders) as psycopg takes it ("%s"; a literal % doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgConnection:
    """A psycopg connection with the manners of sqlite3's that the store relies on: execute
    and executemany with "?" placeholders returning the cursor, rows by name and position,
    `with db:` as one transaction (commit, or roll back on an error), in_transaction."""

    def __init__(self, conn):
        self.conn = conn

    def execute(self, sql: str, args=None):
        cur = self.conn.cursor(row_factory=_rows)
        if args is None:
            cur.execute(sql)
        else:
            cur.execute(_placeholders(sql), list(args))
        return cur

    def executemany(self, sql: str, rows):
        cur = self.conn.cursor()
        rows = [list(r) for r in rows]
        if rows:
            cur.executemany(_placeholders(sql), rows)
        return cur

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.conn.info.transaction_status != TransactionStatus.IDLE

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if self.conn.closed:
            return
        if kind is None:
            self.conn.commit()
        else:
            self.conn.rollback()


class PostgresStore(SqlStore):
    """The store in a PostgreSQL database (which must exist; the tables are made on first use).
    A read-only store reads in autocommit, each query on the latest data."""

    def __init__(self, url: str, batch: int = 2000, readonly: bool = False):
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover - the extra is installed with the tests
            raise StoreError("a PostgreSQL store needs psycopg: pip install 'marsad[postgresql]'") from e
        self.path = url
        self.batch = batch
        try:
            conn = psycopg.connect(url, autocommit=readonly)
        except psycopg.Error as e:
            raise StoreError(f"cannot open the store {shown(url)}: {str(e).strip()} (is the server running, "
                             "and does the database exist? createdb NAME makes one)") from e
        self.db = PgConnection(conn)
        try:
            if readonly:
                self.db.execute("SET default_transaction_read_only = on")
            else:
                self._migrate()
        except psycopg.Error as e:
            conn.close()
            raise StoreError(f"cannot use the store {shown(url)}: {str(e).strip()}") from e

    def _migrate(self) -> None:
        files = resources.files("marsad.store")
        schema = (_postgres_types((files / "schema.sql").read_text(encoding="utf-8"))
                  + (files / "fts_postgres.sql").read_text(encoding="utf-8")
                  + "CREATE INDEX IF NOT EXISTS claims_country ON claims(country, admin1);\n")
        with self.db:
            # (one writer at a time makes the tables: two runs starting together wait here)
            self.db.execute("SELECT pg_advisory_xact_lock(2026120401)")
            exists = self.db.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if exists else None
            if row is not None and int(row[0]) > int(SCHEMA_VERSION):
                raise StoreError(f"{shown(self.path)} has schema version {row[0]}; this marsad reads up to "
                                 f"{SCHEMA_VERSION}")
            self.db.execute(schema)
            self._set_version()

    # full-text search ----------------------------------------------------------------

    def _fts_add(self, rowid, keys) -> None:
        vectors = " || ".join(f"setweight(to_tsvector('simple', ?), '{w}')" for w in _WEIGHTS)
        self.db.execute(f"INSERT INTO documents_fts(rowid, tsv) VALUES (?, {vectors})",
                        [rowid, *(_lexemes(k) for k in keys)])

    def _fts_remove(self, rowid, title, text) -> None:
        self.db.execute("DELETE FROM documents_fts WHERE rowid = ?", (rowid,))

    def _fts_docs(self, query):
        q = _tsquery(query)
        return ("SELECT rowid FROM documents_fts WHERE tsv @@ ?::tsquery", [q]) if q else None

    def _fts_ranked(self, query, limit, offset):
        # (weights D, C, B, A: a word itself weighs more than a variant of it, حلب in بحلب)
        return self.db.execute(
            "SELECT d.id, d.title, coalesce(d.text, d.raw) AS text, d.outlet, d.date,"
            " ts_rank('{0.05, 0.25, 0.5, 1.0}', f.tsv, q) AS score"
            " FROM documents_fts f JOIN documents d ON d.rowid = f.rowid, CAST(? AS tsquery) AS q"
            " WHERE f.tsv @@ q ORDER BY score DESC, d.rowid LIMIT ? OFFSET ?",
            (_tsquery(query), limit, offset)).fetchall()


def _postgres_types(schema: str) -> str:
    """schema.sql (SQLite's) in PostgreSQL's types: a row's own key an identity column, keys
    and figures BIGINT (a figure may pass 2**31), REAL a double (SQLite's REAL is 8 bytes)."""
    schema = re.sub(r"\bINTEGER PRIMARY KEY REFERENCES\b", "BIGINT PRIMARY KEY REFERENCES", schema)
    schema = re.sub(r"\bINTEGER PRIMARY KEY\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", schema)
    schema = re.sub(r"\bINTEGER (NOT NULL )?REFERENCES\b", r"BIGINT \1REFERENCES", schema)
    schema = re.sub(r"^(\s+(?:low|high|best)\s+)INTEGER\b", r"\1BIGINT", schema, flags=re.M)
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", schema)


def _lexemes(keys: str) -> str:
    """The distinct words of a column of search keys (words as FTS5 reads them: letters and
    digits), each said once, as to_tsvector takes them."""
    out = dict.fromkeys(w for w in _WORD.findall(keys) if len(w) <= _MAX_WORD)
    return " ".join(list(out)[:_MAX_WORDS])


def _tsquery(query: str) -> str:
    """The tsquery of a query: every word (its key quoted as a lexeme); a noun's only in the
    title and body (weights A and B)."""
    parts = []
    for key, variants_too in query_terms(query):
        quoted = "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"
        parts.append(quoted if variants_too else quoted + ":AB")
    return " & ".join(parts)
