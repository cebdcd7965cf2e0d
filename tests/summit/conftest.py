import datetime

import pytest
from django.utils import timezone

from gfmd.directory.models import Affiliation
from gfmd.governance.domain.observers import invite_observer
from gfmd.summit.domain.registration import configure_registration
from tests.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.helpers import focal_point_user, support_unit_user


@pytest.fixture
def mexico_2010(edition):
    """The 4th GFMD (Mexico, 2010), its registration open for the next 30 days, 3/2 seats."""
    forum = edition(2010)
    configure_registration(
        forum,
        opens_on=None,
        closes_on=timezone.localdate() + datetime.timedelta(days=30),
        seats_per_government=3,
        seats_per_observer=2,
        source="Synthetic decision for the tests",
    )
    return forum


@pytest.fixture
def mexico_staff(db):
    return support_unit_user("gfmd-2010-mexico", email="staff-mexico@example.test")


@pytest.fixture
def mexico_focal_point(state):
    return focal_point_user(state("MEX"), email="fp-mexico@example.test")


@pytest.fixture
def ghana_focal_point(state):
    return focal_point_user(state("GHA"), email="fp-ghana@example.test")


@pytest.fixture
def observer_organisation(mexico_2010):
    """A synthetic UN agency invited as observer to the 2010 edition."""
    organisation = OrganisationFactory(name_en="Synthetic UN Agency", type="un_agency")
    invite_observer(mexico_2010, organisation)
    return organisation


@pytest.fixture
def uninvited_organisation(db):
    return OrganisationFactory(name_en="Synthetic Regional Body", type="regional_organisation")


def contact_of(organisation, email: str):
    user = UserFactory(email=email)
    person = PersonFactory(user=user)
    Affiliation.objects.create(person=person, organisation=organisation, function="Liaison")
    return user


@pytest.fixture
def observer_contact(observer_organisation):
    return contact_of(observer_organisation, "contact-agency@example.test")


@pytest.fixture
def uninvited_contact(uninvited_organisation):
    return contact_of(uninvited_organisation, "contact-regional@example.test")


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.test")
