"""The record of body meetings and preparatory events: the 2007 and 2010 demo data with their
provenance, and recording attendance, tabled documents and decision subjects through the pages
and the API (staff of the edition only), shown on the meeting's page and on the timeline."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from gfmd.governance.models import BodyDecision, BodyMeeting
from gfmd.library.models import Document
from gfmd.preparation.domain.meetings import subject_key
from gfmd.preparation.models import (
    DecisionSubject,
    MeetingAttendance,
    PreparatoryEvent,
    TabledDocument,
    Theme,
)
from tests.factories import UserFactory
from tests.helpers import token_for

pytestmark = pytest.mark.django_db
SOURCES = Path(settings.PROJECT_DIR.parent / "shared" / "sources")


def meeting(year: int, body: str, number: int) -> BodyMeeting:
    return BodyMeeting.objects.get(
        process__slug="gfmd", edition__year=year, body=body, number=number
    )


def source_text(document: str, lines: str) -> str:
    """The words of a source document between the lines a record cites (e.g. "L289-L291")."""
    text = next(SOURCES.glob(f"{document}_*.txt")).read_text(encoding="utf-8").split("\n")
    start, _dash, end = lines.removeprefix("L").partition("-L")
    return " ".join(" ".join(text[int(start) - 1 : int(end or start)]).split())


def test_2010_decisions_on_the_concept_paper_common_space_and_platform_for_partnerships():
    for body in ("steering_group", "friends_of_the_forum"):
        decisions = list(meeting(2010, body, 1).decisions.all())
        [accepted] = [d for d in decisions if d.kind == "accepted"]
        assert accepted.text_en.startswith("Accepted the Chair's proposals contained in a Themes")
        assert (accepted.source_document, accepted.source_lines) == ("002", "L289-L294")
        assert accepted.source_note.startswith("Inferred.")  # which meeting is not stated
        assert "duly accepted by the Steering Group and the Friends of the Forum" in source_text(
            "002", "L289-L294"
        )
        subjects = list(accepted.subjects.order_by("id"))
        document = subjects[0].subject
        assert isinstance(document, Document) and document.type == "themes-concept-paper"
        assert (subjects[0].source_document, subjects[0].source_lines) == ("002", "L289-L291")
        assert [s.subject.number for s in subjects[1:]] == [1, 2, 3]
        assert all(
            isinstance(s.subject, Theme) and s.subject.edition.year == 2010 for s in subjects[1:]
        )
        assert {s.source_lines for s in subjects[1:]} == {"L292-L294"}
        assert "the paper formed the basis of the 3 Roundtables" in source_text("002", "L292-L294")
        approved = [d for d in decisions if d.kind == "approved"]
        assert len(approved) == 2
        labels = {s.label_en: s.source_lines for d in approved for s in d.subjects.all()}
        assert labels == {
            "The Common Space in the opening plenary session of the 2010 meeting": "L301-L302",
            "The Platform for Partnerships (PfP) facility": "L302-L303",
        }
        assert "Common Space" in source_text("002", "L301-L302")
        assert "Platform for Partnerships (PfP) facility" in source_text("002", "L302-L303")


def test_the_draft_budget_was_tabled_at_the_first_steering_group_meeting():
    tabled = TabledDocument.objects.get(body_meeting=meeting(2010, "steering_group", 1))
    assert tabled.document.type == "budget"
    assert (tabled.source_document, tabled.source_lines) == ("002", "L2609-L2611")
    assert "presented by the Chair on the 1° Steering Group" in source_text("002", "L2609-L2611")
    assert not tabled.document.versions.exists()  # known by reference: no file of it


def test_2007_friends_of_the_forum_attendance_named_in_the_report():
    present = {
        (a.state.iso3 if a.state else a.organisation.name_en, a.source_lines)
        for a in MeetingAttendance.objects.filter(
            body_meeting=meeting(2007, "friends_of_the_forum", 1)
        )
    }
    assert present == {("VAT", "L1093-L1097"), ("King Baudouin Foundation", "L1093-L1097")}
    text = source_text("003", "L1093-L1097")
    assert "King Baudouin Foundation" in text and "Holy See" in text
    third = MeetingAttendance.objects.filter(body_meeting=meeting(2007, "friends_of_the_forum", 3))
    assert {a.state.iso3 for a in third if a.state} == {"VAT", "PHL", "BEL"}
    assert "Permanent Representative of the Philippines" in source_text("003", "L1263-L1266")


def test_the_meeting_page_and_the_timeline_show_the_record(client):
    sg = meeting(2010, "steering_group", 1)
    page = client.get(reverse("preparation:body_meeting", args=[sg.pk])).content.decode()
    assert "Preliminary Draft Budget, GFMD Mexico 2010" in page
    assert "The Platform for Partnerships (PfP) facility" in page
    # A theme links to the agenda; the paper, known by reference only, links to its record.
    assert reverse("preparation:agenda", args=["gfmd", 4]) + "#theme-2" in page
    paper = Document.objects.get(type="themes-concept-paper")
    assert paper.get_absolute_url() in page
    assert "Record this meeting" not in page  # the public reads, staff record
    timeline = client.get(reverse("preparation:timeline", args=["gfmd", 1])).content.decode()
    assert "Present: Philippines, European Commission (EC), King Baudouin Foundation (KBF)" in (
        timeline
    )
    assert (
        reverse("preparation:body_meeting", args=[meeting(2007, "friends_of_the_forum", 2).pk])
        in timeline
    )


def test_staff_record_attendance_a_tabled_document_and_a_subject(client, mexico_staff, state):
    fof = meeting(2010, "friends_of_the_forum", 2)
    client.force_login(mexico_staff)
    page = client.get(reverse("preparation:body_meeting", args=[fof.pk])).content.decode()
    assert "Record this meeting" in page
    attendance = reverse("preparation:body_meeting_attendance", args=[fof.pk])
    response = client.post(
        attendance, {"states": [state("MEX").pk, state("GHA").pk], "organisation": "IOM"}
    )
    assert response.status_code == 302
    assert {str(a) for a in fof.attendance.all()} >= {"Mexico", "Ghana"}
    assert fof.attendance.filter(organisation__acronym="IOM").exists()
    again = client.post(attendance, {"states": [state("MEX").pk]})
    assert (
        again.status_code == 400
        and "Already recorded as present: Mexico." in again.content.decode()
    )
    unknown = client.post(attendance, {"organisation": "Nobody Synthetic"})
    assert unknown.status_code == 400 and "No single organisation" in unknown.content.decode()
    assert fof.attendance.count() == 3

    report = Document.objects.get(edition__year=2010, type="report-of-proceedings")
    tabled = reverse("preparation:body_meeting_tabled", args=[fof.pk])
    assert client.post(tabled, {"document": report.pk}).status_code == 302
    twice = client.post(tabled, {"document": report.pk})
    assert twice.status_code == 400 and "already recorded as tabled" in twice.content.decode()
    assert fof.tabled.count() == 1

    decision = BodyDecision.objects.create(meeting=fof, kind="agreed", text_en="Synthetic decision")
    session = fof.edition.sessions.get(number="3.2")
    subjects = reverse("preparation:body_meeting_subjects", args=[fof.pk])
    response = client.post(subjects, {"decision": decision.pk, "subject": subject_key(session)})
    assert response.status_code == 302
    empty = client.post(subjects, {"decision": decision.pk})
    assert (
        empty.status_code == 400 and "Choose what the decision refers to" in empty.content.decode()
    )
    [subject] = decision.subjects.all()
    assert subject.subject == session and subject.label_en == str(session)

    page = client.get(reverse("preparation:body_meeting", args=[fof.pk])).content.decode()
    assert session.get_absolute_url() in page and report.get_absolute_url() in page
    history = page.split('id="history-title"')[1]
    assert "Ghana" in history and "decision subject" in history
    timeline = client.get(reverse("preparation:timeline", args=["gfmd", 4])).content.decode()
    assert "Synthetic decision" in timeline and session.get_absolute_url() in timeline

    remove = reverse(
        "preparation:body_meeting_remove",
        args=[fof.pk, "attendance", fof.attendance.get(state__iso3="GHA").pk],
    )
    assert client.post(remove).status_code == 302
    assert not fof.attendance.filter(state__iso3="GHA").exists()
    assert MeetingAttendance.history.filter(state__iso3="GHA", history_type="-").exists()


def test_others_may_not_record(client, ghana_focal_point, state):
    fof = meeting(2010, "friends_of_the_forum", 2)
    for user in (ghana_focal_point, UserFactory()):
        client.force_login(user)
        response = client.post(
            reverse("preparation:body_meeting_attendance", args=[fof.pk]),
            {"states": [state("GHA").pk]},
        )
        assert response.status_code == 403
    assert not fof.attendance.exists()


def test_preparatory_events_record_attendance_too(client, ecuador_staff, state):
    event = PreparatoryEvent.objects.get(title_en="Harnessing Migration for Rural Development")
    client.force_login(ecuador_staff)
    response = client.post(
        reverse("preparation:event_attendance", args=[event.pk]), {"states": [state("JAM").pk]}
    )
    assert response.status_code == 302
    page = client.get(reverse("preparation:event", args=[event.pk])).content.decode()
    assert "Jamaica" in page.split('class="attendance"')[1]
    assert "Harnessing Migration for Rural Development" in page


def test_the_api_records_with_the_same_rules(client, mexico_staff):
    fof = meeting(2010, "friends_of_the_forum", 3)
    headers = {"HTTP_AUTHORIZATION": f"Token {token_for(mexico_staff)}"}
    response = client.post(
        f"/api/v1/body-meetings/{fof.pk}/attendance",
        {"states": ["MEX", "FRA"], "organisations": ["UNICEF"]},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201 and len(response.json()["created"]) == 3
    response = client.post(
        f"/api/v1/body-meetings/{fof.pk}/attendance",
        {"states": ["XXX"]},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400 and "states" in response.json()["errors"]
    decision = BodyDecision.objects.create(
        meeting=fof, kind="agreed", text_en="Synthetic API decision"
    )
    theme = Theme.objects.get(edition=fof.edition, number=3)
    response = client.post(
        f"/api/v1/body-decisions/{decision.pk}/subjects",
        {"subject": subject_key(theme)},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201
    response = client.post(
        f"/api/v1/body-decisions/{decision.pk}/subjects",
        {"subject": "directory.state:1"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400
    detail = client.get(f"/api/v1/body-meetings/{fof.pk}").json()
    assert {a["state"] for a in detail["attendance"]} >= {"MEX", "FRA"}
    [synthetic] = [d for d in detail["decisions"] if d["text"] == "Synthetic API decision"]
    assert synthetic["subjects"][0]["subject"] == subject_key(theme)
    stranger = {"HTTP_AUTHORIZATION": f"Token {token_for(UserFactory())}"}
    response = client.post(
        f"/api/v1/body-decisions/{decision.pk}/subjects",
        {"label_en": "Synthetic"},
        content_type="application/json",
        **stranger,
    )
    assert response.status_code == 403
    assert DecisionSubject.objects.filter(decision=decision).count() == 1
    assert (
        ContentType.objects.get_for_model(Theme)
        == DecisionSubject.objects.get(decision=decision).subject_type
    )


def test_the_meeting_page_runs_a_fixed_number_of_queries(
    client, mexico_staff, state, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gfmd.preparation.domain.meetings import add_decision_subject, record_attendance

    sg = meeting(2010, "steering_group", 1)
    client.force_login(mexico_staff)
    address = reverse("preparation:body_meeting", args=[sg.pk])
    with CaptureQueriesContext(connection) as before:
        assert client.get(address).status_code == 200
    record_attendance(sg, states=[state(c) for c in ("MEX", "GHA", "KEN", "FRA", "PER")])
    decision = sg.decisions.first()
    for theme in Theme.objects.filter(edition__year=2018):
        add_decision_subject(decision, subject=theme)
    with CaptureQueriesContext(connection) as after:
        assert client.get(address).status_code == 200
    assert len(after) == len(before)
