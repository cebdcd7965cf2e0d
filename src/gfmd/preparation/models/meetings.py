"""Meetings before the Summit: preparatory events (workshops, side events) beside the body
meetings of governance, which these tables extend with attendance and documents tabled
(001 L713-L734; 000 L1-L82; 002 L251-L252, L289-L305)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.enums import DatePrecision
from gfmd.common.models import Sourced, localized
from gfmd.directory.models import Organisation, State
from gfmd.governance.models import BodyDecision, BodyMeeting, Chairmanship, Edition
from gfmd.library.models import Document

from ..enums import EventKind, PartnerRole
from .concept import RoundtableSession


class PreparatoryEvent(Sourced):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="preparatory_events"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    end_date = models.DateField(_("last day"), null=True, blank=True)
    tentative = models.BooleanField(_("to be confirmed"), default=False)
    city = models.CharField(_("city"), max_length=120, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    series_position = models.PositiveSmallIntegerField(
        _("number in its series"), null=True, blank=True
    )
    series_size = models.PositiveSmallIntegerField(_("events in the series"), null=True, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    agenda_en = models.TextField(_("agenda (English)"), blank=True)
    stakeholder_types = models.JSONField(_("stakeholders invited"), default=list, blank=True)
    sessions_fed = models.ManyToManyField(
        RoundtableSession, blank=True, related_name="fed_by", verbose_name=_("sessions it feeds")
    )
    feeds_note = models.CharField(_("note on the sessions it feeds"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "date", "id"]
        verbose_name = _("preparatory event")
        verbose_name_plural = _("preparatory events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(date__isnull=False) & Q(end_date__gte=models.F("date")),
                name="preparatory_event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    def get_absolute_url(self) -> str:
        return reverse("preparation:event", args=[self.pk])


class EventPartner(Sourced):
    """Who organises or supports an event: a chairmanship, a state or an organisation."""

    event = models.ForeignKey(PreparatoryEvent, on_delete=models.CASCADE, related_name="partners")
    role = models.CharField(_("role"), max_length=12, choices=PartnerRole.choices)
    chairmanship = models.ForeignKey(Chairmanship, null=True, blank=True, on_delete=models.PROTECT)
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "role", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(chairmanship__isnull=False)
                | Q(state__isnull=False)
                | Q(organisation__isnull=False),
                name="event_partner_names_someone",
            )
        ]

    def __str__(self) -> str:
        who = self.chairmanship or self.state or self.organisation
        return f"{who} ({self.get_role_display()})"


class MeetingAttendance(Sourced):
    """A state or organisation present at a body meeting or a preparatory event."""

    body_meeting = models.ForeignKey(
        BodyMeeting, null=True, blank=True, on_delete=models.CASCADE, related_name="attendance"
    )
    event = models.ForeignKey(
        PreparatoryEvent, null=True, blank=True, on_delete=models.CASCADE, related_name="attendance"
    )
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(body_meeting__isnull=False, event__isnull=True)
                | Q(body_meeting__isnull=True, event__isnull=False),
                name="attendance_of_one_meeting",
            ),
            models.CheckConstraint(
                condition=Q(state__isnull=False, organisation__isnull=True)
                | Q(state__isnull=True, organisation__isnull=False),
                name="attendance_state_or_organisation",
            ),
        ]

    def __str__(self) -> str:
        return str(self.state or self.organisation)


class TabledDocument(Sourced):
    """A library document tabled at a body meeting or a preparatory event."""

    body_meeting = models.ForeignKey(
        BodyMeeting, null=True, blank=True, on_delete=models.CASCADE, related_name="tabled"
    )
    event = models.ForeignKey(
        PreparatoryEvent, null=True, blank=True, on_delete=models.CASCADE, related_name="tabled"
    )
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="tabled_at")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(body_meeting__isnull=False, event__isnull=True)
                | Q(body_meeting__isnull=True, event__isnull=False),
                name="tabled_at_one_meeting",
            )
        ]

    def __str__(self) -> str:
        return str(self.document)


class DecisionSubject(Sourced):
    """What a body decision refers to: a typed link (a session, a document...) or a label."""

    decision = models.ForeignKey(BodyDecision, on_delete=models.CASCADE, related_name="subjects")
    subject_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    label_en = models.CharField(_("what it refers to (English)"), max_length=300)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.label_en
