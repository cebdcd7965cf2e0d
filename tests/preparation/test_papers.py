"""Background papers: the team drafts and comments, others see nothing of the drafts, the comment
round closes, the GFMD checklist, and the Support Unit publishes (003 L1025-L1046)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gfmd.common.errors import DomainError
from gfmd.library.domain.search import search
from gfmd.library.models import DocumentTeamMember, DocumentVersion
from gfmd.preparation.domain.papers import (
    add_comment,
    add_draft,
    paragraphs_of,
    publish_paper,
    set_comment_deadline,
    set_tick,
    start_paper,
)
from gfmd.preparation.domain.teams import decide, volunteer
from gfmd.preparation.models import (
    BackgroundPaper,
    ChecklistTick,
    PaperComment,
    RoundtableSession,
)
from tests.factories import UserFactory
from tests.helpers import focal_point_user
from tests.library.files import upload

pytestmark = pytest.mark.django_db

TEXT = (
    "Partnerships for regular migration start with national experiences.\n\n"
    "Origin and destination countries share what worked: xylophone schemes.\n\n"
    "We recommend three concrete outcomes."
)


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def session(session_of) -> RoundtableSession:
    return session_of(2010, "1.1")


@pytest.fixture
def member(session, ghana_focal_point, mexico_staff, state):
    """Ghana's focal point, on the team of 2010 session 1.1 once the Support Unit accepts Ghana."""
    membership = volunteer(session, seat="member", user=ghana_focal_point, state=state("GHA"))
    decide(membership, accept=True, user=mexico_staff)
    return ghana_focal_point


@pytest.fixture
def stranger(state):
    return focal_point_user(state("KEN"), email="fp-kenya@example.test")


@pytest.fixture
def paper(session, mexico_staff, member) -> BackgroundPaper:
    return start_paper(session, user=mexico_staff)


@pytest.fixture
def draft(paper, member, django_capture_on_commit_callbacks):
    """Version 1, a draft in English with three paragraphs, its text read."""

    def make(text=TEXT, language="en", note="first draft"):
        with django_capture_on_commit_callbacks(execute=True):
            return add_draft(
                paper,
                uploads=[_upload(language, text)],
                change_note=note,
                user=member,
            )

    return make


def _upload(language, text):
    from gfmd.library.domain.documents import Upload

    return Upload(language, upload(f"paper-{language}.txt", text.encode()))


def paper_url(session, name="paper"):
    edition = session.edition
    return reverse(
        f"preparation:{name}", args=[edition.process.slug, edition.number, session.number]
    )


# ---------------------------------------------------------------- the paper and its team


def test_a_paper_is_a_team_document_about_its_session(paper, session, state):
    document = paper.document
    assert document.type == "background-paper" and document.access_level == "team"
    assert document.about_type == ContentType.objects.get_for_model(RoundtableSession)
    assert document.about_id == session.pk and document.edition == session.edition
    team_states = set(
        DocumentTeamMember.objects.filter(document=document).values_list("state__iso3", flat=True)
    )
    # The accepted Team Matrix of 002 Annex 5 plus Ghana, accepted by the Support Unit.
    assert {"FRA", "BRA", "AUS", "GHA"} <= team_states
    assert "KEN" not in team_states
    organisations = set(
        DocumentTeamMember.objects.filter(
            document=document, organisation__isnull=False
        ).values_list("organisation__acronym", flat=True)
    )
    assert organisations == {"IOM", "OECD"}
    with pytest.raises(DomainError, match="already has its background paper"):
        start_paper(session)


def test_the_library_team_follows_acceptance_and_removal(paper, session, state, stranger):
    kenya = state("KEN")
    document = paper.document
    membership = volunteer(session, seat="member", user=stranger, state=kenya)
    assert not document.team.filter(state=kenya).exists()  # proposed is not yet the team
    decide(membership, accept=True, user=None)
    assert document.team.filter(state=kenya).exists()
    decide(membership, accept=False, user=None)
    assert not document.team.filter(state=kenya).exists()
    decide(membership, accept=True, user=None)
    membership.delete()
    assert not document.team.filter(state=kenya).exists()


