import gzip
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "samples" / "articles"


def shared_path(*parts) -> Path:
    """A file under ../shared; the test fails in CI when it is missing, skips elsewhere."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI needs ../shared (the corpus and gold files)")
        pytest.skip(f"{path} is missing")
    return path


def snn_records_by_id(ids) -> dict[str, dict]:
    """The SaudiNewsNet records (id, date, title, text ...) with these ids (all of them must be there)."""
    wanted, records = set(ids), {}
    with gzip.open(shared_path("corpus", "saudinewsnet.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in wanted:
                records[rec["id"]] = rec
    assert len(records) == len(wanted), f"{len(wanted) - len(records)} records missing from the corpus"
    return records


def snn_texts(ids) -> dict[str, str]:
    """The texts of the SaudiNewsNet records with these ids (all of them must be there)."""
    return {k: r["text"] for k, r in snn_records_by_id(ids).items()}


@pytest.fixture
def raqqa_path() -> Path:
    return shared_path("corpus", "raqqa-qposts.txt")


@pytest.fixture
def snn_path() -> Path:
    return shared_path("corpus", "saudinewsnet.jsonl.gz")


@pytest.fixture
def snn_records(snn_path) -> list[dict]:
    out = []
    with gzip.open(snn_path, "rt", encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if len(out) == 50:
                break
    return out
