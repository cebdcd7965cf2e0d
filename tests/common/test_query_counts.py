"""List pages and API lists read what they render in a fixed number of queries."""

import datetime

import pytest

from tests.factories import EditionFactory, OrganisationFactory, ProcessFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "/en/": 20,
    "/en/editions/": 12,
    "/en/editions/gfmd/4/": 20,
    "/en/editions/gfmd/4/governance/": 32,
    "/en/states/": 8,
    "/en/states/MEX/": 14,
    "/en/organisations/": 10,
    "/api/v1/states": 6,
    "/api/v1/organisations": 6,
    "/api/v1/editions": 10,
    "/api/v1/editions/gfmd/4": 16,
}


def grow_the_data():
    process = ProcessFactory()
    for number in range(1, 21):
        EditionFactory(
            process=process, number=number, summit_start=datetime.date(2000 + number, 1, 1)
        )
    OrganisationFactory.create_batch(60)


@pytest.mark.parametrize("path", PAGES)
def test_query_count_is_fixed(
    client, path, django_assert_max_num_queries, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        assert client.get(path).status_code == 200
    grow_the_data()
    with CaptureQueriesContext(connection) as after:
        assert client.get(path).status_code == 200
    assert len(after) == len(before), path
    assert len(after) <= PAGES[path]
