import json
import sqlite3

import pytest

from marsad.read import ReadOptions
from marsad.run import LocalExecutor
from marsad.store import SqliteStore, StoreError, open_store
from marsad.store.base import SCHEMA_VERSION
from conftest import SAMPLES

# (the tests that take store_url run on SQLite and on PostgreSQL: conftest.py)


def run(db, *inputs, jobs=1):
    with open_store(str(db)) as store:
        return LocalExecutor(store, jobs=jobs, options=ReadOptions()).run([str(p) for p in inputs])[1]


def table_counts(db):
    with open_store(str(db), readonly=True) as store:
        return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "claims", "rejects")}


def test_second_run_adds_nothing(tmp_path, raqqa_path, store_url):
    db = store_url
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01")
    first = run(db, SAMPLES, raqqa_path, tmp_path / "bad.txt")
    after_first = table_counts(db)
    assert first.new == after_first["documents"] == len(list(SAMPLES.glob("*.txt"))) + 1
    assert after_first["claims"] == sum(first.claims.values()) > 0
    assert after_first["rejects"] == 1
    second = run(db, SAMPLES, raqqa_path, tmp_path / "bad.txt")
    assert second.new == 0 and second.unchanged == first.new and not second.claims
    assert table_counts(db) == after_first
    with open_store(str(db)) as store:
        runs = store.runs()
    assert [r["status"] for r in runs] == ["done", "done"]
    assert runs[0]["counts"]["new"] == first.new and runs[1]["counts"]["unchanged"] == first.new
    assert runs[0]["counts"]["rejects"] == {"binary": 1}


def test_changed_document_replaces_its_claims(tmp_path, store_url):
    db = store_url
    art = tmp_path / "a.txt"
    art.write_text("قتل خمسة مدنيين في قصف على حلب.", encoding="utf-8")
    run(db, art)
    art.write_text("قتل سبعة مدنيين وأصيب 12 آخرون في قصف على حلب.", encoding="utf-8")
    c = run(db, art)
    assert c.updated == 1 and c.new == 0
    with open_store(str(db)) as store:
        claims = list(store.claims(doc="a"))
        assert sorted((x.kind, x.low) for x in claims) == [("injured", 12), ("killed", 7)]
        assert store.search("خمسة") == [] and store.search("سبعة")[0]["id"] == "a"


def test_duplicate_id_in_one_run_is_a_reject(tmp_path, store_url):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps({"id": "x", "text": t}, ensure_ascii=False)
                              for t in ("قتل جندي.", "قتل جنديان.", "قتل جندي.")) + "\n", encoding="utf-8")
    db = store_url
    c = run(db, path)
    assert c.new == 1 and c.rejects == {"duplicate_id": 1} and c.unchanged == 1
    with open_store(str(db)) as store:
        assert store.document("x").raw == "قتل جندي."
        (rej,) = store.rejects()
        assert rej["reason"] == "duplicate_id" and rej["doc_id"] == "x"


def test_claims_have_offsets_into_raw_text(raqqa_path, store_url):
    db = store_url
    run(db, SAMPLES, raqqa_path)
    with open_store(str(db)) as store:
        n = 0
        for doc in store.documents():
            for c in doc.claims:
                assert doc.raw[c.start:c.end] == c.quote
                n += 1
        assert n > 20


def test_claim_filters(store_url):
    db = store_url
    run(db, SAMPLES)
    with open_store(str(db)) as store:
        killed = list(store.claims(kind="killed"))
        assert killed and all(c.kind == "killed" for c in killed)
        assert all(c.doc == "04-sinai-attack" for c in store.claims(doc="04-sinai-attack"))
        assert len(list(store.claims(limit=3))) == 3
        with pytest.raises(ValueError):
            list(store.claims(colour="red"))
        assert not list(store.claims(doc="10-riyadh-economy"))


@pytest.mark.parametrize("query", [
    "الرقة", "الرقه", "الرَّقَّة",            # ta marbuta / ha, diacritics
    "إصابة", "اصابة", "أصابة",              # hamza forms of alef
    "مستشفى", "مستشفي",                     # alef maqsura / ya
    "بالرقة", "للرقة", "والرقة",             # proclitics
    "المستشفى", "السلطات", "وقوع",
])
def test_search_spelling_variants(tmp_path, query, store_url):
    db = store_url
    art = tmp_path / "doc.txt"
    art.write_text("أعلنت السلطات وقوع إصابةٍ واحدة في الرَّقة، ونُقل المصاب إلى مستشفى المدينة.", encoding="utf-8")
    (tmp_path / "other.txt").write_text("ارتفعت أسعار النفط في الأسواق العالمية اليوم.", encoding="utf-8")
    run(db, art, tmp_path / "other.txt")
    with open_store(str(db)) as store:
        hits = store.search(query)
    assert [h["id"] for h in hits] == ["doc"]
    assert "[" in hits[0]["snippet"]


