-- marsad's store. Version 4 (version 3 had no dates on claims, no near-duplicate groups and
-- no events; version 2 no control claims; version 1 no place columns on claims). Written for
-- SQLite; marsad.store.postgres reads it in PostgreSQL's types. Each dialect adds its own
-- full-text index (fts_sqlite.sql, fts_postgres.sql).
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE IF NOT EXISTS runs (
    id        INTEGER PRIMARY KEY,
    started   TEXT NOT NULL,
    finished  TEXT,
    status    TEXT NOT NULL DEFAULT 'running',   -- running, done, interrupted, failed
    inputs    TEXT NOT NULL,                     -- JSON list of the paths given
    counts    TEXT,                              -- JSON: docs read, new, ..., rejects by reason, claims by kind
    version   TEXT
);

CREATE TABLE IF NOT EXISTS documents (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL,
    origin        TEXT,
    title         TEXT,
    url           TEXT,
    date          TEXT,
    outlet        TEXT,
    section       TEXT,
    byline        TEXT,
    raw           TEXT NOT NULL,    -- the text as read; every offset points into it
    text          TEXT,             -- the cleaned body; NULL when it is the raw text itself
    offsets       TEXT NOT NULL,    -- JSON OffsetMap from text to raw
    meta          TEXT,             -- JSON
    run_id        INTEGER REFERENCES runs(id),
    added_at      TEXT NOT NULL,
    sketch        TEXT,             -- the smallest hashes of its word shingles (marsad.link.dedup)
    dup_of        TEXT              -- the first document of its near-duplicate group (NULL: none)
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);

CREATE TABLE IF NOT EXISTS claims (
    id          INTEGER PRIMARY KEY,
    doc_rowid   INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    doc         TEXT NOT NULL,
    kind        TEXT NOT NULL,
    low         INTEGER,
    high        INTEGER,
    qualifier   TEXT NOT NULL,
    grp         TEXT,
    source      TEXT,
    stance      TEXT NOT NULL,
    place       TEXT,
    cumulative  INTEGER NOT NULL DEFAULT 0,
    quote       TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    run_id      INTEGER REFERENCES runs(id),
    place_ar    TEXT,           -- the gazetteer's place for `place`, where there is one
    place_en    TEXT,
    lat         REAL,
    lon         REAL,
    country     TEXT,           -- ISO 3166 alpha-2
    admin1      TEXT,
    geo_precision INTEGER,      -- ACLED: 1 town, 2 near it or part of it, 3 region
    feature     TEXT,
    place_ambiguous INTEGER NOT NULL DEFAULT 0,
    date_start  TEXT,           -- when the event happened: first and last day, ISO (extractor/dates.py)
    date_end    TEXT,
    time_precision INTEGER,     -- ACLED: 1 day, 2 week, 3 month; 4 longer
    date_text   TEXT            -- the words that said it; NULL where it is the publication date
);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_rowid);
CREATE INDEX IF NOT EXISTS claims_kind ON claims(kind);
CREATE INDEX IF NOT EXISTS claims_grp ON claims(grp);
CREATE INDEX IF NOT EXISTS claims_source ON claims(source);

-- Control claims (docs/CONTROL.md): who took, lost, holds, besieges or contests a place.
CREATE TABLE IF NOT EXISTS control (
    id          INTEGER PRIMARY KEY,
    doc_rowid   INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    doc         TEXT NOT NULL,
    actor       TEXT NOT NULL,
    change      TEXT NOT NULL,      -- took, lost, withdrew, besieged, holds, contested
    place       TEXT NOT NULL,      -- as the article writes it
    extent      TEXT,               -- full, most, more_than_half, half, part, limited, or a share ("<10%")
    extent_text TEXT,
    source      TEXT,
    stance      TEXT NOT NULL,
    quote       TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    run_id      INTEGER REFERENCES runs(id),
    place_ar    TEXT,
    place_en    TEXT,
    lat         REAL,
    lon         REAL,
    country     TEXT,
    admin1      TEXT,
    geo_precision INTEGER,
    feature     TEXT,
    place_ambiguous INTEGER NOT NULL DEFAULT 0,
    date_start  TEXT,           -- when the event happened: first and last day, ISO (extractor/dates.py)
    date_end    TEXT,
    time_precision INTEGER,     -- ACLED: 1 day, 2 week, 3 month; 4 longer
    date_text   TEXT            -- the words that said it; NULL where it is the publication date
);
CREATE INDEX IF NOT EXISTS control_doc ON control(doc_rowid);
CREATE INDEX IF NOT EXISTS control_actor ON control(actor, change);
CREATE INDEX IF NOT EXISTS control_place ON control(country, admin1);

CREATE TABLE IF NOT EXISTS rejects (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,   -- the same bad record read again adds no row
    run_id     INTEGER REFERENCES runs(id),
    input      TEXT NOT NULL,
    locator    TEXT,
    reason     TEXT NOT NULL,
    detail     TEXT NOT NULL,
    doc_id     TEXT,
    sample     TEXT,
    first_seen TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rejects_reason ON rejects(reason);

-- Events (docs/EVENTS.md): the claims of many articles about one incident (marsad.link).
CREATE TABLE IF NOT EXISTS events (
    id            INTEGER PRIMARY KEY,
    place         TEXT,             -- the place of its most precisely placed claim, as written
    place_en      TEXT,
    country       TEXT,
    admin1        TEXT,
    lat           REAL,
    lon           REAL,
    geo_precision INTEGER,
    feature       TEXT,
    date_start    TEXT,             -- the days of its claims (those known to a week at most)
    date_end      TEXT,
    time_precision INTEGER,
    cumulative    INTEGER NOT NULL DEFAULT 0,   -- a running toll, kept apart from incidents
    n_claims      INTEGER NOT NULL,
    n_docs        INTEGER NOT NULL,
    n_reports     INTEGER NOT NULL, -- documents, counting near-duplicates once
    n_sources     INTEGER NOT NULL, -- sources that give a figure (an outlet's own voice is one)
    kinds         TEXT,             -- comma-separated
    flags         TEXT              -- comma-separated: disagreement, denied, single_source, rising, running_toll
);
CREATE INDEX IF NOT EXISTS events_place ON events(country, admin1);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start);

CREATE TABLE IF NOT EXISTS event_claims (
    claim_id  INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_claims_event ON event_claims(event_id);

-- per kind and group counted: the reconciled figures, every source's account (JSON) and the
-- timeline of a rising toll (JSON)
CREATE TABLE IF NOT EXISTS event_figures (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    grp        TEXT NOT NULL,
    best       INTEGER,
    low        INTEGER,
    high       INTEGER,
    n_claims   INTEGER NOT NULL,
    n_sources  INTEGER NOT NULL,
    flags      TEXT,
    sources    TEXT NOT NULL,
    timeline   TEXT NOT NULL,
    PRIMARY KEY (event_id, kind, grp)
);
