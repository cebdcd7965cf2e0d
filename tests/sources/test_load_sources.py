import pytest
from django.core.management import call_command

from gfmd.directory.models import Organisation, Person
from gfmd.governance.models import ChairTerm, Edition, Process, SteeringGroupMembership

pytestmark = pytest.mark.django_db


def counts():
    return [
        m.objects.count()
        for m in (Process, Edition, ChairTerm, SteeringGroupMembership, Organisation, Person)
    ]


def test_loading_twice_changes_nothing():
    before = counts()
    call_command("load_sources", verbosity=0)
    assert counts() == before


def test_records_carry_their_provenance():
    for edition in Edition.objects.filter(process__slug="gfmd"):
        assert edition.source_document in {"000", "001", "002", "003", "004"}
        assert edition.source_lines.startswith("L")
    mexico = Edition.objects.get(process__slug="gfmd", year=2010)
    assert mexico.source_document == "002"


def test_the_editions_the_sources_name():
    editions = {e.year: e for e in Edition.objects.filter(process__slug="gfmd")}
    assert editions[2007].host_city == "Brussels" and editions[2007].host_state.iso3 == "BEL"
    assert editions[2010].host_city == "Puerto Vallarta" and editions[2010].number == 4
    assert editions[2017].host_city == "Berlin" and editions[2017].number == 10
    assert editions[2018].host_city == "Marrakesh" and editions[2018].number == 11
    assert editions[2019].host_city == "Quito" and editions[2019].number == 12
    assert editions[2017].chairmanship == editions[2018].chairmanship
    inferred = [e.year for e in editions.values() if e.number_inferred]
    assert all(editions[y].source_note for y in inferred)
