"""The Chair-in-Office's budget: versions, lines, totals, contingency, publication.

"Each Chair-in-Office prepares a comprehensive budget for the respective Forum, indicating the
part it will cover through its own resources and the part for which it will require external
funding" (Operating Modalities §5, 003 L9613-L9616). The 2010 Chair presented its Preliminary
Draft Budget to the first Steering Group meeting, by category with subtotals, a 5 % contingency
fund and the Mexican Government's and the expected voluntary contributions (002 L2605-L2671).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.governance.domain.checks import RuleWarning
from gfmd.governance.models import Edition

from ..enums import SOURCE_BUDGET, SOURCE_DRAFT_BUDGET, BudgetStatus
from ..models import Budget, BudgetLine
from .money import check_amount, check_currency, money, percentage_of

BUDGET_FIGURES = (
    "currency",
    "contingency_percent",
    "stated_total",
    "own_resources",
    "external_funding",
)
BUDGET_FIELDS = (*BUDGET_FIGURES, "title", "exchange_rate_note", "note")
# What the columns hold: a version is a PositiveSmallIntegerField, an order a
# PositiveIntegerField (PostgreSQL's integer).
MAX_VERSION = 32_767
MAX_ORDER = 2_147_483_647


@dataclass
class CategoryTotal:
    """A category of the budget with its lines and subtotal (lines without an amount are
    counted apart, so a subtotal never pretends to be complete)."""

    name: str
    lines: list = field(default_factory=list)
    subtotal: Decimal = Decimal("0.00")
    unknown_lines: int = 0


@dataclass
class BudgetSummary:
    budget: Budget
    categories: list[CategoryTotal]
    subtotal: Decimal
    contingency: Decimal
    computed_total: Decimal
    unknown_lines: int

    @property
    def currency(self) -> str:
        return self.budget.currency

    @property
    def total(self) -> Decimal:
        """The total a document states when it states one, else the lines plus contingency."""
        stated = self.budget.stated_total
        return stated if stated is not None else self.computed_total

    @property
    def complete(self) -> bool:
        return self.unknown_lines == 0


def budget_in_force(budgets: Iterable[Budget]) -> Budget | None:
    """The version that spending and the funding gap are measured against: the latest adopted,
    else the latest presented to the Steering Group, else the latest draft."""
    ranked = {BudgetStatus.ADOPTED: 3, BudgetStatus.PRESENTED: 2, BudgetStatus.DRAFT: 1}
    candidates = [b for b in budgets if b.status in ranked]
    if not candidates:
        return None
    return max(candidates, key=lambda b: (ranked[b.status], b.version))


def summarise_budget(budget: Budget, lines: Iterable[BudgetLine]) -> BudgetSummary:
    """Totals by category in the order the lines are kept, with the contingency computed on
    their sum ("Contingency Fund (5%)" of the 2010 budget, 002 L2656)."""
    categories: dict[str, CategoryTotal] = {}
    for line in sorted(lines, key=lambda line: (line.order, line.pk or 0)):
        category = categories.setdefault(line.category, CategoryTotal(line.category))
        category.lines.append(line)
        if line.amount is None:
            category.unknown_lines += 1
        else:
            category.subtotal += line.amount
    subtotal = sum((c.subtotal for c in categories.values()), Decimal("0.00"))
    contingency = percentage_of(subtotal, budget.contingency_percent)
    return BudgetSummary(
        budget=budget,
        categories=list(categories.values()),
        subtotal=subtotal,
        contingency=contingency,
        computed_total=subtotal + contingency,
        unknown_lines=sum(c.unknown_lines for c in categories.values()),
    )


def check_budget(summary: BudgetSummary) -> list[RuleWarning]:
    """Warnings, with the figures, when the budget does not add up: its own-resources and
    external parts against its total (003 L9613-L9616), and a stated total against its lines.
    They do not block: a budget copied from a document keeps the document's figures."""
    budget, currency = summary.budget, summary.currency
    warnings = []
    own, external = budget.own_resources, budget.external_funding
    if own is None or external is None:
        warnings.append(
            RuleWarning(
                "budget_parts_missing",
                _(
                    "The budget does not say which part the Chair covers through its own "
                    "resources and which part requires external funding."
                ),
                SOURCE_BUDGET,
            )
        )
    elif own + external != summary.total:
        warnings.append(
            RuleWarning(
                "budget_parts_differ",
                _(
                    "Own resources (%(own)s) and external funding (%(external)s) add up to "
                    "%(parts)s, but the budget total is %(total)s: a difference of "
                    "%(difference)s. Adjust the parts or the lines so that they add up."
                )
                % {
                    "own": money(own, currency),
                    "external": money(external, currency),
                    "parts": money(own + external, currency),
                    "total": money(summary.total, currency),
                    "difference": money(abs(own + external - summary.total), currency),
                },
                SOURCE_BUDGET,
            )
        )
    if summary.unknown_lines:
        warnings.append(
            RuleWarning(
                "budget_lines_unknown",
                _(
                    "%(count)d line(s) have no known amount: the lines add up to %(known)s "
                    "without them."
                )
                % {"count": summary.unknown_lines, "known": money(summary.subtotal, currency)},
                SOURCE_BUDGET,
            )
        )
    elif budget.stated_total is not None and budget.stated_total != summary.computed_total:
        warnings.append(
            RuleWarning(
                "budget_total_differs",
                _(
                    "The stated total (%(stated)s) differs from the lines plus the contingency "
                    "(%(computed)s) by %(difference)s."
                )
                % {
                    "stated": money(budget.stated_total, currency),
                    "computed": money(summary.computed_total, currency),
                    "difference": money(
                        abs(budget.stated_total - summary.computed_total), currency
                    ),
                },
                SOURCE_DRAFT_BUDGET,
            )
        )
    return warnings


