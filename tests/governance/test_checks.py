"""Rule checks warn (the modalities say "in principle"); hard rules block and save nothing."""

import datetime

import pytest

from gfmd.common.errors import DomainError
from gfmd.governance.domain.memberships import (
    add_chair_term,
    add_friends_membership,
    add_steering_group_membership,
    save_edition,
)
from gfmd.governance.domain.summary import edition_governance
from gfmd.governance.models import BodyMeeting, Edition, SteeringGroupMembership
from tests.factories import ChairmanshipFactory, ChairTermFactory, EditionFactory, ProcessFactory

pytestmark = pytest.mark.django_db


def warning_codes(edition, as_of=None):
    return [w.code for w in edition_governance(edition, as_of).warnings]


def two_editions_chaired_by(first, second):
    process = ProcessFactory()
    editions = []
    for number, chair in enumerate([first, second], start=1):
        chairmanship = ChairmanshipFactory(process=process)
        ChairTermFactory(chairmanship=chairmanship, state=chair)
        editions.append(
            EditionFactory(
                process=process,
                number=number,
                year=2030 + number,
                chairmanship=chairmanship,
                summit_start=datetime.date(2030 + number, 6, 1),
            )
        )
    return editions


def test_two_developing_chairs_in_a_row_warn_with_the_source(state):
    _first, second = two_editions_chaired_by(state("GHA"), state("MEX"))
    warning = next(w for w in edition_governance(second).warnings if w.code == "chair_alternation")
    assert "developing" in warning.message
    assert "003 L9547" in warning.source


def test_alternating_chairs_do_not_warn(state):
    _first, second = two_editions_chaired_by(state("GHA"), state("CHE"))
    assert "chair_alternation" not in warning_codes(second)


def test_friends_of_the_forum_frequency(edition):
    # 2007: three meetings before the Brussels Forum (003 §5.4); 2009: none recorded.
    assert "friends_of_the_forum_frequency" not in warning_codes(edition(2007))
    assert "friends_of_the_forum_frequency" in warning_codes(edition(2009))
    # 2010: the three meetings the Mexican Chair called (002 L251) satisfy the rule.
    assert "friends_of_the_forum_frequency" not in warning_codes(edition(2010))


def test_friends_meetings_after_the_summit_do_not_count(gfmd, edition):
    BodyMeeting.objects.create(
        process=gfmd, body="friends_of_the_forum", date=datetime.date(2009, 12, 1)
    )
    assert "friends_of_the_forum_frequency" in warning_codes(edition(2009))
    BodyMeeting.objects.create(
        process=gfmd, body="friends_of_the_forum", date=datetime.date(2009, 3, 1)
    )
    BodyMeeting.objects.create(
        process=gfmd, body="friends_of_the_forum", date=datetime.date(2009, 6, 1)
    )
    assert "friends_of_the_forum_frequency" not in warning_codes(edition(2009))


def test_troika_not_formed_without_a_forthcoming_chair(edition):
    codes = warning_codes(edition(2019))
    assert "troika_not_formed" in codes


def test_troika_of_fewer_than_three_states_warns(state):
    first, second = two_editions_chaired_by(state("GHA"), state("CHE"))
    # The next edition is chaired by the outgoing chair again: two distinct states only.
    chairmanship = ChairmanshipFactory(process=first.process)
    ChairTermFactory(chairmanship=chairmanship, state=state("GHA"))
    EditionFactory(process=first.process, number=3, year=2033, chairmanship=chairmanship)
    assert "troika_not_distinct" in warning_codes(second)


def test_unbalanced_steering_group_warns(gfmd, state, edition):
    process = ProcessFactory()
    target = EditionFactory(process=process, number=1, year=2031)
    for code in ["FRA", "DEU", "ITA", "ESP"]:
        add_steering_group_membership(process, state(code), datetime.date(2031, 1, 1), None)
    codes = warning_codes(target)
    assert "steering_group_region_missing" in codes
    assert "steering_group_region_over_represented" in codes
    assert "steering_group_development_balance" in codes
    balanced = [w for w in edition_governance(edition(2010)).warnings if "steering" in w.code]
    assert balanced == []


def test_overlapping_memberships_of_one_state_are_refused(gfmd, state):
    before = SteeringGroupMembership.objects.count()
    with pytest.raises(DomainError) as error:
        add_steering_group_membership(
            gfmd, state("ARG"), datetime.date(2010, 6, 1), datetime.date(2011, 6, 1)
        )
    assert "Argentina is already a member of the Steering Group" in error.value.message
    assert SteeringGroupMembership.objects.count() == before
    # The day after the recorded membership ends is free.
    add_steering_group_membership(gfmd, state("ARG"), datetime.date(2011, 1, 1), None)


def test_membership_ending_before_it_starts_is_refused(gfmd, state):
    with pytest.raises(DomainError) as error:
        add_friends_membership(
            gfmd, state("GHA"), datetime.date(2012, 1, 1), datetime.date(2011, 1, 1)
        )
    assert error.value.field == "end"


def test_chair_terms_of_one_state_may_not_overlap_in_a_phase(state):
    chairmanship = ChairmanshipFactory()
    add_chair_term(
        chairmanship, state("MEX"), datetime.date(2010, 1, 1), datetime.date(2010, 12, 31)
    )
    with pytest.raises(DomainError):
        add_chair_term(chairmanship, state("MEX"), datetime.date(2010, 6, 1), None)


def test_edition_numbers_are_unique_within_a_process(gfmd):
    duplicate = Edition(process=gfmd, number=4, year=2099)
    with pytest.raises(DomainError) as error:
        save_edition(duplicate)
    assert error.value.field == "number"
    assert Edition.objects.filter(process=gfmd, year=2099).count() == 0


def test_an_edition_cannot_end_before_it_starts(gfmd):
    edition = Edition(
        process=gfmd,
        number=40,
        year=2040,
        summit_start=datetime.date(2040, 5, 2),
        summit_end=datetime.date(2040, 5, 1),
    )
    with pytest.raises(DomainError) as error:
        save_edition(edition)
    assert error.value.field == "summit_end"
    assert not Edition.objects.filter(number=40, process=gfmd).exists()


def test_governance_changes_keep_history(edition):
    target = edition(2010)
    target.host_city = "Puerto Vallarta, Jalisco"
    target.save()
    latest = target.history.first()
    previous = latest.prev_record
    changes = {
        change.field: (change.old, change.new) for change in latest.diff_against(previous).changes
    }
    assert changes["host_city"] == ("Puerto Vallarta", "Puerto Vallarta, Jalisco")
