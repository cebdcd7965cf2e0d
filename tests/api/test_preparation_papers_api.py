"""API of background papers: the paper as the caller may read it, comments, the checklist and
publication, with the same checks as the pages."""

import datetime

import pytest
from django.utils import timezone

from gfmd.library.domain.documents import Upload
from gfmd.preparation.domain.papers import add_draft, set_comment_deadline, start_paper
from gfmd.preparation.domain.teams import decide, volunteer
from gfmd.preparation.models import ChecklistTick, PaperComment, RoundtableSession
from tests.helpers import focal_point_user, support_unit_user, token_for
from tests.library.files import upload

pytestmark = pytest.mark.django_db
URL = "/api/v1/editions/gfmd/4/sessions/1.1/background-paper"
TEXT = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def setup(state, django_capture_on_commit_callbacks):
    """2010 session 1.1 with Ghana accepted on its team, a paper and a first draft."""
    session = RoundtableSession.objects.get(
        edition__process__slug="gfmd", edition__year=2010, number="1.1"
    )
    staff = support_unit_user("gfmd-2010-mexico", email="staff-mexico@example.test")
    member = focal_point_user(state("GHA"), email="fp-ghana@example.test")
    decide(
        volunteer(session, seat="member", user=member, state=state("GHA")), accept=True, user=None
    )
    paper = start_paper(session, user=staff)
    with django_capture_on_commit_callbacks(execute=True):
        add_draft(paper, uploads=[Upload("en", upload("d.txt", TEXT.encode()))], user=member)
    stranger = focal_point_user(state("KEN"), email="fp-kenya@example.test")
    return paper, staff, member, stranger


def auth(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {token_for(user)}"}


def test_the_team_reads_the_drafts_others_get_404(client, setup):
    paper, staff, member, stranger = setup
    data = client.get(URL, **auth(member)).json()
    assert [v["number"] for v in data["versions"]] == [1]
    assert data["versions"][0]["access_level"] == "team"
    assert [line["item"] for line in data["checklist"]][0] == "national_experiences"
    assert data["comments"] == [] and data["comments_open"] is True
    assert client.get(URL, **auth(stranger)).status_code == 404
    assert client.get(URL).status_code == 404
    assert client.get("/api/v1/editions/gfmd/4/sessions/1.2/background-paper").status_code == 404


def test_comments_through_the_api(client, setup):
    paper, staff, member, stranger = setup
    created = client.post(
        f"{URL}/comments",
        {"version": 1, "language": "en", "paragraph": 2, "text": "Why?"},
        **auth(member),
    )
    assert created.status_code == 201 and created.json()["paragraph"] == 2
    reply = client.post(
        f"{URL}/comments",
        {"version": 1, "parent": created.json()["id"], "text": "Because."},
        **auth(staff),
    )
    assert reply.status_code == 201 and reply.json()["paragraph"] == 2
    out_of_range = client.post(
        f"{URL}/comments",
        {"version": 1, "language": "en", "paragraph": 7, "text": "?"},
        **auth(member),
    )
    assert out_of_range.status_code == 400 and "paragraph" in out_of_range.json()["errors"]
    refused = client.post(f"{URL}/comments", {"version": 1, "text": "Hi"}, **auth(stranger))
    assert refused.status_code == 403
    set_comment_deadline(paper, closes_at=timezone.now() - datetime.timedelta(hours=1))
    late = client.post(f"{URL}/comments", {"version": 1, "text": "Late"}, **auth(member))
    assert late.status_code == 400 and "closed" in str(late.json())
    assert PaperComment.objects.count() == 2
    assert len(client.get(URL, **auth(member)).json()["comments"]) == 2


def test_checklist_through_the_api(client, setup):
    paper, staff, member, stranger = setup
    ticked = client.post(
        f"{URL}/checklist", {"item": "proposed_recommendations", "ticked": True}, **auth(member)
    )
    assert ticked.status_code == 200 and ticked.json()["ticked"] is True
    assert ChecklistTick.objects.get(paper=paper).ticked_by == member
    bad = client.post(f"{URL}/checklist", {"item": "nonsense", "ticked": True}, **auth(member))
    assert bad.status_code == 400
    other = client.post(
        f"{URL}/checklist", {"item": "national_experiences", "ticked": True}, **auth(stranger)
    )
    assert other.status_code == 403 and ChecklistTick.objects.count() == 1


def test_staff_publish_through_the_api(client, setup, django_capture_on_commit_callbacks):
    paper, staff, member, stranger = setup
    assert client.post(f"{URL}/publish", {}, **auth(member)).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(f"{URL}/publish", {}, **auth(staff))
    assert published.status_code == 200
    body = published.json()
    assert body["version"] == 1 and body["status"] == "final"
    assert {w["code"] for w in body["warnings"]} == {
        "paper_checklist_unticked",
        "paper_languages_missing",
    }
    public = client.get(URL).json()
    assert public["published_version"] == 1 and public["missing_languages"] == ["fr", "es"]
    assert "comments" not in public and "checklist" not in public
    again = client.post(f"{URL}/publish", {"version": 1}, **auth(staff))
    assert again.status_code == 400 and "already published" in str(again.json())