def test_search_proclitics_without_false_friends(tmp_path, store_url):
    db = store_url
    (tmp_path / "a.txt").write_text("وصلت فرقة الإسعاف إلى المكان.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("دارت اشتباكات عنيفة في الرقة.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("قتل مدنيان بحلب وفي ريف دمشق.", encoding="utf-8")
    run(db, tmp_path)
    with open_store(str(db)) as store:
        assert [h["id"] for h in store.search("بالرقة")] == ["b"]   # not فرقة
        assert [h["id"] for h in store.search("الرقة")] == ["b"]
        assert [h["id"] for h in store.search("حلب")] == ["c"]      # بحلب
        assert [h["id"] for h in store.search("فرقة")] == ["a"]
        assert "[بحلب]" in store.search("حلب")[0]["snippet"]


def test_search_on_real_article(raqqa_path, store_url):
    db = store_url
    run(db, SAMPLES, raqqa_path)
    with open_store(str(db)) as store:
        hits = store.search("المرصد السوري")
        assert "raqqa-qposts" in [h["id"] for h in hits]
        assert store.search("قوات سوريا الديمقراطيه")[0]["id"] in ("raqqa-qposts", "07-raqqa-range")
        assert store.search('"; DROP TABLE documents; --') == []
    assert table_counts(db)["documents"] > 0


def test_not_a_store(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        SqliteStore(str(bad))


def test_parallel_run_writes_what_a_serial_run_writes(tmp_path, snn_path, snn_records):
    # (SQLite files: what the executor writes does not depend on the store)
    import gzip
    path = tmp_path / "part.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in snn_records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    run(tmp_path / "one.db", path, jobs=1)
    run(tmp_path / "two.db", path, jobs=2)
    dump = lambda db: sqlite3.connect(db).execute(  # noqa: E731
        'SELECT doc, kind, low, high, quote, start, "end" FROM claims ORDER BY id').fetchall()
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    assert len(dump(tmp_path / "one.db")) > 0


def test_places_and_country_filters(store_url):
    db = store_url
    run(db, SAMPLES)
    with open_store(str(db)) as store:
        places = store.places()
        assert places and places[0]["claims"] >= places[-1]["claims"]
        assert {"Aden", "Ar Raqqah"} <= {p["place_en"] for p in places}
        syrian = list(store.claims(country="SY"))
        assert syrian and all(c.country == "SY" and c.lat is not None for c in syrian)
        assert {c.admin1 for c in store.claims(country="SY", admin1="Idlib")} == {"Idlib"}


def test_a_version_1_store_is_migrated(tmp_path):
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO meta VALUES ('schema_version', '1');
        CREATE TABLE claims (id INTEGER PRIMARY KEY, doc_rowid INTEGER NOT NULL, doc TEXT NOT NULL,
            kind TEXT NOT NULL, low INTEGER, high INTEGER, qualifier TEXT NOT NULL, grp TEXT, source TEXT,
            stance TEXT NOT NULL, place TEXT, cumulative INTEGER NOT NULL DEFAULT 0, quote TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, run_id INTEGER);
    """)
    con.close()
    run(db, SAMPLES)
    with SqliteStore(str(db)) as store:
        assert store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == SCHEMA_VERSION == "4"
        assert store.db.execute("SELECT count(*) FROM control").fetchone()[0] >= 0   # the control table exists
        assert any(c.country for c in store.claims())
        assert all(c.date_end for c in store.claims())  # the samples have dates: so have their claims


def test_postgresql_holds_what_sqlite_holds(tmp_path, raqqa_path, pg_database):
    """The same input in both stores: the same claims, control claims, events and exports, and
    a search finds the same documents."""
    from marsad.export import export

    lite = str(tmp_path / "m.db")
    for db in (lite, pg_database):
        run(db, SAMPLES, raqqa_path)
        with open_store(db) as store:
            store.link()
    with open_store(lite, readonly=True) as a, open_store(pg_database, readonly=True) as b:
        assert [c.to_dict() for c in a.claims()] == [c.to_dict() for c in b.claims()] != []
        assert [k.to_dict() for k in a.control()] == [k.to_dict() for k in b.control()] != []
        assert list(a.events()) == list(b.events()) != []
        assert a.counts() == b.counts() and a.places() == b.places() and a.overview() == b.overview()
        for query in ("الرقة", "بالرقه", "المرصد السوري", "قوات"):
            assert sorted(h["id"] for h in a.search(query)) == sorted(h["id"] for h in b.search(query))
        for fmt in ("acled", "ucdp", "plover", "jsonl", "csv", "geojson"):
            export(a, fmt, str(tmp_path / f"a.{fmt}"))
            export(b, fmt, str(tmp_path / f"b.{fmt}"))
            assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes(), fmt


def test_a_document_the_database_refuses_leaves_its_batch_whole(store_url):
    """A value no store holds (an integer over 64 bits; the extractor makes none, a plugin
    might): that document is not stored, is a store_error reject, and the documents written
    before it in the same batch (the same transaction) stay."""
    from marsad.model import Claim, Document
    from marsad.run.steps import RunCounts
    from marsad.store.base import DocumentNotStored

    def doc(i, low=5):
        claim = Claim(doc=f"d{i}", kind="killed", low=low, high=low, qualifier="exact", quote="قتل", start=0, end=3)
        return Document(id=f"d{i}", raw="قتل خمسة.", content_hash=f"h{i}", claims=[claim])

    with open_store(store_url, batch=100) as store:
        store.write_document(doc(1))
        with pytest.raises(DocumentNotStored):
            store.write_document(doc(2, low=10**30))
        store.write_document(doc(3))
        run_id = store.begin_run(["x"])
        counts = RunCounts()
        LocalExecutor(store)._write(doc(4, low=10**30), run_id, counts)
    with open_store(store_url, readonly=True) as store:
        assert sorted(d.id for d in store.documents()) == ["d1", "d3"]
        assert [(r["reason"], r["doc_id"]) for r in store.rejects()] == [("store_error", "d4")]
        assert counts.rejects == {"store_error": 1}
