import datetime

from rest_framework.authtoken.models import Token

from gfmd.governance.models import Chairmanship
from tests.factories import FocalPointFactory, SupportUnitAssignmentFactory, UserFactory


def support_unit_user(chairmanship_key: str, email: str = "staff@example.test"):
    """A Support Unit staff account of a chairmanship, assigned from 2000 with no end."""
    user = UserFactory(email=email)
    SupportUnitAssignmentFactory(
        person__user=user,
        chairmanship=Chairmanship.objects.get(key=chairmanship_key),
        start=datetime.date(2000, 1, 1),
    )
    return user


def focal_point_user(state, email: str = "fp@example.test"):
    user = UserFactory(email=email)
    FocalPointFactory(person__user=user, state=state)
    return user


def token_for(user) -> str:
    return Token.objects.get_or_create(user=user)[0].key
