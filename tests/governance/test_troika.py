"""The Troika, co-chair and Steering Group derived from the sources (Operating Modalities §1-2)."""

import datetime

import pytest

from gfmd.governance.domain.summary import edition_governance

pytestmark = pytest.mark.django_db


def codes(states):
    return [state.iso3 for state in states]


def test_2010_troika_at_the_summit_is_greece_mexico_switzerland(edition):
    governance = edition_governance(edition(2010))
    assert governance.as_of == datetime.date(2010, 11, 8)
    assert codes(governance.troika.outgoing) == ["GRC"]
    assert codes(governance.troika.in_office) == ["MEX"]
    assert codes(governance.troika.forthcoming) == ["CHE"]
    assert codes(governance.chairs) == ["MEX"]


def test_before_october_2010_the_forthcoming_chair_was_spain(edition):
    governance = edition_governance(edition(2010), datetime.date(2010, 9, 30))
    assert codes(governance.troika.states) == ["GRC", "MEX", "ESP"]


def test_extended_troika_follows_dated_joins_and_withdrawals(edition):
    before = edition_governance(edition(2010), datetime.date(2010, 9, 30)).troika
    after = edition_governance(edition(2010), datetime.date(2010, 11, 8)).troika
    assert {"MAR", "ESP"} <= set(codes(e.state for e in before.extended))
    assert not {"MAR", "ESP"} & set(codes(e.state for e in after.extended))
    assert "CHE" in codes(e.state for e in after.extended)
    assert "SWE" in codes(e.state for e in after.extended)


def test_co_chair_is_the_host_of_the_previous_forum(edition):
    assert edition_governance(edition(2010)).co_chair.iso3 == "GRC"
    assert edition_governance(edition(2018)).co_chair.iso3 == "DEU"
    assert edition_governance(edition(2007)).co_chair is None


def test_troika_is_formed_only_once_the_next_host_is_known(edition):
    before = edition_governance(edition(2007), datetime.date(2007, 3, 26)).troika
    after = edition_governance(edition(2007), datetime.date(2007, 3, 27)).troika
    assert not before.formed
    assert codes(after.forthcoming) == ["PHL"]


def test_co_chairmanship_of_two_states_lists_the_lead_chair_first(edition):
    assert codes(edition_governance(edition(2017)).chairs) == ["DEU", "MAR"]
    assert codes(edition_governance(edition(2018)).chairs) == ["MAR", "DEU"]


def test_steering_group_2010_has_35_members_and_the_troika_ex_officio(edition):
    seats = edition_governance(edition(2010)).steering_group
    assert len(seats) == 35
    assert {"ARG", "USA", "GHA"} <= {seat.state.iso3 for seat in seats}
    # Troika states are ex officio members; in 2010 all three were members in their own right.
    assert not [seat for seat in seats if seat.ex_officio]
    later = edition_governance(edition(2011)).steering_group
    assert {seat.state.iso3 for seat in later} == {"MEX", "CHE", "MUS"}
    assert all(seat.ex_officio for seat in later)


def test_regional_balance_counts_members_per_region(edition):
    balance = edition_governance(edition(2010)).balance
    assert balance.total == 35
    assert balance.by_region["Europe"] == 11
    assert balance.by_region["Africa"] == 7
    assert balance.by_region["Oceania"] == 1
    assert sum(balance.by_development_status.values()) == 35
    assert balance.regions_without_members == []
