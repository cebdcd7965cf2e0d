"""Reusable queries of the library's pages and API, in a fixed number of queries."""

from django.db.models import Prefetch

from ..models import Document, DocumentFile, DocumentVersion
from .access import readable_versions


def readable_documents(user):
    """Documents with at least one version the user may read."""
    return Document.objects.filter(id__in=readable_versions(user).values("document_id"))


def documents_for_listing(user, documents=None):
    """Documents with their process, edition and the readable versions' files (5 queries)."""
    documents = documents if documents is not None else readable_documents(user)
    versions = (
        readable_versions(user)
        .prefetch_related(Prefetch("files", queryset=DocumentFile.objects.defer("text")))
        .order_by("-number")
    )
    return documents.select_related("process", "edition").prefetch_related(
        Prefetch("versions", queryset=versions, to_attr="readable")
    )


def document_page(user, document: Document) -> dict:
    versions = list(
        readable_versions(user)
        .filter(document=document)
        .select_related("author", "created_by")
        .prefetch_related(Prefetch("files", queryset=DocumentFile.objects.defer("text")))
        .order_by("-number")
    )
    return {
        "versions": versions,
        "current": versions[0] if versions else None,
        "authors": list(document.authors.select_related("person", "state", "organisation")),
        "sdg_targets": list(document.sdg_targets.all()),
        "gcm_objectives": list(document.gcm_objectives.all()),
    }


def version_by_number(user, document: Document, number: int) -> DocumentVersion | None:
    return (
        readable_versions(user)
        .filter(document=document, number=number)
        .prefetch_related(Prefetch("files", queryset=DocumentFile.objects.defer("text")))
        .first()
    )
