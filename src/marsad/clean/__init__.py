from marsad.clean.boilerplate import clean_document
from marsad.offsets import OffsetMap

__all__ = ["clean_document", "OffsetMap"]
