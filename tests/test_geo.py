"""The gazetteer and place mentions, on sentences written for these tests."""
import marsad
from marsad.ar.normalize import fold
from marsad.geo.gazetteer import Gazetteer, key
from marsad.geo.places import PlaceFinder


def test_gazetteer_has_arabic_names_countries_divisions_and_supplement():
    g = Gazetteer.default()
    assert any(p.name_en == "Aleppo" and p.country == "SY" for p in g.candidates(key("حلب")))
    assert any(p.feature == "country" and p.country == "YE" for p in g.candidates(key("اليمن")))
    assert any(p.feature == "admin1" for p in g.candidates(key("محافظة حلب")))
    assert any(p.name_en == "Al-Bukamal" for p in g.candidates(key("البوكمال")))   # the supplement
    assert any(p.name_en == "Kobani" for p in g.candidates(key("كوباني")))


def mentions(text):
    finder = PlaceFinder.default()
    found = finder.mentions(fold(text))
    finder.resolve(found)
    return [(m.place.name_en if m.place else m.key, m.precision) for m in found]


def test_proclitics_descriptors_and_directions():
    assert mentions("قتل خمسة في قصف على بالرقة وفي حلب ولدمشق") == [
        ("Ar Raqqah", 1), ("Aleppo", 1), ("Damascus", 1)]
    assert mentions("اشتباكات في ريف حلب الشمالي") == [("Aleppo", 2)]
    assert mentions("غارات شرق دير الزور") == [("Deir ez-Zor", 2)]
    assert mentions("في محافظة حلب")[0][1] == 3


def test_names_that_are_words_or_people_are_not_places():
    assert mentions("ثمانية عناصر من فرقة سورية مقاتلة") == []      # فرقة is not ف + الرقة
    assert mentions("قتل أبو خليل السوداني") == []                   # خليل without the article
    assert mentions("وأعلن بشار الأسد") == []


def test_claims_are_placed_with_coordinates_and_precision():
    (c,) = marsad.extract("قتل 12 مدنيا في غارة على مدينة إدلب.")
    assert c.place == "مدينة إدلب" and c.country == "SY" and c.geo_precision == 1
    assert 35 < c.lat < 37 and 36 < c.lon < 37.5
    (c,) = marsad.extract("قتل 7 جنود في هجوم بريف حلب الشمالي.")
    assert c.place_en == "Aleppo" and c.geo_precision == 2
    (c,) = marsad.extract("قتل 3 مدنيين في قصف على قرية زراكلي.")
    assert c.place == "قرية زراكلي" and c.lat is None   # not in the gazetteer: kept as written


def test_places_as_written_without_proclitics_and_provinces_by_name():
    assert [c.place for c in marsad.extract("قتل 5 مدنيين في قصف بالرياض")] == ["الرياض"]
    assert [c.place for c in marsad.extract("أرسلت القوات 5 جنود قتلوا للعراق")][0] == "العراق"
    (c,) = marsad.extract("قتل 4 جنود في هجوم بمحافظة الأنبار")
    assert c.place == "محافظة الأنبار" and c.feature == "admin1" and c.geo_precision == 3 and c.country == "IQ"
    (c,) = marsad.extract("قتل 3 جنود في هجوم في شمال سيناء")
    assert c.place_en == "North Sinai" and c.country == "EG"


def sites(text):
    folded = fold(text)
    return [(folded[m.start:m.end], m.role) for m in PlaceFinder.default().named_sites(folded, [])]


def test_named_sites_take_the_name_and_leave_verbs_and_adjectives():
    assert sites("سقطت قذيفة على منزل بقرية تقع جنوبي البلدة") == []         # تقع is a verb
    assert sites("اشتبكت القوات مع مسلحين في منطقة جبلية") == []             # an adjective
    assert sites("في السوق المركزي وحي مجاور مكتظ") == []
    assert sites("قتل مسلحان في مديرية حزم العدين بإب") == [(fold("مديرية حزم العدين"), "town")]
    assert sites("أطلق النار في شارع استقلال، أهم شارع") == [(fold("شارع استقلال"), "site")]
    assert sites("أصيب ثلاثة في قرية أبو ناعور") == [(fold("قرية أبو ناعور"), "town")]
    # a country's adjective follows the name, it is not part of it
    assert sites("قصف على حي الزهور السوري") == [(fold("حي الزهور"), "part")]


def test_a_site_is_more_specific_than_the_town_and_keeps_its_own_first_letter():
    (c,) = marsad.extract("قتل 4 أشخاص في سقوط قذيفة في شارع الثورة وسط دمشق.")
    assert c.place == "شارع الثورة" and c.lat is None
    (c,) = marsad.extract("قتل 15 مدنيا في غارة على بلدة سراقب.")
    assert c.place == "بلدة سراقب" and c.place_en == "Saraqib"
    (c,) = marsad.extract("سقطت قذائف على حي الزهور وقتل 6 مدنيين في حي باب توما.")
    assert c.place == "حي باب توما"
    (c,) = marsad.extract("وقتل 6 مدنيين وحي باب توما.")
    assert c.place == "حي باب توما"   # without the conjunction


def test_a_name_that_reports_places_nothing():
    claims = marsad.extract("وقتل ما لا يقل عن 260 مقاتلا في شمال العراق، وأصيب حوالى 400 في الغارات بحسب أنقرة.")
    assert [c.place_en for c in claims] == ["Iraq", "Iraq"]


def test_a_place_that_locates_another_is_not_the_place():
    (c,) = marsad.extract("وفي محافظة الشرقية التي تقع شمال شرقي القاهرة قتل مسلحان 3 من رجال الشرطة.")
    assert c.place_en == "Sharqia"
    assert sites("اشتبكت القوات مع مسلحين في منطقة أحراج جبلية") == []


def test_names_after_the_article_are_all_found():
    # a key that began like the article ("الش") once hid every name after it
    assert [name for name, _ in mentions("قتل 5 في الشيخ زويد وقرب الشيشان")] == ["Ash Shaykh Zuwayd", "Chechnya"]
    assert mentions("دول أوروبا الشرقية") == []


def test_a_name_that_is_also_a_word_needs_its_country_named():
    # مروة is Maroua in an article about Cameroon, and a woman's name elsewhere
    assert [n for n, _ in mentions("والهجوم المزدوج في مروة بشمال الكاميرون أسفر عن مقتل 11")] == ["Maroua", "Cameroon"]
    assert mentions("وقالت مروة إن ابنها أصيب في الحادث") == []


def test_hidden_names_datelines_adjectives_and_destinations():
    # a key found inside the article ("لار" in "الاردن") no longer hides the name after it
    assert [n for n, _ in mentions("تمكنت الجهات الأمنية في الأردن من القبض على عائلة")] == ["Jordan"]
    assert mentions("الجيش البوروندي يقتل مسلحين") == []            # an adjective, not Burundi
    # the dateline is where the report was filed, not where it happened
    (c,) = marsad.extract("بنغازي - رويترز: قال التنظيم إنه خطف ثلاثة مسيحيين في شرق ليبيا.")
    assert c.place_en == "Libya"
    # where people were going is not where they were killed
    (c,) = marsad.extract("قتل 32 طالبا في مدينة سروج وكانوا يستعدون للدخول إلى مدينة كوباني (عين العرب).")
    assert c.place == "مدينة سروج"