def test_a_paper_author_role_brings_its_holder_into_the_team(paper, session):
    from gfmd.preparation.models import SessionRole
    from tests.factories import PersonFactory

    author = PersonFactory()
    role = SessionRole.objects.create(session=session, kind="paper_author", person=author)
    assert paper.document.team.filter(person=author).exists()
    role.delete()
    assert not paper.document.team.filter(person=author).exists()


def test_staff_and_the_sessions_team_may_start_a_paper(client, session, member, stranger):
    assert member.has_perm("preparation.start_paper", session)
    assert not stranger.has_perm("preparation.start_paper", session)
    client.force_login(stranger)
    assert client.post(paper_url(session, "paper_start")).status_code == 403
    assert not BackgroundPaper.objects.filter(session=session).exists()
    client.force_login(member)
    response = client.post(paper_url(session, "paper_start"), {"languages": "en,fr"})
    assert response.status_code == 302
    assert BackgroundPaper.objects.get(session=session).languages == ["en", "fr"]
    page = client.get(session.get_absolute_url()).content.decode()
    assert paper_url(session) in page


def test_start_refuses_a_bad_language_and_saves_nothing(client, session, mexico_staff):
    client.force_login(mexico_staff)
    response = client.post(paper_url(session, "paper_start"), {"languages": "english"}, follow=True)
    assert "is not a language code" in response.content.decode()
    assert not BackgroundPaper.objects.filter(session=session).exists()


# ---------------------------------------------------------------- drafting


