"""Event dates of claims (marsad.extractor.dates): from the publication day and what the text says."""
import datetime as dt

import marsad
from marsad.ar.normalize import fold
from marsad.extractor.dates import OPEN, find_dates, precision

PUB = dt.date(2015, 7, 21)  # a Tuesday; 5 Shawwal 1436


def said(text, pub=PUB):
    f = fold(text)
    return [(f[m.start:m.end], m.lo.isoformat(), m.hi.isoformat()) for m in find_dates(f, pub)]


def test_days_weekdays_and_spans_from_the_publication_day():
    assert said("قتل أمس") == [("امس", "2015-07-20", "2015-07-20")]
    assert said("أعلن اليوم (الثلاثاء)") == [("اليوم", "2015-07-21", "2015-07-21")]  # one date, not two
    assert said("الخميس الماضي")[0][1:] == ("2015-07-16", "2015-07-16")
    assert said("يوم الثلاثاء الماضي")[0][1:] == ("2015-07-14", "2015-07-14")  # the one before today
    assert said("قبل ثلاثة أيام")[0][1:] == ("2015-07-17", "2015-07-19")
    assert said("منذ يومين")[0][1:] == ("2015-07-19", "2015-07-19")
    # the calendar week before, Sunday to Saturday (the Gulf's week), and this one up to the day
    assert said("خلال الأسبوع الماضي")[0][1:] == ("2015-07-12", "2015-07-18")
    assert said("هذا الأسبوع")[0][1:] == ("2015-07-19", "2015-07-21")
    assert said("مطلع الشهر الجاري")[0][1:] == ("2015-07-01", "2015-07-10")
    assert said("أواخر الشهر الماضي")[0][1:] == ("2015-06-20", "2015-06-30")  # not "أواخر الشهر" and a word
    assert said("الشهر الماضي")[0][1:] == ("2015-06-01", "2015-06-30")
    assert said("منذ الخميس")[0][1:] == ("2015-07-16", "2015-07-21")  # from that day on
    assert said("منذ أبريل من العام الماضي")[0][1:] == ("2014-04-01", "2015-07-21")
    assert said("قبل أيام")[0][1:] == ("2015-07-14", "2015-07-19")  # a few days: two to seven
    assert said("منذ أشهر")[0][2] == "2015-07-21"                    # ... or for as long, to now
    assert said("خلال الأسبوعين الماضيين")[0][1:] == ("2015-07-07", "2015-07-21")
    assert said("ليلة الخميس الجمعة")[0][1:] == ("2015-07-16", "2015-07-17")
    assert said("الليلة قبل الماضية")[0][1:] == ("2015-07-19", "2015-07-19")  # the night before last
    # a toll "in 15 months": that long up to the day (not "في الأشهر الأربعة الأولى", "في يومين")
    assert said("أوقع أكثر من 6800 قتيل في 15 شهرا")[0][1:] == ("2014-02-01", "2015-07-21")  # (counted round)
    assert said("قتل ألف في الأشهر الأربعة الأولى من العام") == [] and said("قتل 5 في يومين") == []


def test_dates_said_in_full_gregorian_and_hijri():
    assert said("في 15 يوليو/تموز 2015")[0][1:] == ("2015-07-15", "2015-07-15")
    assert said("في 20 ديسمبر")[0][1:] == ("2014-12-20", "2014-12-20")  # no year: the last one before
    assert said("في 5 شوال 1436هـ")[0][1:] == ("2015-07-21", "2015-07-21")
    assert said("في شهر رمضان")[0][1:] == ("2015-06-18", "2015-07-16")
    assert said("في مارس الماضي")[0][1:] == ("2015-03-01", "2015-03-31")
    assert said("15/7/2015")[0][1:] == ("2015-07-15", "2015-07-15")
    # a Hijri year in digits is Hijri, as Saudi papers write it (it was read as the year 1436)
    assert said("1436/10/5")[0][1:] == ("2015-07-21", "2015-07-21")
    assert said("في 24/1/1434هـ")[0][1:] == ("2012-12-08", "2012-12-08")
    assert said("عام 2014")[0][1:] == ("2014-01-01", "2014-12-31")


