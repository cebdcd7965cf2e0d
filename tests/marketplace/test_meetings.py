"""Meeting requests, meetings, Outcome Forms, the grid and Schedule all through the database."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from gfmd.common.errors import DomainError
from gfmd.marketplace.domain import grid, meetings
from gfmd.marketplace.domain.scheduling import schedule_all
from gfmd.marketplace.enums import MeetingRequestStatus, MeetingStatus, RequestStatus, Side
from gfmd.marketplace.models import (
    MarketplaceMeeting,
    MeetingRequest,
    Notice,
    Slot,
    Table,
)
from tests.marketplace.helpers import accepted_meeting, iom_offer, make_request

pytestmark = pytest.mark.django_db


def test_a_provider_asks_the_owner_accepts_and_the_request_is_matched(people):
    request = make_request(people)
    iom_offer(people, request)
    asked = meetings.ask_for_meeting(
        request, user=people.iom, side=Side.PROVIDER, organisation=people.iom_organisation
    )
    assert Notice.objects.filter(user=people.owner, kind="meeting_request").exists()
    meeting = meetings.accept_meeting_request(asked, people.owner)
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHED
    assert meeting.slot is None and meeting.status == MeetingStatus.PLANNED
    assert meeting.provider_party == f"organisation:{people.iom_organisation.pk}"
    assert meeting.owner_party == f"state:{people.ghana.pk}"


def test_the_owner_asks_through_an_offer_and_the_provider_declines(people):
    request = make_request(people)
    offer = iom_offer(people, request)
    asked = meetings.ask_for_meeting(request, user=people.owner, side=Side.OWNER, offer=offer)
    assert asked.provider_organisation == people.iom_organisation
    declined = meetings.decline_meeting_request(asked, people.iom, "Not this time")
    assert declined.status == MeetingRequestStatus.DECLINED
    assert not MarketplaceMeeting.objects.filter(request=request).exists()
    with pytest.raises(DomainError, match="answered already"):
        meetings.accept_meeting_request(asked, people.owner)


def test_a_second_pending_request_between_the_same_parties_is_refused(people):
    request = make_request(people)
    iom_offer(people, request)
    meetings.ask_for_meeting(
        request, user=people.iom, side=Side.PROVIDER, organisation=people.iom_organisation
    )
    with pytest.raises(DomainError, match="waits for an answer"):
        meetings.ask_for_meeting(
            request, user=people.iom, side=Side.PROVIDER, organisation=people.iom_organisation
        )


def test_pending_requests_expire_hold_nothing_and_a_late_answer_is_refused(people):
    request = make_request(people)
    asked = meetings.ask_for_meeting(
        request, user=people.iom, side=Side.PROVIDER, organisation=people.iom_organisation
    )
    waited = asked.expires_at - asked.created_at
    assert abs(waited - datetime.timedelta(hours=72)) < datetime.timedelta(seconds=5)
    later = timezone.now() + datetime.timedelta(hours=73)
    MeetingRequest.objects.filter(pk=asked.pk).update(expires_at=timezone.now())
    with pytest.raises(DomainError, match="expired"):
        meetings.accept_meeting_request(asked, people.owner)
    assert meetings.expire_meeting_requests(later) == 1
    asked.refresh_from_db()
    assert asked.status == MeetingRequestStatus.EXPIRED
    assert Notice.objects.filter(user=people.iom, text__contains="expired").exists()
    assert meetings.expire_meeting_requests(later) == 0
    # Nothing was held: no meeting, no slot taken.
    assert not MarketplaceMeeting.objects.filter(request=request).exists()


def test_the_expiry_command_runs(people, capsys):
    request = make_request(people)
    asked = meetings.ask_for_meeting(
        request, user=people.iom, side=Side.PROVIDER, organisation=people.iom_organisation
    )
    MeetingRequest.objects.filter(pk=asked.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("expire_meeting_requests")
    assert "Meeting requests expired: 1." in capsys.readouterr().out


def past_slot(marketplace):
    return Slot.objects.filter(marketplace=marketplace, starts_at__lt=timezone.now()).first()


def place_in_the_past(people, meeting):
    return grid.place_meeting(
        meeting,
        slot=past_slot(people.marketplace),
        table=Table.objects.filter(marketplace=people.marketplace).first(),
    )


def test_held_needs_the_outcome_form_of_both_sides(people):
    meeting = place_in_the_past(people, accepted_meeting(people))
    with pytest.raises(DomainError, match="Outcome Form"):
        meetings.close_meeting(meeting, user=people.owner, status=MeetingStatus.HELD)
    content = {"outcome": "Agreed a plan", "proposed_follow_up": "Draft a project"}
    meetings.save_outcome_form(meeting, user=people.owner, side=Side.OWNER, **content)
    with pytest.raises(DomainError, match="Outcome Form"):
        meetings.close_meeting(meeting, user=people.owner, status=MeetingStatus.HELD)
    form = meetings.save_outcome_form(meeting, user=people.iom, side=Side.PROVIDER, **content)
    assert form.confirmed_by_both
    meetings.close_meeting(meeting, user=people.owner, status=MeetingStatus.HELD)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD and meeting.closed_by == people.owner


def test_a_change_after_one_confirmation_asks_the_other_side_again(people):
    meeting = place_in_the_past(people, accepted_meeting(people))
    content = {"outcome": "A", "proposed_follow_up": "B"}
    meetings.save_outcome_form(meeting, user=people.owner, side=Side.OWNER, **content)
    meetings.save_outcome_form(meeting, user=people.iom, side=Side.PROVIDER, **content)
    form = meetings.save_outcome_form(
        meeting, user=people.iom, side=Side.PROVIDER, **{**content, "outcome": "A, revised"}
    )
    assert form.provider_confirmed_at and form.owner_confirmed_at is None


def test_no_outcome_form_before_the_meeting_and_no_show_needs_a_past_slot(people):
    meeting = accepted_meeting(people)
    with pytest.raises(DomainError, match="not taken place"):
        meetings.save_outcome_form(
            meeting, user=people.owner, side=Side.OWNER, outcome="x", proposed_follow_up="y"
        )
    with pytest.raises(DomainError, match="not taken place"):
        meetings.close_meeting(meeting, user=people.owner, status=MeetingStatus.NO_SHOW_PROVIDER)
    meetings.close_meeting(meeting, user=people.owner, status=MeetingStatus.CANCELLED)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED


def test_no_show_is_recorded_after_the_slot(people):
    meeting = place_in_the_past(people, accepted_meeting(people))
    meetings.close_meeting(meeting, user=people.staff, status=MeetingStatus.NO_SHOW_OWNER)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.NO_SHOW_OWNER


def test_removing_a_slot_or_table_that_holds_a_meeting_is_refused_naming_it(people):
    meeting = place_in_the_past(people, accepted_meeting(people))
    with pytest.raises(DomainError) as error:
        grid.remove_slot(meeting.slot)
    assert meeting.reference in error.value.message
    assert "Ghana" in error.value.message
    with pytest.raises(DomainError, match=meeting.reference):
        grid.remove_table(meeting.table)
    assert Slot.objects.filter(pk=meeting.slot_id).exists()
    free = Slot.objects.filter(marketplace=people.marketplace).exclude(pk=meeting.slot_id).first()
    grid.remove_slot(free)
    assert not Slot.objects.filter(pk=free.pk).exists()


def test_the_database_refuses_two_meetings_at_one_table_in_one_slot(people):
    first = place_in_the_past(people, accepted_meeting(people))
    second = accepted_meeting(people, provider="ilo")
    with pytest.raises(DomainError, match="taken in this slot"):
        grid.place_meeting(second, slot=first.slot, table=first.table)
    with pytest.raises(IntegrityError), transaction.atomic():
        MarketplaceMeeting.objects.filter(pk=second.pk).update(slot=first.slot, table=first.table)


def test_schedule_all_places_every_meeting_and_tells_the_parties(people):
    first = accepted_meeting(people)
    second = accepted_meeting(people, request=first.request, provider="ilo")
    report = schedule_all(people.marketplace, time_limit=5)
    first.refresh_from_db()
    second.refresh_from_db()
    assert report.schedule.scheduled == 2 and report.unscheduled == []
    assert first.slot_id != second.slot_id  # Ghana meets once per slot
    assert report.schedule.bound == report.schedule.objective == 2
    assert Notice.objects.filter(user=people.iom, kind="meeting", text__contains=first.reference)


def test_rescheduling_moves_only_what_must_move_and_tells_the_parties(people):
    first = accepted_meeting(people)
    second = accepted_meeting(people, request=make_request(people), provider="ilo")
    schedule_all(people.marketplace, time_limit=5)
    first.refresh_from_db()
    second.refresh_from_db()
    grid.set_unavailable(first.slot, organisation=people.iom_organisation, reason="chairs RT 1")
    mail.outbox.clear()
    with transaction.atomic():
        report = schedule_all(people.marketplace, time_limit=5)
    moved = {m.pk for m in report.moved}
    assert moved == {first.pk}
    second_before = (second.slot_id, second.table_id)
    second.refresh_from_db()
    assert (second.slot_id, second.table_id) == second_before
    assert Notice.objects.filter(user=people.iom, kind="moved").exists()


def test_unscheduled_meetings_carry_a_reason_naming_the_constraint(people):
    meeting = accepted_meeting(people)
    for slot in Slot.objects.filter(marketplace=people.marketplace):
        grid.set_unavailable(slot, state=people.ghana, reason="plenary")
    report = schedule_all(people.marketplace, time_limit=5)
    [(unscheduled, code, reason)] = report.unscheduled
    assert unscheduled == meeting and code == "no_common_slot"
    assert "no common free slot" in reason and "Ghana" in reason


def test_locked_meeting_stays_when_scheduling_again(people):
    meeting = accepted_meeting(people)
    future = Slot.objects.filter(marketplace=people.marketplace).order_by("-starts_at").first()
    table = Table.objects.filter(marketplace=people.marketplace).last()
    grid.place_meeting(meeting, slot=future, table=table, lock=True)
    schedule_all(people.marketplace, time_limit=5)
    meeting.refresh_from_db()
    assert (meeting.slot, meeting.table, meeting.locked) == (future, table, True)


def test_staff_cannot_place_a_meeting_where_a_party_is_unavailable(people):
    meeting = accepted_meeting(people)
    slot = past_slot(people.marketplace)
    grid.set_unavailable(slot, organisation=people.iom_organisation, reason="chairs RT 2")
    with pytest.raises(DomainError, match="unavailable in this slot"):
        grid.place_meeting(
            meeting, slot=slot, table=Table.objects.filter(marketplace=people.marketplace).first()
        )
