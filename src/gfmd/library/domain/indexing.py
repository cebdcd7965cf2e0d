"""Keep the search index in step with documents: the latest final version (what the public
sees) and a draft newer than it (what its team sees), in each language it has."""

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Case, Value, When

from gfmd.common.models import CONTENT_LANGUAGES

from ..enums import VersionStatus
from ..models import Document, DocumentVersion, SearchEntry
from .stemming import POSTGRES_CONFIGS, stem_words

FTS_TABLE = "library_search_fts"


def versions_to_index(document: Document) -> list[DocumentVersion]:
    versions = sorted(document.versions.all(), key=lambda version: version.number)
    finals = [v for v in versions if v.status == VersionStatus.FINAL]
    latest_final = finals[-1] if finals else None
    newer_drafts = [
        v
        for v in versions
        if v.status == VersionStatus.DRAFT
        and (latest_final is None or v.number > latest_final.number)
    ]
    return [v for v in (latest_final, newer_drafts[-1] if newer_drafts else None) if v]


def entry_texts(document: Document, version: DocumentVersion) -> dict[str, tuple[str, str]]:
    """language → (title, body): the file's text in that language with the document's title and
    summary in it (falling back to English), and title-only entries for languages with a title
    but no file yet."""
    texts = {}
    for file in version.files.all():
        language = file.language
        title = getattr(document, f"title_{language}", "") or document.title_en
        summary = getattr(document, f"summary_{language}", "") or document.summary_en
        texts[language] = (title, f"{summary}\n{file.text}".strip())
    for language in CONTENT_LANGUAGES:
        title = getattr(document, f"title_{language}", "")
        if title and language not in texts:
            texts[language] = (title, getattr(document, f"summary_{language}", ""))
    return texts


def build_entries(document: Document) -> list[SearchEntry]:
    """The search entries of a document (its versions and their files prefetched)."""
    return [
        SearchEntry(
            document=document,
            version=version,
            language=language,
            access_level=version.effective_access_level,
            process_id_copy=document.process_id,
            edition_id_copy=document.edition_id,
            year=document.year,
            type=document.type,
            title=title[:300],
            body=body,
        )
        for version in versions_to_index(document)
        for language, (title, body) in entry_texts(document, version).items()
    ]


@transaction.atomic
def reindex_document(document_id: int) -> int:
    """Rebuild the document's search entries; returns how many there are now."""
    document = (
        Document.objects.select_for_update()
        .prefetch_related("versions__files")
        .filter(pk=document_id)
        .first()
    )
    old_ids = list(SearchEntry.objects.filter(document_id=document_id).values_list("id", flat=True))
    _delete_fts(old_ids)
    SearchEntry.objects.filter(id__in=old_ids).delete()
    if document is None:
        return 0
    entries = build_entries(document)
    SearchEntry.objects.bulk_create(entries)
    if connection.vendor == "postgresql":
        _fill_vectors(document_id)
    elif connection.vendor == "sqlite":
        _insert_fts(SearchEntry.objects.filter(document_id=document_id))
    return len(entries)


def _fill_vectors(document_id: int) -> None:
    SearchEntry.objects.filter(document_id=document_id).update(**vector_columns())


def entry_config():
    """The text search configuration of each entry's language (``simple`` for the others)."""
    return Case(
        *[When(language=code, then=Value(config)) for code, config in POSTGRES_CONFIGS.items()],
        default=Value("simple"),
    )


def vector_columns() -> dict:
    """The PostgreSQL vectors of an entry in its language: title and body for matching and final
    ranking, the title alone to choose which matches get ranked (library/domain/search.py). One
    statement fills the entries of every language."""
    config = entry_config()
    return {
        "vector": SearchVector("title", weight="A", config=config)
        + SearchVector("body", weight="B", config=config),
        "title_vector": SearchVector("title", weight="A", config=config),
    }


def _insert_fts(entries) -> None:
    rows = [
        (
            entry.id,
            " ".join(stem_words(entry.title, entry.language)),
            " ".join(stem_words(entry.body, entry.language)),
        )
        for entry in entries
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (%s, %s, %s)", rows)


def _delete_fts(entry_ids: list[int]) -> None:
    if connection.vendor != "sqlite" or not entry_ids:
        return
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(i,) for i in entry_ids])


def reindex_documents(document_ids: list[int], batch: int = 200) -> int:
    """Rebuild the entries of many documents in batches (re-indexing a whole library, loading a
    corpus): the same entries as reindex_document, written with bulk statements."""
    written = 0
    for start in range(0, len(document_ids), batch):
        ids = document_ids[start : start + batch]
        with transaction.atomic():
            old = list(SearchEntry.objects.filter(document_id__in=ids).values_list("id", flat=True))
            _delete_fts(old)
            SearchEntry.objects.filter(id__in=old).delete()
            documents = Document.objects.filter(id__in=ids).prefetch_related("versions__files")
            entries = [entry for document in documents for entry in build_entries(document)]
            created = SearchEntry.objects.bulk_create(entries, batch_size=500)
            if connection.vendor == "postgresql":
                SearchEntry.objects.filter(document_id__in=ids).update(**vector_columns())
            elif connection.vendor == "sqlite":
                if any(entry.pk is None for entry in created):
                    created = list(SearchEntry.objects.filter(document_id__in=ids))
                _insert_fts(created)
            written += len(entries)
    return written
