"""A Marketplace per edition, its team, its hours (slots), tables and the parties' unavailable
slots (003 L8594-L8664; peer-systems.md §5.1)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.enums import DatePrecision
from gfmd.common.models import Sourced
from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Edition

from ..enums import DEFAULT_MEETING_REQUEST_EXPIRY_HOURS


class Marketplace(Sourced):
    """An edition's Marketplace: "open for business" between two dates (003 L8641-L8646),
    meetings on the Forum days."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="marketplace")
    opens_on = models.DateField(_("open from"), null=True, blank=True)
    opens_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    closes_on = models.DateField(_("open until"), null=True, blank=True)
    closes_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    meeting_request_expiry_hours = models.PositiveIntegerField(
        _("a meeting request expires after (hours)"),
        default=DEFAULT_MEETING_REQUEST_EXPIRY_HOURS,
    )
    contact_email = models.EmailField(_("Marketplace team e-mail"), blank=True)
    time_zone = models.CharField(
        _("time zone of the Forum"),
        max_length=60,
        default="UTC",
        help_text=_("Slots are shown in it, for example Europe/Brussels."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Marketplace")
        verbose_name_plural = _("Marketplaces")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__isnull=True)
                | Q(opens_on__isnull=True)
                | Q(closes_on__gte=models.F("opens_on")),
                name="marketplace_closes_after_it_opens",
                violation_error_message=_("The Marketplace cannot close before it opens."),
            )
        ]

    def __str__(self) -> str:
        return str(_("Marketplace %(edition)s") % {"edition": self.edition})


class MarketplaceTeamMember(models.Model):
    """Someone the Support Unit names to run the Marketplace with them (in 2007, UNDESA's
    "Marketplace Team", 003 L8733-L8736)."""

    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Marketplace team member")
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "user"], name="marketplace_team_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.marketplace})"


class Slot(Sourced):
    """A one-hour meeting slot on a Forum day (003 L8662-L8664)."""

    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        constraints = [
            models.UniqueConstraint(
                fields=["marketplace", "starts_at"],
                name="slot_unique_start",
                violation_error_message=_("A slot already starts at this time."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="slot_ends_after_start",
                violation_error_message=_("A slot must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        from django.utils import timezone

        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at)
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"


class Table(Sourced):
    """A table or room where bilateral meetings sit, one meeting per slot."""

    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(_("name"), max_length=80)
    location = models.CharField(_("where"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        constraints = [
            models.UniqueConstraint(
                fields=["marketplace", "name"],
                name="table_unique_name",
                violation_error_message=_("A table with this name exists already."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Unavailability(models.Model):
    """A party (a state's delegation or an organisation) cannot meet in a slot."""

    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="unavailabilities")
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unavailable slot")
        verbose_name_plural = _("unavailable slots")
        constraints = [
            models.CheckConstraint(
                condition=(Q(state__isnull=False) & Q(organisation__isnull=True))
                | (Q(state__isnull=True) & Q(organisation__isnull=False)),
                name="unavailability_of_state_or_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state or self.organisation} — {self.slot}"
