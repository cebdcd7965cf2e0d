"""Where a recommendation stands and how progress rolls up (docs/outcomes.md, "Choices")."""

import datetime
from types import SimpleNamespace

import pytest

from gfmd.outcomes.domain.follow_up import report_follow_up
from gfmd.outcomes.domain.progress import (
    NOT_REPORTED,
    Progress,
    progress_of,
    roll_up,
    standing_of,
)
from gfmd.outcomes.domain.queries import Filters, edition_outcomes
from gfmd.outcomes.domain.recommendations import record_recommendation
from gfmd.preparation.models import Roundtable, RoundtableSession, Theme
from tests.factories import EditionFactory, ProcessFactory, UserFactory

from .conftest import TODAY


def reported(day: int, status: str, progress, pk: int):
    return SimpleNamespace(
        reported_on=datetime.date(2011, 1, day), status=status, progress=progress, pk=pk
    )


def test_the_latest_report_decides_by_date_then_by_order_of_recording():
    reports = [
        reported(20, "in_progress", 60, pk=3),
        reported(5, "implemented", 100, pk=9),
        reported(20, "not_pursued", 10, pk=4),
    ]
    standing = standing_of(reports)
    assert (standing.status, standing.progress, standing.report_count) == ("not_pursued", 10, 3)
    assert standing.reported_on == datetime.date(2011, 1, 20)


def test_without_a_report_a_recommendation_is_proposed_at_zero():
    assert standing_of([]) == NOT_REPORTED
    leaf = progress_of(NOT_REPORTED)
    assert (leaf.percent, leaf.counts, leaf.not_reported) == (0.0, {"proposed": 1}, 1)


def leaf(status: str, progress) -> Progress:
    return progress_of(standing_of([reported(1, status, progress, pk=1)]))


def test_a_group_is_the_mean_of_its_children_not_of_all_its_recommendations():
    # Session A: two recommendations at 100 and 0 → 50; session B: one at 100 → 100.
    session_a = roll_up([leaf("implemented", 100), leaf("proposed", 0)])
    session_b = roll_up([leaf("implemented", 100)])
    roundtable = roll_up([session_a, session_b])
    assert session_a.percent == 50.0
    assert roundtable.percent == 75.0  # a flat mean of the three would be 66.7
    assert roundtable.counts == {"implemented": 2, "proposed": 1}
    assert roundtable.total == 3


def test_not_pursued_and_reports_without_a_figure_are_counted_but_left_out_of_the_mean():
    group = roll_up([leaf("in_progress", 40), leaf("not_pursued", 10), leaf("in_progress", None)])
    assert group.percent == 40.0
    assert group.counts == {"in_progress": 2, "not_pursued": 1}
    assert group.without_figure == 1
    assert roll_up([leaf("not_pursued", 0)]).percent is None
    assert roll_up([]).percent is None and roll_up([]).total == 0


@pytest.fixture
def forum(db):
    """An edition of its own: roundtable 1 with sessions 1.1 and 1.2, and roundtable 2."""
    edition = EditionFactory(
        process=ProcessFactory(kind="gfmd"), summit_start=datetime.date(2010, 11, 8)
    )
    sessions = {}
    for number in ("1", "2"):
        theme = Theme.objects.create(edition=edition, number=int(number), title_en=f"T{number}")
        roundtable = Roundtable.objects.create(
            edition=edition, theme=theme, number=number, title_en=f"RT{number}"
        )
        for position in ("1", "2"):
            code = f"{number}.{position}"
            sessions[code] = RoundtableSession.objects.create(
                edition=edition, roundtable=roundtable, number=code, title_en=f"S{code}"
            )
    return edition, sessions


def add(edition, user, *, progress=None, status="in_progress", **origin):
    recommendation = record_recommendation(edition, user=None, text_en="Do it.", **origin)
    if progress is not None:
        report_follow_up(
            recommendation,
            user=user,
            reported_on=datetime.date(2011, 2, 1),
            status=status,
            progress=progress,
            text_en="Done in part.",
            today=TODAY,
        )
    return recommendation


def test_edition_outcomes_roll_up_per_session_roundtable_and_edition(forum, state):
    edition, sessions = forum
    staff = UserFactory(is_superuser=True)
    add(edition, staff, progress=100, status="implemented", session=sessions["1.1"])
    add(edition, staff, session=sessions["1.1"])  # no report: 0 %
    add(edition, staff, progress=100, status="implemented", session=sessions["1.2"])
    add(edition, staff, progress=20, session=sessions["2.1"], lead_states=[state("KEN")])
    add(edition, staff, progress=60, horizontal_issue_en="Gender")
    add(edition, staff, progress=30, status="not_pursued")  # the Forum as a whole
    outcomes = edition_outcomes(edition)
    first, second, gender = outcomes.groups
    assert first.progress.percent == 75.0  # (50 + 100) / 2
    assert [g.progress.percent for g in first.groups] == [50.0, 100.0]
    assert second.progress.percent == 20.0
    assert gender.label == "Gender" and gender.progress.percent == 60.0
    assert outcomes.forum_wide[0].standing.status == "not_pursued"
    assert outcomes.progress.percent == pytest.approx((75 + 20 + 60) / 3)
    assert outcomes.progress.counts == {
        "implemented": 2,
        "proposed": 1,
        "in_progress": 2,
        "not_pursued": 1,
    }
    assert [s.iso3 for s in outcomes.lead_states] == ["KEN"]


def test_filters_keep_what_they_name_and_the_roll_up_follows(forum, state):
    edition, sessions = forum
    staff = UserFactory(is_superuser=True)
    add(edition, staff, progress=100, status="implemented", session=sessions["1.1"])
    add(edition, staff, progress=20, session=sessions["1.2"], lead_states=[state("KEN")])
    add(edition, staff, session=sessions["2.1"], level="bilateral", horizon="short")
    kept = edition_outcomes(edition, Filters(status="in_progress"))
    assert (kept.shown, kept.total, kept.progress.percent) == (1, 3, 20.0)
    assert edition_outcomes(edition, Filters(lead="KEN")).shown == 1
    assert edition_outcomes(edition, Filters(level="bilateral", horizon="short")).shown == 1
    assert edition_outcomes(edition, Filters(level="national")).groups == []
