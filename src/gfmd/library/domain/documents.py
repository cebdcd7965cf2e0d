"""Writing the library: documents, versions, files in each language, renaming with redirects.

Every write is one transaction; text extraction and indexing are queued to run after commit."""

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError

from ..enums import AccessLevel, DocumentType, VersionStatus
from ..interfaces.uploads import check_size, sniff_kind
from ..models import Document, DocumentAlias, DocumentFile, DocumentVersion

LANGUAGE_CODE_LENGTH = (2, 3)


@dataclass(frozen=True)
class Upload:
    language: str
    file: object  # a Django UploadedFile or File


def check_language(code: str) -> str:
    code = (code or "").strip().lower()
    if not code.isalpha() or len(code) not in LANGUAGE_CODE_LENGTH:
        raise DomainError(
            _("“%(code)s” is not a language code; use ISO 639-1, e.g. en, fr, es, nl.")
            % {"code": code[:10]},
            field="language",
        )
    return code


def unique_slug(process, year: int, type_: str, title: str, wanted: str = "") -> str:
    base = slugify(wanted or title)[:100] or "document"
    slug, counter = base, 2
    taken = Document.objects.filter(process=process, year=year, type=type_)
    aliases = DocumentAlias.objects.filter(process=process, year=year, type=type_)
    while taken.filter(slug=slug).exists() or aliases.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


def create_document(*, process, year, type, title_en, edition=None, slug="", **fields) -> Document:
    if type not in DocumentType.values:
        raise DomainError(_("Unknown document type."), field="type")
    if edition is not None and edition.process_id != process.pk:
        raise DomainError(_("The edition belongs to another process."), field="edition")
    with transaction.atomic():
        document = Document.objects.create(
            process=process,
            edition=edition,
            year=year,
            type=type,
            slug=unique_slug(process, year, type, title_en, slug),
            title_en=title_en,
            **fields,
        )
    return document


def add_version(
    document: Document,
    *,
    status: str,
    uploads: list[Upload],
    author=None,
    change_note: str = "",
    access_level: str = "",
    user=None,
    may_release: bool = True,
) -> DocumentVersion:
    """A new numbered version with one file per language; files are checked by content and size
    before anything is stored; extraction and indexing are queued after the commit.

    ``may_release`` is False for a member of the preparing team who does not edit the document:
    they add drafts that stay with the team; final versions and wider audiences are the Support
    Unit's to give (docs/library.md, "Access levels")."""
    if status not in VersionStatus.values:
        raise DomainError(_("A version is a draft or final."), field="status")
    if access_level and access_level not in AccessLevel.values:
        raise DomainError(_("Unknown access level."), field="access_level")
    if not may_release and (
        status != VersionStatus.DRAFT or access_level not in ("", AccessLevel.TEAM)
    ):
        raise DomainError(
            _(
                "The preparing team adds drafts, read by the team; the Support Unit publishes "
                "final versions."
            ),
            field="status",
        )
    if not uploads:
        raise DomainError(_("Add at least one file."), field="file")
    checked = []
    seen = set()
    for upload in uploads:
        language = check_language(upload.language)
        if language in seen:
            raise DomainError(
                _("Two files for %(language)s: give one file per language.")
                % {"language": language},
                field="language",
            )
        seen.add(language)
        check_size(upload.file)
        checked.append((language, upload.file, sniff_kind(upload.file)))
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        number = (
            locked.versions.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
        version = DocumentVersion.objects.create(
            document=locked,
            number=number,
            status=status,
            access_level=access_level,
            author=author,
            change_note=change_note,
            created_by=user if user is not None and user.is_authenticated else None,
        )
        files = [store_file(version, language, upload, kind) for language, upload, kind in checked]
        transaction.on_commit(lambda: queue_indexing(locked.pk, [f.pk for f in files]))
    return version


def release_version(version: DocumentVersion, *, access_level: str, user=None) -> DocumentVersion:
    """Make an existing version final at ``access_level`` (a draft the Support Unit publishes, for
    example): the same number and files, the change kept in the version's history; the search
    index follows after the commit."""
    if access_level not in AccessLevel.values:
        raise DomainError(_("Unknown access level."), field="access_level")
    with transaction.atomic():
        locked = DocumentVersion.objects.select_for_update().get(pk=version.pk)
        locked.status = VersionStatus.FINAL
        locked.access_level = access_level
        if user is not None and user.is_authenticated:
            locked._history_user = user
        locked.save(update_fields=["status", "access_level"])
        document_id = locked.document_id
        transaction.on_commit(lambda: queue_indexing(document_id, []))
    return locked


def store_file(version, language: str, upload, kind: str) -> DocumentFile:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1 << 20), b""):
        digest.update(chunk)
    upload.seek(0)
    name = getattr(upload, "name", "") or f"file.{kind}"
    file = DocumentFile(
        version=version,
        language=language,
        original_name=name.replace("\\", "/").rsplit("/", 1)[-1][:255],
        kind=kind,
        size=upload.size,
        sha256=digest.hexdigest(),
    )
    file.file.save(name, upload, save=False)
    file.save()
    return file


