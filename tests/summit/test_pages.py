"""The Summit pages: the public list shows no names; a focal point registers their own state;
members are added and removed in place (HTMX); bad input shows a message and saves nothing;
staff confirm, withdraw, set up registration and export."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from gfmd.summit.domain.delegates import add_delegate
from gfmd.summit.domain.delegations import confirm_delegation, register_delegation
from gfmd.summit.domain.registration import registration_of
from gfmd.summit.models import Delegate, Delegation

pytestmark = pytest.mark.django_db

SUMMIT = ["gfmd", 4]


def url(name: str, *args) -> str:
    return reverse(f"summit:{name}", args=[*SUMMIT, *args])


@pytest.fixture
def confirmed_mexico(mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    add_delegate(delegation, full_name="Synthetic Head", email="head@example.test", role="head")
    add_delegate(
        delegation, full_name="Synthetic Adviser", email="adviser@example.test", role="delegate"
    )
    return confirm_delegation(delegation)


def test_the_edition_page_links_to_the_summit(client, mexico_2010):
    page = client.get(reverse("governance:edition", args=SUMMIT)).content.decode()
    assert url("registration") in page


def test_the_public_list_shows_delegations_and_counts_but_no_names(client, confirmed_mexico, state):
    register_delegation(confirmed_mexico.edition, state=state("GHA"))  # not confirmed yet
    response = client.get(url("registration"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mexico" in page and "Americas" in page and "developing" in page
    assert "Ghana" not in page  # awaiting confirmation: counted, not listed
    assert "1 registration awaits" in page
    assert "Synthetic Head" not in page and "head@example.test" not in page
    delegation_page = client.get(url("delegation", confirmed_mexico.pk)).content.decode()
    assert "Delegation of Mexico" in delegation_page
    assert "Synthetic Head" not in delegation_page and "adviser@example.test" not in delegation_page
    assert "2 of 3 taken" in delegation_page


def test_a_delegation_not_confirmed_is_not_shown_to_the_public(client, mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("GHA"))
    assert client.get(url("delegation", delegation.pk)).status_code == 404


def test_the_focal_point_sees_names_and_rooms_of_their_delegation(
    client, confirmed_mexico, mexico_focal_point, ghana_focal_point
):
    client.force_login(mexico_focal_point)
    page = client.get(url("delegation", confirmed_mexico.pk)).content.decode()
    assert "Synthetic Head" in page and "head@example.test" in page
    row = page.split("Synthetic Head")[1].split("</tr>")[0]
    assert "main room" in row
    row = page.split("Synthetic Adviser")[1].split("</tr>")[0]
    assert "listening room" in row
    assert "History" in page
    client.force_login(ghana_focal_point)
    page = client.get(url("delegation", confirmed_mexico.pk)).content.decode()
    assert "Synthetic Head" not in page


def test_a_focal_point_registers_their_own_state(client, mexico_2010, mexico_focal_point, state):
    client.force_login(mexico_focal_point)
    page = client.get(url("registration")).content.decode()
    assert "Register my delegation" in page
    form = page.split('name="state"')[1].split("</select>")[0]
    assert "Mexico" in form and "Ghana" not in form
    response = client.post(url("register"), {"state": state("MEX").pk})
    delegation = Delegation.objects.get(edition=mexico_2010, state__iso3="MEX")
    assert response.status_code == 302 and response.url == url("delegation", delegation.pk)
    assert delegation.registered_by == mexico_focal_point


def test_a_focal_point_cannot_register_another_state(
    client, mexico_2010, mexico_focal_point, state
):
    client.force_login(mexico_focal_point)
    response = client.post(url("register"), {"state": state("GHA").pk})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Delegation.objects.filter(edition=mexico_2010).exists()


def test_registering_nothing_or_both_is_refused(
    client, mexico_2010, mexico_staff, state, observer_organisation
):
    client.force_login(mexico_staff)
    response = client.post(url("register"), {})
    assert response.status_code == 400
    assert "Choose a state or an organisation" in response.content.decode()
    response = client.post(
        url("register"), {"state": state("MEX").pk, "organisation": observer_organisation.pk}
    )
    assert response.status_code == 400
    assert not Delegation.objects.filter(edition=mexico_2010).exists()


def test_an_organisation_contact_registers_their_invited_organisation(
    client, mexico_2010, observer_contact, observer_organisation
):
    client.force_login(observer_contact)
    response = client.post(url("register"), {"organisation": observer_organisation.pk})
    assert response.status_code == 302
    assert Delegation.objects.get(edition=mexico_2010).organisation == observer_organisation


def test_others_may_not_register(client, mexico_2010, stranger, uninvited_contact, state):
    assert client.post(url("register"), {"state": state("MEX").pk}).status_code == 302  # sign in
    client.force_login(stranger)
    assert client.post(url("register"), {"state": state("MEX").pk}).status_code == 403
    client.force_login(uninvited_contact)
    assert client.post(url("register"), {"state": state("MEX").pk}).status_code == 403
    assert not Delegation.objects.exists()


def test_registration_closed_shows_the_dates_to_a_focal_point(
    client, mexico_2010, mexico_focal_point, state
):
    registration = registration_of(mexico_2010)
    registration.opens_on = datetime.date(2010, 6, 1)
    registration.closes_on = datetime.date(2010, 10, 15)
    registration.save()
    client.force_login(mexico_focal_point)
    response = client.post(url("register"), {"state": state("MEX").pk})
    assert response.status_code == 400
    assert "closed on Oct. 15, 2010" in response.content.decode()
    assert not Delegation.objects.exists()


def test_a_member_is_added_in_place_with_htmx(client, mexico_2010, mexico_focal_point, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    client.force_login(mexico_focal_point)
    response = client.post(
        url("add_delegate", delegation.pk),
        {"full_name": "Synthetic Minister", "email": "minister@example.test", "role": "head"},
        HTTP_HX_REQUEST="true",
    )
    fragment = response.content.decode()
    assert response.status_code == 200
    assert fragment.startswith('<section id="members"')
    assert "<html" not in fragment
    assert "Synthetic Minister is registered as head of delegation (main room)." in fragment
    member = Delegate.objects.get(delegation=delegation)
    response = client.post(url("remove_delegate", delegation.pk, member.pk), HTTP_HX_REQUEST="true")
    assert "no longer a member" in response.content.decode()
    assert not Delegate.objects.filter(delegation=delegation).exists()


def test_a_refused_member_shows_the_message_in_place_and_saves_nothing(
    client, confirmed_mexico, mexico_focal_point
):
    add_delegate(
        confirmed_mexico, full_name="Synthetic Third", email="third@example.test", role="delegate"
    )
    client.force_login(mexico_focal_point)
    data = {"full_name": "Synthetic Fourth", "email": "fourth@example.test", "role": "delegate"}
    response = client.post(url("add_delegate", confirmed_mexico.pk), data, HTTP_HX_REQUEST="true")
    assert "already has 3 delegates, the most a government may register" in (
        response.content.decode()
    )
    response = client.post(url("add_delegate", confirmed_mexico.pk), data)
    assert response.status_code == 400
    assert "already has 3 delegates" in response.content.decode()
    assert confirmed_mexico.delegates.count() == 3


def test_bad_member_input_shows_the_field_message_and_saves_nothing(
    client, mexico_2010, mexico_focal_point, state
):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    client.force_login(mexico_focal_point)
    response = client.post(
        url("add_delegate", delegation.pk),
        {"full_name": "", "email": "not an e-mail", "role": "king"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid email address." in page
    assert "Select a valid choice" in page
    assert not Delegate.objects.exists()


def test_another_focal_point_may_not_add_or_remove(client, confirmed_mexico, ghana_focal_point):
    client.force_login(ghana_focal_point)
    data = {"full_name": "Synthetic Intruder", "email": "intruder@example.test", "role": "delegate"}
    assert client.post(url("add_delegate", confirmed_mexico.pk), data).status_code == 403
    member = confirmed_mexico.delegates.first()
    assert client.post(url("remove_delegate", confirmed_mexico.pk, member.pk)).status_code == 403
    assert confirmed_mexico.delegates.count() == 2


def test_staff_overview_counts_confirms_and_withdraws(
    client, mexico_2010, mexico_staff, mexico_focal_point, state
):
    ghana = register_delegation(mexico_2010, state=state("GHA"))
    add_delegate(ghana, full_name="Synthetic Ghana Head", email="gh@example.test", role="head")
    client.force_login(mexico_focal_point)
    assert client.get(url("staff")).status_code == 403
    assert client.post(url("confirm", ghana.pk)).status_code == 403
    client.force_login(mexico_staff)
    page = client.get(url("staff")).content.decode()
    assert "Ghana" in page and "submitted" in page
    response = client.post(url("confirm", ghana.pk), {"back": "staff"})
    assert response.status_code == 302 and response.url == url("staff")
    ghana.refresh_from_db()
    assert ghana.status == "confirmed"
    page = client.get(url("staff")).content.decode()
    assert "Africa" in page
    client.post(url("withdraw", ghana.pk), {"reason": "Cannot travel"})
    ghana.refresh_from_db()
    assert ghana.status == "withdrawn"


def test_staff_confirming_without_a_head_sees_why(client, mexico_2010, mexico_staff, state):
    ghana = register_delegation(mexico_2010, state=state("GHA"))
    client.force_login(mexico_staff)
    response = client.post(url("confirm", ghana.pk), follow=True)
    assert "no head of delegation yet" in response.content.decode()
    ghana.refresh_from_db()
    assert ghana.status == "submitted"


def test_staff_set_up_registration_and_bad_dates_save_nothing(client, edition, state):
    from tests.helpers import support_unit_user

    staff = support_unit_user("gfmd-2019-ecuador", email="staff-ecuador@example.test")
    forum = edition(2019)
    client.force_login(staff)
    address = ["gfmd", 12]
    settings_url = reverse("summit:settings", args=address)
    bad = {
        "opens_on": "2019-09-01",
        "closes_on": "2019-08-01",
        "seats_per_government": "3",
        "seats_per_observer": "0",
    }
    response = client.post(settings_url, bad)
    assert response.status_code == 400
    assert "Ensure this value is greater than or equal to 1." in response.content.decode()
    bad["seats_per_observer"] = "2"
    response = client.post(settings_url, bad)
    assert response.status_code == 400
    assert "Registration cannot close" in response.content.decode()
    assert registration_of(forum) is None
    good = {**bad, "closes_on": "2019-11-15", "source": "Synthetic decision"}
    assert client.post(settings_url, good).status_code == 302
    registration = registration_of(forum)
    assert (registration.closes_on, registration.seats_per_observer) == (
        datetime.date(2019, 11, 15),
        2,
    )


def test_staff_register_any_state_even_after_closing(client, mexico_2010, mexico_staff, state):
    registration = registration_of(mexico_2010)
    registration.closes_on = datetime.date(2010, 10, 15)
    registration.save()
    client.force_login(mexico_staff)
    page = client.get(url("registration")).content.decode()
    assert "Register the delegation" in page
    assert client.post(url("register"), {"state": state("FRA").pk}).status_code == 302
    assert Delegation.objects.filter(edition=mexico_2010, state__iso3="FRA").exists()


def test_exports_for_staff_only(client, confirmed_mexico, mexico_staff, mexico_focal_point):
    add_delegate(
        confirmed_mexico,
        full_name="=HYPERLINK(1)",
        email="formula@example.test",
        role="delegate",
        by_staff=True,
    )
    client.force_login(mexico_focal_point)
    assert client.get(url("export", "csv")).status_code == 403
    client.force_login(mexico_staff)
    response = client.get(url("export", "csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="summit-delegates-gfmd-4.csv"'
    text = response.content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Delegation,Kind,Code,M49 region")
    assert "Mexico,government,MEX,Americas,developing,confirmed,Synthetic Head" in lines[1]
    assert "head of delegation,main room" in lines[1]
    assert "'=HYPERLINK(1)" in text  # never run as a formula
    response = client.get(url("export", "xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Delegation" and len(rows) == 4
    assert rows[1][6] == "Synthetic Head" and rows[1][7] == "head@example.test"
    assert client.get(url("export", "pdf")).status_code == 404


def test_pages_in_french_and_spanish(client, confirmed_mexico):
    for language, word in (("fr", "Mexique"), ("es", "México")):
        with translation.override(
            "en"
        ):  # the page activates its language; later tests read English
            page = client.get(f"/{language}/editions/gfmd/4/summit/").content.decode()
        assert word in page
