"""API of preparation: reads, and writes with the same checks as the forms."""

import io

import pytest
from openpyxl import load_workbook

from gfmd.preparation.models import (
    RoundtableSession,
    SurveyQuestion,
    SurveyResponse,
    TeamMembership,
)
from tests.helpers import focal_point_user, support_unit_user

pytestmark = pytest.mark.django_db
BASE = "/api/v1/editions/gfmd"


def test_roundtables_with_guiding_questions(client):
    data = client.get(f"{BASE}/11/roundtables").json()
    assert [t["number"] for t in data["themes"]] == [1, 2, 3]
    session = data["themes"][2]["roundtables"][1]["sessions"][0]
    assert session["number"] == "3.2" and len(session["guiding_questions"]) == 7
    assert any(w["code"] == "near_duplicate_questions" for w in session["warnings"])
    assert data["themes"][0]["sdg_targets"] == ["5.2", "8.7", "8.8", "16.2"]


def test_drafts_are_left_out_for_the_public(client):
    assert (
        client.get(f"{BASE}/12/roundtables").json()["themes"][0]["roundtables"][0]["sessions"] == []
    )


def test_team_matrix_json_csv_xlsx(client):
    rows = client.get(f"{BASE}/4/team-matrix").json()
    assert rows[0]["co_chairs"] == ["FRA", "BRA"] and "GHA" in rows[5]["members"]
    assert "Ghana" in client.get(f"{BASE}/4/team-matrix.csv").content.decode("utf-8-sig")
    xlsx = client.get(f"{BASE}/4/team-matrix.xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).active["A2"].value == "1.1"
    assert client.get(f"{BASE}/4/team-matrix.doc").status_code == 404


def test_meetings_in_date_order(client):
    meetings = client.get(f"{BASE}/11/meetings").json()
    assert [m["date"] for m in meetings if m["date"]] == sorted(
        m["date"] for m in meetings if m["date"]
    )
    assert any(m["tentative"] and m["date_precision"] == "month" for m in meetings)


def test_volunteer_decide_publish(client, state):
    fp = focal_point_user(state("GHA"))
    client.force_login(fp)
    created = client.post(f"{BASE}/4/sessions/1.1/volunteers", {"state": "GHA", "seat": "member"})
    assert created.status_code == 201
    again = client.post(f"{BASE}/4/sessions/1.1/volunteers", {"state": "GHA", "seat": "member"})
    assert again.status_code == 400 and "already on the team" in str(again.json())
    other = client.post(f"{BASE}/4/sessions/1.1/volunteers", {"state": "KEN"})
    assert other.status_code == 403
    bad = client.post(f"{BASE}/4/sessions/1.1/volunteers", {"state": "XXX"})
    assert bad.status_code == 400 and "state" in bad.json()["errors"]
    member_id = created.json()["id"]
    assert (
        client.post(f"/api/v1/team-memberships/{member_id}/decision", {"accept": True}).status_code
        == 403
    )
    client.force_login(support_unit_user("gfmd-2010-mexico"))
    wrong = client.post(
        f"/api/v1/team-memberships/{member_id}/decision", {"accept": True, "perspective": "north"}
    )
    assert wrong.status_code == 400
    assert TeamMembership.objects.get(pk=member_id).status == "proposed"
    done = client.post(f"/api/v1/team-memberships/{member_id}/decision", {"accept": True})
    assert done.json()["status"] == "accepted"


def test_publish_without_rapporteur_is_refused(client):
    client.force_login(support_unit_user("gfmd-2019-ecuador"))
    response = client.post(f"{BASE}/12/sessions/3.2/publish")
    assert response.status_code == 400
    assert "rapporteur" in response.json()["errors"]["status"][0]
    assert RoundtableSession.objects.get(edition__number=12, number="3.2").status == "draft"


def test_anonymous_cannot_publish(client):
    assert client.post(f"{BASE}/12/sessions/3.2/publish").status_code in (401, 403)


def test_create_answer_and_read_a_survey(client, state):
    staff = support_unit_user("gfmd-2019-ecuador")
    client.force_login(staff)
    bad = client.post(
        f"{BASE}/12/surveys",
        {"kind": "thematic", "title_en": "T", "questions": []},
        content_type="application/json",
    )
    assert bad.status_code == 400
    created = client.post(
        f"{BASE}/12/surveys",
        {
            "kind": "thematic",
            "title_en": "T",
            "questions": [{"kind": "ranking", "text_en": "Rank", "choices": ["A", "B"]}],
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    survey_id = created.json()["id"]
    client.force_login(focal_point_user(state("GHA")))
    question = SurveyQuestion.objects.get(survey_id=survey_id)
    choices = [c.pk for c in question.choices.all()]
    body = {"state": "GHA", "answers": {str(question.pk): choices[::-1]}}
    assert (
        client.post(
            f"/api/v1/surveys/{survey_id}/answers", body, content_type="application/json"
        ).status_code
        == 201
    )
    twice = client.post(
        f"/api/v1/surveys/{survey_id}/answers", body, content_type="application/json"
    )
    assert twice.status_code == 400
    assert SurveyResponse.objects.filter(survey_id=survey_id).count() == 1
    assert client.get(f"/api/v1/surveys/{survey_id}/results").status_code == 403
    client.force_login(staff)
    results = client.get(f"/api/v1/surveys/{survey_id}/results").json()
    assert results["responses"] == 1 and results["questions"][0]["choices"][0]["label"] == "B"
    assert client.get(f"/api/v1/surveys/{survey_id}/results?as_of=never").status_code == 400
