"""The Marketplace in the admin: for Support Unit staff of the Marketplaces they run, refused
to everyone else; what the domain decides is read only, what may be changed is checked."""

import pytest
from django.utils import timezone

from gfmd.marketplace.models import MarketplaceMeeting, ServiceRequest, Slot
from gfmd.preparation.models import RoundtableSession
from tests.helpers import support_unit_user
from tests.marketplace.helpers import accepted_meeting, make_request, programme

pytestmark = pytest.mark.django_db

MODELS = [
    "marketplace",
    "marketplaceteammember",
    "slot",
    "table",
    "unavailability",
    "servicerequest",
    "offer",
    "message",
    "progresspost",
    "meetingrequest",
    "marketplacemeeting",
    "outcomeform",
    "visitor",
    "visitorinvitation",
]


def test_every_marketplace_changelist_loads_for_staff(client, people):
    request = make_request(people)
    meeting = accepted_meeting(people, request=request)
    client.force_login(people.staff)
    for model in MODELS:
        response = client.get(f"/admin/marketplace/{model}/")
        assert response.status_code == 200, model
    for url in (
        f"/admin/marketplace/servicerequest/{request.pk}/change/",
        f"/admin/marketplace/servicerequest/{request.pk}/history/",
        f"/admin/marketplace/marketplacemeeting/{meeting.pk}/change/",
        f"/admin/marketplace/marketplace/{people.marketplace.pk}/change/",
    ):
        assert client.get(url).status_code == 200, url
    listing = client.get("/admin/marketplace/servicerequest/").content.decode()
    assert request.reference in listing


@pytest.mark.parametrize("who", ["owner", "iom", "outsider"])
def test_the_admin_is_refused_to_participants(client, people, who):
    request = make_request(people)
    client.force_login(getattr(people, who))
    for url in (
        "/admin/marketplace/servicerequest/",
        f"/admin/marketplace/servicerequest/{request.pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_staff_of_another_chairmanship_do_not_see_this_marketplace(client, people):
    request = make_request(people)
    other = support_unit_user("gfmd-2010-mexico", email="mexico@example.test")
    client.force_login(other)
    assert client.get("/admin/").status_code == 200
    listing = client.get("/admin/marketplace/servicerequest/").content.decode()
    assert request.reference not in listing
    response = client.get(f"/admin/marketplace/servicerequest/{request.pk}/change/")
    assert response.status_code in (302, 403, 404)


def change_form(request, **changes):
    data = {
        "title_en": request.title_en,
        "title_fr": "",
        "title_es": "",
        "description_en": request.description_en,
        "description_fr": "",
        "description_es": "",
        "service_types": request.service_types,
        "themes": "",
        "links_note": "",
    }
    data.update(changes)
    return data


def test_the_admin_refuses_a_session_of_another_edition_and_saves_nothing(client, people):
    sessions = programme(people.marketplace)
    request = make_request(people, related_sessions=["1.1"])
    other = RoundtableSession.objects.exclude(edition=people.marketplace.edition).first()
    client.force_login(people.staff)
    url = f"/admin/marketplace/servicerequest/{request.pk}/change/"
    form = client.get(url).content.decode()
    assert "Skills partnerships" in form and other.title_en not in form
    response = client.post(
        url,
        change_form(request, title_en="Changed", related_sessions=[sessions["1.1"].pk, other.pk]),
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Select a valid choice" in response.content.decode()
    request.refresh_from_db()
    assert request.title_en == "Training of immigration officers"
    assert [s.number for s in request.related_sessions.all()] == ["1.1"]
    response = client.post(
        url,
        change_form(
            request,
            title_en="Changed",
            related_sessions=[sessions["1.2"].pk],
            service_types=["training", "advice"],
        ),
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.title_en == "Changed"
    assert [s.number for s in request.related_sessions.all()] == ["1.2"]


def test_the_admin_form_check_names_the_other_edition(people):
    from gfmd.marketplace.admin import ServiceRequestAdminForm

    programme(people.marketplace)
    request = make_request(people)
    other = RoundtableSession.objects.exclude(edition=people.marketplace.edition).first()
    form = ServiceRequestAdminForm(
        data=change_form(request, related_sessions=[other.pk]), instance=request
    )
    form.fields["related_sessions"].queryset = RoundtableSession.objects.all()
    assert not form.is_valid()
    assert "is not part of" in str(form.errors["related_sessions"])


def test_the_admin_cannot_change_status_slot_or_parties(client, people):
    request = make_request(people)
    meeting = accepted_meeting(people, request=request)
    client.force_login(people.staff)
    url = f"/admin/marketplace/marketplacemeeting/{meeting.pk}/change/"
    slot = Slot.objects.filter(marketplace=people.marketplace).first()
    response = client.post(url, {"priority": "3", "slot": slot.pk, "status": "held"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.priority == 3 and meeting.slot is None and meeting.status == "planned"
    response = client.post(url, {"priority": "9"})
    assert response.status_code == 200  # refused: priority 1 to 3
    meeting.refresh_from_db()
    assert meeting.priority == 3
    form = client.get(f"/admin/marketplace/servicerequest/{request.pk}/change/").content
    assert b'name="status"' not in form and b'name="reference"' not in form
    assert client.get("/admin/marketplace/servicerequest/add/").status_code == 403


def test_a_slot_holding_a_meeting_keeps_its_hours_and_new_slots_do_not_overlap(client, people):
    from gfmd.marketplace.domain.scheduling import schedule_all

    meeting = accepted_meeting(people)
    schedule_all(people.marketplace, time_limit=2)
    meeting.refresh_from_db()
    client.force_login(people.staff)
    form = client.get(f"/admin/marketplace/slot/{meeting.slot_id}/change/").content
    assert b'name="starts_at_0"' not in form
    assert client.post(f"/admin/marketplace/slot/{meeting.slot_id}/delete/").status_code == 403
    before = Slot.objects.count()
    start = timezone.localtime(meeting.slot.starts_at)
    response = client.post(
        "/admin/marketplace/slot/add/",
        {
            "marketplace": people.marketplace.pk,
            "starts_at_0": f"{start:%Y-%m-%d}",
            "starts_at_1": f"{start:%H:%M:%S}",
            "ends_at_0": f"{start:%Y-%m-%d}",
            "ends_at_1": f"{start:%H}:30:00",
        },
    )
    assert response.status_code == 200 and "overlaps the slot" in response.content.decode()
    assert Slot.objects.count() == before
    assert MarketplaceMeeting.objects.get(pk=meeting.pk).slot_id == meeting.slot_id
    assert ServiceRequest.objects.filter(pk=meeting.request_id).exists()
