import pytest
from django.urls import reverse

from gfmd.governance.models import SteeringGroupMembership
from tests.helpers import focal_point_user, support_unit_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_public_pages_in_three_languages(client, language):
    for path in [
        "",
        "editions/",
        "editions/gfmd/",
        "editions/gfmd/4/",
        "editions/gfmd/4/governance/",
        "states/",
        "states/MEX/",
        "organisations/",
    ]:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        assert f'lang="{language}"' in response.content.decode()


def test_edition_2010_in_french_shows_the_chair_and_troika(client):
    page = client.get("/fr/editions/gfmd/4/").content.decode()
    assert "Mexique" in page
    assert "Grèce" in page and "Suisse" in page
    assert "Puerto Vallarta" in page


def test_edition_page_reads_governance_on_another_day(client):
    page = client.get("/en/editions/gfmd/4/", {"as_of": "2010-09-30"}).content.decode()
    assert "Spain" in page
    bad = client.get("/en/editions/gfmd/4/", {"as_of": "yesterday"})
    assert bad.status_code == 200
    assert "use YYYY-MM-DD" in bad.content.decode()


def test_governance_page_shows_warnings_with_sources_and_history(client):
    page = client.get("/en/editions/gfmd/12/governance/").content.decode()
    assert "the forthcoming chair is not known yet" in page
    assert "003 L9542-L9546" in page
    assert 'hx-get="/en/editions/gfmd/12/governance/history/"' in page


def test_history_of_an_edition_as_a_page_and_as_a_fragment(client, edition):
    target = edition(2010)
    target.host_city = "Puerto Vallarta, Jalisco"
    target.save()
    page = client.get("/en/editions/gfmd/4/governance/history/")
    assert page.status_code == 200 and "<html" in page.content.decode()
    text = page.content.decode()
    assert "Puerto Vallarta → Puerto Vallarta, Jalisco" in text
    fragment = client.get("/en/editions/gfmd/4/governance/history/", HTTP_HX_REQUEST="true")
    assert "<html" not in fragment.content.decode()
    assert "Puerto Vallarta, Jalisco" in fragment.content.decode()


def test_state_page_shows_gfmd_history_without_personal_data(client, state):
    focal_point_user(state("MEX"), email="hidden.person@example.test")
    page = client.get("/en/states/MEX/").content.decode()
    assert "Mexico" in page and "2010" in page
    assert "hidden.person@example.test" not in page
    assert "1 current, 1 in all" in page


def test_unknown_pages_are_404(client):
    assert client.get("/en/editions/gfmd/999/").status_code == 404
    assert client.get("/en/states/XXX/").status_code == 404
    assert client.get("/en/editions/nope/").status_code == 404


def test_staff_add_a_steering_group_member_from_the_governance_page(client):
    staff = support_unit_user("gfmd-2019-ecuador")
    client.force_login(staff)
    url = reverse("governance:add_steering_group_membership", args=["gfmd", 12])
    response = client.post(url, {"state": "GHA", "start": "2019-01-01", "end": "2019-12-31"})
    assert response.status_code == 302
    assert SteeringGroupMembership.objects.filter(state__iso3="GHA", start__year=2019).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"state": "PRI", "start": "2019-01-01"}, "PRI is not a UN Member or Observer State"),
        ({"state": "GHA", "start": "2019-13-01"}, "Enter a valid date"),
        ({"state": "GHA", "start": "2019-05-01", "end": "2019-01-01"}, "before the start date"),
        ({"state": "ARG", "start": "2010-03-01"}, "already a member of the Steering Group"),
    ],
)
def test_bad_steering_group_input_is_explained_and_saves_nothing(client, data, message):
    staff = support_unit_user("gfmd-2019-ecuador")
    client.force_login(staff)
    before = SteeringGroupMembership.objects.count()
    url = reverse("governance:add_steering_group_membership", args=["gfmd", 12])
    response = client.post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert SteeringGroupMembership.objects.count() == before


def test_focal_points_and_anonymous_users_cannot_add_members(client, state):
    url = reverse("governance:add_steering_group_membership", args=["gfmd", 12])
    response = client.post(url, {"state": "GHA", "start": "2019-01-01"})
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    client.force_login(focal_point_user(state("GHA")))
    assert client.post(url, {"state": "GHA", "start": "2019-01-01"}).status_code == 403
    assert not SteeringGroupMembership.objects.filter(state__iso3="GHA", start__year=2019).exists()


def test_lists_of_states_follow_the_alphabet_of_the_language(client):
    page = client.get("/fr/editions/gfmd/4/").content.decode()
    assert (
        page.index("Allemagne")
        < page.index("Argentine")
        < page.index("Égypte")
        < page.index("Espagne")
    )
    states = client.get("/fr/states/").content.decode()
    assert states.index("Égypte") < states.index("Érythrée") < states.index("Fidji")


def test_process_page_lists_working_groups_with_their_names_and_meetings(client):
    response = client.get("/en/editions/gfmd/")
    page = response.content.decode()
    title = page[page.index("<title>") : page.index("</title>")]
    assert "Working Groups" not in title  # the page title is only the process's name
    assert page.count("Ad hoc Working Groups") == 1
    assert "Policy coherence, data and research" in page
    assert "Earlier names:" in page  # the 2030 Agenda group was renamed (001 L40-L43)
    assert "Friends of the Forum" in page and "2007" in page
