"""Surveys of governments: one answer per state, corrected until the deadline, and results with
first choices, rank-sum (Borda) scores and breakdowns by region and development status
(the 2006 questionnaire: 18 themes, 123 replies, 90 with priority lists, 003 L849-L914)."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gfmd.common.errors import DomainError
from gfmd.directory.models import State

from ..enums import QuestionKind
from ..models import AnswerChoice, SurveyAnswer, SurveyQuestion, SurveyResponse


def check_open(survey, now: datetime.datetime) -> None:
    if survey.is_draft:
        raise DomainError(
            _("This survey is still being prepared; it is not open for answers yet."),
            field="survey",
            code="draft",
        )
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
    fixed number of queries. Answers and chosen options are read as plain rows, not as model
    instances: a survey's results read every answer of every state."""
    responses = SurveyResponse.objects.filter(survey=survey)
    if as_of is not None:
        end = timezone.make_aware(datetime.datetime.combine(as_of, datetime.time.max))
        responses = responses.filter(submitted_at__lte=end)
    received = responses.values("pk")
    responses = list(responses.select_related("state"))
    state_of = {r.pk: r.state for r in responses}
    questions = list(survey.questions.prefetch_related("choices"))
    results = {q.pk: QuestionResult(q) for q in questions}
    per_choice = {}
    for question in questions:
        for choice in question.choices.all():
            per_choice[choice.pk] = ChoiceResult(choice)
            results[question.pk].choices.append(per_choice[choice.pk])
    question_of_answer = {}
    answers = (
        SurveyAnswer.objects.filter(response__in=received)
        .order_by("pk")
        .values_list("pk", "response_id", "question_id", "text", "number")
    )
    for answer_id, response_id, question_id, text, number in answers:
        question_of_answer[answer_id] = question_id
        result = results[question_id]
        if text:
            result.texts.append((state_of[response_id], text))
        if number is not None:
            result.numbers.append(number)
    chosen = AnswerChoice.objects.filter(answer__response__in=received).values_list(
        "answer_id", "choice_id", "rank"
    )
    for answer_id, choice_id, rank in chosen:
        options = len(results[question_of_answer[answer_id]].choices)
        tally = per_choice[choice_id]
        tally.chosen += 1
        if rank:
            tally.rank_sum += options - rank + 1
            tally.first_choices += rank == 1
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


SURVEY_FIELDS = ("kind", "title_en", "title_fr", "title_es", "instructions_en", "deadline")
QUESTION_TEXTS = ("text_en", "text_fr", "text_es")


def check_question(kind: str, text_en: str, choices, n: int) -> list[str]:
    """A question has a known kind and an English text; single, multiple and ranking questions
    offer at least two distinct options, text and number questions none. Returns the options."""
    if kind not in QuestionKind.values or not (text_en or "").strip():
        raise DomainError(
            _("Question %(n)d needs a kind and a text.") % {"n": n}, field="questions"
        )
    labels = [str(c).strip() for c in (choices or []) if str(c).strip()]
    has_choices = kind not in (QuestionKind.TEXT, QuestionKind.NUMBER)
    if has_choices and len(labels) < 2:
        raise DomainError(
            _("Question %(n)d needs at least two options.") % {"n": n}, field="questions"
        )
    if has_choices and len({label.casefold() for label in labels}) != len(labels):
        raise DomainError(
            _("Question %(n)d offers the same option twice.") % {"n": n}, field="questions"
        )
    if not has_choices and labels:
        raise DomainError(
            _("Question %(n)d is a %(kind)s question: it takes no options.")
            % {"n": n, "kind": QuestionKind(kind).label},
            field="questions",
        )
    return labels


def answered(survey) -> int:
    return survey.responses.count()