def queue_indexing(document_id: int, file_ids: list[int]) -> None:
    """Extract each new file's text and re-index the document. Each extraction task re-indexes
    the document when it is done, so the document is re-indexed on its own only when no file is
    new (a rename, a release, a new team): indexing it once more would double the work of an
    upload (bench/library.py, upload path)."""
    from ..tasks import extract_and_index, reindex

    for file_id in file_ids:
        extract_and_index.enqueue(file_id)
    if not file_ids:
        reindex.enqueue(document_id)


def rename_document(
    document: Document, *, title_en=None, slug=None, type=None, year=None
) -> Document:
    """Change a document's title or address; the old address keeps working as a redirect."""
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        old = (document.process_id, document.year, document.type, document.slug)
        if title_en:
            document.title_en = title_en
        new_type = type or document.type
        if new_type not in DocumentType.values:
            raise DomainError(_("Unknown document type."), field="type")
        new_year = year or document.year
        wanted = slugify(slug or "")[:100] if slug else document.slug
        if (new_year, new_type, wanted) != old[1:]:
            clash = Document.objects.filter(
                process_id=document.process_id, year=new_year, type=new_type, slug=wanted
            ).exclude(pk=document.pk)
            alias_clash = DocumentAlias.objects.filter(
                process_id=document.process_id, year=new_year, type=new_type, slug=wanted
            ).exclude(document=document)
            if clash.exists() or alias_clash.exists():
                raise DomainError(
                    _("Another document already uses this address; choose another short name."),
                    field="slug",
                )
            DocumentAlias.objects.filter(
                document=document, year=new_year, type=new_type, slug=wanted
            ).delete()
            DocumentAlias.objects.get_or_create(
                process_id=old[0],
                year=old[1],
                type=old[2],
                slug=old[3],
                defaults={"document": document},
            )
            document.year, document.type, document.slug = new_year, new_type, wanted
        document.save()
        transaction.on_commit(lambda: queue_indexing(document.pk, []))
    return document


def set_team(document: Document, *, states=(), organisations=(), people=()) -> None:
    from ..models import DocumentTeamMember

    with transaction.atomic():
        document.team.all().delete()
        DocumentTeamMember.objects.bulk_create(
            [DocumentTeamMember(document=document, state=s) for s in states]
            + [DocumentTeamMember(document=document, organisation=o) for o in organisations]
            + [DocumentTeamMember(document=document, person=p) for p in people]
        )
        transaction.on_commit(lambda: queue_indexing(document.pk, []))


def create_document_with_version(
    *,
    process,
    edition=None,
    year=None,
    fields: dict,
    status: str,
    uploads: list[Upload],
    team_states=(),
    change_note: str = "",
    author=None,
    user=None,
) -> Document:
    """A new document and its first version in one transaction (the web form and the API)."""
    year = edition.year if edition is not None else year
    if not year:
        raise DomainError(_("Choose the edition or give the year (or date)."), field="edition")
    if not uploads:
        raise DomainError(_("Add at least one file."), field="file")
    with transaction.atomic():
        document = create_document(process=process, edition=edition, year=int(year), **fields)
        if team_states:
            set_team(document, states=team_states)
        add_version(
            document,
            status=status,
            uploads=uploads,
            change_note=change_note,
            author=author,
            user=user,
        )
    return document
