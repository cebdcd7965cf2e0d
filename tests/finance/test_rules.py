"""Each permission and predicate of the Forum's funding: a user who may and one who may not,
including the outgoing staff after a handover (read, no longer change)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from gfmd.finance.domain.budgets import create_budget, present_budget, publish_budget
from gfmd.finance.domain.contributions import record_contribution
from gfmd.finance.models import CarryOver
from gfmd.finance.rules import (
    funding_access,
    is_focal_point_of_contributor,
    is_presented_budget,
    is_published,
    is_published_with_lines,
    is_staff_in_office_for_carry_over,
    is_staff_of_chairmanship_in_office,
    is_steering_group_member_of_edition,
    keeps_the_books_of_edition,
    keeps_the_books_of_either_side,
    served_either_side,
    served_the_chairmanship,
)
from gfmd.governance.domain.handover import record_handover
from gfmd.governance.models import SupportUnitAssignment
from tests.helpers import support_unit_user

pytestmark = pytest.mark.django_db

MANAGING = ("finance.manage_funding",)
READING = ("finance.view_accounts", "finance.view_spending", "finance.view_presented_budgets")


@pytest.fixture
def norway_pledge(mexico_2010, state):
    """An unpublished pledge of Norway to 2010 (synthetic)."""
    return record_contribution(
        mexico_2010,
        contributor_kind="state",
        state=state("NOR"),
        kind="financial",
        amount=Decimal("10"),
        currency="EUR",
    )


def test_everyone_may_open_the_funding_page(mexico_2010):
    assert AnonymousUser().has_perm("finance.view_funding", mexico_2010)


def test_staff_of_the_chairmanship_keep_its_books(mexico_2010, switzerland_2011, mexico_staff):
    assert keeps_the_books_of_edition(mexico_staff, mexico_2010)
    assert not keeps_the_books_of_edition(mexico_staff, switzerland_2011)
    for permission in MANAGING + READING:
        assert mexico_staff.has_perm(permission, mexico_2010)
        assert not mexico_staff.has_perm(permission, switzerland_2011)


def test_outgoing_staff_keep_read_access_after_the_handover(
    mexico_2010, mexico_staff, chairmanship
):
    record_handover(
        chairmanship("gfmd-2010-mexico"),
        chairmanship("gfmd-2011-switzerland"),
        datetime.date(2010, 12, 31),
    )
    # The assignment ends with the handover, as it would.
    SupportUnitAssignment.objects.filter(person__user=mexico_staff).update(
        end=datetime.date(2010, 12, 31)
    )
    mexico_staff = type(mexico_staff).objects.get(pk=mexico_staff.pk)  # no cached roles
    assert not keeps_the_books_of_edition(mexico_staff, mexico_2010)
    assert served_the_chairmanship(mexico_staff, mexico_2010)
    assert not mexico_staff.has_perm("finance.manage_funding", mexico_2010)
    for permission in READING:
        assert mexico_staff.has_perm(permission, mexico_2010)


def test_a_handover_alone_ends_the_right_to_change(mexico_2010, mexico_staff, chairmanship):
    record_handover(
        chairmanship("gfmd-2010-mexico"),
        chairmanship("gfmd-2011-switzerland"),
        datetime.date(2010, 12, 31),
    )
    assert not mexico_staff.has_perm("finance.manage_funding", mexico_2010)
    assert mexico_staff.has_perm("finance.view_accounts", mexico_2010)


def test_staff_of_the_chairmanship_in_office_read_but_do_not_change(
    mexico_2010, ecuador_staff, switzerland_staff
):
    assert is_staff_of_chairmanship_in_office(ecuador_staff, mexico_2010)
    assert not is_staff_of_chairmanship_in_office(switzerland_staff, mexico_2010)
    assert ecuador_staff.has_perm("finance.view_accounts", mexico_2010)
    assert not ecuador_staff.has_perm("finance.manage_funding", mexico_2010)
    assert not switzerland_staff.has_perm("finance.view_accounts", mexico_2010)


def test_others_neither_read_the_accounts_nor_change_them(
    mexico_2010, stranger, norway_focal_point, steering_group_member
):
    for user in (AnonymousUser(), stranger, norway_focal_point, steering_group_member):
        for permission in MANAGING + ("finance.view_accounts", "finance.view_spending"):
            assert not user.has_perm(permission, mexico_2010)


def test_superusers_may_do_everything(mexico_2010, superuser):
    for permission in MANAGING + READING:
        assert superuser.has_perm(permission, mexico_2010)


def test_steering_group_members_read_presented_budgets(
    switzerland_2011, steering_group_member, stranger
):
    draft = create_budget(switzerland_2011, currency="EUR")
    assert is_steering_group_member_of_edition(steering_group_member, switzerland_2011)
    assert not is_steering_group_member_of_edition(stranger, switzerland_2011)
    assert not is_presented_budget(steering_group_member, draft)
    assert not steering_group_member.has_perm("finance.view_budget", draft)
    present_budget(draft)
    assert is_presented_budget(steering_group_member, draft)
    assert steering_group_member.has_perm("finance.view_budget", draft)
    assert steering_group_member.has_perm("finance.view_budget_lines", draft)
    assert steering_group_member.has_perm("finance.view_presented_budgets", switzerland_2011)
    assert not stranger.has_perm("finance.view_budget", draft)
    assert not stranger.has_perm("finance.view_presented_budgets", switzerland_2011)


def test_the_public_reads_a_published_summary_and_lines_when_published(switzerland_2011, stranger):
    budget = create_budget(switzerland_2011, currency="EUR")
    present_budget(budget)
    assert not is_published(stranger, budget)
    publish_budget(budget)
    assert is_published(stranger, budget)
    assert AnonymousUser().has_perm("finance.view_budget", budget)
    assert not is_published_with_lines(stranger, budget)
    assert not AnonymousUser().has_perm("finance.view_budget_lines", budget)
    publish_budget(budget, with_lines=True)
    assert is_published_with_lines(stranger, budget)
    assert AnonymousUser().has_perm("finance.view_budget_lines", budget)


def test_a_focal_point_reads_their_own_states_contributions(
    norway_pledge, norway_focal_point, steering_group_member, mexico_staff
):
    assert is_focal_point_of_contributor(norway_focal_point, norway_pledge)
    assert not is_focal_point_of_contributor(steering_group_member, norway_pledge)
    assert norway_focal_point.has_perm("finance.view_contribution", norway_pledge)
    assert not steering_group_member.has_perm("finance.view_contribution", norway_pledge)
    assert not AnonymousUser().has_perm("finance.view_contribution", norway_pledge)
    assert mexico_staff.has_perm("finance.view_contribution", norway_pledge)
    norway_pledge.published_at = datetime.datetime(2011, 1, 1, tzinfo=datetime.UTC)
    assert AnonymousUser().has_perm("finance.view_contribution", norway_pledge)


def test_either_side_of_a_carry_over_records_it(
    chairmanship, mexico_staff, switzerland_staff, ecuador_staff, superuser
):
    carry_over = CarryOver(
        from_chairmanship=chairmanship("gfmd-2010-mexico"),
        to_chairmanship=chairmanship("gfmd-2011-switzerland"),
    )
    for user in (mexico_staff, switzerland_staff, superuser):
        assert user.has_perm("finance.record_carry_over", carry_over)
    assert keeps_the_books_of_either_side(switzerland_staff, carry_over)
    assert not keeps_the_books_of_either_side(ecuador_staff, carry_over)
    assert not ecuador_staff.has_perm("finance.record_carry_over", carry_over)


def test_funding_access_sums_up_one_users_rights(mexico_2010, mexico_staff, norway_focal_point):
    staff = funding_access(mexico_staff, mexico_2010)
    assert staff.manage and staff.accounts and staff.sees_presented
    focal = funding_access(norway_focal_point, mexico_2010)
    assert not focal.manage and not focal.accounts and not focal.sees_presented
    assert focal.focal_point_state_ids


def test_staff_of_an_edition_without_chairmanship_do_not_keep_its_books(db):
    from tests.factories import EditionFactory

    edition = EditionFactory()
    user = support_unit_user("gfmd-2010-mexico", email="someone@example.test")
    assert not user.has_perm("finance.manage_funding", edition)


def test_a_carry_over_is_read_by_the_books_of_either_side_only(
    chairmanship,
    mexico_staff,
    switzerland_staff,
    ecuador_staff,
    superuser,
    norway_focal_point,
    steering_group_member,
    stranger,
):
    """A carry-over has no publication: the public, focal points and the Steering Group do not
    read it; staff of either side (past assignments too) and of the chairmanship in office do."""
    carry_over = CarryOver(
        from_chairmanship=chairmanship("gfmd-2010-mexico"),
        to_chairmanship=chairmanship("gfmd-2011-switzerland"),
    )
    assert served_either_side(mexico_staff, carry_over)
    assert served_either_side(switzerland_staff, carry_over)
    assert not served_either_side(ecuador_staff, carry_over)
    assert is_staff_in_office_for_carry_over(ecuador_staff, carry_over)
    assert not is_staff_in_office_for_carry_over(switzerland_staff, carry_over)
    for user in (mexico_staff, switzerland_staff, ecuador_staff, superuser):
        assert user.has_perm("finance.view_carry_over", carry_over)
    mauritius_staff = support_unit_user("gfmd-2012-mauritius", email="mu@example.test")
    for user in (norway_focal_point, steering_group_member, stranger, mauritius_staff):
        assert not user.has_perm("finance.view_carry_over", carry_over)
    assert not AnonymousUser().has_perm("finance.view_carry_over", carry_over)


def test_past_staff_of_the_receiving_side_still_read_its_carry_over(
    chairmanship, switzerland_staff
):
    assignment = SupportUnitAssignment.objects.get(person__user=switzerland_staff)
    assignment.end = datetime.date(2012, 1, 1)
    assignment.save()
    carry_over = CarryOver(
        from_chairmanship=chairmanship("gfmd-2010-mexico"),
        to_chairmanship=chairmanship("gfmd-2011-switzerland"),
    )
    user = type(switzerland_staff).objects.get(pk=switzerland_staff.pk)  # no cached roles
    assert user.has_perm("finance.view_carry_over", carry_over)
