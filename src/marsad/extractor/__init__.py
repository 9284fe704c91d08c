"""Claim extraction: the step that turns a cleaned document into claims.

Extractors are plugins: the entry points of group `marsad.extractors` are functions
(document) -> (figure claims, control claims); every one registered runs on every document
and their claims are joined. marsad's own (`extract_all` below) is registered the same way.
"""
from functools import lru_cache

from marsad.extractor.claims import ClaimExtractor


def extract_all(doc):
    """marsad's extractor: the figure claims and the control claims of a cleaned document."""
    return ClaimExtractor.default().extract_all(doc)


@lru_cache(maxsize=1)
def extractors() -> tuple:
    """The registered extractors (entry point group `marsad.extractors`), else marsad's own."""
    from importlib.metadata import entry_points

    found = tuple(ep.load() for ep in sorted(entry_points(group="marsad.extractors"), key=lambda ep: ep.name))
    return found or (extract_all,)


__all__ = ["ClaimExtractor", "extract_all", "extractors"]
