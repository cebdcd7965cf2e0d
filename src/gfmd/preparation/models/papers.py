"""Background papers: a session team drafts its paper in the library, comments on its versions
and ticks the GFMD checklist; the Support Unit publishes it (003 L1025-L1046, L1461-L1463).

The paper *is* a library document (type "background paper", about the session, read by its
team); this table adds what the library does not know: the session it serves, the comment
round's deadline, the languages it is to be published in, the checklist and the comments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import CONTENT_LANGUAGES, Sourced
from gfmd.library.models import Document, DocumentVersion

from ..enums import ChecklistItem
from .concept import RoundtableSession


def default_languages() -> list[str]:
    return list(CONTENT_LANGUAGES)


class BackgroundPaper(Sourced):
    session = models.OneToOneField(
        RoundtableSession, on_delete=models.CASCADE, related_name="background_paper"
    )
    document = models.OneToOneField(
        Document, on_delete=models.PROTECT, related_name="background_paper"
    )
    # The edition has no working languages of its own; each paper names those it is published in
    # (2007: English, French, Dutch and Spanish, 003 L1461-L1463).
    languages = models.JSONField(_("languages of publication"), default=default_languages)
    comments_close_at = models.DateTimeField(_("comments close"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("background paper")
        verbose_name_plural = _("background papers")

    def __str__(self) -> str:
        return str(self.document)

    def get_absolute_url(self) -> str:
        edition = self.session.edition
        return reverse(
            "preparation:paper", args=[edition.process.slug, edition.number, self.session.number]
        )


class ChecklistTick(models.Model):
    """An item of the GFMD checklist the team has ticked; unticking deletes it (history keeps
    who ticked and unticked, and when)."""

    paper = models.ForeignKey(BackgroundPaper, on_delete=models.CASCADE, related_name="ticks")
    item = models.CharField(_("item"), max_length=30, choices=ChecklistItem.choices)
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ticked_at = models.DateTimeField(_("ticked at"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["paper", "item"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "item"], name="checklist_item_ticked_once")
        ]

    def __str__(self) -> str:
        return f"{self.paper} ✓ {self.get_item_display()}"


class PaperComment(models.Model):
    """A comment on a version of a paper: on one paragraph of the extracted text of the version's
    file in a language, or on the version in general; a reply belongs to its parent's thread."""

    paper = models.ForeignKey(BackgroundPaper, on_delete=models.CASCADE, related_name="comments")
    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8, blank=True)
    paragraph = models.PositiveIntegerField(_("paragraph"), null=True, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment on a background paper")
        verbose_name_plural = _("comments on background papers")
        constraints = [
            models.CheckConstraint(
                condition=Q(paragraph__isnull=True, language="")
                | Q(paragraph__isnull=False, paragraph__gte=1) & ~Q(language=""),
                name="paper_comment_anchor_complete",
            )
        ]
        indexes = [models.Index(fields=["version", "language", "paragraph"])]

    def __str__(self) -> str:
        where = f"¶{self.paragraph} [{self.language}]" if self.paragraph else "general"
        return f"#{self.pk} ({where})"