def test_spans_said_with_since_and_during():
    # "منذ" a few words before a date: from then to the publication day
    assert said("منذ اندلاع الصراع في شرق أوكرانيا في أبريل نيسان من العام الماضي")[0][1:] == \
        ("2014-04-01", "2015-07-21")
    assert said("في تموز/يوليو 2013. ومنذ ذلك الحين قتل المئات")[1] == ("ومنذ ذلك الحين", "2013-07-01", "2015-07-21")
    # "خلال" a counted span, up to the day it was written (a round figure: a little longer)
    assert said("قتل 51 خلال الـ48 ساعة") == [("خلال ال48 ساعه", "2015-07-19", "2015-07-21")]
    assert said("قتلوا خلال أسبوعين من الغارات") == [("خلال اسبوعين", "2015-07-05", "2015-07-21")]
    assert said("قتل 660 خلال شهر ونصف")[0][1:] == ("2015-05-31", "2015-07-21")
    # (a season or more is counted round, from the first of the month it reaches)
    assert said("خلال 10 أشهر")[0][1:] == ("2014-08-01", "2015-07-21")
    assert said("خلال الـ12 عاما الماضية")[0][1:] == ("2001-11-01", "2015-07-21")
    assert said("خلال شهر ميلادي واحد") == [] and said("خلال شهر رمضان")[0][1:] == ("2015-06-18", "2015-07-16")
    assert said("خلال أيام") == [] and said("في يومين") == []
    # two dates after "بين" or "من" are one span; a day may be an ordinal before "من"
    assert said("بين الأول من كانون الثاني/يناير و30 حزيران/يونيو")[0][1:] == ("2015-01-01", "2015-06-30")
    assert said("في الفترة من 7 يوليو الماضي، وحتى الخامس من الشهر الجاري", pub=dt.date(2015, 8, 8))[0][1:] == \
        ("2015-07-07", "2015-08-05")
    assert said("في الثاني من الشهر الماضي")[0][1:] == ("2015-06-02", "2015-06-02")
    assert said("الأول من نوعه") == []
    assert said("قبل نحو 24 شهرا")[0][1:] == ("2013-04-20", "2013-11-10")  # "about", and a slack of a seventh
    # "منذ" a count of months or years: for that long, up to now (with the same slack)
    assert said("الحرب الأهلية المستمرة منذ 19 شهرا")[0][1:] == ("2013-10-01", "2015-07-21")
    assert said("دم يهرق منذ قرابة خمسة أعوام")[0][1:] == ("2010-01-01", "2015-07-21")  # (a slack of half a year at most)
    assert said("منذ أربعة أشهر")[0][1:] == ("2015-03-01", "2015-07-21")
    assert said("في السنوات الثلاث الماضية")[0][1:] == ("2012-02-01", "2015-07-21")
    # two years with a dash are those years; not in a longer number, nor years to come
    assert said("خلال فترة حكمه (1982-1990)") == [("1982-1990", "1982-01-01", "1990-12-31")]
    assert said("في 1982-2090") == [] and said("رقم 1982-1990-12") == []
    # years with no count: up to now from a start not said; and history is no event date
    (m,) = find_dates(fold("قتل المئات منذ سنوات"), PUB)
    assert (m.lo, m.hi) == (OPEN, PUB)
    assert said("خلال 2000 عام") == [] and said("قبل 1400 عام") == []
    assert said("منذ عام 1984")[0][1:] == ("1984-01-01", "2015-07-21")  # the year, not "a year"
    # a range whose first date says "الماضي" before the comma
    assert said("في الفترة من 7 تموز-يوليو الماضي، وحتى الخامس من الشهر الجاري", pub=dt.date(2015, 8, 8))[0][1:] == \
        ("2015-07-07", "2015-08-05")


def test_a_statement_s_day_gives_way_to_the_day_in_the_figure_s_clause():
    # (a time up to now is up to the day it was said)
    (c,) = marsad.extract("ذكرت الوكالة أمس الأحد أن نحو 390 مقاتلا قتلوا خلال أسبوعين من الغارات.", date="2015-08-10")
    assert (c.date_start, c.date_end, c.date_text) == ("2015-07-24", "2015-08-09", "خلال أسبوعين")
    # (the verb may stand a dozen words before the day; "خلال هذه الفترة" is the span said last)
    a, b = marsad.extract("قتلت طائرات التحالف 3042 مسلحا خلال 10 أشهر. وقال المرصد في بيان تلقت وكالة الأنباء "
                          "الألمانية نسخة منه الخميس إن 170 مدنيا قتلوا جراء هذه الغارات خلال هذه الفترة.",
                          date="2015-07-24")
    assert (b.low, b.date_start, b.date_end) == (170, "2014-07-31", "2015-07-23")
    # a time up to now in the figure's own clause is its time, not a date said before a comma
    (c,) = marsad.extract("وتجري الحكومة والمتمردون محادثات منذ عامين ونصف العام لإنهاء الحرب، والتي أدت إلى سقوط "
                          "نحو 220 ألف قتيل على مدى 50 عاما.", date="2015-07-27")
    assert (c.date_start, c.date_end, c.date_text) == ("1958-06-01", "2015-07-27", "على مدى 50 عاما")
    # ... also "منذ" a day said after the figure in its clause
    a, b = marsad.extract("وأعلنت المنظمة أن 250 ألفا نزحوا من الرمادي منذ أبريل الماضي، و75 ألفا نزحوا من الفلوجة "
                          "منذ 8 يوليو الجاري.", date="2015-07-21")
    assert (a.date_start, b.date_start, b.date_end) == ("2015-04-01", "2015-07-08", "2015-07-21")
    # ... not to one in another clause
    a, b = marsad.extract("أعلنت الوزارة أمس أن 5 جنود قتلوا، وأصيب 3 آخرون في هجوم الخميس.", date="2015-08-10")
    assert (a.date_start, a.date_end, a.date_text) == ("2015-08-08", "2015-08-09", "أمس")
    assert (b.date_start, b.date_text) == ("2015-08-06", "الخميس")


