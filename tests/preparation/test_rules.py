"""Each permission predicate of preparation: one user who may, one who may not."""

import pytest

from gfmd.preparation.models import Survey
from tests.factories import UserFactory
from tests.helpers import focal_point_user

pytestmark = pytest.mark.django_db


def test_staff_of_the_edition_prepare_it_others_do_not(session_of, mexico_staff, ecuador_staff):
    session = session_of(2010, "1.1")
    for perm in ("change_session", "publish_session", "decide_team", "change_meetings"):
        assert mexico_staff.has_perm(f"preparation.{perm}", session)
    # Ecuador's staff are in office today for the GFMD: they hold its archives (003 L820-L822).
    assert ecuador_staff.has_perm("preparation.decide_team", session)
    assert not UserFactory().has_perm("preparation.decide_team", session)


def test_focal_points_volunteer_and_answer_others_do_not(ghana_focal_point, edition):
    survey = Survey.objects.get(edition=edition(2007))
    assert ghana_focal_point.has_perm("preparation.volunteer")
    assert ghana_focal_point.has_perm("preparation.answer_survey", survey)
    stranger = UserFactory()
    assert not stranger.has_perm("preparation.volunteer")
    assert not stranger.has_perm("preparation.answer_survey", survey)


def test_survey_results_for_staff_and_steering_group(ecuador_staff, edition, state):
    from gfmd.governance.models import SteeringGroupMembership

    survey = Survey.objects.get(edition=edition(2007))
    assert ecuador_staff.has_perm("preparation.view_survey_results", survey)
    member_state = SteeringGroupMembership.objects.filter(
        process__slug="gfmd", end__isnull=True
    ).first()
    if member_state is not None:
        sg = focal_point_user(member_state.state, email="sg@example.test")
        assert sg.has_perm("preparation.view_survey_results", survey)
    assert not focal_point_user(state("GHA")).has_perm("preparation.view_survey_results", survey)


def test_everyone_reads_the_published_preparation():
    anonymous = UserFactory.build()
    from django.contrib.auth.models import AnonymousUser

    for perm in ("view_agenda", "view_team_matrix", "view_timeline"):
        assert AnonymousUser().has_perm(f"preparation.{perm}")
    assert not AnonymousUser().has_perm("preparation.view_survey")
    assert anonymous is not None
