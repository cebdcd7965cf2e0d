import datetime

import pytest

from gfmd.outcomes.models import Recommendation
from tests.helpers import focal_point_user, support_unit_user

# A day after every loaded Summit, so reports dated "today" in tests are never in the future.
TODAY = datetime.date(2024, 6, 1)


@pytest.fixture
def recommendation_of(db):
    """recommendation_of(2010, "2.1", 1): a loaded recommendation of a session."""

    def lookup(year: int, session: str, number: int) -> Recommendation:
        return Recommendation.objects.select_related("edition__process").get(
            edition__process__slug="gfmd",
            edition__year=year,
            session__number=session,
            number=number,
        )

    return lookup


@pytest.fixture
def uae_focal_point(state):
    """Focal point of the United Arab Emirates, lead of 2010 session 2.1 no. 1."""
    return focal_point_user(state("ARE"), email="fp-uae@example.test")


@pytest.fixture
def ghana_focal_point(state):
    """Focal point of Ghana, which leads no recommendation."""
    return focal_point_user(state("GHA"), email="fp-ghana@example.test")


@pytest.fixture
def mexico_staff(db):
    """Support Unit staff of the 2010 chairmanship: administers edition 4 only."""
    return support_unit_user("gfmd-2010-mexico", email="staff-mexico@example.test")


@pytest.fixture
def belgium_staff(db):
    """Support Unit staff of the 2007 chairmanship: administers edition 1 only."""
    return support_unit_user("gfmd-2007-belgium", email="staff-belgium@example.test")
