"""A Chair-in-Office's budget for its Forum and the lines it is made of (Operating Modalities §5,
003 L9613-L9616; the 2010 Preliminary Draft Budget, 002 L2605-L2712)."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import Sourced
from gfmd.governance.models import Edition

from ..enums import BudgetStatus
from .money import amount_field, currency_field


class Budget(Sourced):
    """One version of the comprehensive budget of an edition's Forum: its lines, a contingency,
    and the part the Chair covers through its own resources and the part that needs external
    funding. A revision is a new version; earlier ones stay as they were."""

    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.PROTECT, related_name="budgets"
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("e.g. Preliminary Draft Budget")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=BudgetStatus.choices, default=BudgetStatus.DRAFT
    )
    currency = currency_field()
    exchange_rate_note = models.CharField(
        _("exchange rate note"),
        max_length=300,
        blank=True,
        help_text=_("e.g. Based on the exchange rate of 19.16 Mexican pesos / 1 euro."),
    )
    contingency_percent = models.DecimalField(
        _("contingency (%)"), max_digits=5, decimal_places=2, default=0
    )
    stated_total = amount_field(
        _("total as stated"),
        null=True,
        blank=True,
        help_text=_(
            "The total a document states, if it differs from the lines; empty: the total is "
            "the lines plus the contingency."
        ),
    )
    own_resources = amount_field(_("covered by the Chair's own resources"), null=True, blank=True)
    external_funding = amount_field(_("requiring external funding"), null=True, blank=True)
    presented_on = models.DateField(_("presented to the Steering Group on"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    published_at = models.DateTimeField(_("summary published at"), null=True, blank=True)
    lines_published = models.BooleanField(
        _("lines published"),
        default=False,
        help_text=_("The public sees every line, not only the totals by category."),
    )
    note = models.TextField(_("note"), blank=True)
    # The budget as a document in the library (the 2010 Preliminary Draft Budget is one, known by
    # reference): the page links to it for those who may read it.
    document = models.ForeignKey(
        "library.Document",
        verbose_name=_("document in the library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "version"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "version"],
                name="budget_unique_version",
                violation_error_message=_("This edition already has a budget of this version."),
            ),
            models.CheckConstraint(
                condition=Q(contingency_percent__gte=0) & Q(contingency_percent__lte=100),
                name="budget_contingency_is_a_percentage",
                violation_error_message=_("The contingency is a percentage from 0 to 100."),
            ),
        ]

    def __str__(self) -> str:
        # Without the edition: history lists and the admin label many budgets at no query cost.
        return _("%(title)s, version %(version)d") % {
            "title": self.title or _("Budget"),
            "version": self.version,
        }

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class BudgetLine(Sourced):
    """A concept of the budget under a category ("Taskforce", "General Logistics"...), with its
    amount in the budget's currency; an empty amount means the source does not state it."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="lines"
    )
    category = models.CharField(_("category"), max_length=200)
    concept = models.CharField(_("concept"), max_length=300)
    amount = amount_field(
        _("amount"), null=True, blank=True, help_text=_("Empty: the amount is not known.")
    )
    note = models.TextField(_("note"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    # The same line across versions: a revision copies it with its lineage, so spending recorded
    # against an earlier version still counts against the line.
    lineage = models.UUIDField(_("same line across versions"), default=uuid.uuid4, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["budget", "order", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="budget_line_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category} — {self.concept}"
