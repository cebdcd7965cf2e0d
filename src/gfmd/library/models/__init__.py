from .documents import (
    Document,
    DocumentAlias,
    DocumentAuthor,
    DocumentFile,
    DocumentTeamMember,
    DocumentVersion,
)
from .search import SearchEntry

__all__ = [
    "Document",
    "DocumentAlias",
    "DocumentAuthor",
    "DocumentFile",
    "DocumentTeamMember",
    "DocumentVersion",
    "SearchEntry",
]
