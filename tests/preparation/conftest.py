import pytest

from gfmd.preparation.models import RoundtableSession
from tests.helpers import focal_point_user, support_unit_user


@pytest.fixture
def session_of(db):
    """session_of(2010, "1.1")"""

    def lookup(year: int, number: str) -> RoundtableSession:
        return RoundtableSession.objects.select_related("edition__process").get(
            edition__process__slug="gfmd", edition__year=year, number=number
        )

    return lookup


@pytest.fixture
def ghana_focal_point(state):
    return focal_point_user(state("GHA"), email="fp-ghana@example.test")


@pytest.fixture
def mexico_staff(db):
    return support_unit_user("gfmd-2010-mexico", email="staff-mexico@example.test")


@pytest.fixture
def ecuador_staff(db):
    return support_unit_user("gfmd-2019-ecuador", email="staff-ecuador@example.test")
