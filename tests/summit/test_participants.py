"""A registered delegate takes part in the edition: the library lets them read what is for the
participants of that edition, and of no other (docs/summit.md, docs/library.md)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gfmd.library.domain.documents import Upload, add_version, create_document
from gfmd.library.domain.search import search
from gfmd.summit.domain.delegates import add_delegate
from gfmd.summit.domain.delegations import register_delegation, withdraw_delegation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def participants_document(edition, slug: str, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = create_document(
            process=edition.process,
            edition=edition,
            year=edition.year,
            type="information-note",
            slug=slug,
            title_en=f"Synthetic logistics note {slug}",
            access_level="participants",
        )
        add_version(
            document,
            status="final",
            uploads=[Upload("en", SimpleUploadedFile("n.txt", b"Shuttle timetable zanzibarite"))],
        )
    return document


def test_a_registered_delegate_reads_the_participants_documents_of_that_edition_only(
    mexico_2010, edition, state, django_capture_on_commit_callbacks
):
    ours = participants_document(mexico_2010, "ours", django_capture_on_commit_callbacks)
    other = participants_document(edition(2007), "other", django_capture_on_commit_callbacks)
    user = UserFactory(email="delegate@example.test")
    delegation = register_delegation(mexico_2010, state=state("GHA"), by_staff=True)
    assert search(user, "zanzibarite").total == 0  # not registered: no participant
    add_delegate(
        delegation, full_name="Synthetic Delegate", email=user.email, role="head", by_staff=True
    )
    user.refresh_from_db()
    assert [hit.document for hit in search(user, "zanzibarite").hits] == [ours]
    assert other != ours
    withdraw_delegation(delegation)
    assert search(user, "zanzibarite").total == 0
