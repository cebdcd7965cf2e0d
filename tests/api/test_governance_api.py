import pytest

from gfmd.governance.models import Chairmanship, Edition, SteeringGroupMembership
from tests.helpers import focal_point_user, support_unit_user, token_for

pytestmark = pytest.mark.django_db


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Token {token_for(user)}"}


def test_editions_of_the_gfmd_with_number_and_year(client):
    data = client.get("/api/v1/editions", {"process": "gfmd"}).json()
    years = {row["year"]: row for row in data["results"]}
    assert {2007, 2010, 2017, 2018, 2019} <= set(years)
    assert years[2010]["number"] == 4
    assert years[2010]["chairs"] == ["MEX"]
    assert years[2018]["chairs"] == ["MAR", "DEU"]
    assert all(row["process"] == "gfmd" for row in data["results"])


def test_edition_2010_governance_as_of_the_summit(client):
    data = client.get("/api/v1/editions/gfmd/4").json()
    assert data["chairs"] == ["MEX"]
    assert data["co_chair"] == "GRC"
    assert data["troika"] == ["GRC", "MEX", "CHE"]
    assert len(data["steering_group"]) == 35
    assert data["as_of"] == "2010-11-08"
    for warning in data["warnings"]:
        assert set(warning) == {"code", "message", "source"}


def test_as_of_gives_the_troika_on_another_day(client):
    data = client.get("/api/v1/editions/gfmd/4", {"as_of": "2010-09-30"}).json()
    assert data["troika"] == ["GRC", "MEX", "ESP"]
    assert "MAR" in data["extended_troika"]


def test_bad_as_of_is_a_400_naming_the_parameter(client):
    response = client.get("/api/v1/editions/gfmd/4", {"as_of": "30/09/2010"})
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.json()["errors"]["as_of"][0]


def test_unknown_edition_is_404(client):
    assert client.get("/api/v1/editions/gfmd/999").status_code == 404


def test_anonymous_and_focal_points_cannot_write(client, state):
    payload = {"process": "gfmd", "number": 13, "year": 2020}
    assert client.post(
        "/api/v1/editions", payload, content_type="application/json"
    ).status_code in (
        401,
        403,
    )
    focal_point = focal_point_user(state("GHA"))
    response = client.post(
        "/api/v1/editions", payload, content_type="application/json", **auth(focal_point)
    )
    assert response.status_code == 403
    assert not Edition.objects.filter(process__slug="gfmd", number=13).exists()


def test_support_unit_staff_create_an_edition_and_its_chairmanship(client):
    staff = support_unit_user("gfmd-2019-ecuador")
    response = client.post(
        "/api/v1/editions",
        {
            "process": "gfmd",
            "number": 13,
            "year": 2020,
            "host_city": "Synthetic City",
            "summit_start": "2020-12-01",
            "summit_end": "2020-12-03",
        },
        content_type="application/json",
        **auth(staff),
    )
    assert response.status_code == 201, response.content
    response = client.post(
        "/api/v1/chairmanships",
        {
            "process": "gfmd",
            "key": "synthetic-2020",
            "name_en": "Synthetic chairmanship 2020",
            "editions": [13],
            "chairs": [{"state": "GHA", "start": "2020-01-01", "end": "2020-12-31"}],
        },
        content_type="application/json",
        **auth(staff),
    )
    assert response.status_code == 201, response.content
    # The 2019 Troika is now formed: Ecuador's successor is known.
    assert client.get("/api/v1/editions/gfmd/12").json()["troika"] == ["MAR", "DEU", "ECU", "GHA"]


def test_duplicate_edition_number_is_refused_with_the_field(client):
    staff = support_unit_user("gfmd-2019-ecuador")
    response = client.post(
        "/api/v1/editions",
        {"process": "gfmd", "number": 4, "year": 2099},
        content_type="application/json",
        **auth(staff),
    )
    assert response.status_code == 400
    assert "number" in response.json()["errors"]
    assert not Edition.objects.filter(year=2099).exists()


