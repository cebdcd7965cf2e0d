"""Every change to a registration keeps its history: who, when, before and after."""

import pytest
from django.urls import reverse

from gfmd.common.history import history_entries
from gfmd.summit.domain.delegates import add_delegate, remove_delegate
from gfmd.summit.domain.delegations import (
    confirm_delegation,
    register_delegation,
    withdraw_delegation,
)
from gfmd.summit.domain.queries import delegation_history
from gfmd.summit.domain.registration import configure_registration
from gfmd.summit.models import Delegate, Delegation, SummitRegistration

pytestmark = pytest.mark.django_db


def test_a_delegation_s_life_is_in_its_history(
    mexico_2010, state, mexico_focal_point, mexico_staff
):
    delegation = register_delegation(mexico_2010, state=state("MEX"), user=mexico_focal_point)
    head = add_delegate(
        delegation,
        full_name="Synthetic Head",
        email="head@example.test",
        role="head",
        user=mexico_focal_point,
    )
    confirm_delegation(delegation, user=mexico_staff)
    remove_delegate(head, user=mexico_staff, by_staff=True)
    withdraw_delegation(delegation, user=mexico_staff, reason="Cannot travel")
    rows = Delegation.history.filter(id=delegation.pk).order_by("history_date", "history_id")
    assert [(r.status, r.history_user) for r in rows] == [
        ("submitted", mexico_focal_point),
        ("confirmed", mexico_staff),
        ("withdrawn", mexico_staff),
    ]
    assert rows.last().history_change_reason == "Cannot travel"
    members = Delegate.history.filter(id=head.pk).order_by("history_date", "history_id")
    assert [(r.history_type, r.history_user) for r in members] == [
        ("+", mexico_focal_point),
        ("-", mexico_staff),
    ]
    entries = history_entries(delegation_history(delegation))
    changes = [c for e in entries for c in e.changes]
    assert ("status", "confirmed", "withdrawn") in changes
    assert any(e.kind == "-" and "Synthetic Head" in e.subject for e in entries)


def test_the_registration_settings_keep_their_history(mexico_2010, mexico_staff):
    configure_registration(
        mexico_2010,
        opens_on=None,
        closes_on=None,
        seats_per_government=4,
        seats_per_observer=2,
        source="Synthetic second decision",
        user=mexico_staff,
    )
    rows = SummitRegistration.history.filter(edition=mexico_2010).order_by("history_date")
    assert [r.seats_per_government for r in rows] == [3, 4]
    assert rows.last().history_user == mexico_staff


def test_the_delegation_page_shows_its_history_to_those_who_see_names(
    client, mexico_2010, state, mexico_focal_point
):
    delegation = register_delegation(mexico_2010, state=state("MEX"), user=mexico_focal_point)
    add_delegate(
        delegation,
        full_name="Synthetic Head",
        email="h@example.test",
        role="head",
        user=mexico_focal_point,
    )
    client.force_login(mexico_focal_point)
    page = client.get(
        reverse("summit:delegation", args=["gfmd", 4, delegation.pk])
    ).content.decode()
    history = page.split('id="history-title"')[1]
    # Who made the change is named, never by their e-mail address (common/history.py).
    assert mexico_focal_point.person.full_name in history and "Synthetic Head" in history
    assert "fp-mexico@example.test" not in history
