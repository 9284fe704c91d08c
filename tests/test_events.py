"""Events (docs/EVENTS.md): near-duplicate articles, claims of many articles linked into one
incident, figures reconciled, stored and listed. The articles are written for these tests."""
import json

from click.testing import CliRunner

from marsad.cli import main
from marsad.link.dedup import containment, groups, parse, sketch
from marsad.ar.normalize import fold
from marsad.read import ReadOptions
from marsad.run import LocalExecutor
from marsad.store import open_store

# one car bomb in Baqubah reported by three outlets (one of them twice, word for word), a
# denial, a toll that rises; another bomb the same day in Basra; a running toll
WIRE = ("قتل 12 شخصا وأصيب 30 آخرون أمس الاثنين في انفجار سيارة مفخخة استهدفت سوقا شعبيا وسط مدينة بعقوبة "
        "مركز محافظة ديالى، بحسب ما أفادت مصادر أمنية. وقالت المصادر إن السيارة كانت مركونة قرب محال "
        "لبيع الخضار وانفجرت في ساعة الذروة، فيما نقل الجرحى إلى مستشفى بعقوبة العام. وأغلقت القوات "
        "الأمنية مداخل السوق وفتحت تحقيقا في الهجوم الذي لم تتبنه أي جهة حتى الآن.")
ARTICLES = [
    {"id": "a1", "source": "outlet1", "date": "2015-07-21 09:00", "title": "مقتل 12 في انفجار سيارة مفخخة ببعقوبة",
     "text": WIRE},
    {"id": "a2", "source": "outlet2", "date": "2015-07-21 11:00", "title": "انفجار سيارة مفخخة في سوق ببعقوبة",
     "text": WIRE.replace("بحسب ما أفادت مصادر أمنية", "بحسب ما أفاد مراسلنا")},
    {"id": "a3", "source": "outlet3", "date": "2015-07-21 15:00", "title": "ارتفاع ضحايا تفجير سوق بعقوبة",
     "text": "ارتفعت حصيلة ضحايا انفجار السيارة المفخخة في سوق بعقوبة الشعبي أمس إلى 15 قتيلا، بحسب "
             "مصادر طبية في مستشفى بعقوبة العام، فيما نفت الشرطة مقتل 40 شخصا في الانفجار."},
    {"id": "b1", "source": "outlet1", "date": "2015-07-21 10:00", "title": "قتلى بتفجير عبوة ناسفة في البصرة",
     "text": "قتل ثلاثة أشخاص أمس في انفجار عبوة ناسفة استهدفت دورية للشرطة في مدينة البصرة جنوب العراق، "
             "بحسب ما أفاد مصدر في الشرطة المحلية."},
    {"id": "c1", "source": "outlet2", "date": "2015-07-21 12:00", "title": "حصيلة العنف في العراق",
     "text": "قتل أكثر من 1500 مدني في العراق منذ مطلع العام الجاري، وفق إحصاءات الأمم المتحدة."},
]
LATER = {"id": "a4", "source": "outlet4", "date": "2015-07-22 08:00", "title": "تشييع ضحايا تفجير بعقوبة",
         "text": "شيع أهالي مدينة بعقوبة أمس ضحايا انفجار السيارة المفخخة في السوق الشعبي الذي قتل فيه 15 "
                 "شخصا يوم الاثنين الماضي، وسط إجراءات أمنية مشددة في محافظة ديالى."}


def build(tmp_path, records, db):
    """Read the records into the store at db (a SQLite file or a PostgreSQL URL) and link."""
    path = tmp_path / f"{len(list(tmp_path.glob('*.jsonl')))}.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    store = open_store(db)
    LocalExecutor(store, options=ReadOptions()).run([str(path)])
    counts = store.link()
    return store, counts


def event_of(store, doc):
    return store.db.execute("SELECT ec.event_id FROM claims c JOIN event_claims ec ON ec.claim_id = c.id"
                            " WHERE c.doc = ? AND c.kind = 'killed' ORDER BY c.start", (doc,)).fetchone()[0]


