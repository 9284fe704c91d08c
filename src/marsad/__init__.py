"""marsad (مرصد): Arabic news in, conflict claims out."""
__version__ = "0.1.0"

from marsad.model import Claim, ControlClaim, Document, Reject  # noqa: E402


def extract(text: str, doc_id: str = "doc", **meta) -> list[Claim]:
    """Claims of one Arabic text, in the format of the annotation guide.

    >>> [c.kind for c in extract("قتل 5 مدنيين في قصف على حلب")]
    ['killed']
    """
    from marsad.clean import clean_document
    from marsad.extractor import ClaimExtractor

    doc = clean_document(Document(id=doc_id, raw=text, **meta))
    return ClaimExtractor.default().extract(doc)


def extract_control(text: str, doc_id: str = "doc", **meta) -> list[ControlClaim]:
    """Control claims of one Arabic text (docs/CONTROL.md): who took, lost, holds, besieges
    or contests which place, according to whom.

    >>> [(c.actor, c.change, c.place) for c in extract_control("سيطرت قوات النظام على مدينة تدمر.")]
    [('Syrian government forces', 'took', 'مدينة تدمر')]
    """
    from marsad.clean import clean_document
    from marsad.extractor import ClaimExtractor

    doc = clean_document(Document(id=doc_id, raw=text, **meta))
    return ClaimExtractor.default().extract_all(doc)[1]


def open_store(path: str = "marsad.db", readonly: bool = False):
    """A store (a SQLite file, or a postgresql:// URL) to query: claims, control claims, events,
    documents, search, as
    iterators or pandas DataFrames (claims_frame, events_frame); use it in a `with` block."""
    from marsad.store import open_store as _open

    return _open(path, readonly=readonly)


def run_corpus(inputs, db: str = "marsad.db", jobs: int = 1, link: bool = True) -> dict:
    """Run the pipeline on files or folders (text, JSONL, HTML) into the store db, as
    `marsad run` does, and link the claims into events; the run's counts."""
    from marsad.read import ReadOptions
    from marsad.run import LocalExecutor
    from marsad.store import open_store as _open

    with _open(db) as store:
        _, counts = LocalExecutor(store, jobs=jobs, options=ReadOptions()).run([str(p) for p in inputs])
        linked = store.link() if link else None
    return {**counts.to_dict(), "events": linked}


__all__ = ["Claim", "ControlClaim", "Document", "Reject", "extract", "extract_control", "open_store", "run_corpus",
           "__version__"]
