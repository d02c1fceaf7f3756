"""newsfacts: typed, offset-anchored facts from news articles.

>>> from newsfacts import extract
>>> extract("Phone launched\\n\\nIt sold fast.").title
'Phone launched'
"""

from .extractor import Extractor, extract, extract_many
from .models import (
    SCHEMA_VERSION,
    Article,
    Money,
    Price,
    Product,
    Quote,
    Sale,
    Span,
    Spec,
    TimeSpan,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Extractor",
    "Money",
    "Price",
    "Product",
    "Quote",
    "Sale",
    "Span",
    "Spec",
    "TimeSpan",
    "extract",
    "extract_many",
]
