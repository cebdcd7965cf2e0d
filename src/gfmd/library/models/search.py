"""The search index: one entry per document, version and language that readers can find.

Only the latest final version, and a draft newer than it, are indexed (the latest final is what
the public sees). Each entry carries its effective access level and the fields searches filter on,
so access is enforced in the same query that ranks (docs/library.md)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from ..enums import AccessLevel, DocumentType
from .documents import Document, DocumentVersion


class SearchEntry(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="search_entries")
    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE)
    language = models.CharField(max_length=8)
    access_level = models.CharField(max_length=20, choices=AccessLevel.choices)
    process_id_copy = models.BigIntegerField(db_index=True)
    edition_id_copy = models.BigIntegerField(null=True, db_index=True)
    # Not indexed on purpose: with an index on the year or the type, PostgreSQL filters a year's
    # or a type's entries by reading their vectors instead of using the full-text index.
    year = models.PositiveSmallIntegerField()
    type = models.CharField(max_length=30, choices=DocumentType.choices)
    title = models.CharField(max_length=300)
    body = models.TextField()
    # PostgreSQL only: filled by the indexer with to_tsvector(<language config>, title || body).
    vector = SearchVectorField(null=True)
    # PostgreSQL only: the title alone, small enough to rank every match by (docs/library.md).
    title_vector = SearchVectorField(null=True)

    class Meta:
        # The GIN index (PostgreSQL) and the FTS5 table (SQLite) are created by migration 0002.
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="search_entry_once")
        ]
        indexes = [
            # SQLite: what access, filters and facets read of each full-text match, so that a
            # search never reads the entry's row. The columns after the long body can only be
            # reached through its overflow pages: for a common word that was most of the time
            # (library/domain/search.py, SEARCH_KEYS_INDEX). PostgreSQL does not use it.
            models.Index(
                fields=[
                    "id",
                    "access_level",
                    "process_id_copy",
                    "document_id",
                    "type",
                    "year",
                    "language",
                ],
                name="library_search_keys",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"
