"""Permission predicates of the Forum's funding (STYLE: named predicates).

- Support Unit staff of the edition's chairmanship keep its books: budget, lines,
  contributions, expenditures, publication, carry-over (003 L9620-L9623: the fund is
  administered by the Chair-in-Office). Staff of another chairmanship, even the one in office,
  do not change them.
- After the handover the outgoing staff keep read access; so do staff who served the
  chairmanship before, and the staff of the chairmanship in office, who keep the archives
  (003 L9600-L9604).
- Steering Group members of the process read every budget presented to them, with its lines
  (the 2010 draft was "presented by the Chair on the 1° Steering Group", 002 L2605-L2611).
- A National Focal Point reads their own state's contributions (003 L938-L944).
- Everyone reads a published budget summary (and its lines, when the Support Unit publishes
  them too) and the published contributions (002 L2605, L2713).
- A carry-over of left-over funds (003 L9616-L9618) is part of the accounts and has no
  publication: those who read the books of the chairmanship that gives or of the one that
  receives read it; the Steering Group and the public do not.
"""

from dataclasses import dataclass

import rules

from gfmd.governance.domain.roles import roles_of
from gfmd.governance.models import Edition
from gfmd.governance.rules import is_superuser, is_support_unit_staff_of_process

from .domain.access import keeps_the_books, served_chairmanship_ids
from .enums import BudgetStatus
from .models import Budget, BudgetLine, CarryOver, Contribution, Expenditure


def edition_of(target) -> Edition | None:
    """The edition a budget, line, contribution or expenditure belongs to."""
    if target is None or isinstance(target, Edition):
        return target
    if isinstance(target, BudgetLine):
        return target.budget.edition
    if isinstance(target, Expenditure):
        return target.budget_line.budget.edition
    return getattr(target, "edition", None)


@rules.predicate
def keeps_the_books_of_edition(user, target) -> bool:
    """Support Unit staff of the edition's chairmanship today, before its handover."""
    edition = edition_of(target)
    return edition is not None and keeps_the_books(user, edition.chairmanship_id)


@rules.predicate
def served_the_chairmanship(user, target) -> bool:
    """Has served the edition's chairmanship as Support Unit staff, past included (the outgoing
    staff after a handover)."""
    edition = edition_of(target)
    return (
        edition is not None
        and edition.chairmanship_id is not None
        and edition.chairmanship_id in served_chairmanship_ids(user)
    )


@rules.predicate
def is_staff_of_chairmanship_in_office(user, target) -> bool:
    """Support Unit staff of the chairmanship in office for the edition's process."""
    edition = edition_of(target)
    return (
        edition is not None
        and bool(roles_of(user).support_chairmanship_ids)
        and is_support_unit_staff_of_process.test(user, edition.process)
    )


@rules.predicate
def is_steering_group_member_of_edition(user, target) -> bool:
    edition = edition_of(target)
    return edition is not None and edition.process_id in roles_of(user).steering_group_process_ids


@rules.predicate
def is_presented_budget(user, budget) -> bool:
    """A budget the Chair has presented (or adopted): not a draft."""
    return isinstance(budget, Budget) and budget.status != BudgetStatus.DRAFT


@rules.predicate
def is_published(user, target) -> bool:
    """A budget summary or a contribution the Support Unit has published."""
    return getattr(target, "published_at", None) is not None


@rules.predicate
def is_published_with_lines(user, budget) -> bool:
    """A budget the Support Unit has published line by line."""
    return isinstance(budget, Budget) and budget.published_at is not None and budget.lines_published


@rules.predicate
def is_focal_point_of_contributor(user, contribution) -> bool:
    return (
        isinstance(contribution, Contribution)
        and contribution.state_id is not None
        and contribution.state_id in roles_of(user).focal_point_state_ids
    )


@rules.predicate
def keeps_the_books_of_either_side(user, carry_over) -> bool:
    """Staff who keep the books of the chairmanship that gives or the one that receives."""
    return isinstance(carry_over, CarryOver) and (
        keeps_the_books(user, carry_over.from_chairmanship_id)
        or keeps_the_books(user, carry_over.to_chairmanship_id)
    )


@rules.predicate
def served_either_side(user, carry_over) -> bool:
    """Staff who serve or served the chairmanship that gives or the one that receives."""
    return isinstance(carry_over, CarryOver) and bool(
        {carry_over.from_chairmanship_id, carry_over.to_chairmanship_id}
        & served_chairmanship_ids(user)
    )


@rules.predicate
def is_staff_in_office_for_carry_over(user, carry_over) -> bool:
    """Staff of the chairmanship in office for the process of a carry-over (a carry-over stays
    within one process), who keep the archives (003 L9600-L9604)."""
    return (
        isinstance(carry_over, CarryOver)
        and bool(roles_of(user).support_chairmanship_ids)
        and is_support_unit_staff_of_process.test(user, carry_over.from_chairmanship.process)
    )


manages_funding = is_superuser | keeps_the_books_of_edition
reads_accounts = manages_funding | served_the_chairmanship | is_staff_of_chairmanship_in_office

rules.add_perm("finance.view_funding", rules.always_allow)  # what it shows follows the rules
rules.add_perm("finance.manage_funding", manages_funding)
rules.add_perm("finance.view_accounts", reads_accounts)
rules.add_perm(
    "finance.view_presented_budgets", reads_accounts | is_steering_group_member_of_edition
)
rules.add_perm(
    "finance.view_budget",
    reads_accounts | (is_steering_group_member_of_edition & is_presented_budget) | is_published,
)
rules.add_perm(
    "finance.view_budget_lines",
    reads_accounts
    | (is_steering_group_member_of_edition & is_presented_budget)
    | is_published_with_lines,
)
rules.add_perm(
    "finance.view_contribution",
    reads_accounts | is_published | is_focal_point_of_contributor,
)
rules.add_perm("finance.view_spending", reads_accounts)
rules.add_perm("finance.record_carry_over", is_superuser | keeps_the_books_of_either_side)
rules.add_perm(
    "finance.view_carry_over",
    is_superuser | served_either_side | is_staff_in_office_for_carry_over,
)


@dataclass(frozen=True)
class FundingAccess:
    """What one user may see and do with one edition's funding, decided once per request."""

    manage: bool
    accounts: bool
    steering_group: bool
    focal_point_state_ids: frozenset[int]
    # Chairmanships the user serves or served: they read the carry-overs to or from them on
    # another chairmanship's page too (finance.view_carry_over).
    served_chairmanship_ids: frozenset[int] = frozenset()

    @property
    def sees_presented(self) -> bool:
        return self.accounts or self.steering_group


def funding_access(user, edition: Edition) -> FundingAccess:
    accounts = user.has_perm("finance.view_accounts", edition)
    return FundingAccess(
        manage=user.has_perm("finance.manage_funding", edition),
        accounts=accounts,
        steering_group=is_steering_group_member_of_edition.test(user, edition),
        focal_point_state_ids=roles_of(user).focal_point_state_ids,
        served_chairmanship_ids=served_chairmanship_ids(user),
    )
