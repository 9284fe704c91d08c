import json

from click.testing import CliRunner

from marsad import evaluate as ev
from marsad.cli import main
from conftest import ROOT, SHARED, shared_path

TEXT = "قال المرصد إن 12 مدنياً قتلوا وأصيب 30 آخرون، فيما قتل 12 جندياً في هجوم آخر."


def claim(kind, low, high, quote, **kw):
    start = TEXT.find(quote)
    base = {"doc": "d", "kind": kind, "low": low, "high": high, "qualifier": "exact", "group": "people",
            "source": None, "stance": "asserted", "place": None, "cumulative": False, "quote": quote}
    if start >= 0 and kw.pop("offsets", True):
        base.update(start=start, end=start + len(quote))
    base.update(kw)
    return base


def test_match_needs_kind_bounds_and_overlap():
    gold = [claim("killed", 12, 12, "12 مدنياً قتلوا"), claim("injured", 30, 30, "وأصيب 30")]
    pred = [claim("killed", 12, 12, "قتل 12 جندياً"),     # same figure, other place in the text
            claim("injured", 30, 30, "أصيب 30"),          # overlaps
            claim("killed", 12, 12, "12 مدنياً")]         # overlaps
    s = ev.score(pred, gold, {"d": TEXT})
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    assert s.false_alarms[0]["quote"] == "قتل 12 جندياً"
    assert s.precision == 2 / 3 and s.recall == 1.0


def test_each_gold_matches_once_and_docs_without_gold_count():
    gold = [claim("killed", 12, 12, "12 مدنياً قتلوا")]
    pred = [claim("killed", 12, 12, "12 مدنياً"), claim("killed", 12, 12, "مدنياً قتلوا"),
            {**claim("killed", 1, 1, "قتل"), "doc": "other"}]
    s = ev.score(pred, gold, {"d": TEXT}, docs={"d", "other"})
    assert (s.tp, s.fp, s.fn) == (1, 2, 0)
    s = ev.score(pred, gold, {"d": TEXT})  # only the docs the gold names
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_without_offsets_a_quote_holding_the_figure_matches():
    gold = [claim("injured", 30, 30, "وأصيب 30 آخرون")]
    pred = [claim("injured", 30, 30, "30 آخرون", offsets=False)]
    assert ev.score(pred, gold, {}).tp == 1


def test_attribute_rules():
    assert ev.source_right("SOHR", "SOHR") and not ev.source_right("Reuters", "SOHR")
    assert ev.source_right("Interior Ministry", "Saudi Interior Ministry")   # both named, unlisted
    assert not ev.source_right("officials", "Saudi Interior Ministry")      # a listed label is not a name
    assert ev.source_right("مصادر", "sources") and not ev.source_right("sources", "medical sources")
    assert ev.source_right(None, None) and not ev.source_right(None, "SOHR")
    assert ev.place_right("الرقة", "مدينة الرقة") and ev.place_right(None, None)
    assert not ev.place_right("حلب", "الرقة") and not ev.place_right(None, "الرقة")


def test_accuracies_over_matched_pairs():
    gold = [claim("killed", 12, 12, "12 مدنياً قتلوا", group="civilians", source="SOHR")]
    pred = [claim("killed", 12, 12, "12 مدنياً قتلوا", group="civilians", source="activists")]
    s = ev.score(pred, gold, {"d": TEXT})
    assert s.accuracy("group") == 1.0 and s.accuracy("source") == 0.0 and s.accuracy("stance") == 1.0
    assert s.wrong[0][0] == "source"


def test_quality_gate():
    """The scores on the shared gold set stay at or above the pinned floors (floors only go up)."""
    shared_path("gold", "dev.claims.jsonl")
    floors = json.loads((ROOT / "tests" / "quality_floors.json").read_text())
    result = CliRunner().invoke(main, ["eval", "--shared", str(SHARED), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    for section, metrics in floors.items():
        if section.startswith("_"):
            continue
        for metric, floor in metrics.items():
            assert scores[section][metric] >= floor, f"{section} {metric} {scores[section][metric]} < floor {floor}"


def test_eval_errors_listing():
    shared_path("gold", "raqqa-qposts.claims.jsonl")
    gold = SHARED / "gold" / "raqqa-qposts.claims.jsonl"
    corpus = SHARED / "corpus" / "raqqa-qposts.txt"
    out = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--corpus", str(corpus), "--errors"]).output
    assert "precision" in out and "misses (" in out and "false alarms (" in out
