"""What the Chair-in-Office spends against its budget.

"The Chair-in-Office incurs expenditures in accordance with the budget and ensures the
efficient management of all funds received, including controlling and auditing" (Operating
Modalities §5, 003 L9621-L9623): each expenditure is recorded against a line of the budget in
force, in the budget's currency or with the rate used, and spending is compared line by line.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError

from ..models import Budget, BudgetLine, Expenditure
from .budgets import budget_in_force
from .money import check_amount, check_currency, check_rate, convert, money

ZERO = Decimal("0.00")


def check_expenditure(line: BudgetLine, data: dict) -> dict:
    """The fields of an expenditure, checked, with its amount in the budget's currency."""
    budget = line.budget
    in_force = budget_in_force(Budget.objects.filter(edition_id=budget.edition_id))
    if in_force is None or in_force.pk != budget.pk:
        raise DomainError(
            _(
                "Spending is recorded against the budget in force (version %(version)s): "
                "choose one of its lines."
            )
            % {"version": in_force.version if in_force else "—"},
            field="budget_line",
        )
    amount = check_amount(data.get("amount"))
    currency = check_currency(data.get("currency") or "")
    rate = check_rate(data.get("exchange_rate"))
    if currency != budget.currency and rate is None:
        raise DomainError(
            _(
                "This expenditure is in %(currency)s but the budget is in %(budget)s: give the "
                "exchange rate used (%(currency)s per 1 %(budget)s)."
            )
            % {"currency": currency, "budget": budget.currency},
            field="exchange_rate",
        )
    description = (data.get("description") or "").strip()
    if not description:
        raise DomainError(_("Say what the money was spent on."), field="description")
    if data.get("date") is None:
        raise DomainError(_("Give the date of the expenditure."), field="date")
    return {
        "budget_line": line,
        "amount": amount,
        "currency": currency,
        "date": data["date"],
        "description": description,
        **convert(amount, currency, rate, budget.currency).as_fields(),
    }


def record_expenditure(line: BudgetLine, **data) -> Expenditure:
    return Expenditure.objects.create(**check_expenditure(line, data))


def update_expenditure(expenditure: Expenditure, line: BudgetLine | None = None, **data):
    current = {
        "amount": expenditure.amount,
        "currency": expenditure.currency,
        "exchange_rate": expenditure.exchange_rate,
        "date": expenditure.date,
        "description": expenditure.description,
    }
    for name, value in check_expenditure(
        line or expenditure.budget_line, {**current, **data}
    ).items():
        setattr(expenditure, name, value)
    expenditure.save()
    return expenditure


@dataclass
class LineSpending:
    line: BudgetLine
    spent: Decimal = ZERO
    expenditures: list = field(default_factory=list)

    @property
    def budgeted(self) -> Decimal | None:
        return self.line.amount

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budgeted is None else self.budgeted - self.spent

    @property
    def overspent(self) -> bool:
        """More spent than the line budgets (a line without a known amount is not judged)."""
        return self.budgeted is not None and self.spent > self.budgeted

    @property
    def share(self) -> int | None:
        if not self.budgeted:
            return None
        return int(self.spent * 100 / self.budgeted)


@dataclass
class Spending:
    budget: Budget
    lines: list[LineSpending]
    spent: Decimal
    elsewhere: list = field(default_factory=list)  # on lines the budget no longer has
    unconverted: list = field(default_factory=list)  # conversions into another currency

    @property
    def overspent(self) -> list[LineSpending]:
        return [row for row in self.lines if row.overspent]

    def warnings(self) -> list[str]:
        messages = [
            _("%(concept)s: %(spent)s spent of %(budgeted)s budgeted, %(over)s over.")
            % {
                "concept": row.line.concept,
                "spent": money(row.spent, self.budget.currency),
                "budgeted": money(row.budgeted, self.budget.currency),
                "over": money(row.spent - row.budgeted, self.budget.currency),
            }
            for row in self.overspent
        ]
        if self.unconverted:
            messages.append(
                _(
                    "%(count)d expenditure(s) were converted into another currency than the "
                    "budget's %(currency)s and are not counted: record them again with a rate."
                )
                % {"count": len(self.unconverted), "currency": self.budget.currency}
            )
        return messages


def spending_by_line(
    budget: Budget, lines: Iterable[BudgetLine], expenditures: Iterable[Expenditure]
) -> Spending:
    """Spent against budgeted, line by line, in the budget's currency; spending recorded
    against an earlier version of a line counts against the line (same lineage)."""
    rows = {line.lineage: LineSpending(line) for line in lines}
    elsewhere, unconverted = [], []
    total = ZERO
    for expenditure in expenditures:
        if expenditure.converted_currency != budget.currency:
            unconverted.append(expenditure)
            continue
        row = rows.get(expenditure.budget_line.lineage)
        if row is None:
            elsewhere.append(expenditure)
        else:
            row.spent += expenditure.converted_amount
            row.expenditures.append(expenditure)
        total += expenditure.converted_amount
    return Spending(budget, list(rows.values()), total, elsewhere, unconverted)
