"""Each permission predicate of the Marketplace: someone who may, someone who may not."""

import pytest

from gfmd.marketplace import rules as r
from gfmd.marketplace.domain import meetings, visitors
from gfmd.marketplace.enums import Side
from tests.marketplace.helpers import accepted_meeting, iom_offer, make_request

pytestmark = pytest.mark.django_db


def test_staff(people):
    assert r.is_marketplace_staff(people.staff, people.marketplace)
    assert not r.is_marketplace_staff(people.owner, people.marketplace)
    visitors.add_team_member(people.marketplace, email=people.ilo.email, added_by=people.staff)
    assert r.is_marketplace_staff(people.ilo, people.marketplace)


def test_visitor_and_entering(people):
    assert r.is_marketplace_visitor(people.iom, people.marketplace)
    assert r.is_marketplace_visitor(people.donor, people.marketplace)  # a focal point
    assert not r.is_marketplace_visitor(people.outsider, people.marketplace)
    assert r.enters_marketplace(people.staff, people.marketplace)
    assert not r.enters_marketplace(people.outsider, people.marketplace)


def test_focal_point_visitor(people):
    assert r.is_focal_point_visitor(people.owner, people.marketplace)
    assert not r.is_focal_point_visitor(people.iom, people.marketplace)


def test_request_owner_is_the_owner_person_or_a_focal_point_of_the_state(people):
    request = make_request(people)
    assert r.is_request_owner(people.owner, request)
    assert not r.is_request_owner(people.donor, request)
    assert not r.is_request_owner(people.iom, request)


def test_request_states(people):
    draft = make_request(people, publish=False)
    published = make_request(people)
    assert r.request_is_open_to_visitors(people.iom, published)
    assert not r.request_is_open_to_visitors(people.iom, draft)
    assert r.request_takes_offers(people.iom, published)
    assert not r.request_takes_offers(people.iom, draft)
    assert r.request_is_editable_by_owner(people.owner, draft)
    assert not r.request_is_editable_by_owner(people.owner, published)


def test_speaks_for_a_provider(people):
    assert r.speaks_for_a_provider(people.iom, people.marketplace)
    assert not r.speaks_for_a_provider(people.outsider, people.marketplace)


def test_provider_of_an_offer_and_on_a_request(people):
    request = make_request(people)
    offer = iom_offer(people, request)
    assert r.is_provider_of_offer(people.iom, offer)
    assert not r.is_provider_of_offer(people.ilo, offer)
    assert r.is_provider_on_request(people.iom, request)
    assert not r.is_provider_on_request(people.ilo, request)


def test_parties_of_meetings_and_who_answers(people):
    request = make_request(people)
    iom_offer(people, request)
    asked = meetings.ask_for_meeting(
        request, user=people.iom, side=Side.PROVIDER, organisation=people.iom_organisation
    )
    assert r.is_party_of_meeting_request(people.iom, asked)
    assert not r.is_party_of_meeting_request(people.ilo, asked)
    assert r.answers_meeting_request(people.owner, asked)
    assert not r.answers_meeting_request(people.iom, asked)  # the side that asked
    meeting = meetings.accept_meeting_request(asked, people.owner)
    asked.refresh_from_db()
    assert not r.answers_meeting_request(people.owner, asked)  # answered already
    assert r.is_party_of_meeting(people.owner, meeting)
    assert r.is_party_of_meeting(people.iom, meeting)
    assert not r.is_party_of_meeting(people.ilo, meeting)
    assert not r.is_party_of_meeting(people.staff, meeting)


@pytest.mark.parametrize(
    ("who", "permission", "allowed"),
    [
        ("owner", "marketplace.add_request", True),
        ("iom", "marketplace.add_request", False),
        ("staff", "marketplace.manage", True),
        ("owner", "marketplace.manage", False),
        ("outsider", "marketplace.enter", False),
        ("iom", "marketplace.enter", True),
    ],
)
def test_marketplace_permissions(people, who, permission, allowed):
    assert getattr(people, who).has_perm(permission, people.marketplace) is allowed


def test_request_permissions(people):
    draft = make_request(people, publish=False)
    published = make_request(people)
    assert people.owner.has_perm("marketplace.view_request", draft)
    assert not people.iom.has_perm("marketplace.view_request", draft)
    assert people.iom.has_perm("marketplace.view_request", published)
    assert not people.outsider.has_perm("marketplace.view_request", published)
    assert people.iom.has_perm("marketplace.add_offer", published)
    assert not people.owner.has_perm("marketplace.add_offer", published)
    assert people.staff.has_perm("marketplace.validate_request", draft)
    assert not people.owner.has_perm("marketplace.validate_request", draft)
    assert people.owner.has_perm("marketplace.change_request", draft)
    assert not people.owner.has_perm("marketplace.change_request", published)


def test_meeting_permissions(people):
    meeting = accepted_meeting(people)
    assert people.iom.has_perm("marketplace.fill_outcome", meeting)
    assert not people.staff.has_perm("marketplace.fill_outcome", meeting)
    assert people.staff.has_perm("marketplace.view_meeting", meeting)
    assert not people.ilo.has_perm("marketplace.view_meeting", meeting)
