import csv
import io
import json
import re
import subprocess
import sys

from click.testing import CliRunner

from marsad.cli import main
from conftest import ROOT, SAMPLES


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```\n(.*?)\n```", readme, re.S)
    main_job, tests = blocks[0].strip(), blocks[1].strip()
    assert "marsad run samples/articles" in main_job and main_job.startswith("python3 -m venv")
    assert "pytest" in tests
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in ("marsad run", "marsad search", "marsad claims", "marsad extract", "marsad eval", "marsad places",
                    "marsad rejects", "marsad runs", "marsad control", "marsad events", "marsad link", "marsad serve"):
        assert command in readme


def test_every_command_has_help():
    for command in main.commands:
        result = invoke(command, "--help")
        assert result.exit_code == 0 and len(result.output) > 100, command


def test_run_prints_summary_and_is_idempotent(tmp_path, store_url):
    db = store_url
    first = invoke("run", SAMPLES, "--db", db)
    assert first.exit_code == 0, first.output
    assert "documents read" in first.output and "claims" in first.output
    again = invoke("run", SAMPLES, "--db", db, "--json")
    counts = json.loads(again.output)
    assert counts["run"]["new"] == 0 and counts["run"]["unchanged"] == len(list(SAMPLES.glob("*.txt")))
    assert counts["store"]["claims"] > 20


def test_non_conflict_sample_gives_no_claim():
    result = invoke("extract", SAMPLES / "10-riyadh-economy.txt")
    assert result.exit_code == 0 and result.output == ""


def test_extract_prints_guide_format():
    result = invoke("extract", SAMPLES / "02-aden-clashes.txt")
    claims = [json.loads(line) for line in result.output.splitlines()]
    assert claims
    raw = (SAMPLES / "02-aden-clashes.txt").read_text(encoding="utf-8")
    for c in claims:
        assert list(c)[:11] == ["doc", "kind", "low", "high", "qualifier", "group", "source", "stance",
                                "place", "cumulative", "quote"]
        assert raw[c["start"]:c["end"]] == c["quote"]
    assert ("killed", 22) in [(c["kind"], c["low"]) for c in claims]


def test_claims_outputs(tmp_path, store_url):
    db = store_url
    invoke("run", SAMPLES, "--db", db)
    as_jsonl = [json.loads(l) for l in invoke("claims", "--db", db, "--kind", "killed", "-o", "jsonl").output.splitlines()]
    assert as_jsonl and {c["kind"] for c in as_jsonl} == {"killed"}
    rows = list(csv.DictReader(io.StringIO(invoke("claims", "--db", db, "-o", "csv").output)))
    assert len(rows) > len(as_jsonl) and rows[0]["quote"]
    table = invoke("claims", "--db", db, "--doc", "04-sinai-attack")
    assert "04-sinai-attack" in table.output and table.exit_code == 0


def test_rejects_and_fail_on_reject(tmp_path, store_url):
    db = store_url
    (tmp_path / "good.txt").write_text("قتل جندي في هجوم.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "x"\n', encoding="utf-8")
    result = invoke("run", tmp_path / "good.txt", tmp_path / "bad.jsonl", "--db", db, "--fail-on-reject")
    assert result.exit_code == 3
    assert "malformed_json" in result.output
    listed = invoke("rejects", "--db", db)
    assert "malformed_json" in listed.output and "line 1" in listed.output
    assert invoke("run", tmp_path / "good.txt", "--db", db).exit_code == 0


def test_search_command(tmp_path, store_url):
    db = store_url
    invoke("run", SAMPLES, "--db", db)
    out = invoke("search", "الحوثي", "--db", db)
    assert "02-aden-clashes" in out.output
    assert invoke("search", "كلمةغيرموجودة", "--db", db).output.strip() == "no document matches"


def test_missing_store_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["claims", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "marsad run" in result.output
    # a server that is not there, or a database that does not exist: said so, no traceback
    for url in ("postgresql://127.0.0.1:1/none", "postgresql:///marsad_no_such_database"):
        for args in (["run", str(SAMPLES)], ["serve"], ["claims"]):
            result = CliRunner().invoke(main, [*args, "--db", url])
            assert result.exit_code == 1 and "cannot open the store" in result.output, (args, result.output)
            assert "Traceback" not in result.output


def test_console_script_runs_the_samples(tmp_path):
    # the README's main job, without the set-up part
    out = subprocess.run([sys.executable, "-m", "marsad.cli", "run", str(SAMPLES), "--db", str(tmp_path / "m.db")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "documents read" in out.stdout
