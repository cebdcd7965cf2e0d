"""Surveys of governments: one answer per state, corrected until the deadline, and results with
first choices, rank-sum (Borda) scores and breakdowns by region and development status
(the 2006 questionnaire: 18 themes, 123 replies, 90 with priority lists, 003 L849-L914)."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.directory.models import State

from ..enums import QuestionKind
from ..models import AnswerChoice, SurveyAnswer, SurveyQuestion, SurveyResponse


def check_open(survey, now: datetime.datetime) -> None:
    if survey.deadline is not None and now > survey.deadline:
        raise DomainError(
            _("The deadline of this survey (%(deadline)s) has passed; answers are closed.")
            % {"deadline": timezone.localtime(survey.deadline).strftime("%Y-%m-%d %H:%M")},
            field="survey",
            code="closed",
        )


def _choice_ids(question: SurveyQuestion, value) -> list[int]:
    values = value if isinstance(value, list | tuple) else [value]
    valid = {c.pk for c in question.choices.all()}
    try:
        ids = [int(v) for v in values if v not in ("", None)]
    except (TypeError, ValueError):
        ids = [-1]
    if any(i not in valid for i in ids) or len(set(ids)) != len(ids):
        raise DomainError(
            _("Question %(n)d: choose among the options given, each once.")
            % {"n": question.position},
            field=f"question_{question.pk}",
        )
    if question.kind == QuestionKind.SINGLE and len(ids) > 1:
        raise DomainError(
            _("Question %(n)d: choose one option.") % {"n": question.position},
            field=f"question_{question.pk}",
        )
    return ids


def clean_answers(survey, values: dict) -> dict:
    """Check every answer against its question; returns question → (text, number, choices)."""
    cleaned = {}
    for question in survey.questions.prefetch_related("choices"):
        value = values.get(question.pk)
        empty = value in (None, "", [], ())
        if empty:
            if question.required:
                raise DomainError(
                    _("Question %(n)d needs an answer.") % {"n": question.position},
                    field=f"question_{question.pk}",
                )
            continue
        text, number, choices = "", None, []
        if question.kind == QuestionKind.TEXT:
            text = str(value)[:10000]
        elif question.kind == QuestionKind.NUMBER:
            try:
                number = Decimal(str(value).strip())
            except InvalidOperation:
                raise DomainError(
                    _("Question %(n)d: give a number, e.g. 12 or 3.5.") % {"n": question.position},
                    field=f"question_{question.pk}",
                ) from None
            if not number.is_finite() or abs(number) >= Decimal("1e12"):
                raise DomainError(
                    _("Question %(n)d: the number is out of range.") % {"n": question.position},
                    field=f"question_{question.pk}",
                )
        else:
            choices = _choice_ids(question, value)
        cleaned[question] = (text, number, choices)
    return cleaned


def _store(response: SurveyResponse, cleaned: dict) -> None:
    response.answers.all().delete()
    for question, (text, number, choices) in cleaned.items():
        answer = SurveyAnswer.objects.create(
            response=response, question=question, text=text, number=number
        )
        ranked = question.kind == QuestionKind.RANKING
        AnswerChoice.objects.bulk_create(
            AnswerChoice(answer=answer, choice_id=choice, rank=index if ranked else None)
            for index, choice in enumerate(choices, 1)
        )


def submit_response(survey, *, state: State, values: dict, user, now=None) -> SurveyResponse:
    """A focal point answers once for their state, until the deadline."""
    now = now or timezone.now()
    check_open(survey, now)
    cleaned = clean_answers(survey, values)
    if survey.responses.filter(state=state).exists():
        raise DomainError(
            _("%(state)s has already answered this survey; correct that answer instead.")
            % {"state": state},
            field="state",
            code="already_answered",
        )
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=survey, state=state, submitted_by=user, submitted_at=now, updated_at=now
            )
            _store(response, cleaned)
    except IntegrityError:
        raise DomainError(
            _("%(state)s has already answered this survey.") % {"state": state}, field="state"
        ) from None
    return response


def correct_response(response: SurveyResponse, *, values: dict, user, now=None):
    now = now or timezone.now()
    check_open(response.survey, now)
    cleaned = clean_answers(response.survey, values)
    with transaction.atomic():
        locked = SurveyResponse.objects.select_for_update().get(pk=response.pk)
        _store(locked, cleaned)
        locked.updated_at, locked.submitted_by = now, user
        locked.save()
    return locked


@dataclass
class ChoiceResult:
    choice: object
    first_choices: int = 0
    rank_sum: int = 0  # Borda: with n options, a first place scores n, a last place 1
    chosen: int = 0


@dataclass
class QuestionResult:
    question: object
    choices: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    numbers: list = field(default_factory=list)


@dataclass
class SurveyResults:
    survey: object
    as_of: datetime.date | None
    responses: int
    invited: int
    by_region: list
    by_development_status: list
    questions: list

    @property
    def rate(self) -> float:
        return round(100 * self.responses / self.invited, 1) if self.invited else 0.0


def survey_results(survey, as_of: datetime.date | None = None) -> SurveyResults:
    """Results of the answers received by the end of ``as_of`` (all answers without it), in a
    fixed number of queries."""
    responses = SurveyResponse.objects.filter(survey=survey).select_related("state")
    if as_of is not None:
        end = timezone.make_aware(datetime.datetime.combine(as_of, datetime.time.max))
        responses = responses.filter(submitted_at__lte=end)
    responses = list(
        responses.prefetch_related(
            Prefetch("answers", queryset=SurveyAnswer.objects.prefetch_related("chosen"))
        )
    )
    questions = list(survey.questions.prefetch_related("choices"))
    results = {q.pk: QuestionResult(q) for q in questions}
    per_choice = {}
    for question in questions:
        for choice in question.choices.all():
            per_choice[choice.pk] = ChoiceResult(choice)
            results[question.pk].choices.append(per_choice[choice.pk])
    for response in responses:
        for answer in response.answers.all():
            result = results[answer.question_id]
            if answer.text:
                result.texts.append((response.state, answer.text))
            if answer.number is not None:
                result.numbers.append(answer.number)
            options = len(result.choices)
            for chosen in answer.chosen.all():
                tally = per_choice[chosen.choice_id]
                tally.chosen += 1
                if chosen.rank:
                    tally.rank_sum += options - chosen.rank + 1
                    tally.first_choices += chosen.rank == 1
    for result in results.values():
        result.choices.sort(
            key=lambda c: (-c.rank_sum, -c.first_choices, -c.chosen, c.choice.position)
        )
    regions = Counter(r.state.m49_region for r in responses)
    statuses = Counter(r.state.get_development_status_display() for r in responses)
    return SurveyResults(
        survey=survey,
        as_of=as_of,
        responses=len(responses),
        invited=State.objects.count(),
        by_region=sorted(regions.items()),
        by_development_status=sorted(statuses.items()),
        questions=[results[q.pk] for q in questions],
    )


def results_table(results: SurveyResults) -> tuple[list[str], list[list]]:
    """The results as rows for CSV and XLSX: one row per option of each question."""
    header = [_("Question"), _("Option"), _("First choices"), _("Rank-sum score"), _("Chosen")]
    rows = []
    for result in results.questions:
        for tally in result.choices:
            rows.append(
                [
                    result.question.text,
                    tally.choice.label,
                    tally.first_choices,
                    tally.rank_sum,
                    tally.chosen,
                ]
            )
    rows.append([_("Responses"), "", results.responses, "", ""])
    for region, count in results.by_region:
        rows.append([_("Responses by region"), region, count, "", ""])
    for status, count in results.by_development_status:
        rows.append([_("Responses by development status"), status, count, "", ""])
    return header, rows


def create_survey(*, edition, kind: str, title_en: str, questions: list[dict], user, deadline=None):
    """Support Unit staff create a survey; each question is {kind, text_en, choices: [...]}."""
    from ..enums import SurveyKind
    from ..models import Survey, SurveyChoice

    if kind not in SurveyKind.values:
        raise DomainError(_("Unknown kind of survey."), field="kind")
    if not (title_en or "").strip():
        raise DomainError(_("Give the survey a title."), field="title_en")
    if not questions:
        raise DomainError(_("Add at least one question."), field="questions")
    for index, question in enumerate(questions, 1):
        if question.get("kind") not in QuestionKind.values or not question.get("text_en"):
            raise DomainError(
                _("Question %(n)d needs a kind and a text.") % {"n": index}, field="questions"
            )
        has_choices = question["kind"] not in (QuestionKind.TEXT, QuestionKind.NUMBER)
        if has_choices and len(question.get("choices") or []) < 2:
            raise DomainError(
                _("Question %(n)d needs at least two options.") % {"n": index}, field="questions"
            )
    with transaction.atomic():
        survey = Survey.objects.create(
            edition=edition,
            kind=kind,
            title_en=title_en.strip(),
            deadline=deadline,
            created_by=user,
        )
        for index, question in enumerate(questions, 1):
            saved = SurveyQuestion.objects.create(
                survey=survey,
                position=index,
                kind=question["kind"],
                text_en=question["text_en"],
                required=bool(question.get("required")),
            )
            SurveyChoice.objects.bulk_create(
                SurveyChoice(question=saved, position=n, label_en=label)
                for n, label in enumerate(question.get("choices") or [], 1)
            )
    return survey
