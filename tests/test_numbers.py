"""Every row of GUIDE.md's Quantities table, on phrases written for these tests."""
import pytest

import marsad
from marsad.ar.normalize import fold
from marsad.ar.numbers import find_quantities


def quantities(text):
    return [(q.low, q.high, q.qualifier) for q in find_quantities(fold(text))]


@pytest.mark.parametrize("text, expected", [
    ("311", (311, 311, "exact")),
    ("٣١١", (311, 311, "exact")),
    ("ثلاثمئة وأحد عشر", (311, 311, "exact")),
    ("ثلاثمائة وأحد عشر", (311, 311, "exact")),
    ("1,200", (1200, 1200, "exact")),
    ("١٬٢٠٠", (1200, 1200, "exact")),
    ("أربعة آلاف", (4000, 4000, "exact")),
    ("ألفين", (2000, 2000, "exact")),
    ("ألفان ومائة وعشرون", (2120, 2120, "exact")),
    ("ثلاثون", (30, 30, "exact")),
    ("ثلاثين", (30, 30, "exact")),
    ("خمسة عشر", (15, 15, "exact")),
    ("3 آلاف", (3000, 3000, "exact")),
    ("240 ألفا و381", (240381, 240381, "exact")),
    ("نحو 3000", (3000, 3000, "approx")),
    ("حوالي 3000", (3000, 3000, "approx")),
    ("قرابة 3000", (3000, 3000, "approx")),
    ("زهاء 3000", (3000, 3000, "approx")),
    ("ما يقارب 3000", (3000, 3000, "approx")),
    ("300-400", (300, 400, "range")),
    ("بين 300 و400", (300, 400, "range")),
    ("من 300 إلى 400", (300, 400, "range")),
    ("نحو 130-150", (130, 150, "range")),
    ("أكثر من 50", (50, None, "at_least")),
    ("ما لا يقل عن 50", (50, None, "at_least")),
    ("50 على الأقل", (50, None, "at_least")),
    ("أقل من 50", (None, 50, "at_most")),
    ("ما يصل إلى 50", (None, 50, "at_most")),
    ("حتى 50", (None, 50, "at_most")),
    ("عشرات", (10, 99, "vague")),
    ("مئات", (100, 999, "vague")),
    ("آلاف", (1000, 9999, "vague")),
    ("عشرات الآلاف", (10000, 99999, "vague")),
    ("مئات الآلاف", (100000, 999999, "vague")),
    ("ملايين", (1000000, 9999999, "vague")),
    ("بضعة", (3, 9, "vague")),
])
def test_quantities_table(text, expected):
    assert quantities(text) == [expected]


@pytest.mark.parametrize("text, low", [
    ("قتل جندي في الهجوم", 1),                   # a singular noun counts one
    ("أعلن الجيش مقتل شخصين في الانفجار", 2),     # a dual counts two
    ("سقط قتيلان في الاشتباك", 2),
    ("أصيب شرطيان بجروح", 2),
])
def test_counts_carried_by_nouns(text, low):
    claims = marsad.extract(text)
    assert [c.low for c in claims] == [low]


@pytest.mark.parametrize("text", [
    "بلغت قيمة الصفقة 300 مليون دولار",         # money
    "توفي الفنان عن عمر ناهز 85 عاما",           # an age (and no violence)
    "وقعت الحادثة في 21/7/2015",                 # a date
    "سيطرت القوات على 60 في المئة من المدينة",    # a percentage of land
    "حكم على المتهم بالسجن 15 عاما",              # years of a sentence
    "دمرت الغارات 40 منزلا و12 سيارة",            # buildings, vehicles
    "نفذت الطائرات 25 غارة على مواقع التنظيم",    # air strikes
    "قتل 3 أشخاص في حادث سير على الطريق السريع",  # a road accident
    "لقي 4 أشخاص حتفهم غرقا في السيول",           # a flood
    "وأسفرت الحملة عن ضبط 43 مخالفة في المحلات",  # things seized in a campaign
    "وتم ضبط نحو 5 ملايين حبة مخدرة في الشاحنة",   # ... and counted in pills
    "تنتشر 679 جمعية خيرية في مناطق المملكة",      # associations, not a force
    "لقي شخصان مصرعهما في حادث انقلاب السيارة",    # a car overturned
    "خطف المنتخب ثلاثا وعشرين ميدالية في البطولة",  # medals won
])
def test_figures_that_count_no_people_or_no_violence(text):
    assert marsad.extract(text) == []


