"""A document a user may not see never appears for that user: not in results, snippets, counts,
facets, pages or files. One test per access level, for a user who may and one who may not."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from gfmd.directory.models import Affiliation, Organisation
from gfmd.governance.models import FriendsOfTheForumMembership, Process, SteeringGroupMembership
from gfmd.library.domain.search import search
from tests.factories import PersonFactory, UserFactory
from tests.helpers import focal_point_user, support_unit_user

pytestmark = pytest.mark.django_db


def finds(user, word="xylophones") -> bool:
    results = search(user, word)
    visible = results.total > 0
    # counts, facets and snippets agree with the hits
    assert visible == bool(results.hits) == bool(results.facets.get("type"))
    return visible


def reads(client, user, document) -> bool:
    if user is not None and user.is_authenticated:
        client.force_login(user)
    page = client.get(document.get_absolute_url()).status_code
    file = client.get(document.get_absolute_url() + "en/").status_code
    assert (page == 200) == (file == 200)
    return page == 200


def test_public(make_document, client):
    document = make_document("public")
    assert finds(AnonymousUser())
    assert reads(client, None, document)


def test_participants(make_document, client, state):
    document = make_document("participants")
    member = focal_point_user(state("GHA"))
    assert finds(member) and reads(client, member, document)
    client.logout()
    nobody = UserFactory(email="norole@example.test")
    assert not finds(nobody) and not finds(AnonymousUser())
    assert not reads(client, nobody, document)


def test_participants_among_organisations_are_the_editions_observers(make_document, client):
    """Organisations take part in the editions they are invited to as observers (003 L9512)."""
    from gfmd.governance.domain.observers import invite_observer
    from gfmd.governance.models import Edition

    document = make_document("participants")  # a 2010 document
    iom = Organisation.objects.get(acronym="IOM")
    contact = PersonFactory()
    Affiliation.objects.create(person=contact, organisation=iom)
    assert not finds(contact.user) and not reads(client, contact.user, document)
    client.logout()
    invite_observer(Edition.objects.get(process__slug="gfmd", year=2007), iom)
    assert not finds(contact.user) and not reads(client, contact.user, document)
    client.logout()
    invite_observer(Edition.objects.get(process__slug="gfmd", number=4), iom)
    assert finds(contact.user) and reads(client, contact.user, document)


def test_participants_named_by_a_registered_source_read_that_edition_only(
    make_document, client, monkeypatch
):
    """A capability that knows who takes part (the Summit's delegations) tells the library
    through a registered source; the library does not import it."""
    from gfmd.governance.models import Edition
    from gfmd.library.domain import access

    document = make_document("participants")  # a 2010 document
    delegate, other = PersonFactory(), PersonFactory()
    edition_2010 = Edition.objects.get(process__slug="gfmd", number=4)
    edition_2007 = Edition.objects.get(process__slug="gfmd", year=2007)

    def delegates(user):
        taking_part = {delegate.user_id: edition_2010, other.user_id: edition_2007}
        edition = taking_part.get(user.pk)
        return Edition.objects.filter(pk=edition.pk).values("pk") if edition else None

    monkeypatch.setattr(access, "PARTICIPATION_SOURCES", [])
    access.register_participation_source(delegates)
    access.register_participation_source(delegates)  # registering twice changes nothing
    assert [delegates] == access.PARTICIPATION_SOURCES
    assert finds(delegate.user) and reads(client, delegate.user, document)
    client.logout()
    assert not finds(other.user) and not reads(client, other.user, document)


def test_friends_of_the_forum(make_document, client, state):
    document = make_document("friends")
    gfmd = Process.objects.get(slug="gfmd")
    FriendsOfTheForumMembership.objects.create(process=gfmd, state=state("GHA"))
    friend = focal_point_user(state("GHA"))
    other = focal_point_user(state("MLI"), email="mali@example.test")
    assert finds(friend) and reads(client, friend, document)
    client.logout()
    assert not finds(other) and not reads(client, other, document)


def test_steering_group(make_document, client, state):
    document = make_document("steering_group")
    gfmd = Process.objects.get(slug="gfmd")
    SteeringGroupMembership.objects.create(
        process=gfmd, state=state("GHA"), start=datetime.date(2020, 1, 1)
    )
    member = focal_point_user(state("GHA"))
    other = focal_point_user(state("MLI"), email="mali@example.test")
    assert finds(member) and reads(client, member, document)
    client.logout()
    assert not finds(other) and not reads(client, other, document)


def test_team(make_document, client, state):
    document = make_document("team", team_states=[state("GHA")])
    member = focal_point_user(state("GHA"))
    iom_contact = PersonFactory()
    Affiliation.objects.create(
        person=iom_contact, organisation=Organisation.objects.get(acronym="IOM")
    )
    assert finds(member) and reads(client, member, document)
    client.logout()
    assert not finds(iom_contact.user) and not reads(client, iom_contact.user, document)


def test_support_unit_only(make_document, client, state):
    document = make_document("support_unit")
    staff = support_unit_user("gfmd-2019-ecuador")
    past_staff = support_unit_user("gfmd-2010-mexico", email="past@example.test")
    assert finds(staff) and reads(client, staff, document)
    client.logout()
    assert finds(past_staff)  # outgoing staff keep read access to the archives
    focal = focal_point_user(state("GHA"))
    assert not finds(focal) and not reads(client, focal, document)


def test_drafts_stay_with_the_team_while_the_public_sees_the_latest_final(
    make_document, client, state, django_capture_on_commit_callbacks
):
    from gfmd.library.domain.documents import Upload, add_version

    from .files import pdf_bytes, upload

    document = make_document(
        "public", texts={"en": "Final text on xylophones"}, team_states=[state("GHA")]
    )
    with django_capture_on_commit_callbacks(execute=True):
        add_version(
            document,
            status="draft",
            uploads=[Upload("en", upload("d.pdf", pdf_bytes("Draft about zithers")))],
        )
    assert finds(AnonymousUser(), "xylophones")
    assert not finds(AnonymousUser(), "zithers")
    member = focal_point_user(state("GHA"))
    assert finds(member, "zithers")
    page = client.get(document.get_absolute_url()).content.decode()
    # Version links, not the bare text: the page's CSRF token is random and may contain "v2".
    assert 'synthetic-public-paper/v1/"' in page
    assert 'synthetic-public-paper/v2/"' not in page
    assert client.get(document.get_absolute_url() + "v2/").status_code == 404
