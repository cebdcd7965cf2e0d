"""The Summit registration in the admin goes through the domain: caps checked with the
edition's delegations locked, history kept."""

import pytest

from gfmd.summit.domain.delegates import add_delegate
from gfmd.summit.domain.delegations import register_delegation
from gfmd.summit.models import SummitRegistration

pytestmark = pytest.mark.django_db


def change(client, registration, **fields):
    data = {
        "opens_on": "",
        "closes_on": registration.closes_on.isoformat(),
        "seats_per_government": registration.seats_per_government,
        "seats_per_observer": registration.seats_per_observer,
        "source": registration.source,
        **fields,
    }
    return client.post(f"/admin/summit/summitregistration/{registration.pk}/change/", data)


def test_staff_change_the_caps_in_the_admin_through_the_domain(
    client, mexico_2010, mexico_staff, state
):
    registration = SummitRegistration.objects.get(edition=mexico_2010)
    delegation = register_delegation(mexico_2010, state=state("GHA"), by_staff=True)
    for n in range(3):
        add_delegate(
            delegation,
            full_name=f"Synthetic Delegate {n}",
            email=f"d{n}@example.test",
            role="delegate",
            by_staff=True,
        )
    client.force_login(mexico_staff)
    refused = change(client, registration, seats_per_government=2)
    assert refused.status_code == 200 and "Ghana" in refused.content.decode()
    registration.refresh_from_db()
    assert registration.seats_per_government == 3  # nothing saved

    assert change(client, registration, seats_per_government=5).status_code == 302
    registration.refresh_from_db()
    assert registration.seats_per_government == 5
    latest = registration.history.order_by("-history_id").first()
    assert latest.history_user == mexico_staff and latest.seats_per_government == 5
