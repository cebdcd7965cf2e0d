"""The concept paper of an edition: themes, roundtables, sessions and guiding questions
(001 L93-L162; 002 L289-L294; 003 L1190-L1192)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import Sourced, localized
from gfmd.governance.models import Edition
from gfmd.reference.models import GCMGuidingPrinciple, GCMObjective, SDGGoal, SDGTarget

from ..enums import SessionStatus


class Theme(Sourced):
    """A theme of the concept paper; its number leads the numbers of its roundtables."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField(_("number"))
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"), blank=True)
    title_es = models.TextField(_("title (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    sdg_targets = models.ManyToManyField(SDGTarget, blank=True, verbose_name=_("SDG targets"))
    gcm_objectives = models.ManyToManyField(
        GCMObjective, blank=True, verbose_name=_("GCM objectives")
    )
    history = HistoricalRecords(m2m_fields=[sdg_targets, gcm_objectives])

    class Meta:
        ordering = ["edition", "number"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="theme_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        return localized(self, "title")


class Roundtable(Sourced):
    """A roundtable: "1" with sessions 1.1, 1.2 (2007, 2010) or "1.1" itself (2018)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="roundtables")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="roundtables")
    number = models.CharField(_("number"), max_length=10)
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"), blank=True)
    title_es = models.TextField(_("title (Spanish)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "theme__number", "number"]
        verbose_name = _("roundtable")
        verbose_name_plural = _("roundtables")
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="roundtable_number_once")
        ]

    def __str__(self) -> str:
        return f"RT {self.number}: {self.title}"

    @property
    def title(self) -> str:
        return localized(self, "title")


class RoundtableSession(Sourced):
    """A roundtable session, numbered "1.1" as the GFMD numbers it, unique within an edition."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sessions")
    roundtable = models.ForeignKey(Roundtable, on_delete=models.CASCADE, related_name="sessions")
    number = models.CharField(_("number"), max_length=10)
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"), blank=True)
    title_es = models.TextField(_("title (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    expected_outcomes_en = models.TextField(_("expected outcomes (English)"), blank=True)
    expected_outcomes_fr = models.TextField(_("expected outcomes (French)"), blank=True)
    expected_outcomes_es = models.TextField(_("expected outcomes (Spanish)"), blank=True)
    human_rights = models.BooleanField(_("human rights perspective"), default=False)
    gender = models.BooleanField(_("gender perspective"), default=False)
    whole_of_government = models.BooleanField(_("whole-of-government approach"), default=False)
    whole_of_society = models.BooleanField(_("whole-of-society approach"), default=False)
    sdg_targets = models.ManyToManyField(SDGTarget, blank=True, verbose_name=_("SDG targets"))
    gcm_objectives = models.ManyToManyField(
        GCMObjective, blank=True, verbose_name=_("GCM objectives")
    )
    builds_on = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="continued_by",
        verbose_name=_("builds on earlier sessions"),
    )
    continuity_note = models.TextField(_("what it carries over"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.DRAFT
    )
    history = HistoricalRecords(m2m_fields=[sdg_targets, gcm_objectives])

    class Meta:
        ordering = ["edition", "number"]
        verbose_name = _("roundtable session")
        verbose_name_plural = _("roundtable sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "number"],
                name="session_number_once_in_edition",
                violation_error_message=_("This edition already has a session with this number."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def expected_outcomes(self) -> str:
        return localized(self, "expected_outcomes")

    @property
    def perspectives(self) -> list[str]:
        fields = ("human_rights", "gender", "whole_of_government", "whole_of_society")
        return [str(self._meta.get_field(f).verbose_name) for f in fields if getattr(self, f)]

    def get_absolute_url(self) -> str:
        edition = self.edition
        return reverse(
            "preparation:session", args=[edition.process.slug, edition.number, self.number]
        )


class GuidingQuestion(Sourced):
    session = models.ForeignKey(
        RoundtableSession, on_delete=models.CASCADE, related_name="guiding_questions"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    text_en = models.TextField(_("question (English)"))
    text_fr = models.TextField(_("question (French)"), blank=True)
    text_es = models.TextField(_("question (Spanish)"), blank=True)
    sdg_targets = models.ManyToManyField(SDGTarget, blank=True, verbose_name=_("SDG targets"))
    sdg_goals = models.ManyToManyField(SDGGoal, blank=True, verbose_name=_("SDG goals"))
    gcm_guiding_principles = models.ManyToManyField(
        GCMGuidingPrinciple, blank=True, verbose_name=_("GCM guiding principles")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "position"]
        verbose_name = _("guiding question")
        verbose_name_plural = _("guiding questions")
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="question_position_once")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self, "text")
