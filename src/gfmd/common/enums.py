from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    """How much of a stored date the source actually states ("October 2010", "2010", "TBC")."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    TO_BE_CONFIRMED = "tbc", _("to be confirmed")
