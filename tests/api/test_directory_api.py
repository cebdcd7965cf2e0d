import pytest

pytestmark = pytest.mark.django_db


def test_states_list_is_paginated_with_names_in_three_languages(client):
    response = client.get("/api/v1/states")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 195
    assert len(data["results"]) == 50
    mexico = client.get("/api/v1/states", {"q": "mexico"}).json()["results"][0]
    assert mexico["names"] == {"en": "Mexico", "fr": "Mexique", "es": "México"}


def test_states_filter_by_status_and_region(client):
    observers = client.get("/api/v1/states", {"un_status": "observer"}).json()
    assert {s["iso3"] for s in observers["results"]} == {"VAT", "PSE"}
    oceania = client.get("/api/v1/states", {"region": "oceania", "page_size": 500}).json()
    assert oceania["count"] == 14


def test_state_detail_by_iso3_in_any_case(client):
    data = client.get("/api/v1/states/gha").json()
    assert data["iso3"] == "GHA"
    assert data["un_member_since"] == 1957


def test_a_territory_that_is_not_a_state_is_not_found(client):
    response = client.get("/api/v1/states/PRI")
    assert response.status_code == 404
    assert "errors" in response.json()


def test_bad_filter_value_is_a_clear_400(client):
    response = client.get("/api/v1/states", {"un_status": "colony"})
    assert response.status_code == 400
    assert "un_status" in response.json()["errors"]


def test_organisations_from_the_sources_carry_provenance(client):
    data = client.get("/api/v1/organisations", {"acronym": "IOM"}).json()
    assert data["count"] == 1
    iom = data["results"][0]
    assert iom["name_en"] == "International Organization for Migration"
    assert iom["provenance"].split()[0] in {"000", "001", "002", "003", "004"}


def test_openapi_schema_lists_the_operations(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for path in [
        "/api/v1/states",
        "/api/v1/states/{iso3}",
        "/api/v1/organisations",
        "/api/v1/editions",
        "/api/v1/editions/{process}/{number}",
    ]:
        assert path in schema["paths"], path
    assert client.get("/api/v1/docs/").status_code == 200
