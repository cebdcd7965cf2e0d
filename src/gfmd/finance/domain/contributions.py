"""Contributions to the Chair-in-Office's fund and how far they cover the budget.

"Financial contributions are paid to a fund administered by the Chair-in-Office" (Operating
Modalities §5, 003 L9620-L9621). The 2010 report lists them by donor, with amount, currency and
purpose, financial and non-financial apart (Annex 4, 002 L2713-L2767): seventeen financial
donors besides the Chair in six currencies, so totals are kept per currency and only amounts
with a rate are added to the budget's currency.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError

from ..enums import ContributionKind, ContributionStatus, ContributorKind, InKindType
from ..models import Budget, Contribution
from .budgets import MAX_ORDER, check_order
from .money import check_amount, check_currency, check_rate, convert, money

CONTRIBUTION_FIELDS = (
    "contributor_kind",
    "state",
    "organisation",
    "contributor_name",
    "kind",
    "amount",
    "currency",
    "exchange_rate",
    "rate_note",
    "in_kind_types",
    "description",
    "purpose",
    "earmarked",
    "status",
    "pledged_on",
    "received_on",
    "order",
)
ZERO = Decimal("0.00")


def _contributor(data: dict) -> None:
    kind = data["contributor_kind"]
    if kind not in ContributorKind.values:
        raise DomainError(_("Choose who contributes."), field="contributor_kind")
    name = (data.get("contributor_name") or "").strip()
    data["contributor_name"] = name
    if kind == ContributorKind.STATE and data.get("state") is None:
        raise DomainError(_("Choose the contributing state."), field="state")
    if kind == ContributorKind.ORGANISATION and data.get("organisation") is None and not name:
        raise DomainError(
            _("Choose the contributing organisation, or write its name."), field="organisation"
        )
    if kind == ContributorKind.OTHER and not name:
        raise DomainError(_("Write the contributor's name."), field="contributor_name")
    if kind == ContributorKind.STATE:
        data["organisation"] = None
    if kind == ContributorKind.ORGANISATION:
        data["state"] = None
    if kind == ContributorKind.OTHER:
        data["state"] = data["organisation"] = None


def _what(data: dict) -> None:
    """A financial contribution has an amount and a currency; a non-financial one says what it
    gives, and has neither."""
    kind = data["kind"]
    if kind not in ContributionKind.values:
        raise DomainError(_("Choose financial or non-financial."), field="kind")
    types = list(data.get("in_kind_types") or [])
    unknown = [t for t in types if t not in InKindType.values]
    if unknown:
        raise DomainError(
            _("Unknown kind of help: %(names)s.") % {"names": ", ".join(map(str, unknown))},
            field="in_kind_types",
        )
    data["in_kind_types"] = [t for t in InKindType.values if t in types]
    data["description"] = (data.get("description") or "").strip()
    if kind == ContributionKind.FINANCIAL:
        data["amount"] = check_amount(data.get("amount"))
        data["currency"] = check_currency(data.get("currency") or "")
        data["exchange_rate"] = check_rate(data.get("exchange_rate"))
        if data["in_kind_types"]:
            raise DomainError(
                _("A financial contribution gives money: record the help in kind separately."),
                field="in_kind_types",
            )
        return
    for name in ("amount", "currency", "exchange_rate"):
        if data.get(name) not in (None, ""):
            raise DomainError(
                _(
                    "A non-financial contribution has no amount, currency or rate: describe "
                    "what is given instead."
                ),
                field=name,
            )
    if not data["in_kind_types"] and not data["description"]:
        raise DomainError(
            _("Say what the non-financial contribution gives (a secondment, a venue...)."),
            field="in_kind_types",
        )
    data["amount"], data["currency"], data["exchange_rate"] = None, "", None


def _status(data: dict) -> None:
    status = data["status"]
    if status not in ContributionStatus.values:
        raise DomainError(_("Choose pledged, received or withdrawn."), field="status")
    pledged, received = data.get("pledged_on"), data.get("received_on")
    if received is not None and status != ContributionStatus.RECEIVED:
        raise DomainError(
            _("A contribution with a date of receipt is received: set its status to received."),
            field="status",
        )
    if pledged is not None and received is not None and received < pledged:
        raise DomainError(
            _("It cannot be received (%(received)s) before it was pledged (%(pledged)s).")
            % {"received": received.isoformat(), "pledged": pledged.isoformat()},
            field="received_on",
        )


def check_contribution(edition, data: dict, budget_currency: str | None) -> dict:
    """The fields of a contribution, checked, with the conversion into the budget's currency
    (the 2010 Chair's own contribution is in pesos, the budget in euros: 002 L2671, L2722)."""
    checked = {name: data.get(name) for name in CONTRIBUTION_FIELDS if name in data}
    checked.setdefault("status", ContributionStatus.PLEDGED)
    checked.setdefault("earmarked", True)
    for name in ("contributor_kind", "kind"):
        if not checked.get(name):
            raise DomainError(_("This field is required."), field=name)
    _contributor(checked)
    _what(checked)
    _status(checked)
    for name in ("purpose", "rate_note"):
        checked[name] = (checked.get(name) or "").strip()
    if checked.get("order") is None:
        checked.pop("order", None)
    else:
        checked["order"] = check_order(checked["order"])
    conversion = convert(
        checked["amount"], checked["currency"], checked["exchange_rate"], budget_currency
    )
    checked.update(conversion.as_fields())
    return checked


def _budget_currency(edition) -> str | None:
    from .budgets import budget_in_force

    return getattr(budget_in_force(Budget.objects.filter(edition=edition)), "currency", None)


def record_contribution(edition, **data) -> Contribution:
    """A new contribution, unpublished until the Support Unit publishes the list."""
    checked = check_contribution(edition, data, _budget_currency(edition))
    if "order" not in checked:
        latest = edition.contributions.order_by("-order").values_list("order", flat=True).first()
        checked["order"] = min((latest or 0) + 10, MAX_ORDER)
    return Contribution.objects.create(edition=edition, **checked)


def update_contribution(contribution: Contribution, **data) -> Contribution:
    current = {name: getattr(contribution, name) for name in CONTRIBUTION_FIELDS}
    checked = check_contribution(
        contribution.edition, {**current, **data}, _budget_currency(contribution.edition)
    )
    for name, value in checked.items():
        setattr(contribution, name, value)
    contribution.save()
    return contribution


def publish_contributions(edition) -> int:
    """Publish every contribution not yet public (withdrawn pledges stay unpublished), as the
    2010 report published its list in an annex (002 L2713). Returns how many."""
    now = timezone.now()
    count = 0
    with transaction.atomic():
        pending = (
            Contribution.objects.select_for_update()
            .filter(edition=edition, published_at__isnull=True)
            .exclude(status=ContributionStatus.WITHDRAWN)
        )
        for contribution in pending:
            contribution.published_at = now
            contribution._change_reason = _("Published.")
            contribution.save()
            count += 1
    if not count:
        raise DomainError(_("Every contribution of this edition is already published."))
    return count


def unpublish_contribution(contribution: Contribution) -> Contribution:
    if contribution.published_at is None:
        raise DomainError(_("This contribution is not published."))
    contribution.published_at = None
    contribution._change_reason = _("Publication withdrawn.")
    contribution.save()
    return contribution


@dataclass
class CurrencyTotal:
    """Financial contributions in one currency: pledged and received apart, and how much of
    them has a conversion into the budget's currency."""

    currency: str
    pledged: Decimal = ZERO
    received: Decimal = ZERO
    count: int = 0
    converted: Decimal = ZERO
    unconverted: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.pledged + self.received


def counted(contributions: Iterable[Contribution]) -> list[Contribution]:
    """Financial contributions that are pledged or received (withdrawn pledges do not count)."""
    return [
        c
        for c in contributions
        if c.kind == ContributionKind.FINANCIAL and c.status != ContributionStatus.WITHDRAWN
    ]


def converted_amount(contribution, budget_currency: str | None) -> Decimal | None:
    """The amount in the budget's currency, or None when no rate converts it."""
    if contribution.amount is None or not budget_currency:
        return None
    if contribution.currency == budget_currency:
        return contribution.amount
    if contribution.converted_currency == budget_currency:
        return contribution.converted_amount
    return None


def totals_by_currency(
    contributions: Iterable[Contribution], budget_currency: str | None = None
) -> list[CurrencyTotal]:
    """One total per currency, never added across currencies; the budget's currency first,
    then the others alphabetically."""
    totals: dict[str, CurrencyTotal] = {}
    for contribution in counted(contributions):
        total = totals.setdefault(contribution.currency, CurrencyTotal(contribution.currency))
        total.count += 1
        if contribution.status == ContributionStatus.RECEIVED:
            total.received += contribution.amount
        else:
            total.pledged += contribution.amount
        converted = converted_amount(contribution, budget_currency)
        if converted is None:
            total.unconverted += contribution.amount
        else:
            total.converted += converted
    return sorted(totals.values(), key=lambda t: (t.currency != budget_currency, t.currency))


@dataclass
class FundingGap:
    """Budget total minus the contributions converted into the budget's currency; amounts
    without a rate are named, not guessed."""

    currency: str
    budget_total: Decimal
    covered: Decimal
    received: Decimal
    unconverted: list[CurrencyTotal] = field(default_factory=list)

    @property
    def gap(self) -> Decimal:
        return self.budget_total - self.covered

    @property
    def surplus(self) -> Decimal:
        return -self.gap if self.gap < 0 else ZERO

    @property
    def complete(self) -> bool:
        return not self.unconverted

    def unconverted_message(self) -> str:
        if self.complete:
            return ""
        return _(
            "Not converted into %(currency)s, so not counted: %(amounts)s. Give the rate used "
            "on each contribution to count it."
        ) % {
            "currency": self.currency,
            "amounts": ", ".join(money(t.unconverted, t.currency) for t in self.unconverted),
        }


def funding_gap(
    budget_total: Decimal, budget_currency: str, contributions: Iterable[Contribution]
) -> FundingGap:
    """What remains to be found: the budget total less the pledged and received contributions
    in the budget's currency or converted into it (003 L9615-L9616: the part that requires
    external funding)."""
    covered = received = ZERO
    for contribution in counted(contributions):
        converted = converted_amount(contribution, budget_currency)
        if converted is None:
            continue
        covered += converted
        if contribution.status == ContributionStatus.RECEIVED:
            received += converted
    unconverted = [
        t for t in totals_by_currency(contributions, budget_currency) if t.unconverted > 0
    ]
    return FundingGap(budget_currency, budget_total, covered, received, unconverted)


def received_today(contribution: Contribution, day: datetime.date | None = None) -> Contribution:
    """Mark a pledge as received (today by default)."""
    if contribution.status == ContributionStatus.RECEIVED:
        raise DomainError(_("This contribution is already received."), field="status")
    if contribution.status == ContributionStatus.WITHDRAWN:
        raise DomainError(_("A withdrawn pledge is not received."), field="status")
    return update_contribution(
        contribution, status=ContributionStatus.RECEIVED, received_on=day or timezone.localdate()
    )
