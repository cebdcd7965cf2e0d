"""Amounts and currencies: the hard rules every record of money obeys.

Money is a ``Decimal`` with an ISO 4217 code (STYLE: "Money is Decimal with a currency, never
float"); amounts of different currencies are never added without a rate. A rate says how many
units of a currency make one unit of the budget's currency, as the 2010 budget states its own:
"19.16 mexican pesos/1 euro" (002 L2671)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError

from ..currencies import CURRENCY_CODES

CENT = Decimal("0.01")
# What a money column (DecimalField(16, 2)) and a rate column (DecimalField(18, 6)) hold.
AMOUNT_LIMIT = Decimal("1e14")
RATE_LIMIT = Decimal("1e12")
RATE_STEP = Decimal("0.000001")


def money(amount: Decimal | None, currency: str = "") -> str:
    """ "1,748,255.00 EUR" in the active language's number format."""
    if amount is None:
        return _("unknown")
    figure = number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{figure} {currency}".strip()


def check_currency(code: str, field: str = "currency") -> str:
    """The code in capitals, or a DomainError naming what to type instead."""
    value = (code or "").strip().upper()
    if not value:
        raise DomainError(
            _("Give the currency: its three-letter ISO 4217 code, e.g. EUR."), field=field
        )
    if value not in CURRENCY_CODES:
        raise DomainError(
            _(
                "Unknown currency code “%(code)s”: use the three-letter ISO 4217 code, "
                "e.g. EUR, USD or MXN."
            )
            % {"code": code},
            field=field,
        )
    return value


def check_amount(value, field: str = "amount", *, required: bool = True) -> Decimal | None:
    """A non-negative Decimal with at most two decimals; refunds and corrections are recorded
    by changing the record, whose history keeps the earlier figure."""
    if value in (None, ""):
        if required:
            raise DomainError(_("Give the amount."), field=field)
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise DomainError(
            _("“%(value)s” is not an amount: write digits with a dot for decimals, e.g. 1500.50.")
            % {"value": value},
            field=field,
        ) from None
    if not amount.is_finite():
        raise DomainError(_("Give the amount as a number."), field=field)
    if amount < 0:
        raise DomainError(
            _("An amount cannot be negative (%(amount)s); correct the record instead.")
            % {"amount": amount},
            field=field,
        )
    if amount >= AMOUNT_LIMIT:  # checked first: quantizing a huge figure fails
        raise DomainError(_("This amount is too large to be right."), field=field)
    if amount != amount.quantize(CENT):
        raise DomainError(_("An amount has at most two decimals."), field=field)
    return amount.quantize(CENT)


def check_rate(value, field: str = "exchange_rate") -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        rate = Decimal(str(value))
    except InvalidOperation:
        raise DomainError(
            _("Give the exchange rate as a number, e.g. 19.16."), field=field
        ) from None
    if not rate.is_finite() or rate <= 0:
        raise DomainError(_("An exchange rate must be above zero."), field=field)
    if rate >= RATE_LIMIT or rate != rate.quantize(RATE_STEP):
        raise DomainError(
            _("An exchange rate has at most six decimals and twelve digits before them."),
            field=field,
        )
    return rate


@dataclass(frozen=True)
class Conversion:
    """What a record keeps of an amount in the budget's currency."""

    exchange_rate: Decimal | None
    converted_amount: Decimal | None
    converted_currency: str

    def as_fields(self) -> dict:
        return {
            "exchange_rate": self.exchange_rate,
            "converted_amount": self.converted_amount,
            "converted_currency": self.converted_currency,
        }


NOT_CONVERTED = Conversion(None, None, "")


def convert(
    amount: Decimal | None, currency: str, rate: Decimal | None, budget_currency: str | None
) -> Conversion:
    """The amount in the budget's currency: the same figure when the currencies agree, the
    amount divided by the rate when a rate is given, else no conversion (and the totals say
    which amounts are left unconverted)."""
    if amount is None or not budget_currency:
        if rate is not None:
            raise DomainError(
                _("Record the edition's budget first: a rate converts into its currency."),
                field="exchange_rate",
            )
        return NOT_CONVERTED
    if currency == budget_currency:
        if rate is not None and rate != 1:
            raise DomainError(
                _(
                    "This amount is already in %(currency)s, the budget's currency: leave the "
                    "rate empty."
                )
                % {"currency": currency},
                field="exchange_rate",
            )
        return Conversion(None, amount, budget_currency)
    if rate is None:
        return NOT_CONVERTED
    converted = amount / rate
    # A large amount at a tiny rate would not fit the books (numeric(16, 2)): say which input
    # to check rather than fail in the database.
    if converted >= AMOUNT_LIMIT - CENT / 2:
        raise DomainError(
            _(
                "At a rate of %(rate)s %(currency)s to 1 %(budget)s, %(amount)s would come to "
                "more than 99,999,999,999,999.99 %(budget)s, which the books cannot hold: check "
                "the rate (how many %(currency)s make one %(budget)s) and the amount."
            )
            % {
                "rate": rate,
                "currency": currency,
                "budget": budget_currency,
                "amount": money(amount, currency),
            },
            field="exchange_rate",
        )
    return Conversion(rate, converted.quantize(CENT, rounding=ROUND_HALF_UP), budget_currency)


def percentage_of(amount: Decimal, percent: Decimal) -> Decimal:
    return (amount * percent / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)