def test_a_span_counted_back_from_the_date_said_last():
    # "وبعد ثمانية أيام من الهجوم": the attack was eight days before the date said before it
    (c,) = marsad.extract("وفي الرابع من يوليو، وبعد ثمانية أيام من الهجوم على الفندق الذي خلف 38 قتيلا، "
                          "أعلن الرئيس حالة الطوارئ.", date="2015-08-01")
    assert (c.low, c.date_start, c.date_end) == (38, "2015-06-25", "2015-06-27")
    # ... or the day it was written; "بعد أقل من أسبوع على": within the week before
    (c,) = marsad.extract("تأتي تصريحات الرئيس اليوم بعد يومين من مقتل 3 أطفال في الهجوم.", date="2015-08-02")
    assert (c.date_start, c.date_end) == ("2015-07-31", "2015-07-31")
    assert said("بعد أقل من أسبوع على خطف")[0][1:] == ("2015-07-14", "2015-07-20")
    # it dates only the words after it in its clause: the main clause keeps its own day
    claims = marsad.extract("قتل 4 جنود أمس، بعد يومين من مقتل 6 مدنيين في القصف.", date="2015-07-21")
    assert [(c.low, c.date_start) for c in claims] == [(4, "2015-07-20"), (6, "2015-07-18")]
    # "وقبل ذلك بيوم": the day before the date said last, for the whole sentence
    claims = marsad.extract("وفي وقت متأخر من السبت قتل شرطي في هجوم. وقبل ذلك بيوم قتل 6 أشخاص في اشتباكات.",
                            date="2015-08-10")
    assert [(c.low, c.date_start, c.date_end) for c in claims][-1] == (6, "2015-08-07", "2015-08-07")
    # an anniversary: that many years before the day it was marked
    claims = marsad.extract("أصيب شخصان أمس الأحد خلال مسيرة في الذكرى الأولى لمقتل شاب برصاص الشرطة.",
                            date="2015-08-10")
    assert [(c.kind, c.date_start) for c in claims] == [("injured", "2015-08-09"), ("killed", "2014-08-09")]


def test_two_days_and_a_span_said_again():
    assert said("أصيب 163 آخرون بجروح أمس واليوم")[0][1:] == ("2015-07-20", "2015-07-21")  # both days
    assert said("قتل 5 أمس و3 اليوم") == [("امس", "2015-07-20", "2015-07-20"), ("اليوم", "2015-07-21", "2015-07-21")]
    assert said("في الفترة الممتدة من 10 يوليو (تموز) وحتى يوم أمس")[0][1:] == ("2015-07-10", "2015-07-20")
    # "خلال الفترة نفسها": the span said last
    got = said("قتل 390 مقاتلا خلال الأسبوعين الماضيين. وقتل نحو عشرين شرطيا خلال الفترة نفسها.")
    assert got[1][1:] == got[0][1:] == ("2015-07-07", "2015-07-21")


def test_what_is_no_date():
    assert said("مارس الضغط على الحكومة") == []      # a verb spelled as the month
    assert said("الجمعة المقبلة") == []              # a plan: no event yet
    assert said("قال لـ«اليوم» إن") == []            # the paper's name
    assert said("قال لصحيفة عين اليوم") == []
    assert said("قتل 30 من أبطال الجيش") == []        # not "30 آب"
    assert said("قتل أمس", pub=None) == []           # "yesterday" of an unknown day
    assert said("في 15 يوليو 2015", pub=None)[0][1] == "2015-07-15"  # a full date needs no publication day


