"""Every change to a recommendation or a report keeps who, when, and before → after."""

import datetime

import pytest

from gfmd.outcomes.domain.follow_up import report_follow_up
from gfmd.outcomes.domain.recommendations import record_recommendation, update_recommendation
from gfmd.outcomes.models import FollowUp, Recommendation
from gfmd.outcomes.views import recommendation_history

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def test_recording_changing_and_reporting_are_in_the_history(edition, mexico_staff, state):
    recommendation = record_recommendation(
        edition(2010), user=mexico_staff, text_en="First wording.", lead_states=[state("MEX")]
    )
    update_recommendation(
        recommendation, user=mexico_staff, text_en="Second wording.", lead_states=[state("CHE")]
    )
    report_follow_up(
        recommendation,
        user=mexico_staff,
        reported_on=datetime.date(2011, 2, 1),
        status="in_progress",
        progress=10,
        text_en="Started.",
        today=TODAY,
    )
    rows = Recommendation.history.filter(id=recommendation.pk)
    assert {row.history_user for row in rows} == {mexico_staff}
    assert FollowUp.history.get(recommendation_id=recommendation.pk).history_user == mexico_staff
    entries = recommendation_history(recommendation)
    changes = [change for entry in entries for change in entry.changes]
    assert ("text (English)", "First wording.", "Second wording.") in changes
    reasons = [entry.reason for entry in entries]
    assert "lead governments: Mexico → Switzerland" in reasons
    assert any(entry.subject.startswith("follow-up report") for entry in entries)
    assert {entry.who for entry in entries} == {mexico_staff.person.full_name}


def test_a_loaded_recommendation_shows_the_data_load(recommendation_of):
    entries = recommendation_history(recommendation_of(2010, "1.1", 1))
    assert entries and entries[-1].who == "system (data load)"
