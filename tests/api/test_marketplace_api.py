"""The Marketplace API: the same checks as the forms, invisible to anyone not signed in."""

import pytest

from gfmd.marketplace.models import MarketplaceMeeting, Message, Offer, ServiceRequest
from tests.helpers import token_for
from tests.marketplace.helpers import People, accepted_meeting, make_request, open_marketplace

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(db):
    return People(open_marketplace())


def base(people) -> str:
    return f"/api/v1/marketplace/gfmd/{people.marketplace.edition.number}"


def as_user(user):
    return {"HTTP_AUTHORIZATION": f"Token {token_for(user)}"}


def post(client, url, data, user):
    return client.post(url, data, content_type="application/json", **as_user(user))


@pytest.mark.parametrize(
    "path",
    [
        "requests",
        "requests/1",
        "requests/1/offers",
        "requests/1/messages",
        "requests/1/meeting-requests",
        "meetings",
    ],
)
def test_anonymous_users_get_401_or_403_even_for_unknown_marketplaces(client, path):
    for url in (f"/api/v1/marketplace/gfmd/1/{path}", f"/api/v1/marketplace/nope/99/{path}"):
        assert client.get(url).status_code in (401, 403), url
        assert client.post(url, {}, content_type="application/json").status_code in (401, 403)
    assert client.post("/api/v1/marketplace/gfmd/1/schedule").status_code in (401, 403)


def test_a_focal_point_posts_a_request_for_their_state_only(client, people):
    payload = {
        "owner_state": "GHA",
        "title_en": "Border data",
        "description_en": "A system",
        "service_types": ["equipment"],
        "sdg_targets": ["10.7"],
    }
    response = post(client, f"{base(people)}/requests", payload, people.owner)
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "submitted"
    response = post(
        client, f"{base(people)}/requests", {**payload, "owner_state": "BEL"}, people.owner
    )
    assert response.status_code == 400
    assert "own state" in response.json()["errors"]["owner_state"][0]
    assert post(client, f"{base(people)}/requests", payload, people.iom).status_code == 403


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"service_types": []}, "service_types"),
        ({"service_types": ["cash"]}, "service_types"),
        ({"owner_state": "PRI"}, "owner_state"),
        ({"gcm_objectives": [99]}, "gcm_objectives"),
        ({"title_en": ""}, "title_en"),
    ],
)
def test_bad_request_input_names_the_field_and_saves_nothing(client, people, change, field):
    payload = {
        "owner_state": "GHA",
        "title_en": "T",
        "description_en": "D",
        "service_types": ["advice"],
        **change,
    }
    response = post(client, f"{base(people)}/requests", payload, people.owner)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not ServiceRequest.objects.filter(marketplace=people.marketplace).exists()


def test_visitors_see_published_requests_only(client, people):
    make_request(people, publish=False, title_en="Draft one")
    make_request(people, title_en="Public one")
    titles = [
        r["title"]
        for r in client.get(f"{base(people)}/requests", **as_user(people.iom)).json()["results"]
    ]
    assert titles == ["Public one"]
    owner_titles = [
        r["title"]
        for r in client.get(f"{base(people)}/requests", **as_user(people.owner)).json()["results"]
    ]
    assert set(owner_titles) == {"Draft one", "Public one"}


def test_offer_message_meeting_request_and_answer(client, people):
    request = make_request(people)
    url = f"{base(people)}/requests/{request.pk}"
    offer = {"provider_organisation": people.iom_organisation.pk, "contribution": "Trainers"}
    response = post(client, f"{url}/offers", offer, people.iom)
    assert response.status_code == 201 and response.json()["provider"]["name"].startswith("Intern")
    assert (
        post(
            client,
            f"{url}/offers",
            {**offer, "provider_organisation": people.ilo_organisation.pk},
            people.iom,
        ).status_code
        == 400
    )  # not its party
    assert post(client, f"{url}/offers", {"contribution": "x"}, people.iom).status_code == 400
    assert Offer.objects.filter(request=request).count() == 1
    assert post(client, f"{url}/messages", {"body": ""}, people.iom).status_code == 400
    assert post(client, f"{url}/messages", {"body": "Hello"}, people.iom).status_code == 201
    assert Message.objects.filter(request=request).count() == 1
    asked = post(
        client,
        f"{url}/meeting-requests",
        {"provider_organisation": people.iom_organisation.pk},
        people.iom,
    )
    assert asked.status_code == 201
    answer = f"{base(people)}/meeting-requests/{asked.json()['id']}/answer"
    assert post(client, answer, {"decision": "accept"}, people.iom).status_code == 403
    assert post(client, answer, {"decision": "maybe"}, people.owner).status_code == 400
    accepted = post(client, answer, {"decision": "accept"}, people.owner)
    assert accepted.status_code == 201 and accepted.json()["reference"] == "M-001"
    assert post(client, answer, {"decision": "accept"}, people.owner).status_code == 403


def test_staff_schedule_all_and_each_party_sees_its_own_meetings(client, people):
    iom_meeting = accepted_meeting(people)
    accepted_meeting(people, request=make_request(people), provider="ilo")
    assert post(client, f"{base(people)}/schedule", {}, people.owner).status_code == 403
    assert (
        post(client, f"{base(people)}/schedule", {"time_limit": 0}, people.staff).status_code == 400
    )
    response = post(client, f"{base(people)}/schedule", {"time_limit": 5}, people.staff)
    data = response.json()
    assert response.status_code == 200
    assert data["scheduled"] == 2 and data["bound"] == data["objective"] == 2
    assert data["gap"] == 0 and data["unscheduled"] == []
    assert {m["reference"] for m in data["schedule"]} == {"M-001", "M-002"}
    mine = client.get(f"{base(people)}/meetings", **as_user(people.iom)).json()["results"]
    assert [m["reference"] for m in mine] == [iom_meeting.reference]
    assert mine[0]["slot_start"] and mine[0]["table"]
    everyone = client.get(f"{base(people)}/meetings", **as_user(people.staff)).json()
    assert everyone["count"] == 2
    assert MarketplaceMeeting.objects.filter(slot__isnull=False).count() >= 2
