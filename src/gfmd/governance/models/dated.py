import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gfmd.common.enums import DatePrecision


class Dated(models.Model):
    """A membership, term or assignment that holds between two dates; an open end means "still"."""

    start = models.DateField(_("from"), null=True, blank=True)
    start_precision = models.CharField(
        _("precision of the start"), max_length=5, choices=DatePrecision.choices, default="day"
    )
    end = models.DateField(_("to"), null=True, blank=True)
    end_precision = models.CharField(
        _("precision of the end"), max_length=5, choices=DatePrecision.choices, default="day"
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True)
                | Q(start__isnull=True)
                | Q(end__gte=models.F("start")),
                name="%(app_label)s_%(class)s_ends_after_start",
                violation_error_message=_("The end date is before the start date."),
            )
        ]

    def is_active_on(self, day: datetime.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)


def active_on(day: datetime.date, prefix: str = "") -> Q:
    """Rows of a Dated model that hold on ``day``."""
    return (Q(**{f"{prefix}start__isnull": True}) | Q(**{f"{prefix}start__lte": day})) & (
        Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": day})
    )


def overlapping(start: datetime.date | None, end: datetime.date | None) -> Q:
    """Rows whose period shares at least one day with [start, end] (open ends are unbounded)."""
    condition = Q()
    if end is not None:
        condition &= Q(start__isnull=True) | Q(start__lte=end)
    if start is not None:
        condition &= Q(end__isnull=True) | Q(end__gte=start)
    return condition
