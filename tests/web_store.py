"""A store for the web and export tests, built once a session for each kind of store (the
fixture web_store_url in conftest.py): real SaudiNewsNet articles (the first 2,000 records and
every document of the hand-built events), one article written for the tests whose title, text
and URL are script (XSS), read and linked as `marsad run` does."""
import gzip
import json
from pathlib import Path

from conftest import ROOT, shared_path

from marsad.read import ReadOptions
from marsad.run import LocalExecutor
from marsad.store import open_store

XSS = "<script>alert(1)</script>"
XSS_RECORD = {
    "id": "xss-test", "source": "test", "date": "2015-08-01 10:00", "url": "javascript:alert(1)//\"><script>alert(2)</script>",
    "title": f"مقتل 3 في هجوم {XSS}",
    "text": f"قتل ثلاثة أشخاص أمس في هجوم على حاجز في مدينة إدلب. {XSS} <img src=x onerror=alert(3)>",
}


def build(url: str, folder: Path) -> str:
    """Build the store at url (a SQLite file or a PostgreSQL URL); the corpus file goes in folder."""
    gold_docs = {line.split("\t")[1] for line in (ROOT / "tests" / "data" / "events_gold.tsv").open(encoding="utf-8")
                 if line.strip() and not line.startswith("#")}
    corpus = folder / "web.jsonl"
    with gzip.open(shared_path("corpus", "saudinewsnet.jsonl.gz"), "rt", encoding="utf-8") as f, \
            corpus.open("w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i < 2000 or json.loads(line)["id"] in gold_docs:
                out.write(line)
        out.write(json.dumps(XSS_RECORD, ensure_ascii=False) + "\n")
    with open_store(url) as store:
        LocalExecutor(store, jobs=2, options=ReadOptions()).run([str(corpus)])
        store.link()
    return url
