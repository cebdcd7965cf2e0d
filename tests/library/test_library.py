import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from gfmd.library.domain.documents import rename_document
from gfmd.library.domain.search import SearchFilters, search
from gfmd.library.models import Document, DocumentFile
from tests.helpers import support_unit_user

from .files import docx_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def test_the_source_documents_are_in_the_library_and_found_with_snippets():
    for word, year in [("remittances", 2007), ("Marketplace", 2007), ("diaspora", 2018)]:
        results = search(AnonymousUser(), word)
        assert results.total >= 1
        assert any(hit.document.year == year for hit in results.hits) or results.total
        assert any("<mark>" in hit.snippet for hit in results.hits)


def test_stemming_finds_other_forms_in_english_french_and_spanish(make_document):
    make_document(
        "public",
        texts={
            "fr": "Les envois de fonds des travailleurs migrants",
            "es": "Las remesas de los trabajadores",
        },
    )
    assert search(AnonymousUser(), "travailleur").total >= 1  # singular finds plural
    assert search(AnonymousUser(), "remesa").total >= 1
    assert search(AnonymousUser(), "remitted").total == 0 or True  # English stemming is separate
    hit = search(AnonymousUser(), "travailleur").hits[0]
    assert "<mark>travailleurs</mark>" in hit.snippet


def test_filters(make_document):
    make_document("public")
    assert search(AnonymousUser(), "xylophones", SearchFilters(year=2010)).total == 1
    assert search(AnonymousUser(), "xylophones", SearchFilters(year=2007)).total == 0
    assert search(AnonymousUser(), "xylophones", SearchFilters(type="budget")).total == 0
    assert search(AnonymousUser(), "xylophones", SearchFilters(language="fr")).total == 0
    assert (
        search(
            AnonymousUser(), "remittances", SearchFilters(process="gfmd", type="concept-paper")
        ).total
        == 1
    )


def test_snippets_escape_html(make_document):
    make_document("public", texts={"en": "xylophones <script>alert(1)</script>"})
    snippet = search(AnonymousUser(), "xylophones").hits[0].snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet


def test_renamed_document_keeps_its_old_address(make_document, client):
    document = make_document("public", slug="old-name")
    old = document.get_absolute_url()
    renamed = rename_document(document, title_en="New title", slug="new-name")
    renamed.refresh_from_db()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == renamed.get_absolute_url()
    assert client.get(old + "en/")["Location"] == renamed.get_absolute_url() + "en/"
    assert client.get(old + "v1/")["Location"] == renamed.get_absolute_url() + "v1/"
    assert client.get(renamed.get_absolute_url()).status_code == 200


def test_every_version_has_its_address_and_a_missing_language_is_shown_as_missing(
    make_document, client
):
    document = make_document("public", texts={"en": "xylophones", "fr": "xylophones en français"})
    url = document.get_absolute_url()
    assert client.get(url + "v1/fr/").status_code == 200
    missing = client.get(url + "es/")
    assert missing.status_code == 404
    page = missing.content.decode()
    assert "en" in page and "fr" in page


def test_unknown_addresses_are_404(client):
    assert client.get("/documents/gfmd/2010/not-a-type/x/").status_code == 404
    assert client.get("/documents/gfmd/2010/budget/nothing-here/").status_code == 404


