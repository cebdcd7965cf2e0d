"""Surveys of governments: the thematic survey that sets an edition's priorities (003 L849-L914)
and the later questionnaires of focal points, RCPs and assessments (003 L6689-L6730, L7312)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import Sourced, localized
from gfmd.directory.models import State
from gfmd.governance.models import Edition

from ..enums import QuestionKind, SurveyKind


class Survey(Sourced):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="surveys")
    kind = models.CharField(_("kind"), max_length=12, choices=SurveyKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=250)
    title_fr = models.CharField(_("title (French)"), max_length=250, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=250, blank=True)
    instructions_en = models.TextField(_("instructions (English)"), blank=True)
    deadline = models.DateTimeField(_("answers accepted until"), null=True, blank=True)
    # A survey built on the survey pages is prepared first and opened by staff when ready.
    is_draft = models.BooleanField(_("being prepared"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Figures a source reports for a survey whose answers are not recorded one by one.
    reported_recipients = models.CharField(_("sent to (as reported)"), max_length=200, blank=True)
    reported_responses = models.PositiveIntegerField(
        _("responses (reported)"), null=True, blank=True
    )
    reported_with_priorities = models.PositiveIntegerField(
        _("responses with a priority list (reported)"), null=True, blank=True
    )
    reported_as_of = models.DateField(_("reported figures as of"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "id"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    def get_absolute_url(self) -> str:
        return reverse("preparation:survey", args=[self.pk])


class SurveyQuestion(Sourced):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    text_en = models.TextField(_("question (English)"))
    text_fr = models.TextField(_("question (French)"), blank=True)
    text_es = models.TextField(_("question (Spanish)"), blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "position"], name="survey_question_position_once"
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self, "text")

    @property
    def has_choices(self) -> bool:
        return self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING)


class SurveyChoice(Sourced):
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(_("position"))
    label_en = models.TextField(_("label (English)"))
    label_fr = models.TextField(_("label (French)"), blank=True)
    label_es = models.TextField(_("label (Spanish)"), blank=True)

    class Meta:
        ordering = ["question", "position"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self, "label")


class SurveyResponse(models.Model):
    """A state's one answer to a survey, corrected in place until the deadline."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="survey_responses")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("first submitted"))
    updated_at = models.DateTimeField(_("last corrected"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "state"],
                name="one_response_per_state",
                violation_error_message=_("This state has already answered this survey."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.state} → {self.survey}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("text"), blank=True)
    number = models.DecimalField(_("number"), max_digits=14, decimal_places=2, null=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.response} — {self.question.position}"


class AnswerChoice(models.Model):
    """A chosen option; for a ranking question, with its rank (1 = first priority)."""

    answer = models.ForeignKey(SurveyAnswer, on_delete=models.CASCADE, related_name="chosen")
    choice = models.ForeignKey(SurveyChoice, on_delete=models.CASCADE, related_name="chosen")
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)

    class Meta:
        ordering = ["answer", "rank", "id"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "choice"], name="choice_once_per_answer")
        ]

    def __str__(self) -> str:
        return f"{self.choice} ({self.rank or '-'})"
