"""Observers of an edition: invited by the edition's Support Unit, shown on its governance page,
with a warning for organisations the Operating Modalities do not name (003 L9510-L9513)."""

import pytest
from django.urls import reverse

from gfmd.governance.domain.queries import governance_history
from gfmd.governance.models import EditionObserver
from tests.factories import OrganisationFactory
from tests.helpers import focal_point_user, support_unit_user, token_for

pytestmark = pytest.mark.django_db


def governance_url(edition):
    return reverse("governance:governance", args=[edition.process.slug, edition.number])


def invite_url(edition):
    return reverse("governance:invite_observer", args=[edition.process.slug, edition.number])


def test_staff_invite_an_observer_who_then_shows_on_the_page_with_history(client, edition):
    edition_2019 = edition(2019)
    agency = OrganisationFactory(name_en="Synthetic Migration Agency", type="un_agency")
    client.force_login(support_unit_user("gfmd-2019-ecuador"))
    response = client.post(invite_url(edition_2019), {"organisation": agency.pk})
    assert response.status_code == 302
    page = client.get(governance_url(edition_2019)).content.decode()
    assert "Synthetic Migration Agency" in page and "UN agency or programme" in page
    assert "the Operating Modalities invite" not in page  # a UN agency is what they name
    history = [record for qs in governance_history(edition_2019) for record in qs]
    assert any(getattr(r, "organisation_id", None) == agency.pk for r in history)


def test_inviting_twice_or_an_unknown_organisation_changes_nothing(client, edition):
    edition_2019 = edition(2019)
    agency = OrganisationFactory(type="other_igo")
    EditionObserver.objects.create(edition=edition_2019, organisation=agency)
    client.force_login(support_unit_user("gfmd-2019-ecuador"))
    again = client.post(invite_url(edition_2019), {"organisation": agency.pk})
    assert again.status_code == 400
    assert "is already an observer of this edition" in again.content.decode()
    unknown = client.post(invite_url(edition_2019), {"organisation": 999999})
    assert unknown.status_code == 400
    assert "Choose an organisation from the list." in unknown.content.decode()
    assert EditionObserver.objects.filter(edition=edition_2019).count() == 1


def test_a_civil_society_observer_is_recorded_with_a_warning(client, edition):
    edition_2019 = edition(2019)
    society = OrganisationFactory(name_en="Synthetic Society", type="civil_society")
    EditionObserver.objects.create(edition=edition_2019, organisation=society)
    page = client.get(governance_url(edition_2019)).content.decode()
    assert "Synthetic Society is a civil society organisation" in page
    assert "003 L9510-L9513" in page


def test_only_the_editions_staff_invite_or_remove_observers(client, edition, state):
    edition_2019 = edition(2019)
    observer = EditionObserver.objects.create(
        edition=edition_2019, organisation=OrganisationFactory(type="un_agency")
    )
    withdraw = reverse(
        "governance:withdraw_observer",
        args=[edition_2019.process.slug, edition_2019.number, observer.pk],
    )
    client.force_login(focal_point_user(state("GHA")))
    assert "Invite as observer" not in client.get(governance_url(edition_2019)).content.decode()
    assert (
        client.post(
            invite_url(edition_2019), {"organisation": observer.organisation_id}
        ).status_code
        == 403
    )
    assert client.post(withdraw).status_code == 403
    client.force_login(support_unit_user("gfmd-2007-belgium", email="other@example.test"))
    assert client.post(withdraw).status_code == 403
    assert EditionObserver.objects.filter(pk=observer.pk).exists()
    client.force_login(support_unit_user("gfmd-2019-ecuador"))
    assert client.post(withdraw).status_code == 302
    assert not EditionObserver.objects.filter(pk=observer.pk).exists()


def test_observers_api(client, edition):
    edition_2019 = edition(2019)
    agency = OrganisationFactory(name_en="Synthetic Regional Body", type="regional_organisation")
    url = f"/api/v1/editions/gfmd/{edition_2019.number}/observers"
    assert client.post(url, {"organisation": agency.pk}).status_code in (401, 403)
    auth = {"HTTP_AUTHORIZATION": f"Token {token_for(support_unit_user('gfmd-2019-ecuador'))}"}
    created = client.post(url, {"organisation": agency.pk}, **auth)
    assert created.status_code == 201 and created.json()["name"] == "Synthetic Regional Body"
    duplicate = client.post(url, {"organisation": agency.pk}, **auth)
    assert duplicate.status_code == 400 and "organisation" in duplicate.json()["errors"]
    missing = client.post(url, {"organisation": 999999}, **auth)
    assert missing.status_code == 400
    assert [o["acronym"] for o in client.get(url).json()] == [agency.acronym]
    removed = client.delete(f"{url}/{created.json()['id']}", **auth)
    assert removed.status_code == 204 and client.get(url).json() == []
