"""Exports (marsad.export, docs/EXPORTS.md) of a store built from real articles: every format
loads back, ACLED's header is ACLED's, values round-trip; and the plugin points."""
import json
import sys

import pandas as pd
import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.export import ACLED_COLUMNS, UCDP_COLUMNS, export, exporters
from marsad.model import CLAIM_FIELDS
from marsad.store import SqliteStore, open_store

ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
                "tags,timestamp")


@pytest.fixture(scope="module")
def store(web_store_url):
    s = open_store(web_store_url, readonly=True)
    yield s
    s.db.close()


def test_acled(store, tmp_path):
    path = tmp_path / "acled.csv"
    n = export(store, "acled", str(path))
    assert path.read_text(encoding="utf-8").splitlines()[0] == ACLED_HEADER == ",".join(ACLED_COLUMNS)
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(rows) == n > 50
    events = rows[~rows.event_id_cnty.str.match(r"^[A-Z]{3}C\d")]  # (control rows: ISO3, C, the claim id)
    assert set(events.event_type) <= {"Battles", "Explosions/Remote violence", "Violence against civilians",
                                      "Strategic developments"}
    assert (rows.tags.str.contains("control")).any()   # control claims as their own rows
    # fatalities: the event's most conservative killed figure; sources joined with ";"
    for _, r in events.head(40).iterrows():
        e = store.event(int(r.event_id_cnty[3:]))  # (ISO alpha-3, or XXX where no country is known)
        killed = [f["low"] for f in e["figures"] if f["kind"] == "killed" and f["low"] is not None]
        assert int(r.fatalities) == (max(killed) if killed else 0)
        assert r.event_date == (e["date_start"] or "") and r.location == (e["place_en"] or e["place"] or "")
        assert all(s.strip() for s in r.source.split(";"))
        assert not e["cumulative"]  # running tolls are no ACLED events
    ye = pd.read_csv(tmp_path / "ye.csv") if export(store, "acled", str(tmp_path / "ye.csv"), country="YE") else None
    assert ye is not None and set(ye.country) == {"Yemen"}


def test_ucdp_and_plover(store, tmp_path):
    n = export(store, "ucdp", str(tmp_path / "ged.csv"))
    ged = pd.read_csv(tmp_path / "ged.csv")
    assert list(ged.columns) == list(UCDP_COLUMNS) and len(ged) == n > 20
    assert (ged.low <= ged.best).all() and (ged.best <= ged.high).all()
    assert (ged.deaths_a + ged.deaths_b + ged.deaths_civilians + ged.deaths_unknown >= ged.best).all()
    e = store.event(int(ged.id.iloc[0]))
    assert ged.number_of_sources.iloc[0] == e["n_reports"]
    n = export(store, "plover", str(tmp_path / "plover.jsonl"))
    lines = [json.loads(line) for line in (tmp_path / "plover.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == n > 20
    assert {x["event_type"] for x in lines} <= {"ASSAULT", "COERCE", "RETREAT"}
    assert all(set(x["size"]) == {"dead", "injured", "arrested"} and x["citation"] for x in lines)
    assert all(x["event_text"] in {c["quote"] for c in x["citation"]} for x in lines)


def test_claims_round_trip(store, tmp_path):
    claims = list(store.claims())
    n = export(store, "jsonl", str(tmp_path / "c.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert n == len(rows) == len(claims) and list(rows[0]) == list(CLAIM_FIELDS)   # GUIDE.md's fields, in order
    assert rows == [{f: getattr(c, f) for f in CLAIM_FIELDS} for c in claims]
    export(store, "csv", str(tmp_path / "c.csv"))
    table = pd.read_csv(tmp_path / "c.csv", keep_default_na=False, dtype=str)
    assert len(table) == len(claims) and table.quote.tolist() == [c.quote for c in claims]
    export(store, "parquet", str(tmp_path / "c.parquet"))
    pq = pd.read_parquet(tmp_path / "c.parquet")
    assert len(pq) == len(claims) and str(pq["low"].dtype) in ("Int64", "int64", "float64")
    assert str(pq["cumulative"].dtype) == "bool" and "datetime" not in str(pq["start"].dtype)
    assert pq["quote"].tolist() == [c.quote for c in claims] and pq["lat"].dtype == "float64"
    killed = export(store, "jsonl", str(tmp_path / "k.jsonl"), kind="killed", since="2015-07-25", until="2015-07-31")
    days = [c for c in claims if c.kind == "killed" and c.date_end and c.date_end >= "2015-07-25"
            and (c.date_start or c.date_end) <= "2015-07-31"]
    assert killed == len(days) > 0
    frame = store.claims_frame(kind="killed")
    assert len(frame) == sum(c.kind == "killed" for c in claims)


def test_geojson_and_the_command(store, tmp_path):
    n = export(store, "geojson", str(tmp_path / "e.geojson"))
    fc = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == n
    assert n == sum(1 for e in store.events() if e["lat"] is not None)
    out = CliRunner().invoke(main, ["export", "--db", store.path, "--format", "acled", "--country", "ye"])
    assert out.exit_code == 0 and out.output.splitlines()[0] == ACLED_HEADER
    out = CliRunner().invoke(main, ["export", "--db", store.path, "--format", "parquet"])
    assert out.exit_code != 0 and "binary" in out.output
    assert set(exporters()) >= {"acled", "ucdp", "plover", "jsonl", "csv", "parquet", "geojson"}


def test_plugins_are_found_through_entry_points(tmp_path, monkeypatch):
    """A package that registers a reader and an extractor (a real distribution on sys.path,
    found by importlib.metadata) adds a file type to `marsad run` and its claims to every
    document."""
    (tmp_path / "marsad_plugin_demo.py").write_text(
        "from marsad.model import Document, ControlClaim\n"
        "def read_upper(path, options):\n"
        "    yield Document(id='up-' + path.rsplit('/', 1)[-1], raw=open(path, encoding='utf-8').read(), origin=path)\n"
        "read_upper.extensions = ('.upper',)\n"
        "def extract_nothing_but_a_mark(doc):\n"
        "    return [], [ControlClaim(doc=doc.id, actor='plugin', change='holds', place='x', quote='', start=0, end=0)]\n",
        encoding="utf-8")
    dist = tmp_path / "marsad_plugin_demo-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: marsad-plugin-demo\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        "[marsad.readers]\nupper = marsad_plugin_demo:read_upper\n\n"
        "[marsad.extractors]\nzz_demo = marsad_plugin_demo:extract_nothing_but_a_mark\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    from marsad.extractor import extractors
    from marsad.read import readers
    readers.cache_clear()
    extractors.cache_clear()
    try:
        assert {"text", "jsonl", "html", "upper"} <= set(readers()[0])
        (tmp_path / "a.upper").write_text("قتل 4 أشخاص في حلب.", encoding="utf-8")
        db = tmp_path / "p.db"
        assert CliRunner().invoke(main, ["run", str(tmp_path / "a.upper"), "--db", str(db)]).exit_code == 0
        with SqliteStore(str(db)) as s:
            assert [c.kind for c in s.claims()] == ["killed"]          # marsad's own extractor ran
            assert [k.actor for k in s.control()] == ["plugin"]        # and the plugin's
    finally:
        sys.modules.pop("marsad_plugin_demo", None)
        readers.cache_clear()
        extractors.cache_clear()
