import pytest

from gfmd.library.models import Document
from tests.helpers import focal_point_user, support_unit_user, token_for
from tests.library.files import pdf_bytes, upload

pytestmark = pytest.mark.django_db


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Token {token_for(user)}"}


def test_documents_list_and_detail(client):
    data = client.get("/api/v1/documents", {"process": "gfmd", "year": 2010}).json()
    # The report of the proceedings, and two documents the sources name without giving them.
    by_slug = {document["slug"]: document for document in data["results"]}
    assert data["count"] == 3 and by_slug["themes-concept-paper"]["languages"] == []
    assert by_slug["preliminary-draft-budget"]["languages"] == []
    document = by_slug["report-of-the-proceedings"]
    assert document["type"] == "report-of-proceedings"
    assert document["languages"] == ["en"]
    assert (
        document["url"] == "/documents/gfmd/2010/report-of-proceedings/report-of-the-proceedings/"
    )
    detail = client.get(f"/api/v1/documents/{document['id']}").json()
    assert detail["versions"][0]["status"] == "final"
    assert detail["versions"][0]["files"][0]["text_status"] == "indexed"


def test_search_returns_ranked_hits_with_snippets(client):
    data = client.get("/api/v1/search", {"q": "remittances"}).json()
    assert data["count"] >= 3
    assert "<mark>" in data["results"][0]["snippet"]
    assert set(data["facets"]) == {"type", "year", "language"}
    assert (
        client.get("/api/v1/search", {"q": "remittances", "type": "concept-paper"}).json()["count"]
        == 1
    )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": ""}, "q"),
        ({"q": "x", "year": "last"}, "year"),
        ({"q": "x", "type": "memo"}, "type"),
        ({"q": "x", "page": "0"}, "page"),
    ],
)
def test_bad_search_input_is_a_400_with_the_field(client, params, field):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_staff_upload_with_the_same_checks_as_the_form(client, django_capture_on_commit_callbacks):
    staff = support_unit_user("gfmd-2019-ecuador")
    before = Document.objects.count()
    bad = client.post(
        "/api/v1/documents",
        {
            "process": "gfmd",
            "edition": 12,
            "type": "agenda",
            "title_en": "Agenda",
            "file_en": upload("a.pdf", b"\x7fELF binary"),
        },
        **auth(staff),
    )
    assert bad.status_code == 400
    assert "not of an accepted type" in bad.json()["errors"]["file"][0]
    assert Document.objects.count() == before
    with django_capture_on_commit_callbacks(execute=True):
        good = client.post(
            "/api/v1/documents",
            {
                "process": "gfmd",
                "edition": 12,
                "type": "agenda",
                "title_en": "Agenda of the Quito Summit (synthetic)",
                "file_en": upload("a.pdf", pdf_bytes("okapis")),
                "file_fr": upload("b.pdf", pdf_bytes("okapis francais")),
            },
            **auth(staff),
        )
    assert good.status_code == 201, good.content
    assert sorted(good.json()["languages"]) == ["en", "fr"]
    assert client.get("/api/v1/search", {"q": "okapis"}).json()["count"] == 1


def test_focal_points_cannot_upload_and_anonymous_users_cannot_add_versions(client, state):
    focal = focal_point_user(state("GHA"))
    response = client.post(
        "/api/v1/documents",
        {
            "process": "gfmd",
            "edition": 12,
            "type": "agenda",
            "title_en": "x",
            "file_en": upload("a.pdf", pdf_bytes("x")),
        },
        **auth(focal),
    )
    assert response.status_code == 403
    document = Document.objects.get(year=2010, type="report-of-proceedings")
    anonymous = client.post(
        f"/api/v1/documents/{document.pk}/versions", {"file_en": upload("a.pdf", pdf_bytes("x"))}
    )
    assert anonymous.status_code in (401, 403)
    assert document.versions.count() == 1
