"""The demo Marketplace of 2007 as the loader builds it from the report."""

import pytest
from django.core.management import call_command

from gfmd.marketplace.domain.scheduler import idle_gaps
from gfmd.marketplace.domain.scheduling import read_instance
from gfmd.marketplace.models import MarketplaceMeeting, Offer, ServiceRequest, Slot

pytestmark = pytest.mark.django_db


def test_the_2007_marketplace_has_18_projects_and_35_scheduled_meetings(demo):
    requests = ServiceRequest.objects.filter(marketplace=demo)
    meetings = MarketplaceMeeting.objects.filter(marketplace=demo)
    assert requests.count() == 18 and meetings.count() == 35
    assert not meetings.filter(slot__isnull=True).exists()
    days = {m.slot.starts_at.date().isoformat() for m in meetings.select_related("slot")}
    assert days == {"2007-07-10", "2007-07-11"}
    assert demo.contact_email == "migrationp@un.org"


def test_no_real_state_is_made_to_ask_for_anything(demo):
    requests = ServiceRequest.objects.filter(marketplace=demo)
    assert not requests.filter(owner_state__isnull=False).exists()
    assert all(r.owner_not_named for r in requests)
    assert all(r.source_document == "003" and r.source_lines for r in requests)
    named = {r.title_en for r in requests} - {"Marketplace project (not described in the report)"}
    assert "Combating human trafficking" in named and len(named) == 6


def test_every_meeting_and_offer_carries_provenance_and_says_the_pairing_is_illustrative(demo):
    for meeting in MarketplaceMeeting.objects.filter(marketplace=demo):
        assert meeting.provenance.startswith("003 L8662-L8668")
        assert "illustrative" in meeting.source_note
    assert not Offer.objects.filter(request__marketplace=demo, resources_identified=True).exists()


def test_the_demo_grid_respects_the_rules(demo):
    instance, _meetings = read_instance(demo)
    places = [(m.slot_id, m.table_id) for m in MarketplaceMeeting.objects.filter(marketplace=demo)]
    assert len(places) == len(set(places))
    busy = [
        (party, m.slot_id)
        for m in MarketplaceMeeting.objects.filter(marketplace=demo)
        for party in (m.owner_party, m.provider_party)
    ]
    assert len(busy) == len(set(busy))
    assignments = {m.id: m.previous for m in instance.meetings}
    assert idle_gaps(instance, assignments) == 0


def test_loading_again_changes_nothing(demo):
    before = list(
        MarketplaceMeeting.objects.filter(marketplace=demo).values_list(
            "reference", "slot", "table"
        )
    )
    call_command("load_sources", verbosity=0)
    after = list(
        MarketplaceMeeting.objects.filter(marketplace=demo).values_list(
            "reference", "slot", "table"
        )
    )
    assert before == after
    assert Slot.objects.filter(marketplace=demo).count() == 16


def test_the_demo_requests_carry_their_gcm_objectives_as_links_with_their_provenance(demo):
    request = ServiceRequest.objects.get(marketplace=demo, title_en="Combating human trafficking")
    assert [o.number for o in request.gcm_objectives.all()] == [10]
    assert "GCM objective inferred" in request.source_note
    assert not request.related_sessions.exists()  # the report links no project to a session
    call_command("load_sources", verbosity=0)
    assert [o.number for o in request.gcm_objectives.all()] == [10]
