"""The survey tool: one answer per state, the deadline, results with rank-sum and breakdowns."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gfmd.common.errors import DomainError
from gfmd.preparation.domain.surveys import (
    correct_response,
    create_survey,
    submit_response,
    survey_results,
)
from gfmd.preparation.models import Survey, SurveyResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(edition):
    return create_survey(
        edition=edition(2019),
        kind="thematic",
        title_en="Priorities",
        deadline=timezone.now() + datetime.timedelta(days=7),
        questions=[
            {"kind": "ranking", "text_en": "Rank the themes", "choices": ["A", "B", "C"]},
            {"kind": "single", "text_en": "One", "choices": ["Yes", "No"]},
            {"kind": "multiple", "text_en": "Several", "choices": ["X", "Y"]},
            {"kind": "text", "text_en": "Comments"},
            {"kind": "number", "text_en": "Staff", "required": True},
        ],
        user=None,
    )


def choices(survey, position):
    return [c.pk for c in survey.questions.get(position=position).choices.all()]


def values(survey, ranking, number="3"):
    q = {x.position: x.pk for x in survey.questions.all()}
    return {
        q[1]: ranking,
        q[2]: choices(survey, 2)[0],
        q[3]: choices(survey, 3),
        q[4]: "ok",
        q[5]: number,
    }


def test_results_rank_by_rank_sum_and_break_down(survey, state):
    a, b, c = choices(survey, 1)
    submit_response(survey, state=state("GHA"), values=values(survey, [b, a, c]), user=None)
    submit_response(survey, state=state("FRA"), values=values(survey, [a, b]), user=None)
    submit_response(survey, state=state("MEX"), values=values(survey, [b, c]), user=None)
    results = survey_results(survey)
    ranking = results.questions[0].choices
    assert [(t.choice.label, t.first_choices, t.rank_sum) for t in ranking] == [
        ("B", 2, 8),
        ("A", 1, 5),
        ("C", 0, 3),
    ]
    assert results.responses == 3 and results.rate == round(300 / results.invited, 1)
    assert dict(results.by_development_status) == {"developing": 2, "developed": 1}
    assert dict(results.by_region) == {"Africa": 1, "Americas": 1, "Europe": 1}


def test_a_state_answers_once_and_corrects_until_the_deadline(survey, state):
    a, b, _c = choices(survey, 1)
    response = submit_response(survey, state=state("GHA"), values=values(survey, [a]), user=None)
    with pytest.raises(DomainError, match="already answered"):
        submit_response(survey, state=state("GHA"), values=values(survey, [b]), user=None)
    correct_response(response, values=values(survey, [b]), user=None)
    assert survey_results(survey).questions[0].choices[0].choice.label == "B"
    later = survey.deadline + datetime.timedelta(seconds=1)
    with pytest.raises(DomainError, match="deadline"):
        correct_response(response, values=values(survey, [a]), user=None, now=later)
    assert SurveyResponse.objects.filter(survey=survey).count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({5: ""}, "needs an answer"),
        ({5: "many"}, "give a number"),
        ({1: [999999]}, "options given"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_saved(survey, state, change, message):
    a, _b, _c = choices(survey, 1)
    given = values(survey, [a])
    q = {x.position: x.pk for x in survey.questions.all()}
    given.update({q[k]: v for k, v in change.items()})
    with pytest.raises(DomainError, match=message):
        submit_response(survey, state=state("GHA"), values=given, user=None)
    assert not SurveyResponse.objects.filter(survey=survey).exists()


def test_as_of_counts_only_earlier_answers(survey, state):
    a, _b, _c = choices(survey, 1)
    early = timezone.make_aware(datetime.datetime(2019, 3, 1, 12))
    survey.deadline = None
    survey.save()
    submit_response(survey, state=state("GHA"), values=values(survey, [a]), user=None, now=early)
    submit_response(survey, state=state("FRA"), values=values(survey, [a]), user=None)
    assert survey_results(survey, datetime.date(2019, 3, 1)).responses == 1
    assert survey_results(survey).responses == 2


def test_focal_point_answers_on_the_page_and_cannot_answer_twice(
    client, survey, ghana_focal_point, state
):
    a, b, _c = choices(survey, 1)
    client.force_login(ghana_focal_point)
    q = {x.position: x.pk for x in survey.questions.all()}
    data = {
        "state": state("GHA").pk,
        f"question_{q[1]}_1": a,
        f"question_{q[1]}_2": b,
        f"question_{q[5]}": "4",
    }
    url = reverse("preparation:survey", args=[survey.pk])
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 400 and "already answered" in again.content.decode()
    bad = client.post(url, {**data, f"question_{q[5]}": "four"})
    assert bad.status_code == 400
    assert SurveyResponse.objects.get(survey=survey).answers.get(question_id=q[5]).number == 4


def test_results_page_and_exports_for_staff_only(
    client, survey, ecuador_staff, ghana_focal_point, state
):
    a, _b, _c = choices(survey, 1)
    submit_response(survey, state=state("GHA"), values=values(survey, [a]), user=None)
    url = reverse("preparation:survey_results", args=[survey.pk])
    client.force_login(ghana_focal_point)
    assert client.get(url).status_code == 403
    client.force_login(ecuador_staff)
    assert "1 responses" in client.get(url).content.decode()
    assert client.get(url, {"as_of": "yesterday"}).status_code == 400
    xlsx = client.get(reverse("preparation:survey_results_export", args=[survey.pk, "xlsx"]))
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert ("Rank the themes", "A", 1, 3, 1) in rows
    csv = client.get(reverse("preparation:survey_results_export", args=[survey.pk, "csv"]))
    assert "Rank the themes,A,1,3,1" in csv.content.decode("utf-8-sig")


def test_the_2007_questionnaire_keeps_its_reported_figures():
    survey = Survey.objects.get(edition__year=2007)
    assert (survey.reported_responses, survey.reported_with_priorities) == (123, 90)
    assert survey.questions.get().choices.count() == 4


def test_creating_a_survey_checks_its_questions(edition):
    with pytest.raises(DomainError, match="at least two options"):
        create_survey(
            edition=edition(2019),
            kind="rcp",
            title_en="RCPs",
            deadline=None,
            user=None,
            questions=[{"kind": "single", "text_en": "Q", "choices": ["only"]}],
        )
    assert not Survey.objects.filter(title_en="RCPs").exists()