@pytest.mark.parametrize("text, kind, low", [
    ("قتل 12 مدنيا في قصف على البلدة", "killed", 12),
    ("لقي 7 جنود مصرعهم في كمين", "killed", 7),
    ("أصيب 20 شخصا بجروح في الانفجار", "injured", 20),
    ("سقط 90 بين قتيل وجريح في التفجير", "casualties", 90),
    ("نزح أكثر من 5000 شخص من القرى الحدودية", "displaced", 5000),
    ("أجلي نحو 400 مدني من الحي المحاصر", "evacuated", 400),
    ("ما زال 2000 مدني محاصرين في المدينة القديمة", "trapped", 2000),
    ("يتواجد نحو 500 مقاتل في المنطقة", "present", 500),
    ("استسلم 40 مسلحا للقوات الحكومية", "surrendered", 40),
    ("اعتقلت الشرطة 15 مشتبها به", "detained", 15),
    ("أنقذت فرق الإسعاف 30 شخصا من تحت الأنقاض", "rescued", 30),
    ("لا يزال 6 صيادين مفقودين منذ الهجوم", "missing", 6),
])
def test_every_kind(text, kind, low):
    claims = marsad.extract(text)
    assert [(c.kind, c.low) for c in claims] == [(kind, low)]


def test_group_source_stance_from_the_sentence():
    (c,) = marsad.extract("قال المرصد السوري لحقوق الإنسان إن 15 عنصرا من تنظيم داعش قتلوا في المعارك.")
    assert (c.kind, c.low, c.group, c.source, c.stance) == ("killed", 15, "ISIS", "SOHR", "asserted")
    (c,) = marsad.extract("نفت الحكومة مقتل 30 مدنيا في القصف.")
    assert c.stance == "denied" and c.group == "civilians"
    (c,) = marsad.extract("رجحت مصادر طبية أن يكون نحو 40 شخصا قد قتلوا في القصف.")
    assert c.stance == "hedged" and c.source == "medical sources" and c.qualifier == "approx"


def test_others_take_the_group_just_named_and_parts_keep_the_kind():
    claims = marsad.extract("قتل 11 شخصا بينهم 3 أطفال وأصيب 20 آخرون في القصف.")
    assert [(c.kind, c.low, c.group) for c in claims] == [
        ("killed", 11, "people"), ("killed", 3, "children"), ("injured", 20, "people")]


def test_attribution_carries_into_a_continued_statement():
    claims = marsad.extract("قال مصدر أمني إن 5 جنود قتلوا في الهجوم.\nوأضاف المصدر أن 8 مسلحين قتلوا أيضا.")
    assert [c.source for c in claims] == ["security source", "security source"]
    claims = marsad.extract("قال مصدر أمني إن 5 جنود قتلوا في الهجوم.\nوفي حادث آخر قتل 3 مدنيين.")
    assert [c.source for c in claims] == ["security source", None]


def test_cumulative_toll():
    (c,) = marsad.extract("ارتفعت حصيلة القتلى منذ بدء الحرب إلى 250 ألف قتيل.")
    assert c.cumulative and c.low == 250000


def test_trailing_attribution_after_a_comma():
    (c,) = marsad.extract("سقطت قذائف على حي سكني ما تسبب بمقتل 12 شخصا، وفق ما أعلن المرصد السوري لحقوق الإنسان.")
    assert c.source == "SOHR"
    (c,) = marsad.extract("خرج 200 مدني من المدينة، إذ ذكر ناشطون أن المقاتلين بقوا فيها.")
    assert c.source is None  # the attribution opens another clause


def test_subject_between_verb_and_that_and_verbs_without_subject():
    (c,) = marsad.extract("وقال الأصبحي إن الميليشيات شردت الآلاف من الأسر.")
    assert c.source and c.group == "families" and c.low == 1000
    claims = marsad.extract("قال مصدر عسكري إن 4 جنود قتلوا.\nوأشار إلى أن العشرات من المسلحين قتلوا أيضا.")
    assert [c.source for c in claims] == ["military source", "military source"]


def test_asides_between_a_figure_and_its_cue():
    (c,) = marsad.extract("وعثر على جثة الشاب (24 عاما) الذي قتلته العصابة أمس.")
    assert (c.kind, c.low) == ("killed", 1)
    claims = marsad.extract("وأطلقت الشرطة النار على الشاب الذي قتل ثلاثة مارة.")
    assert [(c.kind, c.low) for c in claims] == [("killed", 3)]  # he killed; he was not killed
    claims = marsad.extract("قالت الشرطة إن فتاتين «يقل عمرهما عن 15 عاما» قامتا بتفجير نفسيهما في السوق.")
    assert [(c.kind, c.low, c.group) for c in claims] == [("killed", 2, "militants")]


