"""Offers, conversations with e-mail and digest, moderation, progress, invitations."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from gfmd.common.errors import DomainError
from gfmd.marketplace.domain import exchanges, visitors
from gfmd.marketplace.domain.notifications import choose_frequency
from gfmd.marketplace.domain.roles import marketplace_roles
from gfmd.marketplace.models import Message, Notice, Offer, Visitor, VisitorInvitation
from tests.factories import UserFactory
from tests.marketplace.helpers import iom_offer, make_request

pytestmark = pytest.mark.django_db


def test_an_offer_tells_the_owner_and_a_second_provider_is_a_coordination_signal(people):
    request = make_request(people)
    iom_offer(people, request)
    exchanges.make_offer(
        request, user=people.ilo, organisation=people.ilo_organisation, contribution="Advice"
    )
    assert Notice.objects.filter(user=people.owner, kind="offer").count() == 2
    assert Offer.objects.filter(request=request).count() == 2
    with pytest.raises(DomainError, match="has an offer on this request already"):
        iom_offer(people, request)


def test_offers_are_refused_before_publication_and_from_the_owner_state(people):
    draft = make_request(people, publish=False)
    with pytest.raises(DomainError, match="does not take offers"):
        iom_offer(people, draft)
    published = make_request(people)
    with pytest.raises(DomainError, match="its own request"):
        exchanges.make_offer(published, user=people.owner, state=people.ghana, contribution="x")


def test_a_message_mails_the_owner_at_once_and_a_digest_user_later(
    people, django_capture_on_commit_callbacks
):
    request = make_request(people)
    choose_frequency(people.owner, "daily")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = exchanges.post_message(request, author=people.iom, body="Can we talk?")
        exchanges.post_message(request, author=people.owner, body="Yes", parent=first)
    # IOM (immediate) is told of the owner's reply; the owner waits for the digest.
    assert [m.to for m in mail.outbox] == [["iom@example.test"]]
    call_command("send_marketplace_digest", verbosity=0)
    assert mail.outbox[-1].to == ["fp.gha@example.test"]
    assert "Can we talk?" in mail.outbox[-1].body
    count = len(mail.outbox)
    call_command("send_marketplace_digest", verbosity=0)
    assert len(mail.outbox) == count  # nothing new


def test_replies_stay_one_level_deep_and_bad_messages_are_refused(people):
    request = make_request(people)
    first = exchanges.post_message(request, author=people.iom, body="Hello")
    reply = exchanges.post_message(request, author=people.owner, body="Hi", parent=first)
    deeper = exchanges.post_message(request, author=people.iom, body="Again", parent=reply)
    assert deeper.parent == first
    with pytest.raises(DomainError, match="Write a message"):
        exchanges.post_message(request, author=people.iom, body="   ")
    other = make_request(people)
    with pytest.raises(DomainError, match="only reply"):
        exchanges.post_message(other, author=people.iom, body="x", parent=first)


def test_staff_hide_a_message_with_a_reason_and_history_keeps_it(people):
    request = make_request(people)
    message = exchanges.post_message(request, author=people.iom, body="Spam")
    with pytest.raises(DomainError, match="Say why"):
        exchanges.hide_message(message, moderator=people.staff, reason="")
    exchanges.hide_message(message, moderator=people.staff, reason="advertising")
    assert Message.objects.get(pk=message.pk).hidden_at
    assert Message.history.filter(id=message.pk).count() == 2
    exchanges.restore_message(message, moderator=people.staff)
    assert Message.objects.get(pk=message.pk).hidden_at is None


def test_progress_needs_a_side_and_a_text(people):
    request = make_request(people)
    post = exchanges.post_progress(request, author=people.owner, side="owner", body="Funded")
    assert post.side == "owner"
    with pytest.raises(DomainError):
        exchanges.post_progress(request, author=people.owner, side="donor", body="x")
    with pytest.raises(DomainError):
        exchanges.post_progress(request, author=people.owner, side="owner", body="")


def test_an_invitation_link_makes_a_visitor_once_and_expires(
    people, django_capture_on_commit_callbacks
):
    organisation = people.ilo_organisation
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = visitors.invite_visitor(
            people.marketplace,
            email="New@Example.test",
            invited_by=people.staff,
            organisation=organisation,
        )
    assert mail.outbox[-1].to == ["new@example.test"] and token in mail.outbox[-1].body
    assert invitation.token_digest != token  # only the digest is stored
    assert visitors.invitation_for(token) == invitation
    user = visitors.join_with_new_account(invitation, display_name="New", password="x" * 12)
    roles = marketplace_roles(user, people.marketplace)
    assert roles.visitor and organisation.pk in roles.organisation_ids
    assert visitors.invitation_for(token) is None  # used
    late, late_token = visitors.invite_visitor(
        people.marketplace,
        email="late@example.test",
        invited_by=people.staff,
        state=people.ghana,
        send=False,
    )
    VisitorInvitation.objects.filter(pk=late.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert visitors.invitation_for(late_token) is None


def test_invitations_are_refused_without_one_party_or_for_a_visitor(people):
    with pytest.raises(DomainError, match="either the organisation or the state"):
        visitors.invite_visitor(people.marketplace, email="a@example.test", invited_by=people.staff)
    with pytest.raises(DomainError, match="visitor already"):
        visitors.invite_visitor(
            people.marketplace,
            email="iom@example.test",
            invited_by=people.staff,
            organisation=people.iom_organisation,
        )


def test_a_signed_in_user_accepts_and_cannot_accept_twice(people):
    invitation, token = visitors.invite_visitor(
        people.marketplace,
        email="x@example.test",
        invited_by=people.staff,
        organisation=people.ilo_organisation,
        send=False,
    )
    user = UserFactory(email="x@example.test")
    visitors.accept_invitation(invitation, user)
    assert Visitor.objects.filter(user=user, marketplace=people.marketplace).exists()
    with pytest.raises(DomainError, match="used, revoked or has expired"):
        visitors.accept_invitation(invitation, user)


def test_focal_points_are_visitors_without_an_invitation(people):
    roles = marketplace_roles(people.donor, people.marketplace)
    assert roles.visitor and not Visitor.objects.filter(user=people.donor).exists()
    assert not marketplace_roles(people.outsider, people.marketplace).enters


def test_staff_name_a_team_member_who_then_acts_as_staff(people):
    visitors.add_team_member(
        people.marketplace, email="outsider@example.test", added_by=people.staff
    )
    assert marketplace_roles(people.outsider, people.marketplace).staff
    with pytest.raises(DomainError, match="No account"):
        visitors.add_team_member(
            people.marketplace, email="ghost@example.test", added_by=people.staff
        )
