"""Session teams and session roles (003 L970-L1000, L1044-L1046; 002 Annex 5, L2772-L2867)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import Sourced
from gfmd.directory.models import Organisation, Person, State

from ..enums import Perspective, RoleKind, TeamSeat, TeamStatus
from .concept import Roundtable, RoundtableSession


class TeamMembership(Sourced):
    """A state (co-chair or team member) or an organisation (partner) on a session team."""

    session = models.ForeignKey(RoundtableSession, on_delete=models.CASCADE, related_name="team")
    state = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="session_teams"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="session_teams"
    )
    seat = models.CharField(_("seat"), max_length=10, choices=TeamSeat.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=TeamStatus.choices, default=TeamStatus.PROPOSED
    )
    perspective = models.CharField(
        _("perspective in this team"),
        max_length=12,
        choices=Perspective.choices,
        blank=True,
        default=Perspective.UNKNOWN,
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    volunteered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "seat", "position", "id"]
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [
            models.CheckConstraint(
                condition=(Q(state__isnull=False) & Q(organisation__isnull=True))
                | (Q(state__isnull=True) & Q(organisation__isnull=False)),
                name="team_member_state_or_organisation",
            ),
            models.UniqueConstraint(
                fields=["session", "state"],
                condition=Q(state__isnull=False),
                name="state_once_per_team",
                violation_error_message=_("This state is already on the session's team."),
            ),
            models.UniqueConstraint(
                fields=["session", "organisation"],
                condition=Q(organisation__isnull=False),
                name="organisation_once_per_team",
                violation_error_message=_("This organisation is already on the session's team."),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.state or self.organisation} ({self.get_seat_display()}, {self.session.number})"
        )


class SessionRole(Sourced):
    """A typed, ordered role in a session, or in a whole roundtable (coordinator, general
    rapporteur, note-takers of the roundtable). The person is named as the source names them."""

    session = models.ForeignKey(
        RoundtableSession, null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )
    roundtable = models.ForeignKey(
        Roundtable, null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)
    name = models.CharField(_("name"), max_length=200, blank=True)
    affiliation = models.CharField(_("affiliation as stated"), max_length=250, blank=True)
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("session role")
        verbose_name_plural = _("session roles")
        constraints = [
            models.CheckConstraint(
                condition=(Q(session__isnull=False) & Q(roundtable__isnull=True))
                | (Q(session__isnull=True) & Q(roundtable__isnull=False)),
                name="role_of_session_or_roundtable",
            ),
            models.CheckConstraint(
                condition=~Q(name="") | Q(person__isnull=False) | Q(state__isnull=False),
                name="role_names_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.holder}"

    @property
    def holder(self) -> str:
        who = self.name or (str(self.person) if self.person_id else "") or str(self.state or "")
        affiliation = self.affiliation or (str(self.organisation) if self.organisation_id else "")
        return f"{who} ({affiliation})" if affiliation and affiliation != who else who