def test_edition_ending_before_it_starts_is_refused(client):
    staff = support_unit_user("gfmd-2019-ecuador")
    response = client.post(
        "/api/v1/editions",
        {
            "process": "gfmd",
            "number": 14,
            "year": 2021,
            "summit_start": "2021-05-02",
            "summit_end": "2021-05-01",
        },
        content_type="application/json",
        **auth(staff),
    )
    assert response.status_code == 400
    assert "summit_end" in response.json()["errors"]
    assert not Edition.objects.filter(number=14, process__slug="gfmd").exists()


def test_a_chair_that_is_not_a_un_state_is_refused_and_nothing_saved(client):
    staff = support_unit_user("gfmd-2019-ecuador")
    response = client.post(
        "/api/v1/chairmanships",
        {
            "process": "gfmd",
            "key": "synthetic-bad",
            "name_en": "Bad",
            "editions": [12],
            "chairs": [{"state": "PRI"}],
        },
        content_type="application/json",
        **auth(staff),
    )
    assert response.status_code == 400
    message = response.json()["errors"]["chairs"]["0"]["state"][0]
    assert "PRI is not a UN Member or Observer State" in message
    assert not Chairmanship.objects.filter(key="synthetic-bad").exists()


def test_malformed_json_is_a_400(client):
    staff = support_unit_user("gfmd-2019-ecuador")
    response = client.post(
        "/api/v1/editions", "{not json", content_type="application/json", **auth(staff)
    )
    assert response.status_code == 400


def test_staff_add_steering_group_members_but_not_overlapping_ones(client):
    staff = support_unit_user("gfmd-2019-ecuador")
    url = "/api/v1/processes/gfmd/steering-group-memberships"
    before = SteeringGroupMembership.objects.count()
    overlap = client.post(
        url,
        {"state": "ARG", "start": "2010-05-01"},
        content_type="application/json",
        **auth(staff),
    )
    assert overlap.status_code == 400
    assert "start" in overlap.json()["errors"]
    assert SteeringGroupMembership.objects.count() == before
    created = client.post(
        url,
        {"state": "GHA", "start": "2019-01-01", "end": "2019-12-31"},
        content_type="application/json",
        **auth(staff),
    )
    assert created.status_code == 201, created.content
    assert "GHA" in client.get("/api/v1/editions/gfmd/12").json()["steering_group"]


def test_staff_of_an_old_chairmanship_cannot_change_another_edition(client):
    staff = support_unit_user("gfmd-2007-belgium")
    response = client.patch(
        "/api/v1/editions/gfmd/4",
        {"host_city": "Elsewhere"},
        content_type="application/json",
        **auth(staff),
    )
    assert response.status_code == 403
    own = client.patch(
        "/api/v1/editions/gfmd/1",
        {"host_city": "Brussels (Egmont Palace)"},
        content_type="application/json",
        **auth(staff),
    )
    assert own.status_code == 200
    assert Edition.objects.get(process__slug="gfmd", number=4).host_city == "Puerto Vallarta"


def test_staff_of_a_past_chairmanship_cannot_create_editions_or_move_one(client):
    past = support_unit_user("gfmd-2010-mexico", email="past@example.test")
    response = client.post(
        "/api/v1/editions",
        {"process": "gfmd", "number": 15, "year": 2022},
        content_type="application/json",
        **auth(past),
    )
    assert response.status_code == 403
    assert not Edition.objects.filter(process__slug="gfmd", number=15).exists()
    current = support_unit_user("gfmd-2019-ecuador")
    moved = client.patch(
        "/api/v1/editions/gfmd/12",
        {"process": "colombo-process"},
        content_type="application/json",
        **auth(current),
    )
    assert moved.status_code == 400
    assert Edition.objects.get(number=12, process__slug="gfmd").year == 2019


def test_openapi_schema_types_state_codes_as_strings(client):
    schema = client.get("/api/v1/openapi.json").json()
    props = schema["components"]["schemas"]["EditionWriteRequest"]["properties"]
    assert props["host_state"]["type"] == "string"