def refuse_if_answered(survey, what: str) -> None:
    """Once states have answered, a change that would lose or corrupt their answers is refused
    (removing a question or an option, changing a question's kind, requiring a new answer)."""
    count = answered(survey)
    if count:
        raise DomainError(
            ngettext(
                "%(count)d state has already answered this survey: %(what)s would lose or "
                "corrupt its answer. Add questions or options, or correct wording, instead; or "
                "create a new survey.",
                "%(count)d states have already answered this survey: %(what)s would lose or "
                "corrupt their answers. Add questions or options, or correct wording, instead; "
                "or create a new survey.",
                count,
            )
            % {"count": count, "what": what},
            field="questions",
            code="answered",
        )


def new_survey(*, edition, kind: str, title_en: str, user, deadline=None, **fields):
    """Support Unit staff start a survey for an edition; questions are added to it next, and it
    stays in preparation until they open it (open_survey)."""
    from ..enums import SurveyKind
    from ..models import Survey

    if kind not in SurveyKind.values:
        raise DomainError(_("Unknown kind of survey."), field="kind")
    if not (title_en or "").strip():
        raise DomainError(_("Give the survey a title."), field="title_en")
    survey = Survey(
        edition=edition, created_by=user if getattr(user, "pk", None) else None, is_draft=True
    )
    for name, value in {"kind": kind, "title_en": title_en, "deadline": deadline, **fields}.items():
        if name not in SURVEY_FIELDS:
            raise DomainError(_("“%(name)s” cannot be set here.") % {"name": name}, field=name)
        setattr(survey, name, value.strip() if isinstance(value, str) else value)
    survey.save()
    return survey


def open_survey(survey, *, user=None):
    """Staff open a survey they have prepared; from then on focal points answer it and its
    questions can no longer be changed in ways that would alter given answers."""
    if not survey.is_draft:
        raise DomainError(_("This survey is already open."), field="survey")
    if not survey.questions.exists():
        raise DomainError(_("Add at least one question before opening the survey."), field="survey")
    if survey.deadline is not None and survey.deadline <= timezone.now():
        raise DomainError(
            _("The deadline is in the past; set a later one before opening the survey."),
            field="deadline",
        )
    survey.is_draft = False
    if user is not None and getattr(user, "is_authenticated", False):
        survey._history_user = user
    survey.save(update_fields=["is_draft"])
    return survey


def update_survey(survey, **fields):
    """Change a survey's title, instructions, kind or deadline ("answers accepted until")."""
    from ..enums import SurveyKind

    if "kind" in fields and fields["kind"] not in SurveyKind.values:
        raise DomainError(_("Unknown kind of survey."), field="kind")
    if "title_en" in fields and not (fields["title_en"] or "").strip():
        raise DomainError(_("Give the survey a title."), field="title_en")
    for name, value in fields.items():
        if name not in SURVEY_FIELDS:
            raise DomainError(_("“%(name)s” cannot be changed here.") % {"name": name}, field=name)
        setattr(survey, name, value.strip() if isinstance(value, str) else value)
    survey.save()
    return survey


def add_question(survey, *, kind: str, text_en: str, choices=(), required=False, **texts):
    """A question at the end of a survey, with its options in order. After answers have come
    in, a new question cannot be required: the earlier answers would be incomplete."""
    from ..models import Survey, SurveyChoice

    position = survey.questions.count() + 1
    labels = check_question(kind, text_en, choices, position)
    with transaction.atomic():
        Survey.objects.select_for_update().filter(pk=survey.pk).get()
        if required:
            refuse_if_answered(survey, _("a new required question"))
        position = (survey.questions.aggregate(last=models.Max("position"))["last"] or 0) + 1
        question = SurveyQuestion.objects.create(
            survey=survey,
            position=position,
            kind=kind,
            text_en=text_en.strip(),
            required=bool(required),
            **{k: (texts.get(k) or "").strip() for k in QUESTION_TEXTS[1:]},
        )
        SurveyChoice.objects.bulk_create(
            SurveyChoice(question=question, position=n, label_en=label)
            for n, label in enumerate(labels, 1)
        )
    return question


