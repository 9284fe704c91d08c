-- Full-text search over the search keys of title and body (marsad.ar.normalize.search_keys:
-- folded words without the article and the clitics before it) and, in `variants`, words
-- without a bare conjunction or preposition: written with or without diacritics, أ/إ/آ/ا,
-- ى/ي, ة/ه, with or without و/ب/ل/ال, words find each other. Contentless: the text is in
-- documents; rowid is documents.rowid.
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, body, variants, content='', tokenize='unicode61 remove_diacritics 2'
);
