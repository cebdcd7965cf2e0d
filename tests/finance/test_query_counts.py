"""The funding page and the API lists fetch what they show in a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from gfmd.finance.domain.budgets import add_line
from gfmd.finance.domain.contributions import record_contribution
from gfmd.finance.domain.spending import record_expenditure

pytestmark = pytest.mark.django_db


def more_records(budget, state):
    """Lines, contributions and expenditures: more of them must not mean more queries."""
    for number, iso3 in enumerate(("GHA", "KEN", "SEN", "PER", "FRA"), start=1):
        line = add_line(budget, category=f"Category {number % 2}", concept=f"Line {number}")
        record_contribution(
            budget.edition,
            contributor_kind="state",
            state=state(iso3),
            kind="financial",
            amount=Decimal(number),
            currency="USD",
        )
        record_expenditure(
            line,
            amount=Decimal(number),
            currency="EUR",
            date=datetime.date(2011, 3, number),
            description=f"Synthetic {number}",
        )


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path",
    [
        "/en/editions/gfmd/5/funding/",
        "/api/v1/editions/gfmd/5/budget",
        "/api/v1/editions/gfmd/5/contributions",
        "/en/editions/gfmd/5/funding/contributions.xlsx",
    ],
)
def test_staff_pages_in_a_fixed_number_of_queries(
    path, draft_2011, switzerland_staff, state, django_assert_max_num_queries
):
    client = APIClient()
    client.force_login(switzerland_staff)
    before = count(client, path)
    more_records(draft_2011, state)
    client.force_login(switzerland_staff)
    assert count(client, path) == before
    with django_assert_max_num_queries(30):
        client.get(path)


@pytest.mark.parametrize("number", [1, 4])
def test_public_pages_in_a_fixed_number_of_queries(client, number, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get(reverse("finance:funding", args=["gfmd", number])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(f"/api/v1/editions/gfmd/{number}/contributions").status_code == 200
