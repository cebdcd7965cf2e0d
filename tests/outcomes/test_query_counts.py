"""Pages and API lists of the outcomes read what they show in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gfmd.outcomes.domain.follow_up import report_follow_up
from gfmd.outcomes.models import Recommendation

pytestmark = pytest.mark.django_db


def grow(state, staff, first=0, last=12):
    """More reports and more lead governments on more recommendations."""
    for recommendation in Recommendation.objects.filter(edition__year=2010).order_by("id")[
        first:last
    ]:
        recommendation.lead_states.add(state("GHA"), state("KEN"))
        for month in (3, 6):
            report_follow_up(
                recommendation,
                user=staff,
                reported_on=datetime.date(2011, month, 1),
                status="in_progress",
                progress=10 * month,
                text_en="Progress.",
                today=datetime.date(2024, 1, 1),
            )


PAGES = [
    ("/en/editions/gfmd/4/outcomes/", 8),
    ("/en/editions/gfmd/4/outcomes/?status=in_progress&lead=GHA", 8),
    ("/en/editions/gfmd/4/outcomes.csv", 8),
    ("/en/follow-up/states/GHA/", 9),
    ("/api/v1/editions/gfmd/4/recommendations", 8),
]


@pytest.mark.parametrize(("url", "most"), PAGES)
def test_lists_in_a_fixed_number_of_queries(client, url, most, state, mexico_staff):
    grow(state, mexico_staff, 0, 2)  # Ghana leads something: its page reads reports
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    grow(state, mexico_staff, 2, 14)
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before) <= most


def test_the_recommendation_page_in_a_fixed_number_of_queries(
    client, recommendation_of, uae_focal_point, django_assert_max_num_queries, state, mexico_staff
):
    recommendation = recommendation_of(2010, "2.1", 1)
    grow(state, mexico_staff)
    client.force_login(uae_focal_point)
    with django_assert_max_num_queries(24):
        assert client.get(recommendation.get_absolute_url()).status_code == 200
