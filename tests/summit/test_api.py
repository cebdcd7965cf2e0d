"""The Summit API: public fields for everyone, members for those allowed; writes through the
same domain rules, with JSON errors naming the field; 401/403 for others."""

import pytest
from rest_framework.test import APIClient

from gfmd.summit.domain.delegates import add_delegate
from gfmd.summit.domain.delegations import confirm_delegation, register_delegation
from gfmd.summit.models import Delegate, Delegation

pytestmark = pytest.mark.django_db

BASE = "/api/v1/editions/gfmd/4/delegations"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def confirmed_mexico(mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    add_delegate(delegation, full_name="Synthetic Head", email="head@example.test", role="head")
    return confirm_delegation(delegation)


def test_the_public_list_has_counts_and_no_members(api, confirmed_mexico, state):
    register_delegation(confirmed_mexico.edition, state=state("GHA"))
    body = api.get(BASE).json()
    assert body["registration"]["seats_per_government"] == 3
    assert body["counts"]["confirmed_delegations"] == 1
    assert body["counts"]["by_m49_region"] == {"Americas": 1}
    assert body["counts"]["by_development_status"] == {"developing": 1}
    assert [d["state"] for d in body["delegations"]] == ["MEX"]
    mexico = body["delegations"][0]
    assert mexico["member_count"] == 1 and mexico["in_main_room"] == 1
    assert "members" not in mexico
    assert "Synthetic Head" not in str(body)


def test_staff_and_the_focal_point_see_members(
    api, confirmed_mexico, mexico_staff, mexico_focal_point, ghana_focal_point, state
):
    register_delegation(confirmed_mexico.edition, state=state("GHA"))
    api.force_authenticate(mexico_staff)
    body = api.get(BASE).json()
    assert {d["state"] for d in body["delegations"]} == {"MEX", "GHA"}
    mexico = next(d for d in body["delegations"] if d["state"] == "MEX")
    assert mexico["members"][0] == {
        "id": mexico["members"][0]["id"],
        "full_name": "Synthetic Head",
        "email": "head@example.test",
        "role": "head",
        "room": "main",
        "function": "",
        "institution": "",
    }
    api.force_authenticate(mexico_focal_point)
    body = api.get(BASE).json()
    assert body["delegations"][0]["members"][0]["full_name"] == "Synthetic Head"
    api.force_authenticate(ghana_focal_point)
    body = api.get(BASE).json()
    by_state = {d["state"]: d for d in body["delegations"]}
    assert "members" not in by_state["MEX"] and "members" in by_state["GHA"]
    detail = api.get(f"{BASE}/{confirmed_mexico.pk}").json()
    assert "members" not in detail


def test_a_focal_point_registers_and_fills_their_delegation(api, mexico_2010, mexico_focal_point):
    api.force_authenticate(mexico_focal_point)
    response = api.post(BASE, {"state": "mex"}, format="json")
    assert response.status_code == 201, response.json()
    delegation_id = response.json()["id"]
    members = f"{BASE}/{delegation_id}/delegates"
    response = api.post(
        members,
        {"full_name": "Synthetic Head", "email": "head@example.test", "role": "head"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["members"][0]["room"] == "main"
    member_id = response.json()["members"][0]["id"]
    assert api.delete(f"{members}/{member_id}").status_code == 204
    assert not Delegate.objects.exists()


def test_bad_input_is_a_json_error_naming_the_field(api, mexico_2010, mexico_focal_point):
    api.force_authenticate(mexico_focal_point)
    response = api.post(BASE, {}, format="json")
    assert response.status_code == 400
    assert "state" in response.json()["errors"]
    response = api.post(BASE, {"state": "XKX"}, format="json")
    assert response.status_code == 400
    assert "not a UN Member or Observer State" in response.json()["errors"]["state"][0]
    assert not Delegation.objects.exists()
    delegation = api.post(BASE, {"state": "MEX"}, format="json").json()
    response = api.post(
        f"{BASE}/{delegation['id']}/delegates",
        {"full_name": "", "email": "nope", "role": "king"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"full_name", "email", "role"}
    assert not Delegate.objects.exists()
    again = api.post(BASE, {"state": "MEX"}, format="json")
    assert again.status_code == 400
    assert "already registered" in again.json()["errors"]["state"][0]


def test_the_cap_and_the_second_head_are_json_errors(api, confirmed_mexico, mexico_focal_point):
    api.force_authenticate(mexico_focal_point)
    members = f"{BASE}/{confirmed_mexico.pk}/delegates"
    response = api.post(
        members,
        {"full_name": "Synthetic Second", "email": "second@example.test", "role": "head"},
        format="json",
    )
    assert response.status_code == 400
    assert "already has a head of delegation" in response.json()["errors"]["role"][0]
    for n in (2, 3):
        api.post(
            members,
            {"full_name": f"Synthetic {n}", "email": f"d{n}@example.test", "role": "delegate"},
            format="json",
        )
    response = api.post(
        members,
        {"full_name": "Synthetic 4", "email": "d4@example.test", "role": "delegate"},
        format="json",
    )
    assert response.status_code == 400
    assert "already has 3 delegates" in response.json()["errors"]["non_field_errors"][0]
    assert confirmed_mexico.delegates.count() == 3


def test_others_are_refused(
    api, mexico_2010, confirmed_mexico, mexico_focal_point, ghana_focal_point, stranger
):
    assert api.post(BASE, {"state": "GHA"}, format="json").status_code == 401
    api.force_authenticate(stranger)
    assert api.post(BASE, {"state": "GHA"}, format="json").status_code == 403
    api.force_authenticate(mexico_focal_point)
    response = api.post(BASE, {"state": "GHA"}, format="json")
    assert response.status_code == 403
    assert "focal point" in response.json()["errors"]["non_field_errors"][0]
    api.force_authenticate(ghana_focal_point)
    members = f"{BASE}/{confirmed_mexico.pk}/delegates"
    data = {"full_name": "Synthetic Intruder", "email": "i@example.test", "role": "delegate"}
    assert api.post(members, data, format="json").status_code == 403
    head = confirmed_mexico.delegates.get()
    assert api.delete(f"{members}/{head.pk}").status_code == 403
    assert api.post(f"{BASE}/{confirmed_mexico.pk}/withdraw").status_code == 403
    api.force_authenticate(mexico_focal_point)
    assert api.post(f"{BASE}/{confirmed_mexico.pk}/confirm").status_code == 403
    assert Delegation.objects.filter(edition=mexico_2010).count() == 1


def test_staff_confirm_and_withdraw(api, mexico_2010, mexico_staff, state):
    delegation = register_delegation(mexico_2010, state=state("GHA"))
    api.force_authenticate(mexico_staff)
    response = api.post(f"{BASE}/{delegation.pk}/confirm")
    assert response.status_code == 400
    assert "no head of delegation" in response.json()["errors"]["status"][0]
    add_delegate(delegation, full_name="Synthetic Head", email="h@example.test", role="head")
    assert api.post(f"{BASE}/{delegation.pk}/confirm").json()["status"] == "confirmed"
    response = api.post(f"{BASE}/{delegation.pk}/withdraw", {"reason": "x" * 101}, format="json")
    assert response.status_code == 400 and "reason" in response.json()["errors"]
    response = api.post(f"{BASE}/{delegation.pk}/withdraw", {"reason": "Cannot travel"})
    assert response.json()["status"] == "withdrawn"


def test_an_observer_contact_registers_by_organisation_id(
    api, mexico_2010, observer_contact, observer_organisation, uninvited_organisation
):
    api.force_authenticate(observer_contact)
    response = api.post(BASE, {"organisation": observer_organisation.pk}, format="json")
    assert response.status_code == 201 and response.json()["kind"] == "observer"
    response = api.post(BASE, {"organisation": 999999}, format="json")
    assert response.status_code == 400 and "organisation" in response.json()["errors"]


def test_unknown_edition_and_delegation_are_404(api, mexico_2010):
    assert api.get("/api/v1/editions/gfmd/99/delegations").status_code == 404
    assert api.get(f"{BASE}/999999").status_code == 404


def test_the_schema_lists_the_summit_operations(api):
    schema = api.get("/api/v1/openapi.json").json()
    assert "/api/v1/editions/{process}/{number}/delegations" in schema["paths"]
    assert (
        "delete"
        in schema["paths"][
            "/api/v1/editions/{process}/{number}/delegations/{id}/delegates/{delegate}"
        ]
    )
