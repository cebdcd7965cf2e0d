import datetime

import pytest

from gfmd.common.errors import DomainError
from gfmd.governance.domain.candidacy import (
    communicate_candidacy,
    record_agreement,
    withdraw_candidacy,
)
from gfmd.governance.domain.summary import edition_governance
from gfmd.governance.models import Edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_edition(gfmd):
    return Edition.objects.create(process=gfmd, number=13, year=2020)


def test_candidate_becomes_forthcoming_chair_once_troika_and_steering_group_agree(
    next_edition, edition, state
):
    candidacy = communicate_candidacy(next_edition, state("GHA"), datetime.date(2019, 3, 1))
    record_agreement(candidacy, "troika", datetime.date(2019, 4, 1))
    assert not edition_governance(edition(2019), datetime.date(2019, 6, 1)).troika.formed
    record_agreement(candidacy, "steering_group", datetime.date(2019, 5, 1))
    troika = edition_governance(edition(2019), datetime.date(2019, 6, 1)).troika
    assert [s.iso3 for s in troika.forthcoming] == ["GHA"]
    # Before the agreement the Troika was not formed.
    assert not edition_governance(edition(2019), datetime.date(2019, 4, 15)).troika.formed
    next_edition.refresh_from_db()
    assert next_edition.chairmanship.terms.get().state.iso3 == "GHA"


def test_a_second_candidacy_of_the_same_state_is_refused(next_edition, state):
    communicate_candidacy(next_edition, state("GHA"), datetime.date(2019, 3, 1))
    with pytest.raises(DomainError):
        communicate_candidacy(next_edition, state("GHA"), datetime.date(2019, 3, 2))


def test_withdrawn_candidate_is_no_longer_forthcoming(next_edition, edition, state):
    candidacy = communicate_candidacy(next_edition, state("GHA"), datetime.date(2019, 3, 1))
    record_agreement(candidacy, "troika", datetime.date(2019, 4, 1))
    record_agreement(candidacy, "steering_group", datetime.date(2019, 4, 1))
    withdraw_candidacy(candidacy, datetime.date(2019, 8, 1))
    assert not edition_governance(edition(2019), datetime.date(2019, 9, 1)).troika.formed
    with pytest.raises(DomainError):
        record_agreement(candidacy, "troika", datetime.date(2019, 9, 2))


def test_only_troika_and_steering_group_agree(next_edition, state):
    candidacy = communicate_candidacy(next_edition, state("GHA"), datetime.date(2019, 3, 1))
    with pytest.raises(DomainError):
        record_agreement(candidacy, "friends_of_the_forum", datetime.date(2019, 4, 1))


def test_a_replaced_candidate_leaves_the_chair_to_its_successor(next_edition, state):
    spain = communicate_candidacy(next_edition, state("ESP"), datetime.date(2019, 1, 1))
    record_agreement(spain, "troika", datetime.date(2019, 2, 1))
    record_agreement(spain, "steering_group", datetime.date(2019, 2, 1))
    withdraw_candidacy(spain, datetime.date(2019, 10, 1))
    swiss = communicate_candidacy(next_edition, state("CHE"), datetime.date(2019, 10, 1))
    record_agreement(swiss, "troika", datetime.date(2019, 10, 2))
    record_agreement(swiss, "steering_group", datetime.date(2019, 10, 2))
    next_edition.refresh_from_db()
    assert [t.state.iso3 for t in next_edition.chairmanship.terms.all()] == ["CHE"]
    assert "Switzerland" in next_edition.chairmanship.name_en
