"""The bodies of the Operating Modalities: Troika, Steering Group, Friends of the Forum, ad hoc
Working Groups, and their meetings and decisions (003 L9542-L9596; 002 L212-L268)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.enums import DatePrecision
from gfmd.common.models import Sourced, localized
from gfmd.directory.models import Organisation, State

from ..enums import Body, DecisionKind, LeftReason, WorkingGroupRole
from .dated import Dated
from .editions import Edition, Process


class TroikaExtension(Sourced, Dated):
    """A state added to an edition's Troika beyond outgoing, in-office and forthcoming chair
    (the 2010 "extended Troika", 002 L257-L261)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="troika_extensions")
    state = models.ForeignKey(State, on_delete=models.PROTECT)
    left_reason = models.CharField(max_length=10, choices=LeftReason.choices, blank=True)
    history = HistoricalRecords()

    class Meta(Dated.Meta):
        ordering = ["edition", "start", "state__name_en"]
        verbose_name = _("extended Troika member")
        verbose_name_plural = _("extended Troika members")

    def __str__(self) -> str:
        return f"{self.state} (extended Troika, {self.edition})"


class SteeringGroupMembership(Sourced, Dated):
    """A government on the Steering Group of a process between two dates (003 L9554-L9565)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="steering_group")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="steering_group_terms")
    history = HistoricalRecords()

    class Meta(Dated.Meta):
        ordering = ["state__name_en", "start"]
        verbose_name = _("Steering Group membership")
        verbose_name_plural = _("Steering Group memberships")

    def __str__(self) -> str:
        return f"{self.state} ({self.process}, Steering Group)"


class FriendsOfTheForumMembership(Sourced, Dated):
    """A state's choice to take part in the Friends of the Forum (open to all Member and Observer
    States, 003 L1078-L1081, L9590-L9596)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="friends")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="friends_terms")
    history = HistoricalRecords()

    class Meta(Dated.Meta):
        ordering = ["state__name_en", "start"]
        verbose_name = _("Friends of the Forum membership")
        verbose_name_plural = _("Friends of the Forum memberships")

    def __str__(self) -> str:
        return f"{self.state} ({self.process}, Friends of the Forum)"


class WorkingGroup(Sourced):
    """An ad hoc Working Group: co-chairs, members, mandate, and its names over time."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="working_groups")
    key = models.SlugField(max_length=80, unique=True)
    mandate_en = models.TextField(_("mandate (English)"), blank=True)
    mandate_fr = models.TextField(_("mandate (French)"), blank=True)
    mandate_es = models.TextField(_("mandate (Spanish)"), blank=True)
    established_year = models.PositiveSmallIntegerField(_("established"), null=True, blank=True)
    closed_year = models.PositiveSmallIntegerField(_("closed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ad hoc Working Group")
        verbose_name_plural = _("ad hoc Working Groups")

    def __str__(self) -> str:
        current = self.current_name
        return localized(current, "name") if current else self.key

    @property
    def current_name(self):
        names = list(self.names.all())
        return names[-1] if names else None

    @property
    def mandate(self) -> str:
        return localized(self, "mandate")


class WorkingGroupName(models.Model):
    """A renamed group keeps its past names (001 L40-L43)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="names")
    name_en = models.CharField(_("name (English)"), max_length=250)
    name_fr = models.CharField(_("name (French)"), max_length=250, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=250, blank=True)
    from_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    to_year = models.PositiveSmallIntegerField(_("to"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "from_year", "id"]

    def __str__(self) -> str:
        return localized(self, "name")


class WorkingGroupMember(Sourced, Dated):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    role = models.CharField(max_length=10, choices=WorkingGroupRole.choices)
    history = HistoricalRecords()

    class Meta(Dated.Meta):
        ordering = ["role", "state__name_en"]
        constraints = [
            *Dated.Meta.constraints,
            models.CheckConstraint(
                condition=(Q(state__isnull=False) & Q(organisation__isnull=True))
                | (Q(state__isnull=True) & Q(organisation__isnull=False)),
                name="working_group_member_state_or_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state or self.organisation} ({self.get_role_display()})"


class BodyMeeting(Sourced):
    """A meeting of the Troika, the Steering Group, the Friends of the Forum or a Working Group."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="body_meetings")
    edition = models.ForeignKey(
        Edition, null=True, blank=True, on_delete=models.SET_NULL, related_name="body_meetings"
    )
    body = models.CharField(_("body"), max_length=30, choices=Body.choices)
    working_group = models.ForeignKey(WorkingGroup, null=True, blank=True, on_delete=models.CASCADE)
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    participants_note = models.CharField(max_length=120, blank=True)
    member_states = models.PositiveSmallIntegerField(
        _("Member States present"), null=True, blank=True
    )
    chaired_by = models.CharField(_("chaired by"), max_length=250, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "body", "number"]
        verbose_name = _("body meeting")
        verbose_name_plural = _("body meetings")

    def __str__(self) -> str:
        number = f" {self.number}" if self.number else ""
        return f"{self.get_body_display()}{number}"

    @property
    def summary(self) -> str:
        return localized(self, "summary")


class BodyDecision(Sourced):
    meeting = models.ForeignKey(BodyMeeting, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(_("kind"), max_length=10, choices=DecisionKind.choices)
    text_en = models.TextField(_("text (English)"))
    text_fr = models.TextField(_("text (French)"), blank=True)
    text_es = models.TextField(_("text (Spanish)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]

    @property
    def text(self) -> str:
        return localized(self, "text")
