"""Building a survey on the web: staff of the edition create it, add questions of the five
kinds with their options, set the deadline; focal points answer it; once answered, changes that
would lose or corrupt answers are refused with a clear message and change nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gfmd.preparation.models import Survey, SurveyQuestion, SurveyResponse
from tests.factories import UserFactory
from tests.helpers import token_for

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"kind": "ranking", "text_en": "Rank the themes", "choices": "Labour\nRemittances\nDiaspora"},
    {"kind": "single", "text_en": "Will you host a side event?", "choices": "Yes\nNo"},
    {"kind": "multiple", "text_en": "Which regions?", "choices": "Africa\nAmericas\nAsia"},
    {"kind": "text", "text_en": "Comments"},
    {"kind": "number", "text_en": "Delegates expected", "required": "on"},
]


@pytest.fixture
def built(client, ecuador_staff):
    """A 2019 survey built through the pages by Ecuador's Support Unit staff."""
    client.force_login(ecuador_staff)
    deadline = (timezone.localtime() + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("preparation:add_survey", args=["gfmd", 12]),
        {"kind": "thematic", "title_en": "Synthetic priorities 2019", "deadline": deadline},
    )
    assert response.status_code == 302
    survey = Survey.objects.get(title_en="Synthetic priorities 2019")
    for question in QUESTIONS:
        response = client.post(
            reverse("preparation:survey_question_add", args=[survey.pk]), question
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    return survey


def test_staff_build_a_survey_that_a_focal_point_then_answers(
    client, built, ghana_focal_point, state, ecuador_staff
):
    survey = built
    assert survey.created_by == ecuador_staff and survey.deadline > timezone.now()
    questions = list(survey.questions.order_by("position"))
    assert [q.kind for q in questions] == ["ranking", "single", "multiple", "text", "number"]
    assert [c.label_en for c in questions[0].choices.all()] == ["Labour", "Remittances", "Diaspora"]
    assert questions[4].required
    editor = client.get(reverse("preparation:survey_edit", args=[survey.pk])).content.decode()
    assert "Being prepared: focal points cannot answer until you open it." in editor
    # The survey is reachable from the edition's roundtables page for staff.
    agenda = client.get(reverse("preparation:agenda", args=["gfmd", 12])).content.decode()
    assert reverse("preparation:survey_edit", args=[survey.pk]) in agenda

    ranking, single, multiple, text, number = questions
    labour, remittances, _diaspora = ranking.choices.all()
    client.force_login(ghana_focal_point)
    early = client.get(reverse("preparation:survey", args=[survey.pk])).content.decode()
    assert "not open for answers yet" in early and "Send the answer" not in early
    refused = client.post(
        reverse("preparation:survey", args=[survey.pk]),
        {"state": state("GHA").pk, f"question_{number.pk}": "3"},
    )
    assert refused.status_code == 400 and not SurveyResponse.objects.filter(survey=survey).exists()
    assert client.post(reverse("preparation:survey_open", args=[survey.pk])).status_code == 403

    client.force_login(ecuador_staff)
    opened = client.post(reverse("preparation:survey_open", args=[survey.pk]), follow=True)
    assert "The survey is open for answers." in opened.content.decode()
    assert "Open for answers until" in opened.content.decode()
    survey.refresh_from_db()
    assert not survey.is_draft

    client.force_login(ghana_focal_point)
    response = client.post(
        reverse("preparation:survey", args=[survey.pk]),
        {
            "state": state("GHA").pk,
            f"question_{ranking.pk}_1": remittances.pk,
            f"question_{ranking.pk}_2": labour.pk,
            f"question_{single.pk}": single.choices.first().pk,
            f"question_{multiple.pk}": [c.pk for c in multiple.choices.all()[:2]],
            f"question_{text.pk}": "Synthetic comment",
            f"question_{number.pk}": "3",
        },
    )
    assert response.status_code == 302
    answer = SurveyResponse.objects.get(survey=survey, state=state("GHA"))
    assert answer.answers.get(question=number).number == 3
    assert [c.choice_id for c in answer.answers.get(question=ranking).chosen.all()] == [
        remittances.pk,
        labour.pk,
    ]


def test_once_answered_destructive_changes_are_refused_and_change_nothing(
    client, built, ecuador_staff, state
):
    from gfmd.preparation.domain.surveys import open_survey, submit_response

    survey = built
    number = survey.questions.get(position=5)
    open_survey(survey)
    submit_response(survey, state=state("KEN"), values={number.pk: "2"}, user=None)
    client.force_login(ecuador_staff)
    ranking = survey.questions.get(position=1)

    response = client.post(
        reverse("preparation:survey_question_remove", args=[survey.pk, ranking.pk]), follow=True
    )
    assert "1 state has already answered this survey" in response.content.decode()
    assert "removing question 1" in response.content.decode()
    assert survey.questions.count() == 5

    response = client.post(
        reverse("preparation:survey_question", args=[survey.pk, ranking.pk]),
        {
            "kind": "single",
            "text_en": "Rank the themes",
            "choices": "Labour\nRemittances\nDiaspora",
        },
    )
    assert response.status_code == 400
    assert "changing the kind of question 1" in response.content.decode()
    response = client.post(
        reverse("preparation:survey_question", args=[survey.pk, ranking.pk]),
        {"kind": "ranking", "text_en": "Rank the themes", "choices": "Labour\nRemittances"},
    )
    assert response.status_code == 400
    assert "removing an option of question 1" in response.content.decode()
    response = client.post(
        reverse("preparation:survey_question_add", args=[survey.pk]),
        {"kind": "text", "text_en": "A new required question", "required": "on"},
    )
    assert response.status_code == 400
    assert "a new required question" in response.content.decode()
    ranking.refresh_from_db()
    assert ranking.kind == "ranking" and ranking.choices.count() == 3
    assert not SurveyQuestion.objects.filter(text_en="A new required question").exists()

    # Wording and new options are still welcome.
    response = client.post(
        reverse("preparation:survey_question", args=[survey.pk, ranking.pk]),
        {
            "kind": "ranking",
            "text_en": "Rank the themes by priority",
            "choices": "Labour\nRemittances\nDiaspora\nClimate",
        },
    )
    assert response.status_code == 302
    ranking.refresh_from_db()
    assert ranking.text_en == "Rank the themes by priority" and ranking.choices.count() == 4


def test_bad_questions_are_refused_with_a_message(client, built):
    add = reverse("preparation:survey_question_add", args=[built.pk])
    response = client.post(add, {"kind": "single", "text_en": "Only one", "choices": "Yes"})
    assert response.status_code == 400
    assert "needs at least two options" in response.content.decode()
    response = client.post(add, {"kind": "number", "text_en": "How many?", "choices": "1\n2"})
    assert response.status_code == 400 and "takes no options" in response.content.decode()
    assert built.questions.count() == 5


def test_questions_move_up_and_down_and_are_removed_before_answers(client, built):
    first, second = built.questions.order_by("position")[:2]
    move = reverse("preparation:survey_question_move", args=[built.pk, second.pk])
    assert client.post(move, {"direction": "up"}).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.position, first.position) == (1, 2)
    remove = reverse("preparation:survey_question_remove", args=[built.pk, second.pk])
    assert client.post(remove).status_code == 302
    assert list(built.questions.order_by("position").values_list("position", "kind")) == [
        (1, "ranking"),
        (2, "multiple"),
        (3, "text"),
        (4, "number"),
    ]


