-- Full-text search over the search keys of title (weight A) and body (B) and, as C, the
-- variants of words without a bare conjunction or preposition (marsad.ar.normalize.search_keys),
-- as lexemes already folded: written with or without diacritics, أ/إ/آ/ا, ى/ي, ة/ه, with or
-- without و/ب/ل/ال, words find each other.
CREATE TABLE IF NOT EXISTS documents_fts (
    rowid  BIGINT PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    tsv    tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_fts_tsv ON documents_fts USING gin(tsv);