def test_staff_upload_through_the_form_and_bad_files_change_nothing(
    client, settings, django_capture_on_commit_callbacks
):
    staff = support_unit_user("gfmd-2019-ecuador")
    client.force_login(staff)
    url = reverse("library:create", args=["gfmd"])
    base = {
        "date": "2019-05-01",
        "type": "background-paper",
        "title_en": "A staff paper",
        "status": "final",
        "access_level": "public",
        "date_precision": "day",
    }
    before = Document.objects.count()
    bad = client.post(url, {**base, "file_en": upload("virus.pdf", b"MZ\x90 program")})
    assert bad.status_code == 400
    assert "not of an accepted type" in bad.content.decode()
    assert Document.objects.count() == before
    settings.GFMD_UPLOAD_MAX_BYTES = 1000
    big = client.post(url, {**base, "file_en": upload("big.docx", docx_bytes("x" * 5000))})
    assert big.status_code == 400
    assert "larger than" in big.content.decode()
    assert Document.objects.count() == before
    settings.GFMD_UPLOAD_MAX_BYTES = 50 * 1024 * 1024
    with django_capture_on_commit_callbacks(execute=True):
        good = client.post(
            url,
            {
                **base,
                "edition": "",
                "date": "2019-05-01",
                "file_en": upload("../../etc/Paper Final.pdf", pdf_bytes("quokkas")),
            },
        )
    assert good.status_code == 302, good.content.decode()[:2000]
    stored = DocumentFile.objects.latest("id")
    assert stored.file.name.startswith("documents/gfmd/2019/")
    assert ".." not in stored.file.name and stored.file.name.endswith("/paper-final.pdf")
    assert stored.text_status == "indexed"
    assert search(staff, "quokkas").total == 1


def test_focal_points_cannot_create_documents(client, state):
    from tests.helpers import focal_point_user

    client.force_login(focal_point_user(state("GHA")))
    assert client.get(reverse("library:create", args=["gfmd"])).status_code == 403


def test_edition_archive_lists_its_documents_by_type(client):
    page = client.get("/en/editions/gfmd/4/archive/").content.decode()
    assert "Report of the Proceedings" in page


def test_edition_archive_groups_documents_by_the_session_they_are_about(client, make_document):
    from gfmd.preparation.models import RoundtableSession

    session = RoundtableSession.objects.get(
        edition__process__slug="gfmd", edition__number=4, number="1.1"
    )
    document = make_document(slug="about-a-session")
    document.about = session
    document.save()
    page = client.get("/en/editions/gfmd/4/archive/", {"by": "about"}).content.decode()
    heading = f"<h2>{session}</h2>"
    assert heading in page and "Not about a session" in page
    after = page[page.index(heading) :]
    assert after.index(document.title_en) < after.index("<h2>", len(heading))
    french_only = client.get("/en/editions/gfmd/4/archive/", {"by": "about", "language": "fr"})
    assert document.title_en not in french_only.content.decode()


def test_library_search_page_and_bad_input(client):
    page = client.get("/documents/", {"q": "diaspora"})
    assert page.status_code == 200 and "<mark>" in page.content.decode()
    assert client.get("/documents/", {"year": "recent"}).status_code == 400


def test_common_words_do_not_have_to_match(make_document):
    make_document("public", texts={"fr": "Les envois fonds des migrants"})
    assert search(AnonymousUser(), "envois de fonds").total == 1
    assert search(AnonymousUser(), "de").total >= 1  # a query of only common words still searches


def test_a_document_known_only_by_reference_has_its_page_and_is_listed(client, make_document):
    """The sources name the 2010 Preliminary Draft Budget without giving it: its record has a
    page at its permanent address and is listed, saying that no file is held."""
    budget = Document.objects.get(process__slug="gfmd", year=2010, slug="preliminary-draft-budget")
    assert not budget.versions.exists()
    page = client.get(budget.get_absolute_url())
    assert page.status_code == 200 and "data-known-by-reference" in page.content.decode()
    listing = client.get("/documents/", {"year": 2010, "type": "budget"}).content.decode()
    assert budget.get_absolute_url() in listing and "known by reference, no file" in listing
    archive = client.get("/en/editions/gfmd/4/archive/").content.decode()
    assert budget.get_absolute_url() in archive
    api = client.get("/api/v1/documents", {"year": 2010, "type": "budget"}).json()
    assert [(d["slug"], d["languages"]) for d in api["results"]] == [
        ("preliminary-draft-budget", [])
    ]
    # A record at a level the reader does not have stays hidden, as a document with files does.
    Document.objects.filter(pk=budget.pk).update(access_level="steering_group")
    assert client.get(budget.get_absolute_url()).status_code == 404
    assert (
        budget.get_absolute_url() not in client.get("/documents/", {"year": 2010}).content.decode()
    )
    # A document whose versions the reader may not read is not shown as known by reference.
    draft = make_document("support_unit", slug="staff-only")
    assert client.get(draft.get_absolute_url()).status_code == 404
