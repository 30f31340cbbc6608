"""naql: who said what, according to whom, in Arabic news."""
from .model import Attribution, Document, Entity, Source, Span, Via
from .pipeline import extract, extract_path

__version__ = "0.1.0"
__all__ = ["extract", "extract_path", "Document", "Attribution", "Source", "Span", "Via", "Entity"]
