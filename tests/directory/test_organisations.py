"""An organisation's page shows its GFMD record: observer seats, working groups, teams."""

import pytest
from django.urls import reverse

from gfmd.directory.models import Organisation
from gfmd.governance.domain.observers import invite_observer
from gfmd.governance.models import Edition, WorkingGroup, WorkingGroupMember
from gfmd.preparation.models import RoundtableSession, TeamMembership
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def section(page: str, css_class: str) -> str:
    return page.split(f'class="{css_class}"')[1].split("</ul>")[0]


def test_an_organisation_page_lists_its_observer_seats_working_groups_and_teams(client):
    organisation = OrganisationFactory(name_en="Synthetic Observer Organisation")
    edition = Edition.objects.get(process__slug="gfmd", number=4)
    invite_observer(edition, organisation)
    group = WorkingGroup.objects.filter(process=edition.process).first()
    WorkingGroupMember.objects.create(group=group, organisation=organisation, role="member")
    session = RoundtableSession.objects.get(edition=edition, number="3.2")
    TeamMembership.objects.create(
        session=session, organisation=organisation, seat="partner", status="accepted"
    )
    TeamMembership.objects.create(
        session=RoundtableSession.objects.get(edition=edition, number="1.1"),
        organisation=organisation,
        seat="partner",
        status="proposed",
    )
    page = client.get(reverse("directory:organisation", args=[organisation.pk])).content.decode()
    observed = section(page, "observed")
    assert reverse("governance:edition", args=["gfmd", 4]) in observed and "2010" in observed
    assert str(group) in section(page, "working-groups")
    teams = section(page, "session-teams")
    assert reverse("preparation:session", args=["gfmd", 4, "3.2"]) in teams
    assert "(international organisation or partner)" in teams
    assert "— 1.1 " not in teams  # only teams the Support Unit accepted


def test_an_organisation_without_a_record_says_so(client):
    organisation = OrganisationFactory()
    page = client.get(reverse("directory:organisation", args=[organisation.pk])).content.decode()
    assert section(page, "observed").count("None recorded.") == 1
    assert section(page, "session-teams").count("None recorded.") == 1


def test_an_unknown_organisation_is_not_found(client):
    missing = (Organisation.objects.order_by("-pk").first().pk or 0) + 1000
    assert client.get(reverse("directory:organisation", args=[missing])).status_code == 404


def test_the_api_gives_an_organisations_observer_seats(client):
    organisation = OrganisationFactory()
    invite_observer(Edition.objects.get(process__slug="gfmd", number=4), organisation)
    answer = client.get(f"/api/v1/organisations/{organisation.pk}").json()
    assert answer["observer_of"] == [{"process": "gfmd", "number": 4, "year": 2010}]
    assert "observer_of" not in client.get("/api/v1/organisations").json()["results"][0]