def check_budget_fields(fields: dict) -> dict:
    """The checked budget fields among ``fields``; a refusal names the field."""
    unknown = set(fields) - set(BUDGET_FIELDS)
    if unknown:
        raise DomainError(
            _("Unknown budget field: %(names)s.") % {"names": ", ".join(sorted(unknown))}
        )
    checked = dict(fields)
    if "currency" in checked:
        checked["currency"] = check_currency(checked["currency"])
    for name in ("stated_total", "own_resources", "external_funding"):
        if name in checked:
            checked[name] = check_amount(checked[name], name, required=False)
    if "contingency_percent" in checked:
        percent = check_amount(checked["contingency_percent"], "contingency_percent")
        if percent > 100:
            raise DomainError(
                _("The contingency is a percentage from 0 to 100."), field="contingency_percent"
            )
        checked["contingency_percent"] = percent
    for name in ("title", "exchange_rate_note", "note"):
        if name in checked:
            checked[name] = (checked[name] or "").strip()
    return checked


def _require_draft(budget: Budget, field: str | None = None) -> None:
    if budget.status != BudgetStatus.DRAFT:
        raise DomainError(
            _(
                "Version %(version)d of the budget is %(status)s and keeps its figures: revise "
                "it to make a new version that you can change."
            )
            % {"version": budget.version, "status": budget.get_status_display()},
            field=field,
        )


