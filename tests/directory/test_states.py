import re

import pytest
from django.utils import translation

from gfmd.directory.models import State

pytestmark = pytest.mark.django_db


def test_all_member_and_observer_states_and_nothing_else():
    assert State.objects.count() == 195
    assert State.objects.filter(un_status="member").count() == 193
    observers = set(State.objects.filter(un_status="observer").values_list("iso3", flat=True))
    assert observers == {"VAT", "PSE"}
    assert not State.objects.filter(iso3__in=["PRI", "TWN", "HKG", "ATA"]).exists()


def test_namibia_keeps_its_code_na():
    assert State.objects.get(iso3="NAM").iso2 == "NA"


@pytest.mark.parametrize(
    ("iso3", "region", "subregion", "since", "status"),
    [
        ("DEU", "Europe", "Western Europe", 1973, "developed"),
        ("MEX", "Americas", "Latin America and the Caribbean", 1945, "developing"),
        ("GHA", "Africa", "Sub-Saharan Africa", 1957, "developing"),
        ("CHE", "Europe", "Western Europe", 2002, "developed"),
        ("SSD", "Africa", "Sub-Saharan Africa", 2011, "developing"),
        ("JPN", "Asia", "Eastern Asia", 1956, "developed"),
    ],
)
def test_state_facts(iso3, region, subregion, since, status):
    state = State.objects.get(iso3=iso3)
    assert (state.m49_region, state.m49_subregion) == (region, subregion)
    assert state.un_member_since == since
    assert state.development_status == status
    assert state.development_status_source and state.development_status_year


def test_names_follow_the_active_language():
    mexico = State.objects.get(iso3="MEX")
    with translation.override("fr"):
        assert mexico.name == "Mexique"
    with translation.override("es"):
        assert mexico.name == "México"
    with translation.override("de"):
        assert mexico.name == "Mexico"  # falls back to English


def test_reloading_reference_data_changes_nothing_and_keeps_a_revised_classification():
    from gfmd.directory.interfaces.importers import import_states

    turkey = State.objects.get(iso3="TUR")
    turkey.development_status = "developed"
    turkey.development_status_source = "Support Unit decision (synthetic test)"
    turkey.save()
    created, updated = import_states()
    assert created == 0
    turkey.refresh_from_db()
    assert turkey.development_status == "developed"
    assert turkey.history.count() >= 2


def test_the_states_page_lists_every_state_in_the_page_language(client):
    french = client.get("/fr/states/").content.decode()
    assert len(re.findall(r'href="/fr/states/[A-Z]{3}/"', french)) == 195
    assert '<a href="/fr/states/GHA/">Ghana</a>' in french
    assert "en développement" in french and "État Membre de l&#x27;ONU" in french
    english = client.get("/en/states/?region=Africa").content.decode()
    assert '<a href="/en/states/NAM/">Namibia</a>' in english and "developing" in english
    assert len(re.findall(r'href="/en/states/[A-Z]{3}/"', english)) == 54
