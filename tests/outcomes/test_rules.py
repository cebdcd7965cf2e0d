"""Every permission of the outcomes: a user who may, and one who may not."""

import pytest
from django.contrib.auth.models import AnonymousUser

from gfmd.outcomes.rules import (
    edition_of,
    is_focal_point_of_a_lead_state,
    is_staff_of_edition,
)
from tests.factories import UserFactory
from tests.helpers import support_unit_user

pytestmark = pytest.mark.django_db


def test_everyone_reads_the_outcomes_their_history_and_the_export(edition):
    for permission in ("outcomes.view_outcomes", "outcomes.view_history", "outcomes.export"):
        assert AnonymousUser().has_perm(permission, edition(2010))


def test_staff_of_the_edition_record_recommendations(edition, mexico_staff, belgium_staff):
    assert mexico_staff.has_perm("outcomes.add_recommendation", edition(2010))
    assert not mexico_staff.has_perm("outcomes.add_recommendation", edition(2007))
    assert belgium_staff.has_perm("outcomes.add_recommendation", edition(2007))
    assert not belgium_staff.has_perm("outcomes.add_recommendation", edition(2010))


def test_staff_of_the_chairmanship_in_office_record_for_every_edition(edition):
    ecuador_staff = support_unit_user("gfmd-2019-ecuador", email="staff-ecuador@example.test")
    assert ecuador_staff.has_perm("outcomes.add_recommendation", edition(2007))


def test_focal_points_and_the_public_do_not_record(edition, uae_focal_point):
    assert not uae_focal_point.has_perm("outcomes.add_recommendation", edition(2010))
    assert not AnonymousUser().has_perm("outcomes.add_recommendation", edition(2010))
    assert UserFactory(is_superuser=True).has_perm("outcomes.add_recommendation", edition(2010))


def test_staff_change_their_editions_recommendations(
    recommendation_of, mexico_staff, uae_focal_point
):
    recommendation = recommendation_of(2010, "2.1", 1)
    assert mexico_staff.has_perm("outcomes.change_recommendation", recommendation)
    assert not uae_focal_point.has_perm("outcomes.change_recommendation", recommendation)
    assert not mexico_staff.has_perm(
        "outcomes.change_recommendation", recommendation_of(2007, "1.1", 1)
    )


def test_a_lead_states_focal_point_and_staff_report(
    recommendation_of, uae_focal_point, ghana_focal_point, mexico_staff
):
    led_by_uae = recommendation_of(2010, "2.1", 1)
    assert uae_focal_point.has_perm("outcomes.report_follow_up", led_by_uae)
    assert mexico_staff.has_perm("outcomes.report_follow_up", led_by_uae)
    assert not ghana_focal_point.has_perm("outcomes.report_follow_up", led_by_uae)
    assert not uae_focal_point.has_perm(
        "outcomes.report_follow_up", recommendation_of(2010, "2.1", 2)
    )
    assert not AnonymousUser().has_perm("outcomes.report_follow_up", led_by_uae)


def test_focal_points_reach_their_states_follow_up(uae_focal_point, mexico_staff):
    assert uae_focal_point.has_perm("outcomes.view_own_follow_up")
    assert not mexico_staff.has_perm("outcomes.view_own_follow_up")
    assert not AnonymousUser().has_perm("outcomes.view_own_follow_up")


def test_the_predicates_themselves(recommendation_of, uae_focal_point, mexico_staff):
    recommendation = recommendation_of(2010, "2.1", 1)
    follow_up = recommendation.follow_ups.get()
    assert edition_of(follow_up) == recommendation.edition == edition_of(recommendation)
    assert is_staff_of_edition(mexico_staff, follow_up)
    assert not is_staff_of_edition(uae_focal_point, follow_up)
    assert is_focal_point_of_a_lead_state(uae_focal_point, recommendation)
    assert not is_focal_point_of_a_lead_state(mexico_staff, recommendation)
    assert not is_focal_point_of_a_lead_state(uae_focal_point, None)
