"""Marketplace list pages and API lists read what they show in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gfmd.marketplace.domain.scheduling import schedule_all
from tests.helpers import token_for
from tests.marketplace.helpers import accepted_meeting, make_request, programme

pytestmark = pytest.mark.django_db

# The request list reads each request's sessions, themes, GCM objectives and SDG targets with
# one prefetch query each (+4, page and API); the page also reads what it can be filtered by:
# the edition's sessions and themes, and the tags in use (+4).
PAGES = {
    "requests/": 19,
    "grid/": 14,
    "agenda/": 12,
    "monitoring/": 12,
    "api:requests": 14,
    "api:meetings": 12,
}


def grow(people, count: int):
    """Requests with sessions, a theme and tags, each with an accepted meeting."""
    for index in range(count):
        request = make_request(
            people,
            related_sessions=["1.1", "1.2"][: 1 + index % 2],
            edition_themes=[1 + index % 2],
            gcm_objectives=[11, 5 + index],
            sdg_targets=["10.7", "8.8"][: 1 + index % 2],
        )
        accepted_meeting(people, request=request)


def address(people, page: str) -> str:
    number = people.marketplace.edition.number
    if page.startswith("api:"):
        return f"/api/v1/marketplace/gfmd/{number}/{page[4:]}"
    return f"/en/marketplace/gfmd/{number}/{page}"


STAFF_ONLY = ("grid/", "monitoring/")


@pytest.mark.parametrize(
    ("page", "who"),
    [
        (page, who)
        for page in PAGES
        for who in ("staff", "iom")
        if who == "staff" or page not in STAFF_ONLY
    ],
)
def test_query_count_does_not_grow_with_the_marketplace(client, people, page, who):
    user = getattr(people, who)
    headers = {"HTTP_AUTHORIZATION": f"Token {token_for(user)}"} if page.startswith("api:") else {}
    client.force_login(user)
    programme(people.marketplace)
    grow(people, 2)
    schedule_all(people.marketplace, time_limit=2)
    with CaptureQueriesContext(connection) as before:
        assert client.get(address(people, page), **headers).status_code == 200
    grow(people, 4)
    schedule_all(people.marketplace, time_limit=2)
    with CaptureQueriesContext(connection) as after:
        assert client.get(address(people, page), **headers).status_code == 200
    assert len(after) == len(before), page
    assert len(after) <= PAGES[page], [q["sql"][:120] for q in after.captured_queries]