def update_question(question, *, kind=None, text_en=None, required=None, choices=None, **texts):
    """Reword a question, add options or change its kind. With answers recorded, removing an
    option, changing the kind or making the question required is refused."""
    from ..models import Survey, SurveyChoice

    kind = kind or question.kind
    text_en = question.text_en if text_en is None else text_en
    current = list(question.choices.order_by("position"))
    labels = [c.label_en for c in current] if choices is None else choices
    labels = check_question(kind, text_en, labels, question.position)
    with transaction.atomic():
        Survey.objects.select_for_update().filter(pk=question.survey_id).get()
        if kind != question.kind:
            refuse_if_answered(
                question.survey, _("changing the kind of question %(n)d") % {"n": question.position}
            )
        if len(labels) < len(current):
            refuse_if_answered(
                question.survey,
                _("removing an option of question %(n)d") % {"n": question.position},
            )
        if required and not question.required:
            refuse_if_answered(
                question.survey,
                _("requiring an answer to question %(n)d") % {"n": question.position},
            )
        question.kind, question.text_en = kind, text_en.strip()
        if required is not None:
            question.required = bool(required)
        for name in QUESTION_TEXTS[1:]:
            if name in texts:
                setattr(question, name, (texts[name] or "").strip())
        question.save()
        for position, label in enumerate(labels, 1):
            if position <= len(current):
                choice = current[position - 1]
                if choice.label_en != label:
                    choice.label_en = label
                    choice.save()
            else:
                SurveyChoice.objects.create(question=question, position=position, label_en=label)
        for choice in current[len(labels) :]:
            choice.delete()
    return question


def remove_question(question) -> None:
    """Remove a question of a survey nobody has answered yet; the others close up."""
    from ..models import Survey

    with transaction.atomic():
        Survey.objects.select_for_update().filter(pk=question.survey_id).get()
        refuse_if_answered(question.survey, _("removing question %(n)d") % {"n": question.position})
        survey_id, position = question.survey_id, question.position
        question.delete()
        for later in SurveyQuestion.objects.filter(
            survey_id=survey_id, position__gt=position
        ).order_by("position"):
            later.position -= 1
            later.save()
    return None


def move_question(question, step: int) -> SurveyQuestion:
    """Move a question up (-1) or down (+1); answers stay with their question."""
    from ..models import Survey

    with transaction.atomic():
        Survey.objects.select_for_update().filter(pk=question.survey_id).get()
        question = SurveyQuestion.objects.get(pk=question.pk)
        siblings = SurveyQuestion.objects.filter(survey_id=question.survey_id)
        if step < 0:
            neighbour = siblings.filter(position__lt=question.position).order_by("-position")
        else:
            neighbour = siblings.filter(position__gt=question.position).order_by("position")
        neighbour = neighbour.first()
        if neighbour is None:
            return question
        mine, theirs = question.position, neighbour.position
        SurveyQuestion.objects.filter(pk=question.pk).update(position=0)
        neighbour.position = mine
        neighbour.save()
        question.position = theirs
        question.save()
    return question


def create_survey(*, edition, kind: str, title_en: str, questions: list[dict], user, deadline=None):
    """A survey with its questions in one step (the API); each question is {kind, text_en,
    choices: [...], required}. The same checks as the survey pages, which add them one by one;
    the survey is complete, so it opens at once."""
    if not questions:
        raise DomainError(_("Add at least one question."), field="questions")
    for index, question in enumerate(questions, 1):
        check_question(
            question.get("kind"), question.get("text_en"), question.get("choices"), index
        )
    with transaction.atomic():
        survey = new_survey(
            edition=edition, kind=kind, title_en=title_en, user=user, deadline=deadline
        )
        for question in questions:
            add_question(
                survey,
                kind=question["kind"],
                text_en=question["text_en"],
                choices=question.get("choices") or [],
                required=bool(question.get("required")),
            )
        survey.is_draft = False
        survey.save(update_fields=["is_draft"])
    return survey