def test_precision_is_acled_s():
    d = dt.date(2015, 7, 1)
    assert [precision(d, d + dt.timedelta(days=n)) for n in (0, 6, 30, 60)] == [1, 2, 3, 4]


def test_a_claim_takes_the_date_nearest_it_else_its_paragraph_s_or_the_one_before_else_the_lead_s():
    text = "قتل 5 مدنيين أمس في قصف على حلب. وفي 3 يوليو قتل 10 جنود في إدلب. وأصيب 4 آخرون.\n\nوأصيب 7 أشخاص في حماة."
    claims = marsad.extract(text, date="2015-07-21 10:00")
    got = [(c.low, c.date_start, c.date_end, c.time_precision, c.date_text) for c in claims]
    # (a day said in another sentence is a day either way: news carries a day on loosely, and
    # a paper's "أمس" may be a day late)
    assert got[:3] == [(5, "2015-07-20", "2015-07-20", 1, "أمس"), (10, "2015-07-03", "2015-07-03", 1, "3 يوليو"),
                       (4, "2015-07-02", "2015-07-04", 2, "3 يوليو")]
    assert got[3] == (7, "2015-07-02", "2015-07-04", 2, "3 يوليو")  # the paragraph before goes on
    text += "\n\nوقتل 3 في درعا."
    (*_, c) = marsad.extract(text, date="2015-07-21 10:00")
    assert (c.low, c.date_start, c.date_end, c.date_text) == (3, "2015-07-19", "2015-07-21", "أمس")  # the lead's
    text = "قتل 5 مدنيين أمس في قصف على حلب.\n\nوكان التنظيم قد سيطر على المدينة عام 2014.\n\nوأصيب 7 أشخاص في حماة."
    (*_, c) = marsad.extract(text, date="2015-07-21 10:00")
    assert (c.low, c.date_text) == (7, "أمس")  # a year in the paragraph before is background
    (c,) = marsad.extract("أصيب 7 أشخاص في حماة.", date="2015-07-21")
    # (no date said: a report of the day it was published or the two before, as a paper of the
    # morning reports the day before's and a story may run a day late)
    assert (c.date_start, c.date_end, c.time_precision, c.date_text) == ("2015-07-19", "2015-07-21", 2, None)
    (c,) = marsad.extract("أصيب 7 أشخاص في حماة أمس.")
    assert c.date_start is None and c.time_precision is None  # no publication day: no date invented


def test_feasts_eves_parts_of_a_year_and_pairs_of_years():
    # a feast is its Hijri day, the last one on or before the publication (1 Shawwal 1436 is 17 July 2015)
    assert said("في أول أيام عيد الفطر")[0][1:] == ("2015-07-17", "2015-07-17")
    assert said("خلال عيد الفطر")[0][1:] == ("2015-07-17", "2015-07-19")
    assert said("في يوم عرفة")[0][1:] == ("2014-10-03", "2014-10-03")  # (9 Dhu al-Hijja 1435: the last one)
    # "ليل الاثنين": the night into Monday or Monday's own, both days; two weekdays are that night
    assert said("وقع ليل الاثنين")[0][1:] == ("2015-07-19", "2015-07-20")
    assert said("ليل الأحد الاثنين")[0][1:] == ("2015-07-19", "2015-07-20")
    assert said("هذا الصباح")[0][1:] == ("2015-07-21", "2015-07-21")
    assert said("في مطلع العام الماضي")[0][1:] == ("2014-01-01", "2014-02-28")
    assert said("أواخر عام 2013")[0][1:] == ("2013-10-01", "2013-12-31")
    assert said("خلال حكمه بين عامي 1982 و1990")[0][1:] == ("1982-01-01", "1990-12-31")
    assert said("لشهر يونيو (حزيران) الماضي")[0][1:] == ("2015-06-01", "2015-06-30")
    assert said("وفي إب") == []  # a Yemeni province, not "آب" (no "و" before a month's lead)
    # fighting that has gone on that long: up to now, a season or more from the 1st of its month
    assert said("وأدت أكثر من أربعة أشهر من المعارك")[0][1:] == ("2015-03-01", "2015-07-21")
    assert said("ثلاثة أيام من الحصار") == []
    # a few weeks or months with no count: from a start not said
    assert said("خلال الأسابيع القليلة الماضية")[0][1] == OPEN.isoformat()
    assert said("خلال الأيام القليلة الماضية")[0][1:] == ("2015-07-18", "2015-07-21")


