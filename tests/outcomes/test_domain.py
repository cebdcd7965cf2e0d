"""Recording recommendations and reporting on their follow-up: every hard rule refuses with a
message that says what to do, and saves nothing."""

import datetime

import pytest

from gfmd.common.errors import DomainError
from gfmd.governance.models import WorkingGroup
from gfmd.library.enums import AccessLevel
from gfmd.library.models import Document
from gfmd.outcomes.domain.follow_up import report_follow_up
from gfmd.outcomes.domain.recommendations import (
    next_number,
    record_recommendation,
    update_recommendation,
)
from gfmd.outcomes.models import FollowUp, Recommendation
from gfmd.preparation.models import Roundtable, RoundtableSession
from tests.factories import EditionFactory, FocalPointFactory, ProcessFactory
from tests.helpers import focal_point_user

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def session(year: int, number: str) -> RoundtableSession:
    return RoundtableSession.objects.get(edition__year=year, number=number)


def counts():
    return Recommendation.objects.count(), FollowUp.objects.count()


# --- recording a recommendation -------------------------------------------------------------


def test_a_recommendation_is_numbered_next_in_its_session(edition, mexico_staff, state):
    recommendation = record_recommendation(
        edition(2010),
        user=mexico_staff,
        session=session(2010, "3.2"),
        text_en="Share climate data.",
        lead_states=[state("BGD")],
    )
    assert recommendation.number == 4  # the source's list of session 3.2 has three
    assert recommendation.roundtable.number == "3"  # the session's roundtable follows
    assert recommendation.non_binding is True
    assert [s.iso3 for s in recommendation.lead_states.all()] == ["BGD"]
    assert recommendation.created_by == mexico_staff


def test_numbering_is_separate_per_origin(edition):
    brussels = edition(2007)
    assert next_number(brussels, session=session(2007, "1.3")) == 5
    assert (
        next_number(brussels, roundtable=Roundtable.objects.get(edition=brussels, number="2")) == 2
    )
    assert next_number(brussels, horizontal_issue_en="Human rights") == 7
    assert next_number(brussels) == 2  # the Forum as a whole: the Marketplace item is no. 1


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"text_en": "  "}, "text_en", "text"),
        ({"number": 1}, "number", "next free number is 4"),
        ({"number": 0}, "number", "from 1 to 999"),
        ({"level": "planetary"}, "level", "national (unilateral)"),
        ({"horizon": "soon"}, "horizon", "short term"),
        ({"non_binding": False}, "non_binding", "003 L529-L531"),
        ({"horizontal_issue_en": "Gender"}, "horizontal_issue_en", "one place"),
    ],
)
def test_bad_recommendations_are_refused_and_nothing_is_saved(edition, fields, field, words):
    before = counts()
    data = {"session": session(2010, "3.2"), "text_en": "A text.", **fields}
    with pytest.raises(DomainError) as refused:
        record_recommendation(edition(2010), user=None, **data)
    assert refused.value.field == field
    assert words in refused.value.message
    assert counts() == before


def test_a_session_of_another_edition_is_refused(edition):
    before = counts()
    with pytest.raises(DomainError) as refused:
        record_recommendation(edition(2010), user=None, session=session(2007, "1.1"), text_en="T")
    assert refused.value.field == "session"
    assert "another edition" in refused.value.message
    assert counts() == before


def test_reporting_to_an_earlier_edition_is_refused(edition):
    with pytest.raises(DomainError) as refused:
        record_recommendation(
            edition(2010), user=None, text_en="T", reporting_edition=edition(2007)
        )
    assert refused.value.field == "reporting_edition"
    assert "later" in refused.value.message


def test_a_regional_process_may_record_a_binding_outcome():
    """002 L2188-L2190: each RCP decides whether its outcomes are binding."""
    rcp = EditionFactory(process=ProcessFactory(kind="rcp"))
    recommendation = record_recommendation(
        rcp, user=None, text_en="Adopt a common visa.", non_binding=False
    )
    assert recommendation.non_binding is False


def test_update_moves_a_recommendation_and_renumbers_it(edition, mexico_staff):
    recommendation = record_recommendation(edition(2010), user=None, text_en="Forum-wide.")
    assert recommendation.horizontal_issue_en == "" and recommendation.session is None
    update_recommendation(recommendation, user=mexico_staff, session=session(2010, "3.3"))
    recommendation.refresh_from_db()
    assert (recommendation.session.number, recommendation.number) == ("3.3", 6)


def test_update_to_a_taken_number_is_refused(recommendation_of):
    recommendation = recommendation_of(2010, "3.3", 5)
    with pytest.raises(DomainError) as refused:
        update_recommendation(recommendation, user=None, number=1)
    assert refused.value.field == "number"
    recommendation.refresh_from_db()
    assert recommendation.number == 5


# --- reporting on the follow-up ------------------------------------------------------------


def report(recommendation, user, **fields):
    data = {
        "reported_on": datetime.date(2011, 3, 1),
        "status": "in_progress",
        "progress": 40,
        "text_en": "A workshop was held with recruitment agencies.",
        "today": TODAY,
        **fields,
    }
    return report_follow_up(recommendation, user=user, **data)


