"""Background work of the library (Django's task API through django-tasks): text extraction and
indexing run outside the request, and the upload page shows "being indexed" until they finish."""

from django_tasks import task

from .domain.indexing import reindex_document
from .domain.processing import extract_file_text


@task()
def extract_and_index(file_id: int) -> str:
    document_id, status = extract_file_text(file_id)
    if document_id is not None:
        reindex_document(document_id)
    return status


@task()
def reindex(document_id: int) -> int:
    return reindex_document(document_id)