def test_a_day_in_quotes_and_a_statement_s_day_after_a_long_name():
    assert said('وقال المحافظ "هذا الصباح انفجرت سيارة"')[0][1:] == ("2015-07-21", "2015-07-21")
    assert said("نشرت صحيفة «اليوم»") == []  # a paper's name
    (c,) = marsad.extract('وقالت الجبهة الشامية المنضوية في غرفة عمليات "أهل الشام" بريف حلب الشمالي، مساء الأربعاء، '
                          "إنها قتلت 12 عنصرا من قوات النظام.", date="2015-07-23")
    assert (c.date_start, c.date_end) == ("2015-07-21", "2015-07-22")  # said on Wednesday: done by then


def test_a_date_right_after_the_figure_before_the_day_said_before_it_is_its_own():
    (c,) = marsad.extract("وتأجلت أمس محاكمة الرئيس السابق بقتل الآلاف خلال حكمه بين عامي 1982 و1990.", date="2015-07-22")
    assert (c.date_start, c.date_end) == ("1982-01-01", "1990-12-31")
    (c,) = marsad.extract("وتجري المباريات بلا جمهور منذ فبراير الماضي، بعد مذبحة قتل فيها 72 مشجعا في فبراير عام 2012.",
                          date="2015-07-25")
    assert (c.date_start, c.date_end) == ("2012-02-01", "2012-02-29")
    # (not a date of another clause: "... ويذكر أن حصيلة يونيو")
    (c, _) = marsad.extract("وقتل أمس 35 شخصا ويذكر أن حصيلة يونيو بلغت 40 قتيلا.", date="2015-07-22")
    assert (c.low, c.date_start, c.date_end) == (35, "2015-07-21", "2015-07-21")


def test_a_date_in_another_clause_after_the_figure_is_that_clause_s():
    text = "وقع هجوم على النفق ليل الأحد الاثنين.\n\nوأصيب 3 من الشرطة بالحجارة، ويشهد النفق منذ أسابيع محاولات تسلل."
    (c,) = marsad.extract(text, date="2015-08-04")
    assert (c.date_start, c.date_end, c.date_text) == ("2015-08-02", "2015-08-03", "ليل الأحد الاثنين")
    # (a start said there is still the figure's)
    (c,) = marsad.extract("وأشار المرصد إلى ارتفاع عدد القتلى إلى 500 على الأقل جراء غارات التحالف، وضرباته الصاروخية "
                          "على مناطق في سوريا منذ 23 سبتمبر 2014، وحتى فجر اليوم.", date="2015-07-23")
    assert (c.date_start, c.date_end) == ("2014-09-23", "2015-07-23")
    # (", وفق ما": the same clause goes on)
    (c,) = marsad.extract("قتل 11 شخصا بقذائف على دمشق، وفق ما أوردت الوكالة أمس.", date="2015-08-09")
    assert c.date_text == "أمس"


def test_a_statement_s_day_reaches_back_a_day():
    # "أعلنت الوزارة اليوم مقتل ...": the day of the statement; the killing may be the night before
    (c,) = marsad.extract("أعلنت وزارة الداخلية اليوم مقتل خمسة أشخاص في هجوم على حاجز.", date="2015-07-21")
    assert (c.date_start, c.date_end, c.time_precision) == ("2015-07-20", "2015-07-21", 2)
    # ... also where the verb carries its object ("أعلنها") and the date comes after the figure
    (c,) = marsad.extract("قتل 12 شخصا في الهجوم على الفندق وفق حصيلة جديدة أعلنها مسؤولون في الجيش لوكالة "
                          "فرانس برس يوم أمس السبت.", date="2015-08-09")
    assert (c.date_start, c.date_end) == ("2015-08-07", "2015-08-08")
    (c,) = marsad.extract("قتل خمسة أشخاص اليوم في هجوم على حاجز.", date="2015-07-21")
    assert (c.date_start, c.date_end, c.time_precision) == ("2015-07-21", "2015-07-21", 1)


def test_a_running_toll_runs_to_the_day_it_was_given():
    (c,) = marsad.extract("قتل أكثر من 1500 مدني في البلاد منذ مارس الماضي.", date="2015-07-21")
    assert (c.date_start, c.date_end, c.time_precision) == ("2015-03-01", "2015-07-21", 4)
    (c,) = marsad.extract("وبلغ عدد القتلى منذ بداية الحرب أكثر من 4000 شخص.", date="2015-07-21")
    assert c.cumulative and (c.date_start, c.date_end) == (None, "2015-07-21")  # a start no one said


