"""Each permission of the Summit: a user who may and one who may not."""

import pytest
from django.contrib.auth.models import AnonymousUser

from gfmd.summit.domain.delegations import register_delegation
from gfmd.summit.models import Delegation
from gfmd.summit.rules import (
    acts_for_delegation,
    is_staff_of_edition,
    may_register_for_edition,
)
from tests.helpers import support_unit_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def mexico(mexico_2010, state):
    return register_delegation(mexico_2010, state=state("MEX"))


@pytest.fixture
def agency(mexico_2010, observer_organisation):
    return register_delegation(mexico_2010, organisation=observer_organisation)


def test_everyone_sees_the_registration_and_a_delegation(mexico_2010, mexico):
    anonymous = AnonymousUser()
    assert anonymous.has_perm("summit.view_registration", mexico_2010)
    assert anonymous.has_perm("summit.view_delegation", mexico)


def test_staff_of_the_edition_manage_it_and_others_do_not(
    mexico_2010, edition, mexico, mexico_staff, mexico_focal_point, stranger
):
    assert is_staff_of_edition(mexico_staff, mexico_2010)
    assert is_staff_of_edition(mexico_staff, mexico)
    for permission in (
        "summit.manage_registration",
        "summit.confirm_delegation",
        "summit.withdraw_delegation",
    ):
        target = mexico_2010 if permission == "summit.manage_registration" else mexico
        assert mexico_staff.has_perm(permission, target)
        assert not mexico_focal_point.has_perm(permission, target)
        assert not stranger.has_perm(permission, target)
    # Mexico's chairmanship is not in office today: its staff do not run the 2019 Summit.
    assert not mexico_staff.has_perm("summit.manage_registration", edition(2019))
    ecuador_staff = support_unit_user("gfmd-2019-ecuador", email="staff-ecuador@example.test")
    assert ecuador_staff.has_perm("summit.manage_registration", edition(2019))


def test_names_are_for_staff_and_for_those_who_act_for_the_delegation(
    mexico, agency, mexico_staff, mexico_focal_point, ghana_focal_point, observer_contact, stranger
):
    assert mexico_staff.has_perm("summit.view_delegates", mexico)
    assert mexico_focal_point.has_perm("summit.view_delegates", mexico)
    assert not ghana_focal_point.has_perm("summit.view_delegates", mexico)
    assert not observer_contact.has_perm("summit.view_delegates", mexico)
    assert not stranger.has_perm("summit.view_delegates", mexico)
    assert not AnonymousUser().has_perm("summit.view_delegates", mexico)
    assert observer_contact.has_perm("summit.view_delegates", agency)
    assert not mexico_focal_point.has_perm("summit.view_delegates", agency)


def test_a_focal_point_changes_their_own_delegation_only(
    mexico, agency, mexico_focal_point, ghana_focal_point, observer_contact, mexico_staff
):
    assert acts_for_delegation(mexico_focal_point, mexico)
    assert not acts_for_delegation(ghana_focal_point, mexico)
    assert mexico_focal_point.has_perm("summit.change_delegation", mexico)
    assert not ghana_focal_point.has_perm("summit.change_delegation", mexico)
    assert observer_contact.has_perm("summit.change_delegation", agency)
    assert not observer_contact.has_perm("summit.change_delegation", mexico)
    assert mexico_staff.has_perm("summit.change_delegation", agency)


def test_who_may_register_which_delegation(
    mexico_2010,
    state,
    observer_organisation,
    mexico_focal_point,
    ghana_focal_point,
    observer_contact,
    uninvited_contact,
    mexico_staff,
    stranger,
):
    mexico = Delegation(edition=mexico_2010, state=state("MEX"))
    agency = Delegation(edition=mexico_2010, organisation=observer_organisation)
    assert mexico_focal_point.has_perm("summit.register_delegation", mexico)
    assert not ghana_focal_point.has_perm("summit.register_delegation", mexico)
    assert observer_contact.has_perm("summit.register_delegation", agency)
    assert not observer_contact.has_perm("summit.register_delegation", mexico)
    assert mexico_staff.has_perm("summit.register_delegation", mexico)
    assert mexico_staff.has_perm("summit.register_delegation", agency)
    assert not stranger.has_perm("summit.register_delegation", mexico)
    # The form: focal points, contacts of an organisation invited to this edition, staff.
    assert may_register_for_edition(mexico_focal_point, mexico_2010)
    assert may_register_for_edition(observer_contact, mexico_2010)
    assert not may_register_for_edition(uninvited_contact, mexico_2010)
    assert not may_register_for_edition(stranger, mexico_2010)
    assert mexico_staff.has_perm("summit.register", mexico_2010)
    assert not stranger.has_perm("summit.register", mexico_2010)
    assert not AnonymousUser().has_perm("summit.register", mexico_2010)
