"""Documents, their versions and their files in each language."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.enums import DatePrecision
from gfmd.common.models import Sourced, localized
from gfmd.directory.models import Organisation, Person, State
from gfmd.governance.models import Edition, Process
from gfmd.reference.models import GCMObjective, SDGTarget

from ..enums import AccessLevel, DocumentType, FileKind, TextStatus, VersionStatus


class Document(Sourced):
    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="documents")
    edition = models.ForeignKey(
        Edition, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    type = models.CharField(_("type"), max_length=30, choices=DocumentType.choices)
    slug = models.SlugField(_("short name in the address"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    access_level = models.CharField(
        _("who may read it"), max_length=20, choices=AccessLevel.choices, default=AccessLevel.PUBLIC
    )
    # What the document is about: a body meeting, a session, a working group... (typed link)
    about_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    sdg_targets = models.ManyToManyField(SDGTarget, blank=True, verbose_name=_("SDG targets"))
    gcm_objectives = models.ManyToManyField(
        GCMObjective, blank=True, verbose_name=_("GCM objectives")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-year", "type", "slug"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "year", "type", "slug"],
                name="document_unique_address",
                violation_error_message=_("Another document already has this address."),
            )
        ]
        indexes = [models.Index(fields=["about_type", "about_id"])]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    def address_kwargs(self) -> dict:
        return {
            "process": self.process.slug,
            "year": self.year,
            "type": self.type,
            "slug": self.slug,
        }

    def get_absolute_url(self) -> str:
        return reverse("library:document", kwargs=self.address_kwargs())


class DocumentAlias(models.Model):
    """An address a document had before it was renamed: it redirects, never breaks."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="aliases")
    process = models.ForeignKey(Process, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    type = models.CharField(max_length=30, choices=DocumentType.choices)
    slug = models.SlugField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["process", "year", "type", "slug"], name="document_alias_unique_address"
            )
        ]

    def __str__(self) -> str:
        return f"{self.process.slug}/{self.year}/{self.type}/{self.slug} → {self.document_id}"


class DocumentAuthor(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT)
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, state__isnull=True, organisation__isnull=True)
                    | Q(person__isnull=True, state__isnull=False, organisation__isnull=True)
                    | Q(person__isnull=True, state__isnull=True, organisation__isnull=False)
                ),
                name="document_author_is_one_of_person_state_organisation",
            )
        ]

    def __str__(self) -> str:
        return str(self.person or self.state or self.organisation)


class DocumentTeamMember(models.Model):
    """Who belongs to "the preparing team" of a document (a session team, a working group):
    a state (through its focal points), an organisation (through its contacts) or a person."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="team")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE)
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return str(self.person or self.state or self.organisation)


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=5, choices=VersionStatus.choices)
    access_level = models.CharField(
        _("who may read this version"),
        max_length=20,
        choices=AccessLevel.choices,
        blank=True,
        help_text=_("Empty: the document's level for a final version, the team for a draft."),
    )
    author = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)
    change_note = models.TextField(_("what changed"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.document} — v{self.number} ({self.get_status_display()})"

    @property
    def effective_access_level(self) -> str:
        """Drafts stay with the preparing team unless a level is set for the version."""
        if self.access_level:
            return self.access_level
        if self.status == VersionStatus.DRAFT:
            return AccessLevel.TEAM
        return self.document.access_level


def stored_file_name(instance: "DocumentFile", filename: str) -> str:
    """documents/<process>/<year>/<random>/<safe-name>.<ext>: names never collide, never escape."""
    path = PurePosixPath(filename.replace("\\", "/")).name
    stem, _dot, ext = path.rpartition(".")
    safe = slugify(stem or ext)[:80] or "file"
    document = instance.version.document
    extension = instance.kind or (slugify(ext)[:8] if stem else "")
    return (
        f"documents/{document.process.slug}/{document.year}/{uuid.uuid4().hex}/"
        f"{safe}.{extension or 'bin'}"
    )


class DocumentFile(models.Model):
    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=8)
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=300)
    original_name = models.CharField(_("name of the uploaded file"), max_length=255)
    kind = models.CharField(_("kind"), max_length=5, choices=FileKind.choices)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    text = models.TextField(_("extracted text"), blank=True)
    text_status = models.CharField(
        max_length=10, choices=TextStatus.choices, default=TextStatus.PENDING
    )
    text_problem = models.CharField(max_length=250, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["version", "language"]
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="one_file_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.version} [{self.language}]"
