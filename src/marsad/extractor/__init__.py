"""Claim extraction: the step that turns a cleaned document into claims."""
from marsad.extractor.claims import ClaimExtractor

__all__ = ["ClaimExtractor"]
