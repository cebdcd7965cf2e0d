"""What the funding page and the API read, in a fixed number of queries whatever the number
of lines, contributions and expenditures (pinned in tests/finance/test_query_counts.py)."""

from dataclasses import dataclass, field

from django.db.models import Q

from gfmd.common.history import history_entries
from gfmd.governance.models import Edition, Handover

from ..enums import BudgetStatus
from ..models import Budget, BudgetLine, CarryOver, Contribution, Expenditure
from .budgets import BudgetSummary, budget_in_force, check_budget, summarise_budget
from .carry_over import predecessors, successors
from .contributions import CurrencyTotal, FundingGap, funding_gap, totals_by_currency
from .spending import Spending, spending_by_line


@dataclass
class FundingPage:
    edition: Edition
    budgets: list[Budget]
    budget: Budget | None = None
    summary: BudgetSummary | None = None
    warnings: list = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    totals: list[CurrencyTotal] = field(default_factory=list)
    gap: FundingGap | None = None
    spending: Spending | None = None
    carry_overs_in: list[CarryOver] = field(default_factory=list)
    carry_overs_out: list[CarryOver] = field(default_factory=list)
    # Whether the reader sees the carry-over section at all (it is part of the accounts).
    shows_carry_over: bool = False
    successors: list = field(default_factory=list)
    predecessors: list = field(default_factory=list)
    history: list = field(default_factory=list)

    @property
    def financial(self) -> list[Contribution]:
        return [c for c in self.contributions if c.is_financial]

    @property
    def non_financial(self) -> list[Contribution]:
        return [c for c in self.contributions if not c.is_financial]

    @property
    def unpublished(self) -> int:
        return sum(1 for c in self.contributions if c.published_at is None)


def visible_budgets(edition: Edition, access) -> list[Budget]:
    """Every version for those who read the accounts; presented and adopted ones for the
    Steering Group; published summaries for everyone."""
    budgets = Budget.objects.filter(edition=edition).order_by("version")
    if access.accounts:
        return list(budgets)
    visible = Q(published_at__isnull=False)
    if access.steering_group:
        visible |= ~Q(status=BudgetStatus.DRAFT)
    return list(budgets.filter(visible))


def visible_contributions(edition: Edition, access) -> list[Contribution]:
    """All of them for those who read the accounts; else the published ones and a focal
    point's own state's."""
    contributions = Contribution.objects.filter(edition=edition).select_related(
        "state", "organisation"
    )
    if not access.accounts:
        visible = Q(published_at__isnull=False)
        if access.focal_point_state_ids:
            visible |= Q(state_id__in=access.focal_point_state_ids)
        contributions = contributions.filter(visible)
    return list(contributions)


def funding_history(edition: Edition, limit: int = 40) -> list:
    """Who changed what in the edition's budget, contributions, expenditures and carry-overs."""
    chairmanship_id = edition.chairmanship_id
    return history_entries(
        [
            Budget.history.filter(edition_id=edition.pk),
            BudgetLine.history.filter(budget__edition_id=edition.pk),
            Contribution.history.filter(edition_id=edition.pk),
            Expenditure.history.filter(budget_line__budget__edition_id=edition.pk),
            CarryOver.history.filter(
                Q(from_chairmanship_id=chairmanship_id) | Q(to_chairmanship_id=chairmanship_id)
            ),
        ],
        limit=limit,
    )


def funding_page(edition: Edition, access, version: int | None = None) -> FundingPage:
    """The edition's funding as ``access`` (rules.FundingAccess) may see it: one budget version
    (``version``, else the one in force) by category, the contributions with their currency
    totals and the funding gap, spending for those who read the accounts, and the carry-overs
    of those who read the books of either side."""
    budgets = visible_budgets(edition, access)
    page = FundingPage(edition=edition, budgets=budgets)
    chosen = [b for b in budgets if b.version == version] if version else []
    page.budget = chosen[0] if chosen else budget_in_force(budgets)
    if page.budget is None and budgets:
        page.budget = budgets[-1]
    lines = list(page.budget.lines.all()) if page.budget else []
    if page.budget is not None:
        page.budget.edition = edition
        page.summary = summarise_budget(page.budget, lines)
        if access.sees_presented:
            page.warnings = check_budget(page.summary)
    page.contributions = visible_contributions(edition, access)
    currency = page.budget.currency if page.budget else None
    page.totals = totals_by_currency(page.contributions, currency)
    if page.summary is not None:
        page.gap = funding_gap(page.summary.total, currency, page.contributions)
    if access.accounts and page.budget is not None:
        page.spending = _spending(edition, budgets, page.budget, lines)
    _carry_overs(page, edition, access)
    if access.accounts:
        page.history = funding_history(edition)
    return page


def _spending(edition, budgets, shown: Budget, lines) -> Spending:
    in_force = budget_in_force(budgets)
    if in_force is not None and in_force.pk != shown.pk:
        shown, lines = in_force, list(in_force.lines.all())
    expenditures = (
        Expenditure.objects.filter(budget_line__budget__edition=edition)
        .select_related("budget_line")
        .order_by("date", "pk")
    )
    return spending_by_line(shown, lines, expenditures)


def reads_carry_over(carry_over: CarryOver, access) -> bool:
    """``finance.view_carry_over`` for a carry-over of the page's chairmanship, without a query:
    those who read the edition's accounts (its staff, past staff, the staff in office) or who
    serve or served the other side. A carry-over has no publication, so the public, focal
    points and the Steering Group do not see it."""
    sides = {carry_over.from_chairmanship_id, carry_over.to_chairmanship_id}
    return access.accounts or bool(sides & access.served_chairmanship_ids)


def _carry_overs(page: FundingPage, edition: Edition, access) -> None:
    chairmanship = edition.chairmanship
    if chairmanship is None or not (access.accounts or access.served_chairmanship_ids):
        return
    for carry_over in CarryOver.objects.filter(
        Q(from_chairmanship=chairmanship) | Q(to_chairmanship=chairmanship)
    ).select_related("from_chairmanship", "to_chairmanship"):
        if not reads_carry_over(carry_over, access):
            continue
        if carry_over.from_chairmanship_id == chairmanship.pk:
            page.carry_overs_out.append(carry_over)
        else:
            page.carry_overs_in.append(carry_over)
    editions = list(
        Edition.objects.filter(process_id=edition.process_id).select_related("chairmanship")
    )
    handovers = list(
        Handover.objects.filter(Q(outgoing=chairmanship) | Q(incoming=chairmanship)).select_related(
            "outgoing", "incoming"
        )
    )
    page.successors = successors(chairmanship, editions, handovers)
    page.predecessors = predecessors(chairmanship, editions, handovers)
    page.shows_carry_over = access.accounts or bool(page.carry_overs_in or page.carry_overs_out)


def edition_contributions(edition: Edition, access) -> tuple[list[Contribution], str | None]:
    """The contributions an API caller may see, with the currency of the budget they may see."""
    budgets = visible_budgets(edition, access)
    budget = budget_in_force(budgets) or (budgets[-1] if budgets else None)
    return visible_contributions(edition, access), (budget.currency if budget else None)
