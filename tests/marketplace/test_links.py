"""A request's links: roundtable sessions and themes of its own edition, GCM objectives and SDG
targets of the reference lists — in the forms, the API, the request page, the list filters, the
exports and the history; a session of another edition is refused and nothing is saved."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from gfmd.common.errors import DomainError
from gfmd.marketplace.domain import requests
from gfmd.marketplace.models import ServiceRequest
from gfmd.preparation.models import RoundtableSession
from tests.helpers import token_for
from tests.marketplace.helpers import make_request, programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(marketplace):
    return programme(marketplace)


def page(marketplace, name, *args, language="en"):
    with translation.override(language):
        return reverse(f"marketplace:{name}", args=["gfmd", marketplace.edition.number, *args])


def api(marketplace, path=""):
    return f"/api/v1/marketplace/gfmd/{marketplace.edition.number}/requests{path}"


GOOD = {"title_en": "Skills", "description_en": "Training", "service_types": ["training"]}


def numbers(request, name):
    key = {"related_sessions": "number", "edition_themes": "number", "gcm_objectives": "number"}
    return [str(getattr(o, key.get(name, "code"))) for o in getattr(request, name).all()]


# -- the domain ---------------------------------------------------------------------------


def test_a_request_links_sessions_themes_and_tags_by_their_numbers_and_codes(people, sessions):
    request = make_request(
        people,
        related_sessions=["1.2", "1.1", "1.1"],
        edition_themes=["1"],
        gcm_objectives=[11, "5"],
        sdg_targets=["10.7", "8.8"],
    )
    assert numbers(request, "related_sessions") == ["1.1", "1.2"]
    assert numbers(request, "edition_themes") == ["1"]
    assert numbers(request, "gcm_objectives") == ["5", "11"]
    assert sorted(numbers(request, "sdg_targets")) == ["10.7", "8.8"]


@pytest.mark.parametrize(
    ("links", "field", "message"),
    [
        ({"related_sessions": ["3.4"]}, "related_sessions", "Session “3.4” is not part of"),
        ({"related_sessions": ["RT 1.1"]}, "related_sessions", "Choose among: 1.1, 1.2."),
        ({"edition_themes": ["7"]}, "edition_themes", "Theme “7” is not part of"),
        ({"gcm_objectives": ["24"]}, "gcm_objectives", "is not a GCM objective"),
        ({"sdg_targets": ["99.9"]}, "sdg_targets", "is not an SDG target"),
    ],
)
def test_a_link_outside_the_edition_or_the_lists_is_refused_and_nothing_saved(
    people, sessions, links, field, message
):
    assert RoundtableSession.objects.filter(number="3.4").exclude(
        edition=people.marketplace.edition
    ), "the 2007 programme has a session 3.4; this edition does not"
    with pytest.raises(DomainError, match=message) as error:
        make_request(people, publish=False, **links)
    assert error.value.field == field
    assert not ServiceRequest.objects.filter(marketplace=people.marketplace).exists()


def test_the_admin_check_names_a_session_of_another_edition(people, sessions):
    from gfmd.marketplace.domain.links import check_sessions_of_edition

    other = RoundtableSession.objects.exclude(edition=people.marketplace.edition).first()
    with pytest.raises(DomainError, match="is not part of") as error:
        check_sessions_of_edition(people.marketplace.edition, [sessions["1.1"], other])
    assert str(other.edition) in error.value.message


def test_a_focal_point_cannot_link_a_draft_session_and_keeps_the_one_staff_linked(people, sessions):
    with pytest.raises(DomainError, match="is not part of"):
        make_request(people, publish=False, related_sessions=["1.3"])
    request = make_request(people, publish=False, related_sessions=["1.1"])
    requests.update_request(request, people.staff, related_sessions=["1.1", "1.3"])
    requests.update_request(
        request, people.owner, include_drafts=False, related_sessions=["1.2"], title_en="New"
    )
    assert numbers(request, "related_sessions") == ["1.2", "1.3"]


def test_a_change_of_links_is_one_history_entry_with_before_and_after(client, people, sessions):
    request = make_request(people, publish=False, related_sessions=["1.1"], gcm_objectives=[11])
    rows_before = ServiceRequest.history.filter(id=request.pk).count()
    requests.update_request(
        request, people.owner, related_sessions=["1.1", "1.2"], gcm_objectives=[11, 23]
    )
    assert ServiceRequest.history.filter(id=request.pk).count() == rows_before + 1
    client.force_login(people.owner)
    html = client.get(page(people.marketplace, "request", request.pk)).content.decode()
    history = html[html.index('id="history-title"') :]
    assert "<b>related roundtable sessions</b>: 1.1 → 1.1, 1.2" in history
    assert "<b>GCM objectives</b>: 11 → 11, 23" in history


# -- pages ------------------------------------------------------------------------------------


def test_the_form_offers_the_editions_sessions_and_the_page_links_to_them(client, people, sessions):
    client.force_login(people.owner)
    form = client.get(page(people.marketplace, "request_new")).content.decode()
    assert "1.1 — Skills partnerships" in form and "1.2 — Fair recruitment" in form
    assert "Draft session" not in form  # a draft is for those who prepare the Forum
    assert "GCM 11 — " in form and "SDG 10.7 — " in form
    response = client.post(
        page(people.marketplace, "request_new"),
        {
            "owner_state": str(people.ghana.pk),
            **GOOD,
            "related_sessions": ["1.1"],
            "edition_themes": ["2"],
            "gcm_objectives": ["11"],
            "sdg_targets": ["10.7"],
        },
    )
    assert response.status_code == 302
    request = ServiceRequest.objects.get(marketplace=people.marketplace)
    html = client.get(response["Location"]).content.decode()
    with translation.override("en"):
        session_url = reverse(
            "preparation:session", args=["gfmd", people.marketplace.edition.number, "1.1"]
        )
    assert f'href="{session_url}"' in html and "1.1 — Skills partnerships" in html
    assert "2. Diaspora and remittances" in html
    assert "GCM 11" in html and "SDG 10.7" in html
    assert numbers(request, "edition_themes") == ["2"]


def test_the_form_shows_labels_in_the_users_language(client, people, sessions):
    client.force_login(people.owner)
    form = client.get(page(people.marketplace, "request_new", language="fr")).content.decode()
    assert "1.1 — Skills partnerships (fr)" in form


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"related_sessions": ["3.4"]}, "Session “3.4” is not part of"),
        ({"related_sessions": ["1.3"]}, "Session “1.3” is not part of"),
        ({"edition_themes": ["9"]}, "Theme “9” is not part of"),
        ({"gcm_objectives": ["99"]}, "is not a GCM objective"),
        ({"sdg_targets": ["99.9"]}, "is not an SDG target"),
    ],
)
def test_the_form_refuses_a_session_of_another_edition_or_an_unknown_code(
    client, people, sessions, data, message
):
    client.force_login(people.owner)
    response = client.post(
        page(people.marketplace, "request_new"),
        {"owner_state": str(people.ghana.pk), **GOOD, **data},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ServiceRequest.objects.filter(marketplace=people.marketplace).exists()


def test_the_edit_form_refuses_another_editions_session_and_changes_nothing(
    client, people, sessions
):
    request = make_request(people, publish=False, related_sessions=["1.1"])
    client.force_login(people.owner)
    response = client.post(
        page(people.marketplace, "request_edit", request.pk),
        {**GOOD, "title_en": "Changed", "related_sessions": ["1.1", "2.4"]},
    )
    assert response.status_code == 400
    assert "Session “2.4” is not part of" in response.content.decode()
    request.refresh_from_db()
    assert request.title_en == "Training of immigration officers"
    assert numbers(request, "related_sessions") == ["1.1"]


def filtered(client, marketplace, **query) -> set[str]:
    html = client.get(page(marketplace, "requests"), query).content.decode()
    return {
        ref for ref in ServiceRequest.objects.values_list("reference", flat=True) if ref in html
    }


def test_the_list_filters_by_session_theme_and_tag(client, people, sessions):
    a = make_request(people, related_sessions=["1.1"], gcm_objectives=[11], edition_themes=[1])
    b = make_request(people, related_sessions=["1.2"], sdg_targets=["10.7"])
    c = make_request(people, related_sessions=["1.1", "1.2"], gcm_objectives=[5])
    client.force_login(people.iom)
    m = people.marketplace
    assert filtered(client, m) == {a.reference, b.reference, c.reference}
    assert filtered(client, m, session="1.1") == {a.reference, c.reference}
    assert filtered(client, m, session="1.2", gcm="5") == {c.reference}
    assert filtered(client, m, gcm="11") == {a.reference}
    assert filtered(client, m, sdg="10.7") == {b.reference}
    assert filtered(client, m, theme="1") == {a.reference}
    html = client.get(page(m, "requests")).content.decode()
    assert '<option value="1.1">1.1 — Skills partnerships</option>' in html
    assert 'value="11">GCM 11 — ' in html and 'value="23"' not in html  # tags in use only


def test_the_api_takes_and_returns_session_numbers_and_codes(client, people, sessions):
    auth = {"HTTP_AUTHORIZATION": f"Token {token_for(people.owner)}"}
    payload = {
        "owner_state": "GHA",
        **GOOD,
        "related_sessions": ["1.2", "1.1"],
        "edition_themes": [1],
        "gcm_objectives": [11],
        "sdg_targets": ["10.7"],
    }
    response = client.post(
        api(people.marketplace), payload, content_type="application/json", **auth
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["related_sessions"] == ["1.1", "1.2"]
    assert data["edition_themes"] == [1]
    assert data["gcm_objectives"] == [11] and data["sdg_targets"] == ["10.7"]
    detail = client.get(api(people.marketplace, f"/{data['id']}"), **auth).json()
    assert detail["related_sessions"] == ["1.1", "1.2"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"related_sessions": ["3.4"]}, "related_sessions", "is not part of"),
        ({"edition_themes": [3]}, "edition_themes", "is not part of"),
        ({"gcm_objectives": [24]}, "gcm_objectives", "is not a GCM objective"),
        ({"sdg_targets": ["10.99"]}, "sdg_targets", "is not an SDG target"),
    ],
)
def test_the_api_refuses_a_session_of_another_edition_or_an_unknown_code(
    client, people, sessions, change, field, message
):
    auth = {"HTTP_AUTHORIZATION": f"Token {token_for(people.owner)}"}
    payload = {"owner_state": "GHA", **GOOD, **change}
    response = client.post(
        api(people.marketplace), payload, content_type="application/json", **auth
    )
    assert response.status_code == 400
    assert message in response.json()["errors"][field][0]
    assert not ServiceRequest.objects.filter(marketplace=people.marketplace).exists()


def test_the_api_list_filters_and_refuses_an_unknown_filter_value(client, people, sessions):
    a = make_request(people, related_sessions=["1.1"], sdg_targets=["10.7"])
    make_request(people, related_sessions=["1.2"], gcm_objectives=[11])
    auth = {"HTTP_AUTHORIZATION": f"Token {token_for(people.iom)}"}
    url = api(people.marketplace)
    found = client.get(url, {"session": "1.1"}, **auth).json()["results"]
    assert [r["reference"] for r in found] == [a.reference]
    found = client.get(url, {"sdg": "10.7", "session": "1.1"}, **auth).json()["results"]
    assert [r["reference"] for r in found] == [a.reference]
    assert client.get(url, {"gcm": "5"}, **auth).json()["results"] == []
    for param, value in (("session", "3.4"), ("session", "1.3"), ("gcm", "99"), ("sdg", "x")):
        response = client.get(url, {param: value}, **auth)
        assert response.status_code == 400, (param, value)
        assert param in response.json()["errors"]


def test_the_export_has_session_numbers_theme_numbers_and_tag_codes(client, people, sessions):
    make_request(
        people,
        related_sessions=["1.1", "1.2"],
        edition_themes=[2],
        gcm_objectives=[11, 23],
        sdg_targets=["10.7"],
        themes=["border data"],
    )
    client.force_login(people.staff)
    text = client.get(page(people.marketplace, "export_csv", "requests")).content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["related roundtable sessions"] == "1.1, 1.2"
    assert rows[0]["themes of the Forum"] == "2"
    assert rows[0]["GCM objectives"] == "11, 23"
    assert rows[0]["SDG targets"] == "10.7"
    assert rows[0]["other themes"] == "border data"


def test_a_visitor_does_not_see_a_draft_session_that_staff_linked(client, people, sessions):
    request = make_request(people, related_sessions=["1.1"])
    requests.update_request(request, people.staff, related_sessions=["1.1", "1.3"])
    client.force_login(people.iom)
    html = client.get(page(people.marketplace, "request", request.pk)).content.decode()
    assert "1.1 — Skills partnerships" in html and "Draft session" not in html
    auth = {"HTTP_AUTHORIZATION": f"Token {token_for(people.iom)}"}
    data = client.get(api(people.marketplace, f"/{request.pk}"), **auth).json()
    assert data["related_sessions"] == ["1.1"]
    client.force_login(people.staff)
    html = client.get(page(people.marketplace, "request", request.pk)).content.decode()
    assert "1.3 — Draft session" in html
