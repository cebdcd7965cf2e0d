"""Marketplace pages through the test client: who sees what, bad input, exports, agenda."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from gfmd.marketplace.domain import grid, visitors
from gfmd.marketplace.domain.scheduling import schedule_all
from gfmd.marketplace.models import (
    CalendarToken,
    MarketplaceMeeting,
    Message,
    Offer,
    ServiceRequest,
    Slot,
    Table,
)
from tests.marketplace.helpers import accepted_meeting, make_request

pytestmark = pytest.mark.django_db
ARGS = {
    "process": "gfmd",
    "number": 1,
    "pk": 1,
    "token": "not-a-secret",
    "table": "requests",
    "offer": 1,
    "message": 1,
    "meeting_request": 1,
}


def marketplace_urls():
    resolver = get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver) and getattr(pattern, "namespace", None) is None:
            for inner in pattern.url_patterns:
                if isinstance(inner, URLResolver) and inner.namespace == "marketplace":
                    for route in inner.url_patterns:
                        assert isinstance(route, URLPattern)
                        names = re.findall(r"<(?:\w+:)?(\w+)>", str(route.pattern))
                        yield reverse(
                            f"marketplace:{route.name}", kwargs={n: ARGS[n] for n in names}
                        )


def test_the_walk_finds_every_marketplace_address():
    urls = list(marketplace_urls())
    assert len(urls) >= 35
    assert "/en/marketplace/gfmd/1/grid/" in urls


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_users_get_the_sign_in_page_for_every_marketplace_address(client, method):
    for url in marketplace_urls():
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "/accounts/sign-in/" in response["Location"], url


def test_signed_in_outsiders_are_refused(client, people):
    client.force_login(people.outsider)
    edition = people.marketplace.edition
    assert client.get(reverse("marketplace:home", args=["gfmd", edition.number])).status_code == 403
    assert client.get("/api/v1/marketplace/gfmd/1/requests").status_code == 403


def urls_of(marketplace, **names):
    edition = marketplace.edition
    return {
        k: reverse(f"marketplace:{v[0]}", args=["gfmd", edition.number, *v[1:]])
        for k, v in names.items()
    }


def test_staff_pages_of_the_2007_demo_show_the_grid_of_35_meetings(client, demo):
    from tests.helpers import support_unit_user

    client.force_login(support_unit_user("gfmd-2019-ecuador"))
    page = client.get("/en/marketplace/gfmd/1/grid/").content.decode()
    assert page.count('href="/en/marketplace/gfmd/1/meetings/') == 35
    assert "09:00" in page  # Brussels time, the Forum's time zone
    for path in ["", "requests/", "agenda/", "monitoring/", "invitations/"]:
        assert client.get(f"/en/marketplace/gfmd/1/{path}").status_code == 200, path
    requests_page = client.get("/en/marketplace/gfmd/1/requests/").content.decode()
    assert "Requesting government (not named in the report)" in requests_page
    assert "several providers" in requests_page
    monitoring = client.get("/en/marketplace/gfmd/1/monitoring/").content.decode()
    assert monitoring.count("R-2007-") >= 18  # all with offers, none with resources
    for table in ["requests", "offers", "meetings", "outcomes"]:
        csv = client.get(f"/en/marketplace/gfmd/1/export/{table}.csv")
        assert csv.status_code == 200 and csv["Content-Type"] == "text/csv"
    assert client.get("/en/marketplace/gfmd/1/export/other.csv").status_code == 404
    xlsx = client.get("/en/marketplace/gfmd/1/export.xlsx")
    assert xlsx.content[:2] == b"PK"


def test_the_workbook_has_four_sheets_with_the_35_meetings(client, demo):
    import io

    from openpyxl import load_workbook

    from tests.helpers import support_unit_user

    client.force_login(support_unit_user("gfmd-2019-ecuador"))
    book = load_workbook(io.BytesIO(client.get("/en/marketplace/gfmd/1/export.xlsx").content))
    assert book.sheetnames == ["requests", "offers", "meetings", "outcomes"]
    assert book["meetings"].max_row == 36 and book["requests"].max_row == 19


def test_the_owner_follows_a_request_through_the_pages(client, people):
    urls = urls_of(people.marketplace, new=("request_new",))
    client.force_login(people.owner)
    response = client.post(
        urls["new"],
        {
            "owner_state": str(people.ghana.pk),
            "title_en": "Border data system",
            "description_en": "Software and training.",
            "service_types": ["equipment", "training"],
            "gcm_objectives": "11",
            "sdg_targets": "10.7",
            "submit_now": "on",
        },
    )
    assert response.status_code == 302
    request = ServiceRequest.objects.get(title_en="Border data system")
    assert request.status == "submitted"
    assert [o.number for o in request.gcm_objectives.all()] == [11]
    assert [t.code for t in request.sdg_targets.all()] == ["10.7"]
    detail = client.get(response["Location"]).content.decode()
    assert "submitted for validation" in detail and "Validate and publish" not in detail


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title_en": ""}, "This field is required"),
        ({"gcm_objectives": "42"}, "is not a GCM objective"),
        ({"sdg_targets": "99.9"}, "is not an SDG target"),
        ({"service_types": []}, "This field is required"),
        ({"owner_name": "Someone"}, "Give the owner"),
    ],
)
def test_bad_request_input_is_explained_and_saves_nothing(client, people, data, message):
    client.force_login(people.owner)
    url = urls_of(people.marketplace, new=("request_new",))["new"]
    good = {
        "owner_state": str(people.ghana.pk),
        "title_en": "T",
        "description_en": "D",
        "service_types": ["advice"],
    }
    response = client.post(url, {**good, **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ServiceRequest.objects.filter(marketplace=people.marketplace).exists()


def post_on_request(client, people, request, name, data, *extra):
    url = reverse(
        f"marketplace:{name}", args=["gfmd", people.marketplace.edition.number, request.pk, *extra]
    )
    return client.post(url, data)


def test_bad_offer_message_and_meeting_input_is_explained_and_saves_nothing(client, people):
    request = make_request(people)
    client.force_login(people.iom)
    provider = f"organisation:{people.iom_organisation.pk}"
    response = post_on_request(
        client, people, request, "offer_new", {"provider": provider, "contribution": ""}
    )
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    response = post_on_request(
        client,
        people,
        request,
        "offer_new",
        {"provider": "organisation:999999", "contribution": "x"},
    )
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert not Offer.objects.filter(request=request).exists()
    response = post_on_request(client, people, request, "message_new", {"body": ""})
    assert response.status_code == 400
    response = post_on_request(
        client, people, request, "message_new", {"body": "Hi", "parent": "987654"}
    )
    assert response.status_code == 400 and "only reply" in response.content.decode()
    assert not Message.objects.filter(request=request).exists()
    response = post_on_request(client, people, request, "meeting_request_new", {"provider": ""})
    assert response.status_code == 400
    response = post_on_request(client, people, request, "request_status", {"action": "complete"})
    assert response.status_code == 403


def test_an_out_of_order_transition_is_a_400_with_the_rule(client, people):
    request = make_request(people)
    client.force_login(people.owner)
    response = post_on_request(client, people, request, "request_status", {"action": "complete"})
    assert response.status_code == 400
    assert "cannot become completed" in response.content.decode()


def test_removing_a_slot_with_a_meeting_is_refused_on_the_grid_naming_it(client, people):
    meeting = accepted_meeting(people)
    schedule_all(people.marketplace, time_limit=5)
    meeting.refresh_from_db()
    client.force_login(people.staff)
    url = reverse(
        "marketplace:slot_remove", args=["gfmd", people.marketplace.edition.number, meeting.slot_id]
    )
    response = client.post(url)
    assert response.status_code == 400
    assert meeting.reference in response.content.decode()
    assert Slot.objects.filter(pk=meeting.slot_id).exists()


def test_grid_forms_refuse_bad_input(client, people):
    client.force_login(people.staff)
    number = people.marketplace.edition.number
    slots = Slot.objects.count()
    response = client.post(
        reverse("marketplace:slot_new", args=["gfmd", number]),
        {"day": "2030-01-01", "first": "12:00", "last": "09:00", "minutes": "60"},
    )
    assert response.status_code == 400 and "end before they start" in response.content.decode()
    assert Slot.objects.count() == slots
    response = client.post(
        reverse("marketplace:table_new", args=["gfmd", number]), {"name": "Table 1"}
    )
    assert response.status_code == 400 and "exists already" in response.content.decode()
    assert Table.objects.filter(marketplace=people.marketplace).count() == 2
    response = client.post(
        reverse("marketplace:schedule", args=["gfmd", number]), {"time_limit": "0"}
    )
    assert response.status_code == 400


def test_outcome_form_and_closing_through_the_pages(client, people):
    meeting = accepted_meeting(people)
    past = Slot.objects.filter(marketplace=people.marketplace).order_by("starts_at").first()
    grid.place_meeting(
        meeting, slot=past, table=Table.objects.filter(marketplace=people.marketplace).first()
    )
    number = people.marketplace.edition.number
    close = reverse("marketplace:meeting_close", args=["gfmd", number, meeting.pk])
    outcome = reverse("marketplace:outcome", args=["gfmd", number, meeting.pk])
    client.force_login(people.owner)
    response = client.post(close, {"status": "held"})
    assert response.status_code == 400 and "Outcome Form" in response.content.decode()
    assert client.post(outcome, {"outcome": ""}).status_code == 400
    data = {"outcome": "Plan agreed", "proposed_follow_up": "Project draft"}
    assert client.post(outcome, data).status_code == 302
    client.force_login(people.iom)
    assert client.post(outcome, data).status_code == 302
    assert client.post(close, {"status": "held"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "held"
    client.force_login(people.ilo)
    assert (
        client.get(reverse("marketplace:meeting", args=["gfmd", number, meeting.pk])).status_code
        == 403
    )


def test_agenda_page_pdf_and_calendar_feed(client, people):
    meeting = accepted_meeting(people)
    schedule_all(people.marketplace, time_limit=5)
    number = people.marketplace.edition.number
    client.force_login(people.iom)
    page = client.get(reverse("marketplace:agenda", args=["gfmd", number])).content.decode()
    assert meeting.reference in page
    pdf = client.get(reverse("marketplace:agenda_pdf", args=["gfmd", number]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content[:4] == b"%PDF"
    client.post(reverse("marketplace:calendar"))
    token = CalendarToken.objects.get(user=people.iom).token
    client.logout()
    feed = client.get(reverse("marketplace:calendar_feed", args=[token]))
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "BEGIN:VEVENT" in body and meeting.reference in body
    assert f"marketplace-meeting-{meeting.pk}@" in body


def test_an_invitation_link_lets_a_newcomer_make_an_account(client, people):
    invitation, token = visitors.invite_visitor(
        people.marketplace,
        email="newcomer@example.test",
        invited_by=people.staff,
        organisation=people.ilo_organisation,
        send=False,
    )
    url = reverse("marketplace:join", args=[token])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"display_name": "N", "password": "short", "password_again": "other"})
    assert bad.status_code == 400
    response = client.post(
        url,
        {
            "display_name": "N",
            "password": "a long passphrase 42",
            "password_again": "a long passphrase 42",
        },
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200  # signed in, a visitor now


def test_notices_and_the_digest_choice(client, people):
    client.force_login(people.owner)
    make_request(people)
    page = client.get(reverse("marketplace:notices")).content.decode()
    assert "is published" in page
    assert client.post(reverse("marketplace:notices"), {"frequency": "weekly"}).status_code == 400
    assert client.post(reverse("marketplace:notices"), {"frequency": "daily"}).status_code == 302


def test_staff_see_the_report_of_schedule_all(client, people):
    accepted_meeting(people)
    client.force_login(people.staff)
    number = people.marketplace.edition.number
    page = client.post(
        reverse("marketplace:schedule", args=["gfmd", number]), {"time_limit": "5"}
    ).content.decode()
    assert "Proven upper bound" in page and "Schedule all: result" in page
    assert MarketplaceMeeting.objects.filter(slot__isnull=False).exists()


def test_a_provider_withdraws_its_offer_and_others_cannot(client, people):
    from tests.marketplace.helpers import iom_offer

    request = make_request(people)
    offer = iom_offer(people, request)
    url = reverse(
        "marketplace:offer_withdraw",
        args=["gfmd", people.marketplace.edition.number, request.pk, offer.pk],
    )
    client.force_login(people.ilo)
    assert client.post(url).status_code == 403
    client.force_login(people.iom)
    assert client.post(url).status_code == 302
    offer.refresh_from_db()
    assert offer.withdrawn_at is not None
    assert client.post(url).status_code == 400  # withdrawn already


def test_staff_hide_a_message_from_the_page_and_visitors_see_it_hidden(client, people):
    from gfmd.marketplace.domain import exchanges

    request = make_request(people)
    message = exchanges.post_message(request, author=people.iom, body="Buy my product")
    url = reverse(
        "marketplace:message_moderate",
        args=["gfmd", people.marketplace.edition.number, request.pk, message.pk],
    )
    client.force_login(people.iom)
    assert client.post(url, {"reason": "advert"}).status_code == 403
    client.force_login(people.staff)
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "advert"}).status_code == 302
    client.force_login(people.ilo)
    detail = reverse(
        "marketplace:request", args=["gfmd", people.marketplace.edition.number, request.pk]
    )
    page = client.get(detail).content.decode()
    assert "Hidden by a moderator." in page and "Buy my product" not in page
