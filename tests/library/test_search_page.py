"""The library's search page: facets and filters that keep each other, result pages, and the
roundtable session or meeting filter."""

import re
from html import unescape

import pytest
from django.contrib.contenttypes.models import ContentType

from gfmd.library.models import Document
from gfmd.preparation.models import RoundtableSession

pytestmark = pytest.mark.django_db


def links(page) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', page.content.decode())]


def about(document: Document, record) -> None:
    Document.objects.filter(pk=document.pk).update(
        about_type=ContentType.objects.get_for_model(record), about_id=record.pk
    )


def test_facets_are_named_and_add_to_the_filters_in_use(client, make_document):
    make_document(texts={"en": "Xylophones", "fr": "Des xylophones"})
    page = client.get("/documents/", {"q": "xylophones", "year": "2010"})
    text = page.content.decode()
    assert "background paper</a> (1)" in text and "French</a> (1)" in text
    assert "?q=xylophones&year=2010&language=fr" in links(page)
    # The filter in use is shown with a link that removes it and keeps the query.
    assert "Year: <b>2010</b>" in text and "?q=xylophones" in links(page)


def test_every_result_is_reachable_through_the_result_pages(client, make_document):
    for number in range(21):
        make_document(slug=f"xylophone-{number}")
    first = client.get("/documents/", {"q": "xylophones", "type": "background-paper"})
    second_address = "?q=xylophones&type=background-paper&page=2"
    assert second_address in links(first)
    second = client.get("/documents/" + second_address)
    shown = re.findall(r"/background-paper/(xylophone-\d+)/", first.content.decode())
    shown += re.findall(r"/background-paper/(xylophone-\d+)/", second.content.decode())
    assert sorted(set(shown)) == sorted(f"xylophone-{number}" for number in range(21))


def test_a_year_offers_its_sessions_as_a_filter_and_the_listing_applies_it(client, make_document):
    session = RoundtableSession.objects.filter(roundtable__theme__edition__year=2010).first()
    other = RoundtableSession.objects.filter(roundtable__theme__edition__year=2010).last()
    on_session = make_document(slug="on-the-session")
    about(on_session, session)
    secret = make_document("support-unit", slug="secret")
    about(secret, other)
    make_document(slug="unrelated")

    page = client.get("/documents/", {"year": "2010"})
    value = f"preparation.roundtablesession:{session.pk}"
    assert f'<option value="{value}">{session}</option>' in page.content.decode()
    # What a document nobody here may read is about is not offered.
    assert f"roundtablesession:{other.pk}" not in page.content.decode()

    listing = client.get("/documents/", {"year": "2010", "about": value}).content.decode()
    assert "/on-the-session/" in listing and "/unrelated/" not in listing
    assert f"Roundtable session or meeting: <b>{session}</b>" in listing
    found = client.get("/documents/", {"q": "xylophones", "about": value}).content.decode()
    assert "/on-the-session/" in found and "/unrelated/" not in found

    hidden = client.get("/documents/", {"about": f"preparation.roundtablesession:{other.pk}"})
    assert str(other) not in hidden.content.decode() and "/secret/" not in hidden.content.decode()


def test_the_listing_applies_the_language_tag_and_author_filters(client, make_document):
    make_document(slug="english-only", texts={"en": "Xylophones"})
    make_document(slug="in-french", texts={"fr": "Des xylophones"})
    listing = client.get("/documents/", {"language": "fr"}).content.decode()
    assert "/in-french/" in listing and "/english-only/" not in listing
    assert "Language: <b>French</b>" in listing
    assert "/in-french/" not in client.get("/documents/", {"author": "MEX"}).content.decode()
    assert "/in-french/" not in client.get("/documents/", {"tag": "10.7"}).content.decode()


def test_bad_filters_get_a_message_and_no_results(client):
    page = client.get("/documents/", {"q": "migration", "language": "french!", "page": "0"})
    assert page.status_code == 400
    assert (
        "errorlist" in page.content.decode() and '<ol class="results">' not in page.content.decode()
    )


def test_the_api_list_applies_every_filter_of_the_search(client, make_document):
    session = RoundtableSession.objects.filter(roundtable__theme__edition__year=2010).first()
    about(make_document(slug="on-the-session"), session)
    make_document(slug="in-french", texts={"fr": "Des xylophones"})

    def slugs(**params):
        response = client.get("/api/v1/documents", {"year": 2010, **params})
        assert response.status_code == 200
        return {document["slug"] for document in response.json()["results"]}

    assert slugs(about=f"preparation.roundtablesession:{session.pk}") == {"on-the-session"}
    assert slugs(language="fr") == {"in-french"}
    assert slugs(author="MEX") == set() and slugs(tag="gcm-23") == set()
    assert {"on-the-session", "in-french"} <= slugs()


@pytest.mark.parametrize(
    "params",
    [
        {"about": "library.document:²"},
        {"about": "library.document:99999999999999999999999"},
        {"author": "²"},
        {"author": "99999999999999999999999"},
        {"tag": "gcm-²"},
        {"q": "xylophones", "about": "preparation.roundtablesession:٣"},
    ],
)
def test_odd_numbers_in_filters_find_nothing_and_never_fail(client, make_document, params):
    make_document(slug="a-document")
    for address in ("/documents/", "/api/v1/documents"):
        response = client.get(address, params)
        assert response.status_code == 200, (address, params)
        assert "/a-document/" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"year": "²"}, "year"),
        ({"year": "20100"}, "year"),
        ({"q": "x", "page": "99999999999"}, "page"),
    ],
)
def test_the_api_names_the_filter_it_cannot_read(client, params, field):
    address = "/api/v1/search" if "q" in params else "/api/v1/documents"
    response = client.get(address, params)
    assert response.status_code == 400 and field in response.json()["errors"]
