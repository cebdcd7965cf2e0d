import pytest
from django.core.management import CommandError, call_command

from gfmd.directory.models import Affiliation, Organisation, Person, State
from gfmd.governance.models import (
    BodyMeeting,
    ChairCandidacy,
    ChairHolder,
    Chairmanship,
    ChairTerm,
    Edition,
    FocalPoint,
    Process,
    SteeringGroupMembership,
    TroikaExtension,
)
from gfmd.sources.synthetic import clear, generate, sizes

pytestmark = pytest.mark.django_db

GOVERNANCE = (
    Process,
    Chairmanship,
    Edition,
    ChairTerm,
    ChairHolder,
    ChairCandidacy,
    TroikaExtension,
    SteeringGroupMembership,
    BodyMeeting,
)
MODELS = (*GOVERNANCE, Organisation, Person, Affiliation, FocalPoint, State)


def real_rows() -> dict[str, list]:
    """Everything that is not synthetic, field by field, to show the generator leaves it be."""
    return {
        "processes": list(Process.objects.exclude(slug__startswith="synthetic-").values()),
        "editions": list(Edition.objects.exclude(process__slug__startswith="synthetic-").values()),
        "organisations": list(
            Organisation.objects.exclude(name_en__startswith="Synthetic ").values()
        ),
        "people": list(Person.objects.exclude(full_name__startswith="Synthetic ").values()),
        "states": list(State.objects.values()),
        "steering_group": list(
            SteeringGroupMembership.objects.exclude(process__slug__startswith="synthetic-").values()
        ),
        "chair_terms": list(
            ChairTerm.objects.exclude(chairmanship__process__slug__startswith="synthetic-").values()
        ),
    }


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def history_counts() -> dict[str, int]:
    return {model.__name__: model.history.count() for model in MODELS}


def test_the_dataset_has_the_proportions_of_its_scale():
    before = counts()
    created = generate(scale=0.2)
    after = counts()
    size = sizes(0.2)
    assert (size.editions, size.organisations, size.people, size.focal_point_terms) == (
        6,
        1000,
        10000,
        400,
    )
    grown = {name: after[name] - before[name] for name in after}
    assert grown["Edition"] == 6 and grown["Process"] == 1
    assert grown["Chairmanship"] == grown["ChairHolder"] == 6
    assert grown["ChairTerm"] == 7  # edition 5 is co-chaired
    assert grown["ChairCandidacy"] == 7  # a candidate for edition 4 withdrew
    assert grown["TroikaExtension"] == 6
    assert grown["SteeringGroupMembership"] == 6 * 30
    assert grown["BodyMeeting"] == 6 * 5
    assert grown["Organisation"] == 1000
    assert grown["Person"] == 10000
    assert grown["Affiliation"] == 10000 + 10000 // 5
    assert grown["FocalPoint"] == 400
    assert grown["State"] == 0
    assert created["editions"] == 6 and created["people"] == 10000
    # Governance rows keep their history like rows entered by hand.
    assert Edition.history.filter(process__slug__startswith="synthetic-").count() == 6


def test_everything_generated_says_it_is_synthetic():
    before = real_rows()
    generate(scale=0.1)
    assert real_rows() == before
    processes = Process.objects.filter(slug__startswith="synthetic-rcp-")
    assert processes.count() == 1
    for process in processes:
        assert process.kind == "rcp" and process.name_en.startswith("Synthetic RCP ")
    editions = Edition.objects.filter(process__in=processes)
    assert editions.count() == 3
    for edition in editions.select_related("chairmanship"):
        assert edition.theme_en.startswith("Synthetic theme ")
        assert edition.host_city.startswith("Synthetic City ")
        assert edition.chairmanship.name_en.startswith("Synthetic chairmanship ")
        assert edition.source_document == "synthetic"
    new_people = Person.objects.filter(source_document="synthetic")
    assert new_people.count() == 5000
    assert not new_people.exclude(full_name__startswith="Synthetic Person ").exists()
    assert not new_people.exclude(email__endswith="@example.invalid").exists()
    new_organisations = Organisation.objects.filter(source_document="synthetic")
    assert not new_organisations.exclude(name_en__startswith="Synthetic Organisation ").exists()
    # Focal points, chair holders and affiliations are synthetic people in synthetic roles.
    assert not FocalPoint.objects.exclude(person__full_name__startswith="Synthetic ").exists()
    assert not ChairHolder.objects.filter(chairmanship__process__in=processes).exclude(
        person__full_name__startswith="Synthetic Person "
    )
    assert not Affiliation.objects.filter(person__in=new_people).exclude(
        organisation__name_en__startswith="Synthetic Organisation "
    )