def test_a_lead_states_focal_point_reports_for_their_state(recommendation_of, uae_focal_point):
    follow_up = report(recommendation_of(2010, "2.1", 1), uae_focal_point)
    assert follow_up.reporting_state.iso3 == "ARE"  # inferred: their only lead state
    assert follow_up.author == uae_focal_point
    assert (follow_up.status, follow_up.progress) == ("in_progress", 40)


def test_staff_report_for_any_state_or_none(recommendation_of, mexico_staff, state):
    follow_up = report(
        recommendation_of(2010, "1.1", 1), mexico_staff, reporting_state=state("CHE")
    )
    assert follow_up.reporting_state.iso3 == "CHE"
    assert report(recommendation_of(2010, "1.1", 2), mexico_staff).reporting_state is None


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"reported_on": datetime.date(2010, 11, 7)}, "reported_on", "before the Summit"),
        ({"reported_on": datetime.date(2030, 1, 1)}, "reported_on", "in the future"),
        ({"reported_on": None}, "reported_on", "date"),
        ({"progress": -1}, "progress", "from 0 to 100"),
        ({"progress": 101}, "progress", "from 0 to 100"),
        ({"progress": "many"}, "progress", "from 0 to 100"),
        ({"progress": None}, "progress", "percentage"),
        ({"status": "implemented", "progress": 90}, "status", "100"),
        ({"status": "in_progress", "progress": 100}, "progress", "implemented"),
        ({"status": "done"}, "status", "not pursued"),
        ({"text_en": " "}, "text_en", "published"),
    ],
)
def test_bad_reports_are_refused_and_nothing_is_saved(
    recommendation_of, uae_focal_point, fields, field, words
):
    before = counts()
    with pytest.raises(DomainError) as refused:
        report(recommendation_of(2010, "2.1", 1), uae_focal_point, **fields)
    assert refused.value.field == field
    assert words in refused.value.message
    assert counts() == before


def test_implemented_at_100_is_accepted(recommendation_of, uae_focal_point):
    follow_up = report(
        recommendation_of(2010, "2.1", 1), uae_focal_point, status="implemented", progress=100
    )
    assert follow_up.status == "implemented"


def test_a_focal_point_of_a_state_that_does_not_lead_is_told_who_leads(
    recommendation_of, ghana_focal_point
):
    before = counts()
    with pytest.raises(DomainError) as refused:
        report(recommendation_of(2010, "2.1", 1), ghana_focal_point)
    assert refused.value.field == "reporting_state"
    assert "Ghana does not lead this recommendation" in refused.value.message
    assert "United Arab Emirates" in refused.value.message
    assert "ask the Support Unit" in refused.value.message
    assert counts() == before


def test_a_focal_point_cannot_report_for_another_state(recommendation_of, uae_focal_point, state):
    with pytest.raises(DomainError) as refused:
        report(recommendation_of(2010, "2.1", 1), uae_focal_point, reporting_state=state("CHE"))
    assert refused.value.field == "reporting_state"
    assert "not the focal point of Switzerland" in refused.value.message


def test_a_focal_point_of_two_lead_states_chooses_one(recommendation_of, state):
    recommendation = recommendation_of(2010, "2.1", 1)
    recommendation.lead_states.add(state("CHE"))
    user = focal_point_user(state("ARE"), email="two@example.test")
    FocalPointFactory(person=user.person, state=state("CHE"))
    with pytest.raises(DomainError) as refused:
        report(recommendation, user)
    assert "choose the one you report for" in refused.value.message
    assert report(recommendation, user, reporting_state=state("CHE")).reporting_state.iso3 == "CHE"


def test_without_a_lead_only_the_support_unit_reports(recommendation_of, ghana_focal_point):
    with pytest.raises(DomainError) as refused:
        report(recommendation_of(2010, "1.1", 1), ghana_focal_point)
    assert "No government leads this recommendation" in refused.value.message


def test_what_carries_the_follow_up_is_checked(recommendation_of, mexico_staff, edition):
    recommendation = recommendation_of(2010, "2.2", 5)
    other_group = WorkingGroup.objects.create(process=ProcessFactory(), key="elsewhere")
    with pytest.raises(DomainError) as refused:
        report(recommendation, mexico_staff, working_group=other_group)
    assert refused.value.field == "working_group"
    protected = Document.objects.filter(process__slug="gfmd").first()
    protected.access_level = AccessLevel.STEERING_GROUP
    protected.save()
    with pytest.raises(DomainError) as refused:
        report(recommendation, mexico_staff, document=protected)
    assert refused.value.field == "document"
    assert "not public" in refused.value.message
    assert protected.title_en not in refused.value.message  # the reporter may not read it
    with pytest.raises(DomainError) as refused:
        report(recommendation, mexico_staff, later_session=session(2010, "1.1"))
    assert refused.value.field == "later_session"
    assert "after" in refused.value.message
    group = WorkingGroup.objects.get(key="gfmd-wg-protecting-empowering-migrants")
    later = session(2018, "1.1")
    follow_up = report(recommendation, mexico_staff, working_group=group, later_session=later)
    assert (follow_up.working_group, follow_up.later_session) == (group, later)


def test_someone_without_a_role_is_told_who_reports(recommendation_of):
    from tests.factories import UserFactory

    with pytest.raises(DomainError) as refused:
        report(recommendation_of(2010, "2.1", 1), UserFactory())
    assert "Only a focal point of a lead government" in refused.value.message