@pytest.mark.parametrize("text", [
    "وقضت المحكمة بالسجن وحكم بالإعدام على أربعة متهمين",   # a sentence, not an execution
    "وشدد الخطيب على حرمة قتل النفس",                         # a figure of speech
    "وهدد بالقتل ثلاثة صحفيين",                              # a threat
    "وأجرت الأسرة حفلا بمناسبة خروج الطفلة من المستشفى",     # خروج: an exit, not an evacuation
    "وشملت المبادرة أربع عشرة أسرة من الأسر المحتاجة",        # الأسر: families, not captivity
    "تهدف إلى توفير الخدمات لعدد من القرى والهجر في 39 محافظة",  # الهجر: villages, not displaced
    "أجلت محكمة الجنايات محاكمة 23 متهما إلى الشهر المقبل",     # أجّلت: postponed, not evacuated
    "وتستمر فعاليات مهرجان الخرج 36 حتى نهاية الأسبوع",         # الخرج: a town, not an exit
    "وأعلنت المحكمة تأييد حكم الإعدام بحق 11 محكوما",            # a death sentence upheld
    "وهذا يعني أن 298 ألف شخص فقدوا وظائفهم خلال عام واحد",     # jobs lost, not people missing
    "وتضيء آلاف المصابيح شوارع المدينة",                        # lamps (مصابيح), not the injured
    "وشاركت 10 أسر منتجة في المهرجان",                            # families, not captivity
    "وخرج اللاعب في الدقيقة 72 مصابا ونزل زميله بدلا منه",          # a match's minute, not 72 injured
])
def test_cue_words_in_other_senses(text):
    assert marsad.extract(text) == []


def test_a_place_after_a_preposition_is_where_and_an_execution_carried_out_is_one():
    # ("بموقع": at a site, not sites counted; "في 39 إقليما": in provinces, the people are counted)
    (c,) = marsad.extract("وأسفرت الغارات عن مقتل 8 بموقع قرب المطار.")
    assert (c.kind, c.low) == ("killed", 8)
    (c,) = marsad.extract("واحتجزت السلطات 1302 شخص في 39 إقليما.")
    assert (c.kind, c.low) == ("detained", 1302)
    (c,) = marsad.extract("وقال المصدر إن التنظيم نفذ الجمعة حكم الإعدام رميا بالرصاص في أربعة سائقين.")
    assert (c.kind, c.low) == ("killed", 4)
    # a ramming attack is violence, a car that ran a man over is not
    (c,) = marsad.extract("وأصيب ثلاثة جنود في عملية دهس قرب المستوطنة.")
    assert (c.kind, c.low) == ("injured", 3)
    assert marsad.extract("لقي شخص مصرعه دهسا على الطريق الدائري.") == []


def test_weak_movement_verb_yields_to_a_counted_cue_noun():
    (c,) = marsad.extract("غادر عشرات المصابين المستشفى بعد تلقي العلاج")
    assert (c.kind, c.low, c.high) == ("injured", 10, 99)
    (c,) = marsad.extract("نجحت القوات بتحرير 200 نازح خلال العملية")
    assert c.kind == "rescued"


def test_non_violent_articles_and_other_senses():
    text = ("ضربت عاصفة قوية السواحل الشمالية أمس.\n"
            "وقالت السلطات إن 12 شخصا قتلوا ونزح أكثر من 3000 من منازلهم.")
    assert marsad.extract(text) == []           # a storm: no conflict claims anywhere in it
    assert marsad.extract("وتعاقب على رئاسة التحرير 3 صحفيين خلال ثلاثة عقود") == []
    (c,) = marsad.extract("غرق ما بين 35 إلى 40 شخصا وقتل 5 آخرون في هجوم مسلح على القارب")[-1:]
    assert (c.kind, c.low) == ("killed", 5)
    (c,) = marsad.extract("قتل 35 إلى 40 شخصا في الهجوم")
    assert (c.low, c.high, c.qualifier) == (35, 40, "range")