def test_a_team_member_uploads_a_draft_through_the_page(
    client, paper, session, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    assert client.get(paper_url(session, "paper_draft")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            paper_url(session, "paper_draft"),
            {"file_en": upload("draft.txt", TEXT.encode()), "change_note": "first draft"},
        )
    assert response.status_code == 302
    version = DocumentVersion.objects.get(document=paper.document)
    assert (version.number, version.status, version.access_level) == (1, "draft", "")
    assert version.author == member.person and version.change_note == "first draft"
    page = client.get(paper_url(session)).content.decode()
    assert 'data-version="1"' in page and "first draft" in page
    assert "xylophone schemes" in page  # paragraph 2 shown for comments
    assert page.count('data-comments="0"') == 3


def test_a_refused_upload_says_why_and_saves_nothing(client, paper, session, member):
    client.force_login(member)
    response = client.post(
        paper_url(session, "paper_draft"), {"file_en": upload("x.exe", b"MZ\x00\x01binary")}
    )
    assert response.status_code == 400
    assert "not of an accepted type" in response.content.decode()
    assert not DocumentVersion.objects.filter(document=paper.document).exists()


def test_team_members_add_only_drafts_even_through_the_library(
    client, paper, member, draft, django_capture_on_commit_callbacks
):
    draft()
    client.force_login(member)
    url = reverse("library:add_version", kwargs=paper.document.address_kwargs())
    response = client.post(
        url, {"status": "final", "access_level": "public", "file_en": upload("f.txt", b"Final")}
    )
    assert response.status_code == 400
    assert "the Support Unit publishes final versions" in response.content.decode()
    assert DocumentVersion.objects.filter(document=paper.document).count() == 1


def test_paragraphs_split_on_blank_lines_or_lines(draft):
    version = draft()
    file = version.files.get()
    assert len(paragraphs_of(file)) == 3
    file.text = "one\ntwo\nthree\nfour"
    assert paragraphs_of(file) == ["one", "two", "three", "four"]
    file.kind, file.text = "docx", "Title\n\nFirst paragraph\nSecond paragraph"
    assert paragraphs_of(file) == ["Title", "First paragraph", "Second paragraph"]


# ---------------------------------------------------------------- who sees the drafts


def test_others_see_nothing_of_the_drafts(client, paper, session, draft, stranger, member):
    draft()
    document = paper.document
    for user in (stranger, AnonymousUser(), UserFactory(email="norole@example.test")):
        client.logout()
        if user.is_authenticated:
            client.force_login(user)
        assert client.get(paper_url(session)).status_code == 404
        assert client.get(document.get_absolute_url()).status_code == 404
        assert client.get(document.get_absolute_url() + "v1/en/").status_code == 404
        assert search(user, "xylophone").total == 0
        assert paper_url(session) not in client.get(session.get_absolute_url()).content.decode()
    assert search(member, "xylophone").total == 1
    client.force_login(stranger)
    assert client.get(paper_url(session, "paper_draft")).status_code == 403
    assert (
        client.post(paper_url(session, "paper_comments"), {"version": 1, "text": "Hi"}).status_code
        == 403
    )
    assert client.get(paper_url(session, "paper_comments") + "?version=1").status_code == 403
    assert not PaperComment.objects.exists()


# ---------------------------------------------------------------- comments


def test_a_member_comments_on_a_paragraph_and_the_count_shows(
    client, paper, session, draft, member
):
    draft()
    client.force_login(member)
    response = client.post(
        paper_url(session, "paper_comments"),
        {"version": 1, "language": "en", "paragraph": 2, "text": "Add Ghana's experience."},
    )
    assert response.status_code == 302
    comment = PaperComment.objects.get()
    assert (comment.paragraph, comment.language, comment.author) == (2, "en", member)
    page = client.get(paper_url(session) + "?version=1&language=en&paragraph=2").content.decode()
    assert 'id="p-2" data-comments="1"' in page and "Add Ghana&#x27;s experience." in page


def test_a_general_comment_and_a_threaded_reply(
    client, paper, session, draft, member, mexico_staff
):
    version = draft()
    first = add_comment(paper, version=version, text="Too long overall.", user=member)
    reply = add_comment(
        paper, version=version, text="We will cut section 2.", user=mexico_staff, parent=first
    )
    assert (reply.parent, reply.paragraph, reply.language) == (first, None, "")
    on_paragraph = add_comment(
        paper, version=version, text="Cite the source.", user=member, language="en", paragraph=1
    )
    threaded = add_comment(
        paper, version=version, text="Done.", user=mexico_staff, parent=on_paragraph
    )
    assert (threaded.paragraph, threaded.language) == (1, "en")  # the reply keeps the anchor
    client.force_login(member)
    partial = client.get(
        paper_url(session, "paper_comments") + "?version=1", headers={"HX-Request": "true"}
    ).content.decode()
    assert partial.startswith('<div id="thread"')
    # The reply is a nested list inside its parent's item, before the parent's item closes.
    flat = partial.replace("\n", "")
    parent_at = flat.index(f'id="comment-{first.pk}"')
    nested_at = flat.index(f'<ul><li class="comment" id="comment-{reply.pk}"')
    assert parent_at < nested_at < flat.index("</ul></li>", parent_at)
    assert "Cite the source." not in partial  # another anchor's thread
    # An HTMX reply answers with the thread.
    response = client.post(
        paper_url(session, "paper_comments"),
        {"version": 1, "parent": first.pk, "text": "Agreed."},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "Agreed." in response.content.decode()
    assert first.replies.count() == 2


def test_a_reply_stays_in_its_version(paper, draft, member):
    v1 = draft()
    v2 = draft(note="second")
    first = add_comment(paper, version=v1, text="On v1.", user=member)
    with pytest.raises(DomainError, match="same version"):
        add_comment(paper, version=v2, text="Reply on v2?", user=member, parent=first)


def test_a_paragraph_out_of_range_is_refused(client, paper, session, draft, member):
    draft()
    client.force_login(member)
    response = client.post(
        paper_url(session, "paper_comments"),
        {"version": 1, "language": "en", "paragraph": 4, "text": "Here?"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is no paragraph 4: the en text of version 1 has 3 paragraphs." in body
    response = client.post(
        paper_url(session, "paper_comments"),
        {"version": 1, "language": "fr", "paragraph": 1, "text": "Ici ?"},
    )
    assert response.status_code == 400 and "has no file in" in response.content.decode()
    assert not PaperComment.objects.exists()


def test_after_the_deadline_comments_are_refused_and_staff_extend_it(
    client, paper, session, draft, member, mexico_staff
):
    draft()
    client.force_login(member)
    past = timezone.now() - datetime.timedelta(days=1)
    # Only staff set the deadline.
    assert client.post(paper_url(session, "paper_deadline"), {}).status_code == 403
    client.force_login(mexico_staff)
    response = client.post(
        paper_url(session, "paper_deadline"),
        {"comments_close_at": timezone.localtime(past).strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.comments_close_at is not None
    client.force_login(member)
    response = client.post(
        paper_url(session, "paper_comments"), {"version": 1, "text": "Late remark."}
    )
    assert response.status_code == 400
    assert "The comment round closed on" in response.content.decode()
    assert "ask the Support Unit to extend the deadline" in response.content.decode()
    # With HTMX the thread comes back with the refusal in it (HTMX swaps only 2xx answers).
    htmx = client.post(
        paper_url(session, "paper_comments"),
        {"version": 1, "text": "Late remark."},
        headers={"HX-Request": "true"},
    )
    assert htmx.content.decode().startswith('<div id="thread"')
    assert 'role="alert"' in htmx.content.decode() and "closed on" in htmx.content.decode()
    assert not PaperComment.objects.exists()
    page = client.get(paper_url(session) + "?thread=general").content.decode()
    assert "The comment round is closed." in page
    set_comment_deadline(
        paper, closes_at=timezone.now() + datetime.timedelta(days=7), user=mexico_staff
    )
    response = client.post(
        paper_url(session, "paper_comments"), {"version": 1, "text": "Late remark."}
    )
    assert response.status_code == 302 and PaperComment.objects.count() == 1
    # Set through the page, then extended: both kept with who did it.
    assert paper.history.filter(history_user=mexico_staff).count() == 2


def test_an_empty_comment_is_refused(client, paper, session, draft, member):
    draft()
    client.force_login(member)
    response = client.post(paper_url(session, "paper_comments"), {"version": 1, "text": " "})
    assert response.status_code == 400
    assert not PaperComment.objects.exists()


# ---------------------------------------------------------------- the checklist


def test_the_team_ticks_the_checklist(client, paper, session, member, stranger):
    client.force_login(member)
    page = client.get(paper_url(session)).content.decode()
    assert page.count('data-ticked="no"') == 4 and "003 L1038-L1040" in page
    response = client.post(
        paper_url(session, "paper_checklist"), {"item": "broader_perspective", "ticked": "on"}
    )
    assert response.status_code == 302
    tick = ChecklistTick.objects.get(paper=paper)
    assert (tick.item, tick.ticked_by) == ("broader_perspective", member)
    page = client.get(paper_url(session)).content.decode()
    assert 'data-item="broader_perspective" data-ticked="yes"' in page
    client.post(paper_url(session, "paper_checklist"), {"item": "broader_perspective"})
    assert not ChecklistTick.objects.exists()
    assert ChecklistTick.history.filter(history_type="-", history_user=member).exists()
    assert (
        client.post(paper_url(session, "paper_checklist"), {"item": "nonsense"}).status_code == 400
    )
    client.force_login(stranger)
    response = client.post(
        paper_url(session, "paper_checklist"), {"item": "broader_perspective", "ticked": "on"}
    )
    assert response.status_code == 403 and not ChecklistTick.objects.exists()


# ---------------------------------------------------------------- publication


def test_staff_publish_and_the_public_reads_the_final_not_the_drafts(
    client, paper, session, draft, member, mexico_staff, django_capture_on_commit_callbacks
):
    draft()
    set_tick(paper, item="national_experiences", ticked=True, user=member)
    client.force_login(mexico_staff)
    page = client.get(paper_url(session)).content.decode()
    assert 'data-code="paper_checklist_unticked"' in page  # warned before publishing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(paper_url(session, "paper_publish"), {"version": 1}, follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Version 1 is published" in body
    assert "Not ticked" in body and "fr, es" in body  # warnings, not a refusal
    version = DocumentVersion.objects.get(document=paper.document, number=1)
    assert (version.status, version.access_level) == ("final", "public")
    # A later draft stays with the team.
    draft(text="A second draft about zithers.", note="second")
    client.logout()
    public_page = client.get(paper_url(session))
    assert public_page.status_code == 200
    text = public_page.content.decode()
    assert 'data-language="en"' in text and 'data-missing="fr"' in text
    assert "second" not in text and "zithers" not in text and 'id="checklist"' not in text
    document = paper.document
    assert client.get(document.get_absolute_url() + "v1/en/").status_code == 200
    assert client.get(document.get_absolute_url() + "v2/en/").status_code == 404
    assert search(AnonymousUser(), "xylophone").total == 1
    assert search(AnonymousUser(), "zithers").total == 0
    assert search(member, "zithers").total == 1
    assert paper_url(session) in client.get(session.get_absolute_url()).content.decode()
    with pytest.raises(DomainError, match="already published"):
        publish_paper(paper, number=1)


def test_others_may_not_publish(client, paper, session, draft, member, stranger):
    draft()
    for user in (member, stranger):
        client.force_login(user)
        assert client.post(paper_url(session, "paper_publish"), {"version": 1}).status_code == 403
    assert DocumentVersion.objects.get(document=paper.document).status == "draft"


def test_publication_is_refused_without_a_version_or_a_file_in_its_languages(
    client, session, mexico_staff, member, django_capture_on_commit_callbacks
):
    paper = start_paper(session, user=mexico_staff, languages=["fr", "es"])
    client.force_login(mexico_staff)
    response = client.post(paper_url(session, "paper_publish"), {})
    assert response.status_code == 400
    assert "There is no version to publish yet" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        add_draft(paper, uploads=[_upload("en", TEXT)], user=member)
    response = client.post(paper_url(session, "paper_publish"), {"version": 1})
    assert response.status_code == 400
    assert "has no file in a language of publication (fr, es)" in response.content.decode()
    response = client.post(paper_url(session, "paper_publish"), {"version": 9})
    assert response.status_code == 400 and "no version 9" in response.content.decode()
    assert DocumentVersion.objects.get(document=paper.document).status == "draft"


# ---------------------------------------------------------------- permissions and queries


def test_paper_predicates(paper, member, stranger, mexico_staff):
    for perm in ("view_paper_drafts", "add_paper_draft", "comment_paper", "tick_paper_checklist"):
        assert member.has_perm(f"preparation.{perm}", paper)
        assert mexico_staff.has_perm(f"preparation.{perm}", paper)
        assert not stranger.has_perm(f"preparation.{perm}", paper)
        assert not AnonymousUser().has_perm(f"preparation.{perm}", paper)
    for perm in ("publish_paper", "set_paper_deadline"):
        assert mexico_staff.has_perm(f"preparation.{perm}", paper)
        assert not member.has_perm(f"preparation.{perm}", paper)
    assert AnonymousUser().has_perm("preparation.view_paper", paper)


def test_the_paper_page_in_a_fixed_number_of_queries(client, paper, session, draft, member):
    v1 = draft()
    client.force_login(member)
    url = paper_url(session) + "?version=1&language=en&paragraph=2"
    add_comment(paper, version=v1, text="One.", user=member, language="en", paragraph=2)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    assert len(before) <= 30
    # More versions, comments, replies and ticks must not mean more queries.
    draft(note="second")
    first = add_comment(paper, version=v1, text="Two.", user=member, language="en", paragraph=2)
    add_comment(paper, version=v1, text="Reply.", user=member, parent=first)
    add_comment(paper, version=v1, text="General.", user=member)
    set_tick(paper, item="national_experiences", ticked=True, user=member)
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before)


def test_the_2007_paper_the_report_names_is_recorded_with_its_source(client, session_of):
    session = session_of(2007, "2.1")
    paper = BackgroundPaper.objects.select_related("document").get(session=session)
    assert paper.provenance == "003 L4527-L4528, L1461-L1463"
    assert paper.languages == ["en", "fr", "nl", "es"]
    assert paper.document.title_en.endswith("reducing their cost")
    assert set(paper.document.team.values_list("state__iso3", flat=True)) == {"PHL"}
    page = client.get(paper_url(session))
    assert page.status_code == 200
    assert "its text is not in the platform" in page.content.decode()
    assert paper_url(session) in client.get(session.get_absolute_url()).content.decode()


@pytest.mark.parametrize("odd", ["²", "٣", "99999999999999999999"])
def test_an_odd_version_or_paragraph_in_the_address_is_ignored_not_a_500(
    client, paper, session, draft, member, odd
):
    draft()
    client.force_login(member)
    response = client.get(paper_url(session) + f"?version={odd}&paragraph={odd}")
    assert response.status_code == 200
