"""Lists and exports of preparation fetch what they show in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gfmd.preparation.domain.surveys import create_survey, submit_response
from gfmd.preparation.domain.teams import volunteer

pytestmark = pytest.mark.django_db

PAGES = [
    ("preparation:agenda", ["gfmd", 11]),
    ("preparation:agenda", ["gfmd", 4]),
    ("preparation:team_matrix", ["gfmd", 4]),
    ("preparation:team_matrix_export", ["gfmd", 4, "xlsx"]),
    ("preparation:team_matrix_export", ["gfmd", 4, "csv"]),
    ("preparation:timeline", ["gfmd", 1]),
    ("preparation:timeline", ["gfmd", 12]),
    ("preparation:calendar", ["gfmd", 11]),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_pages_in_a_fixed_number_of_queries(client, name, args, session_of, state):
    url = reverse(name, args=args)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    assert len(before) <= 25
    # More team members must not mean more queries.
    for iso3 in ("GHA", "KEN", "SEN", "PER"):
        volunteer(session_of(2010, "3.3"), seat="member", user=None, state=state(iso3))
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before)


def test_survey_results_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, edition, state, ecuador_staff
):
    survey = create_survey(
        edition=edition(2019),
        kind="thematic",
        title_en="P",
        deadline=None,
        user=None,
        questions=[{"kind": "ranking", "text_en": "Rank", "choices": ["A", "B"]}],
    )
    question = survey.questions.get()
    ids = [c.pk for c in question.choices.all()]
    for iso3 in ("GHA", "KEN", "SEN", "PER", "FRA", "MEX"):
        submit_response(survey, state=state(iso3), values={question.pk: ids}, user=None)
    client.force_login(ecuador_staff)
    with django_assert_max_num_queries(30):
        assert (
            client.get(reverse("preparation:survey_results", args=[survey.pk])).status_code == 200
        )
