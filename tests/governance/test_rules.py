"""Every permission predicate: a user who may and one who may not."""

import datetime

import pytest

from gfmd.governance import rules as predicates
from gfmd.governance.models import Edition, FriendsOfTheForumMembership, Process
from gfmd.governance.models import SteeringGroupMembership as Membership
from tests.factories import PersonFactory, UserFactory
from tests.helpers import focal_point_user, support_unit_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_support_unit_staff(anonymous):
    staff = support_unit_user("gfmd-2019-ecuador")
    assert predicates.is_support_unit_staff(staff)
    assert not predicates.is_support_unit_staff(UserFactory())
    assert not predicates.is_support_unit_staff(anonymous)


def test_support_unit_staff_administer_their_own_and_the_current_chairs_editions():
    staff = support_unit_user("gfmd-2019-ecuador")
    old_staff = support_unit_user("gfmd-2007-belgium", email="old@example.test")
    ecuador = Edition.objects.get(process__slug="gfmd", number=12)
    mexico = Edition.objects.get(process__slug="gfmd", number=4)
    assert staff.has_perm("governance.change_edition", ecuador)
    assert staff.has_perm("governance.change_edition", mexico)  # archives of the process
    assert not old_staff.has_perm("governance.change_edition", mexico)
    assert old_staff.has_perm(
        "governance.change_edition", mexico.__class__.objects.get(number=1, process__slug="gfmd")
    )


def test_ended_assignment_gives_no_rights():
    staff = support_unit_user("gfmd-2019-ecuador")
    staff.person.support_assignments.update(end=datetime.date(2020, 1, 1))
    staff = type(staff).objects.get(pk=staff.pk)
    assert not predicates.is_support_unit_staff(staff)


def test_focal_point_acts_for_their_state_only(state, anonymous):
    user = focal_point_user(state("GHA"))
    assert predicates.is_focal_point(user)
    assert user.has_perm("governance.act_for_state", state("GHA"))
    assert not user.has_perm("governance.act_for_state", state("MEX"))
    assert not predicates.is_focal_point(anonymous)


def test_steering_group_and_friends_members_through_their_state(state):
    gfmd = Process.objects.get(slug="gfmd")
    member = focal_point_user(state("GHA"), email="member@example.test")
    outsider = focal_point_user(state("MLI"), email="outsider@example.test")
    Membership.objects.create(process=gfmd, state=state("GHA"), start=datetime.date(2020, 1, 1))
    FriendsOfTheForumMembership.objects.create(process=gfmd, state=state("GHA"))
    assert predicates.is_steering_group_member(member, gfmd)
    assert predicates.is_friend_of_the_forum(member, gfmd)
    assert member.has_perm("governance.view_steering_group_material", gfmd)
    assert not predicates.is_steering_group_member(outsider, gfmd)
    assert not outsider.has_perm("governance.view_friends_material", gfmd)


def test_organisation_contact():
    from gfmd.directory.models import Affiliation, Organisation

    iom = Organisation.objects.get(acronym="IOM")
    person = PersonFactory()
    Affiliation.objects.create(person=person, organisation=iom, function="Synthetic contact")
    assert predicates.is_organisation_contact(person.user, iom)
    assert not predicates.is_organisation_contact(UserFactory(), iom)


def test_admin_is_for_support_unit_staff_only(client, state):
    client.force_login(focal_point_user(state("GHA")))
    assert client.get("/admin/").status_code == 302  # sent to the admin sign-in
    client.force_login(support_unit_user("gfmd-2019-ecuador"))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert client.get("/admin/governance/edition/").status_code == 200


def test_admin_refuses_an_overlapping_membership(client, state):
    from gfmd.governance.models import Process

    client.force_login(support_unit_user("gfmd-2019-ecuador"))
    gfmd = Process.objects.get(slug="gfmd")
    before = Membership.objects.count()
    response = client.post(
        "/admin/governance/steeringgroupmembership/add/",
        {
            "process": gfmd.pk,
            "state": state("ARG").pk,
            "start": "2010-06-01",
            "start_precision": "day",
            "end_precision": "day",
        },
    )
    assert response.status_code == 200
    assert "already a member of the Steering Group" in response.content.decode()
    assert Membership.objects.count() == before
