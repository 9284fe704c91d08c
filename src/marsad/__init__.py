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


__all__ = ["Claim", "ControlClaim", "Document", "Reject", "extract", "extract_control", "__version__"]