def test_a_toll_of_the_conflict_runs_from_a_start_not_said():
    (c,) = marsad.extract("وأضاف المرصد أن نحو 1500 شخص مجهول الهوية قتلوا في الصراع.", date="2015-08-07")
    assert c.cumulative and (c.date_start, c.date_end) == (None, "2015-08-07")
    (c,) = marsad.extract("وتشهد البلاد نزاعا تسبب منذ منتصف مارس بمقتل أكثر من 4000 شخص.", date="2015-08-07")
    assert c.cumulative and (c.date_start, c.date_end) == ("2015-03-10", "2015-08-07")


def test_people_held_since_a_day_were_taken_then():
    (c,) = marsad.extract("تبدأ اليوم محاكمة 100 من الصيادين المحتجزين منذ أبريل الماضي بتهمة التجسس.", date="2015-07-22")
    assert (c.kind, c.date_start, c.date_end, c.date_text) == ("detained", "2015-04-01", "2015-04-30", "منذ أبريل الماضي")
    # ... but arrests counted since a day run to the day they were counted
    (c,) = marsad.extract("اعتقلت الشرطة 50 شخصا منذ مطلع الشهر.", date="2015-07-22")
    assert (c.date_start, c.date_end) == ("2015-07-01", "2015-07-22")


def test_arrests_reported_with_no_day_were_made_by_the_day_they_were_reported():
    (c,) = marsad.extract("أعلنت وزارة الداخلية القبض على 431 شخصا ينتمون إلى خلايا إرهابية.", date="2015-07-19")
    assert (c.kind, c.date_start, c.date_end, c.time_precision) == ("detained", None, "2015-07-19", 4)
    (c,) = marsad.extract("اعتقلت الشرطة أمس 12 شخصا.", date="2015-07-19")
    assert (c.date_start, c.date_end) == ("2015-07-18", "2015-07-18")  # a day said is the day


def test_a_time_up_to_now_whose_start_is_not_said():
    (c,) = marsad.extract("وقعت هجمات مؤخرا على المساجد قتل فيها 20 شخصا.", date="2015-08-09")
    assert (c.date_start, c.date_end, c.time_precision, c.date_text) == (None, "2015-08-09", 4, "مؤخرا")
    (c,) = marsad.extract("قال المبعوث إن الحل ملح مع وجود 4 آلاف قتيل على الأرض إلى اليوم.", date="2015-08-04")
    assert (c.date_start, c.date_end, c.date_text) == (None, "2015-08-04", "إلى اليوم")  # not "اليوم" alone
    # a state that goes on ("لا يزال"), after the day of what came before it
    claims = marsad.extract("وأصيب أمس 8 أشخاص في القصف، بينما لا يزال 24 مصابا يتلقون العلاج في أبها.", date="2015-08-07")
    assert [(c.low, c.date_start, c.date_end) for c in claims] == [(8, "2015-08-06", "2015-08-06"), (24, None, "2015-08-06")]
    # ... but a day said of the figure's own words is its day
    (c,) = marsad.extract("ولا يزال مجهولا مصير 13 مقاتلا خطفتهم الجبهة الخميس الماضي.", date="2015-08-07")
    assert (c.date_start, c.date_end) == ("2015-08-06", "2015-08-06")


def test_a_date_line_in_a_scraped_header_is_the_publication_day():
    text = "الرئيسية - سوريا\nالثلاثاء 21 يوليو 2015\nمقتل مدنيين في إدلب\n\nقتل 14 مدنيا أمس في غارات على ريف إدلب، بحسب ناشطين في المنطقة."
    (c,) = marsad.extract(text)
    assert (c.date_start, c.date_text) == ("2015-07-20", "أمس")
    assert c.quote in text and "2015" not in c.quote