def parse_version(text) -> int | None:
    """The budget version asked for in an address (``?version=2``): None when none is asked.
    Only ASCII digits count (``str.isdigit`` also accepts "²", which ``int`` refuses), and only
    a number a version can be."""
    value = str(text if text is not None else "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_VERSION:
        raise DomainError(
            _("A budget version is a whole number from 1 to %(max)d, e.g. version=2.")
            % {"max": MAX_VERSION},
            field="version",
        )
    return int(value)


def next_version(edition) -> int:
    """The number of the edition's next budget version."""
    latest = Budget.objects.filter(edition=edition).aggregate(latest=Max("version"))["latest"]
    return (latest or 0) + 1


def create_budget(edition, **fields) -> Budget:
    """A new draft version of the edition's budget (version 1, or the next one).

    The edition's row is locked first, so two requests for a new version wait for each other
    rather than both numbering theirs the same (a lock on the budgets alone misses the first
    version, and the database drops FOR UPDATE on an aggregate); should the unique version
    still be taken, the person is told to try again."""
    checked = check_budget_fields({"contingency_percent": Decimal("0"), **fields})
    if "currency" not in checked:
        raise DomainError(_("Give the budget's currency."), field="currency")
    try:
        with transaction.atomic():
            Edition.objects.select_for_update().get(pk=edition.pk)
            draft = Budget.objects.filter(edition=edition, status=BudgetStatus.DRAFT).first()
            if draft is not None:
                raise DomainError(
                    _(
                        "Version %(version)d is still a draft: change it rather than starting "
                        "another."
                    )
                    % {"version": draft.version}
                )
            version = next_version(edition)
            if version > MAX_VERSION:
                raise DomainError(
                    _("This edition's budget has as many versions as the books can number.")
                )
            return Budget.objects.create(edition=edition, version=version, **checked)
    except IntegrityError:
        raise DomainError(
            _(
                "Someone started a new version of this budget at the same moment: reload the "
                "funding page to see it, then try again."
            )
        ) from None


def update_budget(budget: Budget, **fields) -> Budget:
    """Change a draft's settings; a budget once presented or adopted keeps its figures."""
    checked = check_budget_fields(fields)
    changed = {k for k, v in checked.items() if getattr(budget, k) != v}
    if changed & set(BUDGET_FIGURES):
        _require_draft(budget, field=sorted(changed & set(BUDGET_FIGURES))[0])
    for name, value in checked.items():
        setattr(budget, name, value)
    budget.save()
    return budget


def check_line_fields(fields: dict) -> dict:
    checked = {}
    for name in ("category", "concept"):
        if name in fields:
            value = (fields[name] or "").strip()
            if not value:
                raise DomainError(_("This field cannot be empty."), field=name)
            checked[name] = value
    if "amount" in fields:
        checked["amount"] = check_amount(fields["amount"], required=False)
    if "note" in fields:
        checked["note"] = (fields["note"] or "").strip()
    if "order" in fields and fields["order"] is not None:
        checked["order"] = check_order(fields["order"])
    return checked


def check_order(value, field: str = "order") -> int:
    """A place in a list: a whole number from 0 to what the column holds."""
    try:
        order = int(str(value).strip()) if str(value).strip().isascii() else None
    except ValueError:
        order = None
    if order is None:
        raise DomainError(_("The order is a whole number, e.g. 10."), field=field)
    if order < 0:
        raise DomainError(_("The order cannot be negative."), field=field)
    if order > MAX_ORDER:
        raise DomainError(
            _("The order is at most %(max)d.") % {"max": MAX_ORDER},
            field=field,
        )
    return order


def add_line(budget: Budget, *, category: str, concept: str, amount=None, note="", order=None):
    """A line at the end of its category (or at ``order``), while the budget is a draft."""
    _require_draft(budget)
    checked = check_line_fields(
        {"category": category, "concept": concept, "amount": amount, "note": note, "order": order}
    )
    if "order" not in checked:
        latest = budget.lines.aggregate(latest=Max("order"))["latest"]
        checked["order"] = 10 if latest is None else min(latest + 10, MAX_ORDER)
    return BudgetLine.objects.create(budget=budget, **checked)


def update_line(line: BudgetLine, **fields) -> BudgetLine:
    _require_draft(line.budget)
    for name, value in check_line_fields(fields).items():
        setattr(line, name, value)
    line.save()
    return line


def remove_line(line: BudgetLine) -> None:
    """A draft's line goes, unless money was spent against it (then it stays, for the record)."""
    _require_draft(line.budget)
    spent = line.expenditures.count()
    if spent:
        raise DomainError(
            _(
                "%(count)d expenditure(s) are recorded against this line: move them to another "
                "line before removing it."
            )
            % {"count": spent}
        )
    line.delete()


def _set_status(budget: Budget, status: str, reason: str, **dates) -> Budget:
    budget.status = status
    for name, value in dates.items():
        setattr(budget, name, value)
    budget._change_reason = reason
    budget.save()
    return budget


def _supersede(budget: Budget, statuses: Iterable[str]) -> None:
    for earlier in Budget.objects.filter(
        edition_id=budget.edition_id, version__lt=budget.version, status__in=list(statuses)
    ):
        _set_status(
            earlier,
            BudgetStatus.SUPERSEDED,
            _("Superseded by version %(version)d.") % {"version": budget.version},
        )


def present_budget(budget: Budget, day=None) -> Budget:
    """The Chair presents a draft to the Steering Group (002 L2611): its members read it from
    then on, and it supersedes an earlier version that was only presented."""
    if budget.status != BudgetStatus.DRAFT:
        raise DomainError(
            _("Only a draft is presented; version %(version)d is %(status)s.")
            % {"version": budget.version, "status": budget.get_status_display()}
        )
    with transaction.atomic():
        _supersede(budget, [BudgetStatus.PRESENTED])
        return _set_status(
            budget,
            BudgetStatus.PRESENTED,
            _("Presented to the Steering Group."),
            presented_on=day or timezone.localdate(),
        )


def adopt_budget(budget: Budget, day=None) -> Budget:
    """The budget is adopted; earlier versions are superseded by it."""
    if budget.status not in (BudgetStatus.DRAFT, BudgetStatus.PRESENTED):
        raise DomainError(
            _("Version %(version)d is %(status)s and cannot be adopted.")
            % {"version": budget.version, "status": budget.get_status_display()}
        )
    with transaction.atomic():
        _supersede(budget, [BudgetStatus.DRAFT, BudgetStatus.PRESENTED, BudgetStatus.ADOPTED])
        return _set_status(
            budget, BudgetStatus.ADOPTED, _("Adopted."), adopted_on=day or timezone.localdate()
        )


def revise_budget(budget: Budget) -> Budget:
    """A new draft version copied from a presented or adopted one, lines included (each keeps
    its lineage, so spending already recorded still counts against it)."""
    if budget.status == BudgetStatus.DRAFT:
        raise DomainError(_("A draft is changed directly; there is nothing to revise."))
    with transaction.atomic():
        revision = create_budget(
            budget.edition, **{name: getattr(budget, name) for name in BUDGET_FIELDS}
        )
        reason = _("Copied from version %(version)d.") % {"version": budget.version}
        for line in budget.lines.all():
            copy = BudgetLine(
                budget=revision,
                category=line.category,
                concept=line.concept,
                amount=line.amount,
                note=line.note,
                order=line.order,
                lineage=line.lineage,
            )
            copy._change_reason = reason
            copy.save()
        return revision


def publish_budget(budget: Budget, *, with_lines: bool = False) -> Budget:
    """Publish the budget to everyone: its totals by category, contingency and parts, and with
    ``with_lines`` every line (the 2010 report published its draft budget line by line in an
    annex, 002 L2605-L2712). A draft is not published."""
    if budget.status not in (BudgetStatus.PRESENTED, BudgetStatus.ADOPTED):
        raise DomainError(
            _(
                "Version %(version)d is %(status)s: present it to the Steering Group or adopt "
                "it before publishing it."
            )
            % {"version": budget.version, "status": budget.get_status_display()}
        )
    if budget.published_at is not None and (budget.lines_published or not with_lines):
        raise DomainError(_("This budget is already published."))
    if budget.published_at is None:
        budget.published_at = timezone.now()
    budget.lines_published = budget.lines_published or with_lines
    budget._change_reason = (
        _("Summary and lines published.") if with_lines else _("Summary published.")
    )
    budget.save()
    return budget


def unpublish_budget(budget: Budget) -> Budget:
    """Take a published summary back (the history keeps when it was public)."""
    if budget.published_at is None:
        raise DomainError(_("This budget is not published."))
    budget.published_at = None
    budget.lines_published = False
    budget._change_reason = _("Publication withdrawn.")
    budget.save()
    return budget
