"""Field shapes shared by the finance models: money is a Decimal with an ISO 4217 code."""

from django.db import models
from django.utils.translation import gettext_lazy as _

AMOUNT = {"max_digits": 16, "decimal_places": 2}
RATE = {"max_digits": 18, "decimal_places": 6}


def amount_field(verbose_name, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, **AMOUNT, **kwargs)


def currency_field(verbose_name=None, **kwargs) -> models.CharField:
    return models.CharField(
        verbose_name or _("currency"),
        max_length=3,
        help_text=_("Three-letter ISO 4217 code, e.g. EUR, USD, MXN."),
        **kwargs,
    )


def rate_field(**kwargs) -> models.DecimalField:
    return models.DecimalField(
        _("exchange rate"),
        **RATE,
        null=True,
        blank=True,
        help_text=_(
            "How many units of this currency make one unit of the budget's currency "
            "(the 2010 budget: 19.16 Mexican pesos per euro)."
        ),
        **kwargs,
    )
