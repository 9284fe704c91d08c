"""The steps a document passes through, and the counts every run keeps."""
from __future__ import annotations

import traceback
from collections import Counter
from dataclasses import dataclass, field

from marsad.clean import clean_document
from marsad.extractor import ClaimExtractor, extractors
from marsad.link.dedup import sketch
from marsad.model import Document, Reject
from marsad.store.base import index_columns


@dataclass
class RunCounts:
    records: int = 0          # everything the readers gave: documents and rejects
    documents: int = 0        # documents read
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejects: Counter = field(default_factory=Counter)
    claims: Counter = field(default_factory=Counter)
    control: Counter = field(default_factory=Counter)  # control claims by change
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {
            "records": self.records, "documents": self.documents, "new": self.new,
            "updated": self.updated, "unchanged": self.unchanged,
            "rejects": dict(self.rejects.most_common()), "claims": dict(self.claims.most_common()),
            "control": dict(self.control.most_common()),
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.documents / self.seconds, 1) if self.seconds else None,
        }


def warm_up() -> None:
    """Load the lexicons and the gazetteer once, before worker processes fork, so that each
    worker starts with them instead of loading its own."""
    from marsad.geo.places import PlaceFinder

    ClaimExtractor.default()
    PlaceFinder.default()


def process(doc: Document) -> Document | Reject:
    """Clean a document and extract its claims. Runs in worker processes: it must not
    raise, so a document that breaks a step comes back as a reject with the reason."""
    try:
        clean_document(doc)
        doc.claims, doc.control = [], []
        for extract in extractors():
            claims, control = extract(doc)
            doc.claims += claims
            doc.control += control
        doc.search_keys = index_columns(doc.title, doc.folded)
        if doc.claims or doc.control:  # near-duplicates matter where they would count twice
            doc.sketch = sketch(doc.folded)
        # the folded text has served extraction and the index: not worth sending back
        # from a worker process
        doc.folded = doc.folded_offsets = None
        return doc
    except Exception as e:  # a bug must cost one document, not the run
        where = traceback.extract_tb(e.__traceback__)[-1]
        return Reject(doc.origin or doc.id, "", "step_error",
                      f"{type(e).__name__}: {e} (in {where.name}, {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); "
                      f"please report it with this document", doc_id=doc.id)
