"""Place resolution against 130 hand-checked mentions of SaudiNewsNet articles
(tests/data/place_mentions.tsv): the share resolved right must not fall below the floor."""
import gzip
import json

from marsad.clean import clean_document
from marsad.extractor import ClaimExtractor
from marsad.extractor.claims import _to_raw
from marsad.model import Document
from conftest import ROOT, shared_path

# 113/130 were right when the set was checked; 121/130 after fixes made from its errors (the
# first figure is the honest one for unseen text). Raise the floor as the resolver improves.
FLOOR = 0.93


def load_rows():
    rows = []
    for line in (ROOT / "tests" / "data" / "place_mentions.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            doc, start, end, right, *_ = line.split("\t")
            rows.append((doc, int(start), int(end), right))
    return rows


def test_hand_checked_place_mentions():
    corpus = shared_path("corpus", "saudinewsnet.jsonl.gz")
    rows = load_rows()
    wanted = {r[0] for r in rows}
    docs = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in wanted:
                docs[rec["id"]] = clean_document(Document(id=rec["id"], raw=rec["text"], title=rec.get("title")))
    assert len(docs) == len(wanted)
    extractor = ClaimExtractor.default()
    found = {}
    for doc_id, doc in docs.items():
        found[doc_id] = [(*_to_raw(doc, m.start, m.end), m) for m in extractor.places_of(doc)]
    right = 0
    for doc_id, start, end, answer in rows:
        hits = [m for s, e, m in found[doc_id] if s < end and start < e]
        got = "none"
        if hits and hits[0].place is not None and not hits[0].ambiguous:
            got = hits[0].place.id
        right += got == answer
    assert right / len(rows) >= FLOOR, f"{right}/{len(rows)} place mentions right"
    print(f"{right}/{len(rows)} place mentions right")
