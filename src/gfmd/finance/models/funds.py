"""Money and help given to a Chair-in-Office's fund, what it spends, and what is left over for
its successor (Operating Modalities §5, 003 L9613-L9623; 002 L2713-L2767)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import Sourced
from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Chairmanship, Edition, Handover

from ..enums import ContributionKind, ContributionStatus, ContributorKind
from .budgets import BudgetLine
from .money import amount_field, currency_field, rate_field


class Converted(models.Model):
    """An amount in its own currency and, when a rate is known, in the budget's currency.

    ``converted_currency`` records which currency the conversion is into, so that a conversion
    made before the budget changed its currency is never added to the new one."""

    amount = amount_field(_("amount"), null=True, blank=True)
    currency = currency_field(blank=True)
    exchange_rate = rate_field()
    converted_amount = amount_field(_("amount in the budget's currency"), null=True, blank=True)
    converted_currency = currency_field(_("budget's currency"), blank=True)

    class Meta:
        abstract = True


class Contribution(Sourced, Converted):
    """A financial contribution paid to the fund the Chair-in-Office administers (003
    L9620-L9621), or a non-financial one (a secondment, a venue, technical assistance,
    research...), with its purpose as the donor earmarked it."""

    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.PROTECT, related_name="contributions"
    )
    contributor_kind = models.CharField(
        _("contributor"), max_length=12, choices=ContributorKind.choices
    )
    state = models.ForeignKey(
        State,
        verbose_name=_("state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    contributor_name = models.CharField(
        _("contributor as named"),
        max_length=250,
        blank=True,
        help_text=_("e.g. UK Department for International Development; empty: the record's name."),
    )
    kind = models.CharField(_("kind"), max_length=14, choices=ContributionKind.choices)
    in_kind_types = models.JSONField(_("what is given"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    purpose = models.CharField(
        _("purpose"),
        max_length=300,
        blank=True,
        help_text=_("As the donor earmarked it, e.g. For participants from developing countries."),
    )
    earmarked = models.BooleanField(_("earmarked"), default=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ContributionStatus.choices,
        default=ContributionStatus.PLEDGED,
    )
    pledged_on = models.DateField(_("pledged on"), null=True, blank=True)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    rate_note = models.CharField(_("note on the rate"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "order", "pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="contribution_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(exchange_rate__isnull=True) | Q(exchange_rate__gt=0),
                name="contribution_rate_positive",
                violation_error_message=_("An exchange rate must be above zero."),
            ),
        ]

    def __str__(self) -> str:
        return self.contributor

    @property
    def contributor(self) -> str:
        """The name under which the contribution is listed."""
        if self.contributor_name:
            return self.contributor_name
        if self.state_id:
            return str(self.state)
        if self.organisation_id:
            return str(self.organisation)
        return str(ContributorKind(self.contributor_kind).label)

    @property
    def is_financial(self) -> bool:
        return self.kind == ContributionKind.FINANCIAL

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Expenditure(Sourced, Converted):
    """Money the Chair-in-Office spends "in accordance with the budget" (003 L9621-L9622),
    against one of its lines."""

    budget_line = models.ForeignKey(
        BudgetLine,
        verbose_name=_("budget line"),
        on_delete=models.PROTECT,
        related_name="expenditures",
    )
    amount = amount_field(_("amount"))
    currency = currency_field()
    date = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditures")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="expenditure_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(exchange_rate__isnull=True) | Q(exchange_rate__gt=0),
                name="expenditure_rate_positive",
                violation_error_message=_("An exchange rate must be above zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.description}"


class CarryOver(Sourced):
    """Left-over funds that one Chair-in-Office transfers to the one that succeeds it (003
    L9616-L9618). It names the two chairmanships and, when governance recorded it, the handover
    it went with; it copies nothing of either."""

    from_chairmanship = models.ForeignKey(
        Chairmanship,
        verbose_name=_("from the chairmanship"),
        on_delete=models.PROTECT,
        related_name="carry_overs_out",
    )
    to_chairmanship = models.ForeignKey(
        Chairmanship,
        verbose_name=_("to the chairmanship"),
        on_delete=models.PROTECT,
        related_name="carry_overs_in",
    )
    handover = models.ForeignKey(
        Handover,
        verbose_name=_("handover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    amount = amount_field(_("amount"))
    currency = currency_field()
    date = models.DateField(_("date of the transfer"))
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("carry-over")
        verbose_name_plural = _("carry-overs")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="carry_over_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_chairmanship} → {self.to_chairmanship} ({self.date.isoformat()})"
