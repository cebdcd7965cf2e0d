"""Lists and exports of the Summit fetch what they show in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from gfmd.summit.domain.delegates import add_delegate
from gfmd.summit.domain.delegations import confirm_delegation, register_delegation

pytestmark = pytest.mark.django_db


def fill(edition, state, codes):
    for iso3 in codes:
        delegation = register_delegation(edition, state=state(iso3))
        for role in ("head", "executive", "delegate"):
            add_delegate(
                delegation,
                full_name=f"Synthetic {iso3} {role}",
                email=f"{iso3.lower()}-{role}@example.test",
                role=role,
            )
        confirm_delegation(delegation)


@pytest.mark.parametrize(
    ("who", "name", "args"),
    [
        (None, "summit:registration", []),
        ("staff", "summit:registration", []),
        ("staff", "summit:staff", []),
        ("staff", "summit:export", ["csv"]),
        ("staff", "summit:export", ["xlsx"]),
        (None, "api", []),
        ("staff", "api", []),
        ("focal_point", "api", []),
    ],
)
def test_lists_in_a_fixed_number_of_queries(
    client,
    mexico_2010,
    state,
    mexico_staff,
    mexico_focal_point,
    who,
    name,
    args,
    django_assert_max_num_queries,
):
    user = {"staff": mexico_staff, "focal_point": mexico_focal_point}.get(who)
    if name == "api":
        client = APIClient()
        url = "/api/v1/editions/gfmd/4/delegations"
    else:
        url = reverse(name, args=["gfmd", 4, *args])
        if user is not None:
            client.force_login(user)
    fill(mexico_2010, state, ["MEX", "GHA"])

    def count() -> int:
        if name == "api" and user is not None:  # a fresh account: roles are cached on it
            client.force_authenticate(type(user).objects.get(pk=user.pk))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    fill(mexico_2010, state, ["FRA", "KEN", "PER", "PHL", "SEN"])
    assert count() == before
    with django_assert_max_num_queries(25):
        client.get(url)
