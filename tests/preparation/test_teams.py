"""Volunteering, acceptance, team checks, publication and the Team Matrix with its exports."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from gfmd.common.errors import DomainError
from gfmd.preparation.domain.teams import (
    check_team,
    decide,
    missing_roles,
    publish_session,
    volunteer,
)
from gfmd.preparation.models import SessionRole, TeamMembership

pytestmark = pytest.mark.django_db


def test_a_volunteer_waits_for_the_support_unit(session_of, state, ghana_focal_point):
    session = session_of(2010, "1.1")
    member = volunteer(session, seat="member", user=ghana_focal_point, state=state("GHA"))
    assert member.status == "proposed"
    accepted = decide(member, accept=True, user=None, perspective="origin")
    assert (accepted.status, accepted.perspective) == ("accepted", "origin")


def test_a_state_cannot_volunteer_twice_for_one_session(session_of, state):
    session = session_of(2010, "1.1")
    with pytest.raises(DomainError, match="already on the team of session 1.1"):
        volunteer(session, seat="member", user=None, state=state("FRA"))
    assert TeamMembership.objects.filter(session=session, state__iso3="FRA").count() == 1


def test_team_without_a_developing_country_is_warned(session_of, state):
    session = session_of(2010, "1.1")
    members = [
        m for m in session.team.all() if m.state and m.state.development_status == "developed"
    ]
    codes = [w.code for w in check_team(members)]
    assert "team_development_balance" in codes
    codes = [w.code for w in check_team(list(session.team.all()))]
    assert "team_development_balance" not in codes
    assert "team_origin_destination" in codes  # nothing marked yet: the sources do not say


def test_marked_origin_and_destination_satisfy_the_check(session_of):
    session = session_of(2010, "1.1")
    members = list(session.team.select_related("state").filter(state__isnull=False))
    members[0].perspective, members[1].perspective = "origin", "destination"
    assert [w.code for w in check_team(members)] == []


def test_publication_is_refused_naming_the_missing_role(session_of):
    session = session_of(2019, "3.2")
    SessionRole.objects.create(session=session, kind="chair", name="A chair")
    SessionRole.objects.create(session=session, kind="panellist", name="A panellist")
    SessionRole.objects.create(session=session, kind="discussant", name="A discussant")
    with pytest.raises(DomainError, match="no rapporteur yet"):
        publish_session(session)
    session.refresh_from_db()
    assert session.status == "draft"
    SessionRole.objects.create(session=session, kind="rapporteur", name="A rapporteur")
    assert publish_session(session).status == "published"


def test_missing_roles_lists_every_missing_part(session_of):
    assert missing_roles([]) == ["chair", "speaker", "discussant", "rapporteur"]
    assert missing_roles(list(session_of(2007, "1.1").roles.all())) == []


def test_focal_point_volunteers_through_the_page(client, session_of, ghana_focal_point, state):
    session = session_of(2010, "1.1")
    client.force_login(ghana_focal_point)
    url = reverse("preparation:volunteer", args=["gfmd", 4, "1.1"])
    response = client.post(url, {"state": state("GHA").pk, "seat": "member"})
    assert response.status_code == 302
    assert session.team.get(state__iso3="GHA").status == "proposed"
    again = client.post(url, {"state": state("GHA").pk, "seat": "member"})
    assert again.status_code == 400
    assert "already on the team" in again.content.decode()


def test_volunteering_another_state_is_refused_and_saves_nothing(
    client, session_of, ghana_focal_point, state
):
    client.force_login(ghana_focal_point)
    url = reverse("preparation:volunteer", args=["gfmd", 4, "1.1"])
    response = client.post(url, {"state": state("KEN").pk, "seat": "member"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not session_of(2010, "1.1").team.filter(state__iso3="KEN").exists()


def test_staff_accept_and_the_matrix_shows_the_state(
    client, session_of, ghana_focal_point, mexico_staff, state
):
    session = session_of(2010, "1.1")
    member = volunteer(session, seat="member", user=ghana_focal_point, state=state("GHA"))
    client.force_login(ghana_focal_point)
    decide_url = reverse("preparation:decide", args=["gfmd", 4, "1.1", member.pk])
    assert client.post(decide_url, {"decision": "accept"}).status_code == 403
    client.force_login(mexico_staff)
    assert client.post(decide_url, {"decision": "maybe"}).status_code == 302
    member.refresh_from_db()
    assert member.status == "proposed"  # bad input changed nothing
    client.post(decide_url, {"decision": "accept", "perspective": "origin"})
    member.refresh_from_db()
    assert member.status == "accepted"
    page = client.get(reverse("preparation:team_matrix", args=["gfmd", 4])).content.decode()
    row = page.split('id="matrix-1.1"')[1].split("</tr>")[0]
    assert "Ghana" in row


def test_matrix_exports_in_csv_xlsx_and_pdf(client):
    base = ["gfmd", 4]
    csv = client.get(reverse("preparation:team_matrix_export", args=[*base, "csv"]))
    assert csv.status_code == 200
    text = csv.content.decode("utf-8-sig")
    assert "1.1,Partnerships for more regular and protected migration,France; Brazil" in text
    xlsx = client.get(reverse("preparation:team_matrix_export", args=[*base, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Roundtable session" and len(rows) == 8
    assert "Ghana" in rows[6][3]  # RT 3.2 team (002 L2847-L2857)
    pdf = client.get(reverse("preparation:team_matrix_export", args=[*base, "pdf"]))
    assert pdf.content.startswith(b"%PDF")
    assert (
        client.get(reverse("preparation:team_matrix_export", args=[*base, "doc"])).status_code
        == 404
    )


def test_publishing_on_the_page_shows_the_missing_role(client, session_of, ecuador_staff):
    client.force_login(ecuador_staff)
    response = client.post(reverse("preparation:publish", args=["gfmd", 12, "3.2"]), follow=True)
    assert "cannot be published" in response.content.decode()
    assert "rapporteur" in response.content.decode()
    assert session_of(2019, "3.2").status == "draft"


def test_drafts_are_hidden_from_the_public(client):
    assert client.get(reverse("preparation:session", args=["gfmd", 12, "3.2"])).status_code == 404
    assert client.get(reverse("preparation:session", args=["gfmd", 4, "9.9"])).status_code == 404


def test_agenda_shows_the_2018_guiding_questions(client):
    page = client.get(reverse("preparation:agenda", args=["gfmd", 11])).content.decode()
    assert "How should we define resilience in a migration context?" in page
    assert "Guiding questions 1 and 2 are nearly the same." in page


def test_a_state_page_lists_its_session_teams_across_editions(client):
    page = client.get(reverse("directory:state", args=["GHA"])).content.decode()
    teams = page.split('class="session-teams"')[1].split("</ul>")[0]
    assert "2010 — 3.2" in teams and "2007 — 1.1" in teams
    assert f'href="{reverse("preparation:session", args=["gfmd", 4, "3.2"])}"' in teams
    assert "(government team member)" in teams or "(co-chair)" in teams


def test_edition_page_links_to_its_roundtables(client):
    page = client.get(reverse("governance:edition", args=["gfmd", 4])).content.decode()
    assert reverse("preparation:agenda", args=["gfmd", 4]) in page


def test_a_state_page_in_french_names_seats_in_french_and_titles_fall_back_to_english(client):
    from gfmd.preparation.models import RoundtableSession

    session = RoundtableSession.objects.get(
        edition__process__slug="gfmd", edition__number=4, number="3.2"
    )
    session.title_fr = "Titre français de la session"
    session.save()
    with translation.override("fr"):
        address = reverse("directory:state", args=["GHA"])
    page = client.get(address).content.decode()
    teams = page.split('class="session-teams"')[1].split("</ul>")[0]
    assert "3.2 Titre français de la session" in teams
    assert (
        "membre gouvernemental de l’équipe" in teams
        or "membre gouvernemental de l&#x27;équipe" in teams
    )
    english_only = RoundtableSession.objects.get(
        edition__process__slug="gfmd", edition__number=1, number="1.1"
    )
    assert english_only.title_fr == ""
    assert f"1.1 {english_only.title_en}" in teams
