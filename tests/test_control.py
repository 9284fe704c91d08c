"""Control claims (docs/CONTROL.md): who took, lost, holds, besieges or contests a place."""
import json

from click.testing import CliRunner

import marsad
from marsad.cli import main
from marsad.store import open_store


def said(text):
    return [(c.actor, c.change, c.place) for c in marsad.extract_control(text)]


def test_a_verb_its_actor_and_its_place():
    (c,) = marsad.extract_control("سيطرت قوات النظام على مدينة تدمر في ريف حمص.")
    assert (c.actor, c.change, c.place, c.place_en, c.country) == (
        "Syrian government forces", "took", "مدينة تدمر", "Tadmur", "SY")
    assert c.quote == "سيطرت قوات النظام على مدينة تدمر"


def test_the_words_around_a_cue_change_what_it_says():
    assert said("ما زال تنظيم داعش يسيطر على أجزاء من مدينة الرمادي.") == [("ISIS", "holds", "مدينة الرمادي")]
    assert marsad.extract_control("ما زال تنظيم داعش يسيطر على أجزاء من مدينة الرمادي.")[0].extent == "part"
    assert said("أطلقت القوات العراقية عملية عسكرية لتحرير مدينة الرمادي.") == [("Iraqi forces", "contested", "مدينة الرمادي")]
    assert said("لم تتمكن قوات النظام من السيطرة على مدينة الزبداني.") == []


def test_who_loses_and_who_takes():
    assert sorted(said("طردت المقاومة الشعبية الحوثيين من مدينة الضالع.")) == [
        ("Houthis", "lost", "مدينة الضالع"), ("Popular Resistance", "took", "مدينة الضالع")]
    assert said("اتهمت الحكومة الأردن بالمساهمة في سقوط معبر نصيب بيد المعارضة المسلحة.") == [
        ("Syrian opposition", "took", "معبر نصيب")]
    assert said("وتحاصر قوات النظام مدينة الزبداني منذ أسابيع.") == [("Syrian government forces", "besieged", "مدينة الزبداني")]
    assert said("وقتل عشرة حوثيين أثناء انسحابهم من محافظة لحج.") == [("Houthis", "withdrew", "محافظة لحج")]


def test_a_stronghold_taken_is_lost_by_its_holder():
    # entered, or its holders driven out, right before it is called their stronghold
    assert said("واستطاع المقاتلون دخول بلدة لودر، آخر معاقل الحوثيين في المحافظة.") == [("Houthis", "lost", "بلدة لودر")]
    assert ("Houthis", "lost", "مدينة زنجبار") in said("وانتهت المعركة بطردهم من مدينة زنجبار آخر معقل للحوثيين هناك.")
    # "من أيدي": who held the place taken
    assert ("Houthis", "lost", "مدينة الضالع") in said("وأشاد بتحرير مدينة الضالع من أيدي الحوثيين.")
    # held until it was taken: no holding
    assert ("Houthis", "holds", "عدن") not in said(
        "ودخلت المقاومة حي كريتر آخر أحياء عدن التي كانت لا تزال تحت سيطرة الحوثيين.")
    # a stronghold taken that no place names: the place after it only locates it
    assert said("وتمكن الجيش الصومالي من السيطرة على معقل لحركة الشباب في جنوب البلاد.") == []


def test_an_operation_for_a_place_is_no_taking():
    # the name of an operation or a battle, or an advance: the place is contested, not lost
    assert said("وبدأت القوات العراقية عملية تحرير مدينة الفلوجة من سيطرة داعش.") == []
    assert ("ISIS", "lost", "مدينة الرمادي") not in said("وأعلنت الوزارة انتهاء المرحلة الأولى من معركة استعادة مدينة الرمادي من قبضة داعش.")
    # about to take it: contested
    assert said("وتوشك قوات المقاومة الشعبية من تحرير محافظة أبين.") == [("Popular Resistance", "contested", "محافظة أبين")]
    # a withdrawal said with "عملية" is still one
    assert ("Houthis", "withdrew", "محافظة لحج") in said("وجاءت عملية انسحاب الحوثيين من محافظة لحج بعد معارك عنيفة.")


def test_a_source_an_extent_and_a_list_of_places():
    (c,) = marsad.extract_control("قال المرصد السوري إن وحدات حماية الشعب سيطرت على مدينة تل أبيض بالكامل.")
    assert (c.actor, c.change, c.source, c.extent, c.extent_text) == ("Kurdish forces", "took", "SOHR", "full", "بالكامل")
    claims = marsad.extract_control("ما زال التنظيم يسيطر على مناطق محدودة في محافظة حمص، ووسط محافظة حماة وقرب دمشق.")
    assert [(c.change, c.place_en, c.extent) for c in claims] == [
        ("holds", "Homs", "limited"), ("holds", "Hama", "limited"), ("holds", "Damascus", "limited")]


def test_no_claim_without_an_actor_or_a_place():
    assert said("وأكد أن عملية تحرير عدن هي بداية الطريق.") == []        # an event's name, no actor
    assert said("فرضت الشرطة قيودا على دخول المسجد.") == []
    assert said("وقال القائد إن جيش التحرير الفلسطيني شارك في المعارك في درعا.") == []  # a name