def test_near_duplicates_are_found_by_their_shingles():
    a, b = fold(WIRE), fold(WIRE.replace("مصادر أمنية", "مراسلنا"))
    other = fold(ARTICLES[3]["text"] + " " + ARTICLES[4]["text"])
    assert containment(parse(sketch(a)), parse(sketch(b))) > 0.8
    assert containment(parse(sketch(a)), parse(sketch(other))) < 0.2
    # a copy with a paragraph less is still a copy of the longer one
    assert containment(parse(sketch(a)), parse(sketch(a[: len(a) * 2 // 3]))) > 0.8
    assert groups([("x", sketch(a)), ("y", sketch(other)), ("z", sketch(b))]) == {"x": "x", "z": "x"}


def test_one_incident_many_articles(tmp_path, store_url):
    store, counts = build(tmp_path, ARTICLES, store_url)
    assert counts["duplicate_documents"] == 2  # a1 and a2: one wire copy
    baqubah = event_of(store, "a1")
    assert event_of(store, "a2") == event_of(store, "a3") == baqubah
    assert event_of(store, "b1") != baqubah        # another city, the same day
    assert event_of(store, "c1") != baqubah        # a running toll
    e = store.event(baqubah)
    assert e["place_en"] == "Baqubah" and e["date_start"] == "2015-07-20" and e["n_reports"] == 2
    killed = next(f for f in e["figures"] if f["kind"] == "killed")
    # low: the most conservative attributed figure; high the largest; the denied 40 is shown
    # but counts for neither
    assert (killed["low"], killed["high"]) == (12, 15) and killed["best"] in (12, 13, 14, 15)
    assert {"disagreement", "denied", "rising"} <= set(killed["flags"])
    assert [s["low"] for s in killed["sources"] if s["stance"] == "denied"] == [40]
    assert [t["figure"] for t in killed["timeline"]] == [12, 15]
    assert next(f for f in e["figures"] if f["kind"] == "injured")["best"] == 30
    assert len(e["claims"]) == e["n_claims"] and all(c["quote"] for c in e["claims"])
    basra = store.event(event_of(store, "b1"))
    assert "single_source" in basra["flags"] and basra["place_en"] == "Basrah"
    toll = store.event(event_of(store, "c1"))
    assert "running_toll" in toll["flags"] and toll["cumulative"] == 1


def test_linking_is_incremental(tmp_path, store_url):
    store, first = build(tmp_path, ARTICLES, store_url)
    baqubah = event_of(store, "a1")
    n_events = store.counts()["events"]
    again = store.link()
    assert again["linked_now"] == 0 and again["events_new"] == 0  # nothing new: nothing done
    _, counts = build(tmp_path, [LATER], store_url)                        # a later report of the incident
    assert counts["linked_now"] >= 1 and counts["events_new"] == 0 and counts["events_updated"] >= 1
    assert event_of(store, "a4") == baqubah and store.counts()["events"] == n_events
    # every claim in exactly one event; a rebuild gives the same grouping
    assert store.db.execute("SELECT count(*) FROM claims WHERE id NOT IN (SELECT claim_id FROM event_claims)"
                            ).fetchone()[0] == 0
    before = {doc: event_of(store, doc) == baqubah for doc in ("a1", "a2", "a3", "a4", "b1", "c1")}
    store.link(rebuild=True)
    baqubah = event_of(store, "a1")
    assert {doc: event_of(store, doc) == baqubah for doc in before} == before


def test_events_command(tmp_path, store_url):
    store, _ = build(tmp_path, ARTICLES, store_url)
    n_claims = store.counts()["claims"]
    store.close()
    db = store_url
    runner = CliRunner()
    out = runner.invoke(main, ["events", "--db", db, "-o", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows and all("figures" in r and "flags" in r for r in rows)
    baqubah = next(r for r in rows if r["place_en"] == "Baqubah")
    out = runner.invoke(main, ["events", "--db", db, "--flag", "disagreement", "--kind", "killed", "-o", "jsonl"])
    assert [json.loads(line)["id"] for line in out.output.splitlines()] == [baqubah["id"]]
    out = runner.invoke(main, ["events", str(baqubah["id"]), "--db", db, "-o", "json"])
    one = json.loads(out.output)
    assert one["id"] == baqubah["id"] and {c["doc"] for c in one["claims"]} == {"a1", "a2", "a3"}
    out = runner.invoke(main, ["events", str(baqubah["id"]), "--db", db])
    assert out.exit_code == 0 and "best" in out.output and "timeline" in out.output
    assert runner.invoke(main, ["events", "--db", db, "--country", "IQ", "--running"]).exit_code == 0
    out = runner.invoke(main, ["events", "--db", db, "--search", "البصرة", "-o", "jsonl"])
    assert [json.loads(line)["place_en"] for line in out.output.splitlines()] == ["Basrah"]
    out = runner.invoke(main, ["events", "--db", db, "-o", "geojson"])
    assert json.loads(out.output)["features"]
    out = runner.invoke(main, ["link", "--db", db, "--rebuild", "--json"])
    assert json.loads(out.output)["linked_now"] == n_claims


TOWNS = {"Abha": (18.22, 42.51, "Asir"), "Jeddah": (21.54, 39.17, "Makkah")}


def _claim(i, day, figure, words, place="Abha", text="اليوم"):
    from marsad.link.events import LinkClaim
    lat, lon, admin1 = TOWNS[place]
    return LinkClaim(id=i, doc=f"d{i}", kind="killed", low=figure, high=figure, qualifier="exact", group="people",
                     source=None, stance="asserted", cumulative=False, place=place, place_en=place, lat=lat,
                     lon=lon, country="SA", admin1=admin1, geo_precision=1, feature="town", date_start=day,
                     date_end=day, time_precision=1, quote="", start=0, end=1, date_text=text, report=f"d{i}",
                     words=frozenset(words))


def test_an_event_s_days_are_the_middle_third_of_the_days_its_reports_name():
    from marsad.link.events import Event
    e = Event()
    # most papers say "أمس" a day or two late; those that give the date in full name the 19th
    for i, day in enumerate(["2015-07-19", "2015-07-19", "2015-07-20", "2015-07-20", "2015-07-21", "2015-07-21",
                             "2015-07-21", "2015-07-21", "2015-07-22"]):
        e.add(_claim(i, day, 100, {1, 2, 3}))
    assert [d.isoformat() for d in e.window] == ["2015-07-19", "2015-07-21"]  # (the median alone: 20th-21st)


def test_a_later_report_recalls_an_incident_by_its_place_and_a_rare_figure():
    from marsad.link.events import Event, score
    big, small = Event(), Event()
    for i in range(3):
        big.add(_claim(i, "2015-08-06", 15, set(range(20))))
        small.add(_claim(i + 3, "2015-08-06", 2, set(range(20))))
    words = {1, 2, 3, 100, 101, 102, 103, 104, 105, 106}  # 30% of its words are the incident's
    assert score(_claim(10, "2015-08-10", 15, words), big) is not None  # "the bombing that killed 15 in Abha"
    assert score(_claim(11, "2015-08-10", 2, words), small) is None     # 2 killed: many incidents give as many
    assert score(_claim(12, "2015-08-10", 2, words | set(range(4, 12))), small) is not None  # ... with most words
    assert score(_claim(13, "2015-08-10", 15, words, place="Jeddah"), big) is None  # another town
    assert score(_claim(14, "2015-09-10", 15, words), big) is None  # over three weeks later


def test_events_in_places_apart_are_one_only_with_a_rare_figure_in_common():
    from marsad.link.events import ELSEWHERE_WORDS, Event, _events_fit
    # a statement read in Jeddah about the Abha bombing (15 killed) is the same incident; two
    # killed in Jeddah and two in Abha the same day are not, however alike their reports' words
    abha, jeddah = Event(), Event()
    abha.add(_claim(1, "2015-08-06", 15, set(range(20))))
    abha.add(_claim(2, "2015-08-06", 2, set(range(20))))
    jeddah.add(_claim(3, "2015-08-06", 2, set(range(20)), place="Jeddah"))
    assert _events_fit(abha, jeddah) is None
    jeddah.add(_claim(4, "2015-08-06", 15, set(range(20)), place="Jeddah"))
    assert _events_fit(abha, jeddah) == ELSEWHERE_WORDS