def test_a_well_known_event_by_its_name_is_dated_by_it():
    # (known_events.tsv: a coder dates a massacre recalled by name from common knowledge)
    (c,) = marsad.extract("وتجري المباريات بلا جمهور بعد مذبحة بورسعيد التي قتل فيها 72 مشجعا.", date="2015-07-25")
    assert (c.date_start, c.date_end, c.time_precision, c.date_text) == ("2012-02-01", "2012-02-01", 1, "مذبحة بورسعيد")
    (c,) = marsad.extract("وأحيت المدينة ذكرى سربرنيتسا حيث قتل ثمانية آلاف مسلم.", date="2015-07-12")
    assert (c.date_start, c.date_end) == ("1995-07-11", "1995-07-22")
    # (a name after the figure, near it in its clause: "قتل 21 في هجوم متحف باردو")
    (c,) = marsad.extract("وقتل 21 سائحا في هجوم متحف باردو بالعاصمة.", date="2015-07-25")
    assert (c.date_start, c.date_end) == ("2015-03-18", "2015-03-18")
    # a war that goes on is the start of a toll since it began, up to the day the toll was given
    (c,) = marsad.extract("وقتل أكثر من 230 ألف شخص منذ اندلاع الأزمة السورية.", date="2015-08-06")
    assert (c.date_start, c.date_end) == ("2011-03-01", "2015-08-06")
    # ... but not a figure its name is only near ("مجلس الثورة السورية")
    (c,) = marsad.extract("وأفاد عضو مجلس الثورة السورية بأن المواجهات أسفرت أمس عن مقتل 12 عنصرا.", date="2015-07-25")
    assert (c.date_end, c.date_text) == ("2015-07-24", "أمس")
    # and "منذ" before an event long past is a comparison, not a toll since then
    (c,) = marsad.extract("وفر 4 ملايين سوري في أسوأ أزمة لجوء منذ الحرب العالمية الثانية.", date="2015-07-25")
    assert c.date_start is None or c.date_start > "2000"


def test_the_text_s_own_date_wins_over_a_name_s_where_they_differ():
    # a date said after the name, in the figure's comma stretch: what the name is said with
    (c,) = marsad.extract("ألقيت قنبلة على ناغازاكي بعد هيروشيما فقتلت 74 ألفا في 9 أغسطس 1945.", date="2015-08-06")
    assert (c.date_start, c.date_end) == ("1945-08-09", "1945-08-09")
    # an event of the last days is a day either way by its name, the day the text says where it says one
    (c,) = marsad.extract("قتل 15 في تفجير مسجد قوات الطوارئ في أبها.", date="2015-08-08")
    assert (c.date_start, c.date_end) == ("2015-08-05", "2015-08-07")
    (c,) = marsad.extract("قتل 15 في تفجير مسجد قوات الطوارئ في أبها أول من أمس.", date="2015-08-08")
    assert (c.date_start, c.date_end) == ("2015-08-06", "2015-08-06")
    # a date said before the name belongs to another verb ("قالت أمس ... بعد شهر من تفجير")
    (c,) = marsad.extract("قالت الكويت أمس إنها اعتقلت خلية بعد شهر من تفجير مسجد الصادق الذي أودى بحياة 27 شخصا.",
                          date="2015-07-31")
    assert (c.date_start, c.date_end) == ("2015-06-26", "2015-06-26")
    # a name is not known before it happened: a text written earlier does not take it
    assert said("هجوم نيس", pub=dt.date(2015, 7, 21)) == []
    assert said("هجوم نيس", pub=dt.date(2016, 8, 1))[0][1:] == ("2016-07-14", "2016-07-14")


def test_a_comparison_since_a_time_dates_nothing():
    # "أعلى حصيلة منذ عام 2009"، "الأعنف منذ شهر": the time after "منذ" is what is compared with
    assert said("في أعلى حصيلة في يوم واحد منذ بدأت البعثة تسجيل الأعداد عام 2009") == []
    assert [d for d in said("بعد أسبوع من أعنف قتال وقع منذ شهر") if "منذ" in d[0] or "شهر" in d[0]] == []
    assert said("للمرة الأولى منذ أبريل") == []
    # ... but "أكثر من" and "على الأقل" qualify a figure: a toll since then
    assert said("قتل أكثر من 200 شخص منذ أبريل")[0][1:] == ("2015-04-01", "2015-07-21")
    assert said("قتل 10 على الأقل منذ يونيو")[0][1:] == ("2015-06-01", "2015-07-21")
    # and the figure the comparison is said of is no running toll
    (c,) = marsad.extract("ويعتبر التفجير الذي أدى إلى إصابة 6 أشخاص الأكثر دموية في البحرين منذ أشهر.", date="2015-07-31")
    assert not c.cumulative


def test_a_comparison_within_a_time_or_with_one_dates_nothing():
    # "الأسوأ من نوعه خلال العام الجاري"، "مقارنة بالعام الماضي": compared with, not when
    assert said("ويعد الأسوأ من نوعه خلال العام الجاري") == []
    assert said("ارتفع عدد الضحايا 1 في المائة مقارنة بالعام الماضي") == []
    # ... but a toll "خلال" a time is that time's, and "أكثر من" qualifies a figure
    assert said("قتل أكثر من 200 خلال العام الجاري")[0][1:] == ("2015-01-01", "2015-07-21")