def test_generating_again_replaces_the_dataset_without_duplicates():
    before, history_before = counts(), history_counts()
    generate(scale=0.1, seed=3)
    once = counts()
    generate(scale=0.1, seed=3)
    assert counts() == once
    generate(scale=0.02)
    smaller = counts()
    assert smaller["Person"] - before["Person"] == 1000
    assert smaller["Edition"] - before["Edition"] == 1
    clear()
    assert counts() == before
    assert history_counts() == history_before


def test_a_real_row_linked_to_a_synthetic_one_stays_when_the_link_may_be_cleared():
    generate(scale=0.02)
    meeting = BodyMeeting.objects.create(
        process=Process.objects.get(slug="gfmd"),
        edition=Edition.objects.get(process__slug="synthetic-rcp-1", number=1),
        body="troika",
    )
    clear()
    meeting.refresh_from_db()
    assert meeting.edition is None


def test_the_command_refuses_a_scale_that_makes_no_sense():
    with pytest.raises(CommandError, match="greater than 0"):
        call_command("generate_dataset", "--scale", "0", verbosity=0)
    call_command("generate_dataset", "--scale", "0.02", "--seed", "7", verbosity=0)
    assert Edition.objects.filter(process__slug="synthetic-rcp-1").count() == 1


PAGES = [
    "/en/",
    "/en/editions/",
    "/en/editions/gfmd/4/",
    "/en/editions/gfmd/4/governance/",
    "/en/editions/synthetic-rcp-1/2/",
    "/en/editions/synthetic-rcp-1/2/governance/",
    "/en/editions/synthetic-rcp-1/",
    "/en/editions/gfmd/",
    "/en/states/",
    "/en/organisations/",
    "/en/organisations/?page=2",
    "/api/v1/states",
    "/api/v1/organisations",
    "/api/v1/states/MEX",
    "/api/v1/editions",
    "/api/v1/editions?process=gfmd",
    "/api/v1/editions/gfmd/4",
    "/api/v1/editions/synthetic-rcp-1/2",
]


def query_counts(client, paths) -> dict[str, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries)
    return counts


def synthetic_chairs() -> set[str]:
    return set(
        ChairTerm.objects.filter(chairmanship__process__slug__startswith="synthetic-").values_list(
            "state__iso3", flat=True
        )
    )


def test_page_query_counts_do_not_grow_with_the_scale(client):
    """The benchmark's pages read the same number of queries at two scales (bench/run.py
    measures their time at scales 1 and 10)."""
    generate(scale=0.05)  # two editions
    chairs_before = synthetic_chairs()
    generate(scale=0.2)  # six editions, ten times the people
    # A state that chairs a synthetic edition only in the larger dataset: its page lists more.
    state = sorted(synthetic_chairs() - chairs_before)[0]
    first = Organisation.objects.order_by("pk").first().pk  # one the sources name
    paths = [*PAGES, f"/en/states/{state}/", f"/en/organisations/{first}/"]
    paths.append(f"/api/v1/organisations/{first}")
    larger = query_counts(client, paths)
    generate(scale=0.05)
    assert query_counts(client, paths) == larger
