"""List pages and API lists read what they render in a fixed number of queries."""

import datetime

import pytest

from tests.factories import EditionFactory, OrganisationFactory, ProcessFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "/en/": 20,
    "/en/editions/": 12,
    "/en/editions/gfmd/4/": 20,
    "/en/editions/gfmd/4/governance/": 24,
    "/en/editions/gfmd/4/governance/history/": 24,
    "/en/states/": 8,
    "/en/states/MEX/": 14,
    "/en/organisations/": 10,
    "/api/v1/states": 6,
    "/api/v1/organisations": 6,
    "/api/v1/editions": 10,
    "/api/v1/editions/gfmd/4": 16,
    "/documents/": 10,
    "/documents/?q=remittances": 10,
    "/documents/gfmd/2010/report-of-proceedings/report-of-the-proceedings/": 14,
    "/en/editions/gfmd/4/archive/": 10,
    "/api/v1/documents": 10,
    "/api/v1/search?q=remittances": 10,
}


def grow_the_data():
    process = ProcessFactory()
    for number in range(1, 21):
        EditionFactory(
            process=process, number=number, summit_start=datetime.date(2000 + number, 1, 1)
        )
    OrganisationFactory.create_batch(60)
    grow_the_library()


def grow_the_library():
    from django.core.files.base import ContentFile

    from gfmd.governance.models import Edition
    from gfmd.library.domain.documents import Upload, add_version, create_document
    from gfmd.library.domain.indexing import reindex_document
    from gfmd.library.models import DocumentFile

    edition = Edition.objects.get(process__slug="gfmd", number=4)
    for number in range(5):
        document = create_document(
            process=edition.process,
            edition=edition,
            year=2010,
            type="statement",
            title_en=f"Synthetic statement {number} on remittances",
        )
        add_version(
            document,
            status="final",
            uploads=[
                Upload("en", ContentFile(b"remittances text", name="s.txt")),
                Upload("fr", ContentFile(b"envois de fonds", name="s.txt")),
            ],
        )
        DocumentFile.objects.filter(version__document=document).update(
            text="remittances", text_status="indexed"
        )
        reindex_document(document.pk)


@pytest.mark.parametrize("path", PAGES)
def test_query_count_is_fixed(
    client, path, django_assert_max_num_queries, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        assert client.get(path).status_code == 200
    grow_the_data()
    with CaptureQueriesContext(connection) as after:
        assert client.get(path).status_code == 200
    assert len(after) == len(before), path
    assert len(after) <= PAGES[path]
