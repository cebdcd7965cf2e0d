"""History is shown on public pages: it names whoever made a change by their name, never by
their e-mail address."""

import pytest
from django.urls import reverse

from gfmd.common.history import public_name
from tests.factories import OrganisationFactory, UserFactory
from tests.helpers import support_unit_user

pytestmark = pytest.mark.django_db


def test_the_public_history_names_staff_by_name_not_by_e_mail(client, edition):
    edition_2019 = edition(2019)
    staff = support_unit_user("gfmd-2019-ecuador", email="private.address@example.test")
    staff.person.full_name = "Synthetic Staff Member"
    staff.person.save()
    client.force_login(staff)
    invite = reverse("governance:invite_observer", args=["gfmd", edition_2019.number])
    organisation = OrganisationFactory(type="un_agency")
    assert client.post(invite, {"organisation": organisation.pk}).status_code == 302
    client.logout()
    history = reverse("governance:history", args=["gfmd", edition_2019.number])
    page = client.get(history).content.decode()
    assert "Synthetic Staff Member" in page
    assert "private.address@example.test" not in page


def test_an_account_without_a_name_is_a_platform_user():
    nameless = UserFactory(email="nameless@example.test", display_name="")
    assert public_name(nameless) == "a platform user"
    named = UserFactory(email="named@example.test", display_name="Synthetic Name")
    assert public_name(named) == "Synthetic Name"
