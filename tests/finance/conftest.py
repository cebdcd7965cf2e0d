import datetime
from decimal import Decimal

import pytest

from gfmd.finance.domain.budgets import add_line, create_budget
from gfmd.governance.models import Chairmanship, SteeringGroupMembership
from tests.factories import UserFactory
from tests.helpers import focal_point_user, support_unit_user


@pytest.fixture
def mexico_2010(edition):
    return edition(2010)


@pytest.fixture
def switzerland_2011(edition):
    """The 5th GFMD (2011, Switzerland): no budget is loaded for it."""
    return edition(2011)


@pytest.fixture
def mexico_staff(db):
    return support_unit_user("gfmd-2010-mexico", email="staff-mexico@example.test")


@pytest.fixture
def switzerland_staff(db):
    return support_unit_user("gfmd-2011-switzerland", email="staff-switzerland@example.test")


@pytest.fixture
def ecuador_staff(db):
    """Staff of the chairmanship in office today (the latest in the sources)."""
    return support_unit_user("gfmd-2019-ecuador", email="staff-ecuador@example.test")


@pytest.fixture
def norway_focal_point(state):
    return focal_point_user(state("NOR"), email="fp-norway@example.test")


@pytest.fixture
def steering_group_member(state, gfmd):
    """The focal point of a state that sits on the GFMD Steering Group today (synthetic term)."""
    user = focal_point_user(state("KEN"), email="fp-kenya@example.test")
    SteeringGroupMembership.objects.create(
        process=gfmd, state=state("KEN"), start=datetime.date(2000, 1, 1)
    )
    return user


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.test")


@pytest.fixture
def superuser(db):
    user = UserFactory(email="operator@example.test")
    user.is_superuser = True
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def chairmanship(db):
    return lambda key: Chairmanship.objects.get(key=key)


@pytest.fixture
def draft_2011(switzerland_2011):
    """A draft budget of 2011 in euros with a 5 % contingency and three lines in two
    categories (synthetic figures)."""
    budget = create_budget(switzerland_2011, currency="EUR", contingency_percent=Decimal("5"))
    add_line(budget, category="Taskforce", concept="Fees", amount=Decimal("1000.00"))
    add_line(budget, category="Taskforce", concept="Travel", amount=Decimal("500.50"))
    add_line(budget, category="Logistics", concept="Venue", amount=Decimal("2000.00"))
    return budget