@pytest.mark.parametrize("text, group", [
    ("وبلغ عدد الجرحى المدنيين 1616 شخصا", "civilians"),        # an adjective of the cue noun
    ("قتل 33 مسلحا من مسلحي «داعش» في الهجوم", "ISIS"),          # a person noun before the actor
    ("قتل المئات من هذا التنظيم في المعارك", "ISIS"),             # a demonstrative before it
    ("معركة أمس قتل فيها اثنان من المقاومين", "Popular Resistance"),
    ("قتل 3 جنود أتراك في انفجار لغم", "Turkish forces"),         # a nationality adjective
])
def test_groups(text, group):
    (c,) = marsad.extract(text)
    assert c.group == group


def test_sources_named_after_according_to():
    (c,) = marsad.extract("وقتل ما لا يقل عن 260 مقاتلا في الغارات بحسب أنقرة.")
    assert c.source == "أنقرة"  # as the article writes it
    (c,) = marsad.extract("وحسب ما نشرته صحيفة ويتشيتا إيغل فإن الشرطة تحقق في مقتل طالب سعودي.")
    assert c.source and c.source.startswith("صحيفة")
    (c,) = marsad.extract("وقتل 5 أشخاص بحسب المعلومات الأولية.")
    assert c.source is None   # "according to the first information" names no one


def test_attacker_is_not_a_victim_and_killed_and_wounded_together():
    assert [(c.kind, c.low) for c in marsad.extract("وفجر انتحاري نفسه وسط السوق فقتل 32 شخصا")] == [("killed", 32)]
    (c,) = marsad.extract("وأفاد ناشطون أن عشرات المدنيين قتلوا وجرحوا في القصف")
    assert (c.kind, c.low, c.high, c.group) == ("casualties", 10, 99, "civilians")


def test_back_references_find_the_source_of_their_kind():
    text = ("أفادت وكالة الأنباء السورية بمقتل 11 شخصا في دمشق.\n"
            "وقال المرصد السوري إن 28 عنصرا قتلوا في ريف حلب.\n"
            "وقالت الوكالة إن 46 شخصا أصيبوا بجروح.")
    assert [c.source for c in marsad.extract(text)] == ["SANA", "SOHR", "SANA"]


def test_soldiers_are_the_forces_the_article_is_about_unless_said_otherwise():
    text = ("قصف الجيش التركي مواقع للمتمردين في الجبال.\n"
            "وأعلن الجيش التركي أن جنديين قتلا في الهجوم.\n"
            "وفي حادث آخر قتل خمسة جنود إيرانيين في اشتباك على الحدود.")
    assert [(c.low, c.group) for c in marsad.extract(text)] == [(2, "Turkish forces"), (5, "soldiers")]
    (c,) = marsad.extract("واعتقلت الشرطة تسعة أشخاص بعد مداهمة المصنع.")
    assert c.group == "people"   # the police did the arresting
    (c,) = marsad.extract("وقتل جريح سوري بعد وصوله إلى المستشفى")
    assert c.group == "civilians"


def test_a_source_named_in_full_then_by_surname():
    text = ("وقال مدير المرصد السوري رامي عبد الرحمن إن الاشتباكات مستمرة.\n"
            "وقال عبد الرحمن إن 7 مقاتلين قتلوا في القصف.")
    (c,) = marsad.extract(text)
    assert c.source == "SOHR"


def test_groups_from_predicates_partitives_and_massacres():
    (c,) = marsad.extract("وقال المرصد إن تسعة من القتلى هم من المدنيين.")[-1:]
    assert (c.low, c.group) == (9, "civilians")
    (c,) = marsad.extract("سقطت قذيفة على منزل وقتلت خمسة أشخاص من أسرة واحدة.")
    assert c.group == "civilians"
    (c,) = marsad.extract("وتحدثت وسائل إعلام عن مجزرة سقط ضحيتها تسعة قتلى.")
    assert c.group == "civilians"
    (c,) = marsad.extract("خسرت المقاومة ثلاثة من مقاتليها في الاشتباكات.")
    assert c.group == "Popular Resistance"


def test_running_tolls_said_through_a_period_or_a_rise():
    import marsad
    cum = lambda text: [c.cumulative for c in marsad.extract(text)]
    assert cum("أدى تمرد الجماعة المستمر منذ ست سنوات إلى مقتل 15 ألف شخص.") == [True]
    assert cum("وقتل المسلحون مئات الجنود خلال العامين الماضيين.") == [True]
    assert cum("في نزاع أوقع أكثر من أربعين ألف قتيل في ثلاثين عاما.") == [True]
    assert cum("ارتفعت حصيلة القتلى جراء القصف على حي باب توما في دمشق إلى 11 قتيلا.") == [True]
    assert cum("أدت تفجيرات إلى مقتل ستة أشخاص خلال حملته في باتنا سنة 2013.") == [False]