def test_the_raqqa_article_first_and_last_paragraphs(raqqa_path):
    claims = marsad.extract_control(raqqa_path.read_text(encoding="utf-8"), doc_id="raqqa-qposts")
    got = {(c.actor, c.change, c.place_en, c.source, c.extent) for c in claims}
    # first paragraph
    assert ("SDF", "took", "Ar Raqqah", None, "full") in got                 # مدينة الرقة بالكامل
    assert ("ISIS", "lost", "Raqqa", "SOHR", "full") in got                  # وجود داعش في كامل محافظة الرقة قد انتهى
    assert ("SDF", "took", "Raqqa", "SOHR", "full") in got                   # بعد سيطرة قوات سوريا الديمقراطية عليها
    # last paragraph
    assert ("ISIS", "lost", "Ar Raqqah", None, None) in got                  # خسائر التنظيم في الرقة
    for place in ("Homs", "Hama", "Damascus", "Syria"):                      # ... وفي جنوب البلاد
        assert ("ISIS", "holds", place, None, "limited") in got
    assert ("ISIS", "holds", "Deir ez-Zor", None, "part") in got             # الجزء المتبقي تحت سيطرته
    assert ("ISIS", "lost", "Deir ez-Zor", None, "more_than_half") in got    # فقد سيطرته على أكثر من نصف مساحتها
    for c in claims:
        assert raqqa_path.read_text(encoding="utf-8")[c.start:c.end] == c.quote


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_stored_listed_and_the_state_of_an_actor(tmp_path, raqqa_path, store_url):
    db = store_url
    assert invoke("run", raqqa_path, "--db", db).exit_code == 0
    with open_store(str(db)) as store:
        isis = list(store.control(actor="ISIS"))
        assert {k.change for k in isis} == {"lost", "holds"} and all(k.doc == "raqqa-qposts" for k in isis)
        assert [k.place_en for k in store.control(actor="ISIS", change="lost", place="دير")] == ["Deir ez-Zor"]
        state = {r["place_en"]: r for r in store.control_state("ISIS")}
        assert state["Deir ez-Zor"]["state"] == "partly held" and state["Deir ez-Zor"]["history"] == "holds > lost"
        assert state["Homs"]["state"] == "held" and state["Raqqa"]["state"] == "lost"
    rows = [json.loads(line) for line in invoke("control", "--db", db, "--actor", "SDF", "-o", "jsonl").output.splitlines()]
    assert rows and all(r["actor"] == "SDF" and r["change"] == "took" for r in rows)
    geo = json.loads(invoke("control", "--db", db, "--actor", "ISIS", "--state", "-o", "geojson").output)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) >= 5
    assert all(len(f["geometry"]["coordinates"]) == 2 and f["properties"]["state"] for f in geo["features"])
    assert invoke("control", "--db", db, "--state").exit_code == 2          # --state needs --actor
    # the search index: words in any spelling ("الرقّة" with a shadda, "بالرقة" with ب)
    found = invoke("control", "--db", db, "--search", "بالرقّة", "-o", "jsonl").output.splitlines()
    assert len(found) == len(list(open_store(str(db), readonly=True).control()))
    assert invoke("control", "--db", db, "--search", "كوبنهاغن", "-o", "jsonl").output == ""
    table = invoke("control", "--db", db, "--country", "SY")
    assert table.exit_code == 0 and "control claims" in table.output
    # a changed document replaces its control claims; the same one adds nothing
    text = raqqa_path.read_text(encoding="utf-8")
    changed = tmp_path / "raqqa-qposts.txt"
    changed.write_text(text.split("\n\n")[0] + "\n", encoding="utf-8")
    assert invoke("run", changed, "--db", db).exit_code == 0
    with open_store(str(db)) as store:
        assert {k.actor for k in store.control()} <= {"SDF", "ISIS", "US-led coalition"}
        assert len(list(store.control())) < len(isis) + 5


def test_extract_prints_control_claims(raqqa_path):
    out = invoke("extract", "--control", raqqa_path).output.splitlines()
    first = json.loads(out[0])
    assert list(first)[:11] == ["doc", "actor", "change", "place", "extent", "extent_text", "source", "stance",
                                "quote", "start", "end"]


def test_the_state_as_of_a_day(tmp_path, store_url):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "a", "date": "2015-07-10 08:00:00", "text": "سيطرت ميليشيا الحوثي على مدينة لحج."},
        {"id": "b", "date": "2015-08-04 09:30:00", "text": "وانسحب الحوثيون من مدينة لحج بعد معارك عنيفة."},
    ]) + "\n", encoding="utf-8")
    db = store_url
    assert invoke("run", folder / "a.jsonl", "--db", db).exit_code == 0
    with open_store(str(db)) as store:
        assert [r["state"] for r in store.control_state("Houthis")] == ["lost"]
        assert [r["state"] for r in store.control_state("Houthis", until="2015-07-31")] == ["held"]
        assert [k.doc for k in store.control(actor="Houthis", since="2015-08-04")] == ["b"]


def test_a_force_named_by_its_kind_takes_the_label_of_the_place_s_country():
    assert said("وسيطر الجيش على مدينة زنجبار في محافظة أبين.") == [("Yemeni government forces", "took", "مدينة زنجبار")]
    assert said("واستعاد الجيش السيطرة على مدينة تدمر.")[0][0] == "Syrian government forces"
    assert said("وسيطر الجيش على مدينة باريس.") == []                  # whose army, the text does not say
    assert said("وسيطر المتمردون الحوثيون والقوات الموالية لصالح على قاعدة العند.") == [
        ("Houthis and Saleh forces", "took", "قاعدة العند")]


def test_the_sample_article_on_control(tmp_path):
    from conftest import SAMPLES
    claims = marsad.extract_control((SAMPLES / "11-lahij-control.txt").read_text(encoding="utf-8"))
    assert {(c.actor, c.change, c.place) for c in claims} >= {
        ("Yemeni government forces", "took", "مدينة الحوطة"), ("Popular Resistance", "besieged", "معسكر لبوزة"),
        ("Houthis", "withdrew", "منطقة الوهط"), ("Houthis", "holds", "مديرية القبيطة")}
