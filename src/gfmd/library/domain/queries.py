"""Reusable queries of the library's pages and API, in a fixed number of queries."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q

from gfmd.common.models import collation_key
from gfmd.common.parsing import whole_number

from ..models import Document, DocumentFile, DocumentVersion
from .access import readable_records, readable_versions


def readable_documents(user):
    """Documents with at least one version the user may read, and those known only by reference
    that the user may read (access.readable_records)."""
    return Document.objects.filter(
        Q(id__in=readable_versions(user).values("document_id"))
        | Q(id__in=readable_records(user).values("id"))
    )


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
        "known_by_reference": not versions
        and readable_records(user).filter(pk=document.pk).exists(),
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


def about_key(about_type, about_id: int) -> str:
    """The ``about`` filter's value for a record: ``app_label.model:id`` (SearchFilters.about)."""
    return f"{about_type.app_label}.{about_type.model}:{about_id}"


def about_choices(user, *, process: str = "", year: int | None = None) -> list[tuple[str, str]]:
    """What the documents a user may read in one year are about — roundtable sessions, body
    meetings, working groups — as (filter value, label), by label: the choices of the library's
    "roundtable session or meeting" filter. One query, then one per kind of record."""
    documents = readable_documents(user).filter(about_id__isnull=False)
    if process:
        documents = documents.filter(process__slug=process)
    if year:
        documents = documents.filter(year=year)
    pairs = documents.values_list("about_type_id", "about_id").distinct().order_by()
    ids_by_type: dict[int, set[int]] = {}
    for type_id, about_id in pairs:
        ids_by_type.setdefault(type_id, set()).add(about_id)
    choices = []
    for type_id, ids in ids_by_type.items():
        about_type = ContentType.objects.get_for_id(type_id)  # cached by Django
        model = about_type.model_class()
        if model is None:
            continue
        for pk, record in model._default_manager.in_bulk(ids).items():
            choices.append((about_key(about_type, pk), str(record)))
    return sorted(choices, key=lambda choice: collation_key(choice[1]))


def about_label(user, value: str) -> str:
    """The label of an ``about`` filter value, or "" when it names no record that a document the
    user may read is about (the filter never reveals the name of anything else)."""
    model_name, _colon, pk = value.partition(":")
    app_label, _dot, model = model_name.partition(".")
    if whole_number(pk) is None:
        return ""
    try:
        about_type = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        return ""
    model_class = about_type.model_class()
    if model_class is None or not (
        readable_documents(user).filter(about_type=about_type, about_id=whole_number(pk)).exists()
    ):
        return ""
    record = model_class._default_manager.filter(pk=whole_number(pk)).first()
    return str(record) if record is not None else ""