def test_the_year_before_then_and_a_pair_of_years():
    assert said("اعتقلت 60 شخصا العام الماضي")[0][1:] == ("2014-01-01", "2014-12-31")
    assert said("لقي أكثر من ألفي مهاجر حتفهم هذا العام")[0][1:] == ("2015-01-01", "2015-07-21")
    # (the year of a date said right before it is that date's: one date, not two)
    assert said("بتاريخ الثامن عشر من شهر شوال لهذا العام", dt.date(2015, 8, 8)) == \
        [("الثامن عشر من شهر شوال", "2015-08-03", "2015-08-03")]
    assert said("الحرب التي أسفرت عن 300 ألف قتيل بين 1993 و2006")[0][1:] == ("1993-01-01", "2006-12-31")
    # "آنذاك": the date said last
    assert said("وقع حادث مماثل في مارس 2014. وقد قتل آنذاك خمسة جنود")[1][1:] == ("2014-03-01", "2014-03-31")
    assert said("قاد هجوما في ديسمبر 2014. وقتل حينها 14 ضابطا")[1][1:] == ("2014-12-01", "2014-12-31")


def test_the_first_day_or_the_same_day_is_not_today():
    assert said("وقتل نحو 40 ألف شخص في اليوم الأول") == []
    assert said("قبل مغرب اليوم نفسه") == [] and said("في اليوم التالي") == [] and said("في اليوم الذي غادر فيه") == []
    assert said("قتل اليوم 5")[0][1:] == ("2015-07-21", "2015-07-21")


def test_a_weekday_told_as_what_had_happened_is_the_week_before_s():
    # in Thursday's paper, "وكان عبدالعزيز هاجم الخميس" is the Thursday before
    pub = dt.date(2015, 7, 23)
    assert said("وكان عبدالعزيز هاجم الخميس مكتبا للتجنيد", pub)[0][1:] == ("2015-07-16", "2015-07-16")
    assert said("هاجم الخميس مكتبا للتجنيد", pub)[0][1:] == ("2015-07-23", "2015-07-23")
    # ... unless the day of the month is said with it
    assert said("وكان المسجد شهد ظهر الخميس (23 يوليو 2015) تفجيرا", pub)[0][1:] == ("2015-07-23", "2015-07-23")


def test_two_figures_joined_by_and_share_the_day_said_after_them():
    (k, i) = marsad.extract("وكان غورسيل ندد الأربعاء بالتعازي في الهجوم الذي أوقع 32 قتيلا ومئة جريح الإثنين في سوروتش.",
                            date="2015-07-24")
    assert (k.low, k.date_start, i.low, i.date_start) == (32, "2015-07-20", 100, "2015-07-20")


def test_a_large_figure_with_no_date_of_its_own_is_a_toll_up_to_the_report():
    (c,) = marsad.extract("وأشار إلى أن الحكومة سجلت نحو 1180 شهيدا جراء استهداف الميليشيات.", date="2015-08-11")
    assert (c.date_start, c.date_end, c.time_precision) == (None, "2015-08-11", 4)
    # (a small one is a report of the day or the two before; a large one with its day is that day's)
    (c,) = marsad.extract("وأشار إلى أن 11 قتلوا جراء استهداف الميليشيات.", date="2015-08-11")
    assert (c.date_start, c.date_end) == ("2015-08-09", "2015-08-11")
    (c,) = marsad.extract("أنقذ خفر السواحل نحو 1800 مهاجر أمس.", date="2015-08-02")
    assert (c.date_start, c.date_end) == ("2015-08-01", "2015-08-01")


def test_a_day_and_month_with_no_year_after_a_year_long_past():
    # "في عام 1993، عندما قتل شخصان ... في الرابع من يوليو": of 1993, and the figure's own day
    text = "كانت الجريمة السابقة في الحرم الجامعي في عام 1993، عندما قتل شخصان في تبادل إطلاق نار في الرابع من يوليو."
    assert said(text, dt.date(2015, 8, 10))[1][1:] == ("1993-07-04", "1993-07-04")
    (c,) = marsad.extract(text, date="2015-08-10")
    assert (c.low, c.date_start, c.date_end) == (2, "1993-07-04", "1993-07-04")
    # (not across a sentence, and a day said after a toll since a date stays that toll's)
    assert said("وقع ذلك عام 1993. وفي الرابع من يوليو قتل شخصان", dt.date(2015, 8, 10))[1][1:] == ("2015-07-04", "2015-07-04")
