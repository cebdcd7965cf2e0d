"""Bilateral meetings: the request for one, the meeting in a slot at a table, and the Outcome
Form the participants fill together (003 L8662-L8683)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import Sourced

from ..enums import MeetingRequestStatus, MeetingStatus, Side
from .marketplace import Marketplace, Slot, Table
from .requests import Offer, ProviderParty, ServiceRequest


class MeetingRequest(ProviderParty):
    """Either side asks for a bilateral meeting about a request; the other side answers.
    A pending request holds no slot; it expires (peer-systems.md §5.1: unanswered requests
    "block other participants' time-slots" elsewhere)."""

    request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="meeting_requests"
    )
    offer = models.ForeignKey(Offer, null=True, blank=True, on_delete=models.SET_NULL)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_by_side = models.CharField(_("asked by the"), max_length=10, choices=Side.choices)
    note = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MeetingRequestStatus.choices,
        default=MeetingRequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta(ProviderParty.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.request.reference} ↔ {self.provider}"

    @property
    def answering_side(self) -> str:
        return Side.PROVIDER if self.asked_by_side == Side.OWNER else Side.OWNER


class MarketplaceMeeting(Sourced, ProviderParty):
    """An accepted bilateral meeting; the scheduler gives it a slot and a table.

    The parties' scheduler names are stored (owner_party, provider_party) so that the database
    itself refuses a party in two meetings of one slot, as it refuses two meetings at a table.
    """

    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE, related_name="meetings")
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="meetings")
    meeting_request = models.OneToOneField(
        MeetingRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="meeting"
    )
    reference = models.CharField(_("reference"), max_length=20)
    owner_party = models.CharField(max_length=40)
    provider_party = models.CharField(max_length=40)
    slot = models.ForeignKey(
        Slot, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    table = models.ForeignKey(
        Table, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    locked = models.BooleanField(_("locked by staff"), default=False)
    priority = models.PositiveSmallIntegerField(_("priority"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta(ProviderParty.Meta):
        ordering = ["slot__starts_at", "table__name", "reference"]
        verbose_name = _("Marketplace meeting")
        verbose_name_plural = _("Marketplace meetings")
        constraints = [
            *ProviderParty.Meta.constraints,
            models.UniqueConstraint(
                fields=["marketplace", "reference"], name="meeting_unique_reference"
            ),
            models.CheckConstraint(
                condition=Q(slot__isnull=True, table__isnull=True)
                | Q(slot__isnull=False, table__isnull=False),
                name="meeting_slot_and_table_together",
            ),
            models.CheckConstraint(
                condition=Q(locked=False) | Q(slot__isnull=False),
                name="meeting_locked_only_when_placed",
            ),
            models.CheckConstraint(
                condition=Q(priority__gte=1) & Q(priority__lte=3), name="meeting_priority_1_to_3"
            ),
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=~Q(status=MeetingStatus.CANCELLED),
                name="meeting_one_per_table_and_slot",
                violation_error_message=_("This table is taken in this slot."),
            ),
            models.UniqueConstraint(
                fields=["slot", "owner_party"],
                condition=~Q(status=MeetingStatus.CANCELLED),
                name="meeting_owner_once_per_slot",
            ),
            models.UniqueConstraint(
                fields=["slot", "provider_party"],
                condition=~Q(status=MeetingStatus.CANCELLED),
                name="meeting_provider_once_per_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.request.reference} ↔ {self.provider}"

    @property
    def is_closed(self) -> bool:
        return self.status != MeetingStatus.PLANNED


class OutcomeForm(models.Model):
    """ "a Marketplace Outcome Form was completed jointly by the meeting participants …
    outcome of the meeting, the proposed follow-up, and any issues to be resolved"
    (003 L8678-L8681). Each side confirms; a change after one side confirmed asks the other
    side to confirm again."""

    meeting = models.OneToOneField(
        MarketplaceMeeting, on_delete=models.CASCADE, related_name="outcome_form"
    )
    outcome = models.TextField(_("outcome of the meeting"))
    proposed_follow_up = models.TextField(_("proposed follow-up"))
    issues_to_be_resolved = models.TextField(_("issues to be resolved"), blank=True)
    resources_identified = models.BooleanField(_("resources identified"), default=False)
    owner_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner_confirmed_at = models.DateTimeField(null=True, blank=True)
    provider_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    provider_confirmed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Outcome Form")
        verbose_name_plural = _("Outcome Forms")

    def __str__(self) -> str:
        return f"{self.meeting.reference}"

    @property
    def confirmed_by_both(self) -> bool:
        return bool(self.owner_confirmed_at and self.provider_confirmed_at)
