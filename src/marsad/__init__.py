"""marsad (مرصد): Arabic news in, conflict claims out."""
__version__ = "0.1.0"

from marsad.model import Claim, Document, Reject  # noqa: E402


def extract(text: str, doc_id: str = "doc", **meta) -> list[Claim]:
    """Claims of one Arabic text, in the format of the annotation guide.

    >>> [c.kind for c in extract("قتل 5 مدنيين في قصف على حلب")]
    ['killed']
    """
    from marsad.clean import clean_document
    from marsad.extractor import ClaimExtractor

    doc = clean_document(Document(id=doc_id, raw=text, **meta))
    return ClaimExtractor.default().extract(doc)


__all__ = ["Claim", "Document", "Reject", "extract", "__version__"]
