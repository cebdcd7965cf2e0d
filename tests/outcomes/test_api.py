"""The outcomes API: lists with filters, one recommendation with its reports, the writes with
token authentication; bad input is a JSON 400 naming the field, others get 403."""

import pytest

from gfmd.outcomes.models import FollowUp, Recommendation
from tests.helpers import token_for

pytestmark = pytest.mark.django_db

BASE = "/api/v1/editions/gfmd/4/recommendations"


def as_user(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {token_for(user)}"}


def post(client, url, data, user=None):
    headers = as_user(user) if user is not None else {}
    return client.post(url, data, content_type="application/json", **headers)


def test_the_list_has_every_recommendation_with_its_status_and_the_roll_up(client):
    body = client.get(BASE).json()
    assert len(body["recommendations"]) == 45
    assert "non-binding" in body["non_binding_notice"]
    assert body["progress"]["counts"]["in_progress"] == 1
    assert body["progress"]["total"] == 45
    first = body["recommendations"][0]
    assert (first["session"], first["number"], first["status"]) == ("1.1", 1, "proposed")
    assert first["non_binding"] is True and first["provenance"] == "002 L978-L980"


@pytest.mark.parametrize(
    ("query", "count"),
    [("status=in_progress", 1), ("lead=ARE", 1), ("lead=are", 1), ("level=bilateral", 0)],
)
def test_filters(client, query, count):
    assert len(client.get(f"{BASE}?{query}").json()["recommendations"]) == count


@pytest.mark.parametrize(
    ("query", "field"),
    [("status=finished", "status"), ("lead=XYZ", "lead"), ("horizon=now", "horizon")],
)
def test_a_bad_filter_is_a_400_naming_it(client, query, field):
    response = client.get(f"{BASE}?{query}")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_one_recommendation_with_its_follow_ups(client, recommendation_of):
    recommendation = recommendation_of(2010, "2.1", 1)
    body = client.get(f"{BASE}/{recommendation.pk}").json()
    assert body["lead_states"] == ["ARE"]
    (report,) = body["follow_ups"]
    assert (report["status"], report["progress"], report["date_precision"]) == (
        "in_progress",
        None,
        "month",
    )
    assert client.get(f"{BASE}/999999").status_code == 404
    other = recommendation_of(2007, "1.1", 1)
    assert client.get(f"{BASE}/{other.pk}").status_code == 404  # of another edition


def test_staff_record_a_recommendation(client, mexico_staff):
    response = post(
        client,
        BASE,
        {
            "session": "3.2",
            "text_en": "Map climate-induced displacement.",
            "lead_states": ["BGD", "GBR"],
            "horizon": "medium",
            "reporting_edition": 5,
        },
        mexico_staff,
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["session"], body["number"], body["reporting_edition"]) == ("3.2", 4, 5)
    assert body["lead_states"] == ["BGD", "GBR"] and body["warnings"] == []
    assert Recommendation.objects.get(pk=body["id"]).created_by == mexico_staff


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "text_en"),
        ({"text_en": "T", "lead_states": ["XYZ"]}, "lead_states"),
        ({"text_en": "T", "session": "9.9"}, "session"),
        ({"text_en": "T", "reporting_edition": 1}, "reporting_edition"),
        ({"text_en": "T", "non_binding": False}, "non_binding"),
        ({"text_en": "T", "session": "3.2", "number": 1}, "number"),
        ({"text_en": "T", "level": "cosmic"}, "level"),
        ({"text_en": "T", "actor_organisations": [987654]}, "actor_organisations"),
    ],
)
def test_bad_recommendations_are_400_with_the_field_and_nothing_saved(
    client, mexico_staff, data, field
):
    before = Recommendation.objects.count()
    response = post(client, BASE, data, mexico_staff)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Recommendation.objects.count() == before


def test_others_may_not_record(client, uae_focal_point, belgium_staff):
    data = {"text_en": "T"}
    assert post(client, BASE, data, uae_focal_point).status_code == 403
    assert post(client, BASE, data, belgium_staff).status_code == 403  # staff of 2007 only
    assert post(client, BASE, data).status_code in (401, 403)
    assert not Recommendation.objects.filter(text_en="T").exists()


def follow_ups_url(recommendation) -> str:
    return f"{BASE}/{recommendation.pk}/follow-ups"


REPORT = {
    "reported_on": "2011-06-01",
    "status": "in_progress",
    "progress": 50,
    "text_en": "A second workshop was held with recruitment agencies.",
}


def test_a_lead_states_focal_point_reports_with_a_token(client, recommendation_of, uae_focal_point):
    recommendation = recommendation_of(2010, "2.1", 1)
    response = post(client, follow_ups_url(recommendation), REPORT, uae_focal_point)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["reporting_state"], body["progress"], body["warnings"]) == ("ARE", 50, [])
    assert client.get(f"{BASE}/{recommendation.pk}").json()["status"] == "in_progress"


def test_a_report_links_a_working_group_and_a_later_session(
    client, recommendation_of, mexico_staff
):
    recommendation = recommendation_of(2010, "2.2", 5)
    data = {
        **REPORT,
        "working_group": "gfmd-wg-protecting-empowering-migrants",
        "later_session_edition": 11,
        "later_session": "1.1",
    }
    response = post(client, follow_ups_url(recommendation), data, mexico_staff)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["working_group"] == "gfmd-wg-protecting-empowering-migrants"
    assert body["later_session"] == {"edition": 11, "number": "1.1"}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"progress": 150}, "progress"),
        ({"progress": "half"}, "progress"),
        ({"status": "implemented", "progress": 70}, "status"),
        ({"reported_on": "2010-01-01"}, "reported_on"),
        ({"reported_on": "yesterday"}, "reported_on"),
        ({"text_en": ""}, "text_en"),
        ({"reporting_state": "CHE"}, "reporting_state"),
        ({"working_group": "no-such-group"}, "working_group"),
        ({"later_session": "1.1"}, "later_session"),
    ],
)
def test_bad_reports_are_400_with_the_field_and_nothing_saved(
    client, recommendation_of, uae_focal_point, data, field
):
    recommendation = recommendation_of(2010, "2.1", 1)
    before = FollowUp.objects.count()
    response = post(client, follow_ups_url(recommendation), {**REPORT, **data}, uae_focal_point)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert FollowUp.objects.count() == before


def test_others_may_not_report(client, recommendation_of, ghana_focal_point, uae_focal_point):
    led_by_uae = recommendation_of(2010, "2.1", 1)
    assert post(client, follow_ups_url(led_by_uae), REPORT, ghana_focal_point).status_code == 403
    not_led = recommendation_of(2010, "2.1", 2)
    assert post(client, follow_ups_url(not_led), REPORT, uae_focal_point).status_code == 403
    assert post(client, follow_ups_url(led_by_uae), REPORT).status_code in (401, 403)
    assert not FollowUp.objects.filter(progress=50).exists()


def test_a_named_speaker_is_returned_as_a_warning_not_refused(
    client, recommendation_of, uae_focal_point
):
    recommendation = recommendation_of(2010, "2.1", 1)
    text = "At the review, Mexico stated that fees had fallen."
    response = post(
        client, follow_ups_url(recommendation), {**REPORT, "text_en": text}, uae_focal_point
    )
    assert response.status_code == 201
    (warning,) = response.json()["warnings"]
    assert warning["code"] == "chatham_house" and "Mexico stated" in warning["sentence"]


def test_the_schema_describes_the_operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "post" in paths["/api/v1/editions/{process}/{number}/recommendations"]
    assert "post" in paths["/api/v1/editions/{process}/{number}/recommendations/{id}/follow-ups"]
