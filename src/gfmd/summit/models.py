"""Registration of delegations to an edition's Summit: the edition's registration settings,
the delegations of governments and observers, and their members (003 L1215-L1218,
L1525-L1530, L9510-L9513). Thin: the rules live in domain/."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.directory.models import Organisation, Person, State
from gfmd.governance.models import Edition

from .enums import (
    DEFAULT_SEATS_PER_GOVERNMENT,
    DEFAULT_SEATS_PER_OBSERVER,
    DelegateRole,
    DelegationKind,
    DelegationStatus,
)


class SummitRegistration(models.Model):
    """When delegations may register for an edition's Summit, and how many seats each has.

    The caps are a decision of the 2007 Friends of the Forum for that year (003 L1215-L1218),
    so each edition keeps its own, with where they come from in ``source``."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="summit_registration"
    )
    opens_on = models.DateField(
        _("registration opens on"),
        null=True,
        blank=True,
        help_text=_("Empty: open as soon as the Support Unit sets registration up."),
    )
    closes_on = models.DateField(
        _("registration closes on"),
        null=True,
        blank=True,
        help_text=_("Empty: open until the last day of the Summit."),
    )
    seats_per_government = models.PositiveSmallIntegerField(
        _("seats per government"), default=DEFAULT_SEATS_PER_GOVERNMENT
    )
    seats_per_observer = models.PositiveSmallIntegerField(
        _("seats per observer"), default=DEFAULT_SEATS_PER_OBSERVER
    )
    source = models.CharField(
        _("source of the caps"),
        max_length=250,
        blank=True,
        help_text=_(
            "The decision that set the seats, e.g. a Friends of the Forum meeting; the 2007 caps "
            "come from 003 L1215-L1218."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Summit registration")
        verbose_name_plural = _("Summit registrations")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__isnull=True)
                | Q(opens_on__isnull=True)
                | Q(closes_on__gte=models.F("opens_on")),
                name="summit_registration_closes_after_it_opens",
                violation_error_message=_("Registration cannot close before it opens."),
            ),
            models.CheckConstraint(
                condition=Q(seats_per_government__gte=1) & Q(seats_per_observer__gte=1),
                name="summit_registration_has_seats",
                violation_error_message=_("Each delegation has at least one seat."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Summit registration of %(edition)s") % {"edition": self.edition})


class Delegation(models.Model):
    """A government's delegation (a UN Member or Observer State) or an observer's (an
    organisation invited to the edition) at the Summit (003 L9510-L9513)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="delegations")
    state = models.ForeignKey(
        State,
        verbose_name=_("state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="summit_delegations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="summit_delegations",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DelegationStatus.choices,
        default=DelegationStatus.SUBMITTED,
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.CheckConstraint(
                condition=(Q(state__isnull=False) & Q(organisation__isnull=True))
                | (Q(state__isnull=True) & Q(organisation__isnull=False)),
                name="delegation_of_state_or_organisation",
                violation_error_message=_("A delegation is either a state's or an organisation's."),
            ),
            models.UniqueConstraint(
                fields=["edition", "state"],
                condition=Q(state__isnull=False),
                name="delegation_once_per_state",
                violation_error_message=_("This state's delegation is already registered."),
            ),
            models.UniqueConstraint(
                fields=["edition", "organisation"],
                condition=Q(organisation__isnull=False),
                name="delegation_once_per_organisation",
                violation_error_message=_("This organisation's delegation is already registered."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.state or self.organisation)

    @property
    def party(self) -> State | Organisation | None:
        return self.state or self.organisation

    @property
    def kind(self) -> str:
        return DelegationKind.GOVERNMENT if self.state_id else DelegationKind.OBSERVER

    def get_kind_display(self) -> str:
        return str(DelegationKind(self.kind).label)


class Delegate(models.Model):
    """A person registered in a delegation, with a role that gives their room (003 L1527-L1530).

    ``edition`` repeats the delegation's edition so that the database refuses the same person in
    two delegations of one Summit."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="delegates")
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=10, choices=DelegateRole.choices)
    function = models.CharField(
        _("function"),
        max_length=250,
        blank=True,
        help_text=_("For example: Director-General for Migration."),
    )
    institution = models.CharField(
        _("institution"),
        max_length=250,
        blank=True,
        help_text=_("The ministry or body the person comes from."),
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(role=DelegateRole.HEAD),
                name="one_head_per_delegation",
                violation_error_message=_("This delegation already has a head of delegation."),
            ),
            models.UniqueConstraint(
                fields=["edition", "person"],
                name="delegate_once_per_summit",
                violation_error_message=_(
                    "This person is already registered in a delegation to this Summit."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"