def test_only_staff_of_the_edition_build_surveys(client, ghana_focal_point, built):
    for user in (ghana_focal_point, UserFactory()):
        client.force_login(user)
        response = client.post(
            reverse("preparation:add_survey", args=["gfmd", 12]),
            {"kind": "thematic", "title_en": "Synthetic intruder survey"},
        )
        assert response.status_code == 403
        assert client.get(reverse("preparation:survey_edit", args=[built.pk])).status_code == 403
        assert (
            client.post(
                reverse("preparation:survey_question_add", args=[built.pk]),
                {"kind": "text", "text_en": "Synthetic intrusion"},
            ).status_code
            == 403
        )
    assert not Survey.objects.filter(title_en="Synthetic intruder survey").exists()
    assert not SurveyQuestion.objects.filter(text_en="Synthetic intrusion").exists()


def test_the_api_adds_and_refuses_questions_with_the_same_rules(
    client, built, ecuador_staff, state
):
    from gfmd.preparation.domain.surveys import open_survey, submit_response

    headers = {"HTTP_AUTHORIZATION": f"Token {token_for(ecuador_staff)}"}
    response = client.post(
        f"/api/v1/surveys/{built.pk}/questions",
        {"kind": "single", "text_en": "Synthetic API question", "choices": ["A", "B"]},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201 and response.json()["position"] == 6
    number = built.questions.get(position=5)
    open_survey(built)
    submit_response(built, state=state("SEN"), values={number.pk: "1"}, user=None)
    response = client.delete(
        f"/api/v1/surveys/{built.pk}/questions/{response.json()['id']}", **headers
    )
    assert response.status_code == 400
    assert "already answered" in response.json()["errors"]["questions"][0]
    assert built.questions.count() == 6


def test_a_survey_opens_once_with_questions_and_a_future_deadline(edition, ecuador_staff):
    from gfmd.common.errors import DomainError
    from gfmd.preparation.domain.surveys import add_question, new_survey, open_survey

    survey = new_survey(
        edition=edition(2019), kind="thematic", title_en="Synthetic draft", user=ecuador_staff
    )
    assert survey.is_draft
    with pytest.raises(DomainError, match="Add at least one question"):
        open_survey(survey)
    add_question(survey, kind="text", text_en="Comments", choices=[], required=False)
    survey.deadline = timezone.now() - datetime.timedelta(hours=1)
    survey.save()
    with pytest.raises(DomainError, match="deadline is in the past"):
        open_survey(survey)
    survey.deadline = None
    survey.save()
    open_survey(survey, user=ecuador_staff)
    with pytest.raises(DomainError, match="already open"):
        open_survey(survey)
    assert Survey.history.filter(id=survey.pk).latest().history_user == ecuador_staff
