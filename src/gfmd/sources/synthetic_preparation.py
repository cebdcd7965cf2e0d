"""The preparation of the synthetic editions (sources/synthetic.py calls it): for the
benchmarks of the Team Matrix, the timeline and survey results (bench/preparation.py).

Per synthetic edition: 3 themes, each with one roundtable of the same number (as in 2010),
10 sessions numbered 1.1-1.4, 2.1-2.3, 3.1-3.3 (each with 3 guiding questions, the
4 required roles and a team of 10: 2 co-chairs, 5 members, 3 partner organisations; the last
member of every second team still waiting for the Support Unit), 2 preparatory events, 10
states present at each body meeting, and one thematic survey of 3 questions answered by 30
states. At scale 10 (300 editions): 3,000 sessions and 30,000 team memberships.

Everything says it is synthetic ("Synthetic session 1.2 of Synthetic RCP 3", provenance
"synthetic"); the real states appear only as team members, attendees and respondents inside
the synthetic editions. No many-to-many rows are created (tags, continuity, sessions fed), so
that removing the dataset is one DELETE per table (synthetic.clear()).
"""

import datetime
import random

from django.db.models import Q
from django.utils import timezone

from gfmd.directory.models import State
from gfmd.governance.models import BodyDecision, BodyMeeting, Edition
from gfmd.preparation.enums import (
    EventKind,
    QuestionKind,
    RoleKind,
    SessionStatus,
    SurveyKind,
    TeamSeat,
    TeamStatus,
)
from gfmd.preparation.models import (
    AnswerChoice,
    DecisionSubject,
    EventPartner,
    GuidingQuestion,
    MeetingAttendance,
    PreparatoryEvent,
    Roundtable,
    RoundtableSession,
    SessionRole,
    Survey,
    SurveyAnswer,
    SurveyChoice,
    SurveyQuestion,
    SurveyResponse,
    TabledDocument,
    TeamMembership,
    Theme,
)

# Per synthetic edition, whatever the scale.
SESSIONS_PER_THEME = (4, 3, 3)  # theme n has roundtable "n" with sessions n.1, n.2...
QUESTIONS_PER_SESSION = 3
CO_CHAIRS, MEMBERS, PARTNERS = 2, 5, 3
EVENTS = 2
ATTENDING_STATES = 10
SURVEY_OPTIONS = 6
SURVEY_RESPONSES = 30
REQUIRED_ROLES = (RoleKind.CHAIR, RoleKind.SPEAKER, RoleKind.DISCUSSANT, RoleKind.RAPPORTEUR)
BATCH_SIZE = 2_000


def synthetic_preparation_rows(edition_ids, meeting_ids) -> list:
    """The preparation rows of the synthetic editions, dependent rows first (for clear())."""
    survey_ids = Survey.objects.filter(edition_id__in=edition_ids).values("id")
    response_ids = SurveyResponse.objects.filter(survey_id__in=survey_ids).values("id")
    answer_ids = SurveyAnswer.objects.filter(response_id__in=response_ids).values("id")
    question_ids = SurveyQuestion.objects.filter(survey_id__in=survey_ids).values("id")
    event_ids = PreparatoryEvent.objects.filter(edition_id__in=edition_ids).values("id")
    session_ids = RoundtableSession.objects.filter(edition_id__in=edition_ids).values("id")
    roundtable_ids = Roundtable.objects.filter(edition_id__in=edition_ids).values("id")
    decision_ids = BodyDecision.objects.filter(meeting_id__in=meeting_ids).values("id")
    of_meeting = Q(body_meeting_id__in=meeting_ids) | Q(event_id__in=event_ids)
    of_edition = Q(edition_id__in=edition_ids)
    return [
        (AnswerChoice, Q(answer_id__in=answer_ids)),
        (SurveyAnswer, Q(response_id__in=response_ids)),
        (SurveyResponse, Q(survey_id__in=survey_ids)),
        (SurveyChoice, Q(question_id__in=question_ids)),
        (SurveyQuestion, Q(survey_id__in=survey_ids)),
        (Survey, of_edition),
        (MeetingAttendance, of_meeting),
        (TabledDocument, of_meeting),
        (DecisionSubject, Q(decision_id__in=decision_ids)),
        (EventPartner, Q(event_id__in=event_ids)),
        (PreparatoryEvent, of_edition),
        (TeamMembership, Q(session_id__in=session_ids)),
        (SessionRole, Q(session_id__in=session_ids) | Q(roundtable_id__in=roundtable_ids)),
        (GuidingQuestion, Q(session_id__in=session_ids)),
        (RoundtableSession, of_edition),
        (Roundtable, of_edition),
        (Theme, of_edition),
    ]


def create_preparation(
    process_prefix: str,
    organisation_ids: list[int],
    states: list[State],
    rng: random.Random,
    counts: dict,
    provenance: dict,
) -> None:
    """Themes to survey answers for every synthetic edition (see the module's docstring)."""
    editions = list(
        Edition.objects.filter(process__slug__startswith=process_prefix)
        .select_related("process", "chairmanship")
        .order_by("id")
    )
    themes = _bulk(
        counts,
        "themes",
        Theme,
        [
            Theme(
                edition=edition,
                number=number,
                title_en=f"Synthetic theme {number} of {edition.process.name_en} {edition.number}",
                **provenance,
            )
            for edition in editions
            for number in range(1, len(SESSIONS_PER_THEME) + 1)
        ],
    )
    roundtables = _bulk(
        counts,
        "roundtables",
        Roundtable,
        [
            Roundtable(
                edition=theme.edition,
                theme=theme,
                number=str(theme.number),
                title_en=f"Synthetic roundtable {theme.number}",
                **provenance,
            )
            for theme in themes
        ],
    )
    sessions = _bulk(
        counts,
        "sessions",
        RoundtableSession,
        [
            RoundtableSession(
                edition_id=roundtable.edition_id,
                roundtable=roundtable,
                number=f"{roundtable.number}.{position}",
                title_en=f"Synthetic session {roundtable.number}.{position}",
                expected_outcomes_en="Synthetic expected outcomes.",
                status=SessionStatus.PUBLISHED,
                gender=position % 2 == 0,
                **provenance,
            )
            for roundtable in roundtables
            for position in range(1, SESSIONS_PER_THEME[int(roundtable.number) - 1] + 1)
        ],
    )
    _bulk(
        counts,
        "guiding_questions",
        GuidingQuestion,
        [
            GuidingQuestion(
                session=session,
                position=position,
                text_en=f"Synthetic guiding question {position} of session {session.number}?",
                **provenance,
            )
            for session in sessions
            for position in range(1, QUESTIONS_PER_SESSION + 1)
        ],
    )
    _bulk(
        counts,
        "session_roles",
        SessionRole,
        [
            SessionRole(
                session=session,
                kind=kind,
                position=position,
                name=f"Synthetic {RoleKind(kind).label} of session {session.number}",
                **provenance,
            )
            for session in sessions
            for position, kind in enumerate(REQUIRED_ROLES, 1)
        ],
    )
    _bulk(
        counts,
        "team_memberships",
        TeamMembership,
        teams(sessions, states, organisation_ids, rng, provenance),
    )
    events = _bulk(
        counts,
        "preparatory_events",
        PreparatoryEvent,
        [
            PreparatoryEvent(
                edition=edition,
                kind=EventKind.THEMATIC_WORKSHOP if n == 1 else EventKind.SIDE_EVENT,
                title_en=f"Synthetic workshop {n} of {edition.process.name_en} {edition.number}",
                date=datetime.date(edition.year, 4 + 3 * n, 10),
                city=f"Synthetic City {n}",
                **provenance,
            )
            for edition in editions
            for n in range(1, EVENTS + 1)
        ],
    )
    _bulk(
        counts,
        "event_partners",
        EventPartner,
        [
            EventPartner(
                event=event, role="organiser", chairmanship=edition.chairmanship, **provenance
            )
            for event, edition in zip(
                events, [e for e in editions for _ in range(EVENTS)], strict=True
            )
        ],
    )
    meetings = BodyMeeting.objects.filter(edition__in=editions).values_list("id", flat=True)
    _bulk(
        counts,
        "meeting_attendance",
        MeetingAttendance,
        [
            MeetingAttendance(body_meeting_id=meeting_id, state=state, **provenance)
            for meeting_id in meetings
            for state in rng.sample(states, ATTENDING_STATES)
        ],
    )
    create_surveys(editions, states, rng, counts, provenance)


def teams(sessions, states, organisation_ids, rng, provenance) -> list[TeamMembership]:
    rows = []
    for index, session in enumerate(sessions):
        chosen = rng.sample(states, CO_CHAIRS + MEMBERS)
        for position, state in enumerate(chosen, 1):
            waiting = index % 2 == 0 and position == len(chosen)
            rows.append(
                TeamMembership(
                    session=session,
                    state=state,
                    seat=TeamSeat.CO_CHAIR if position <= CO_CHAIRS else TeamSeat.MEMBER,
                    status=TeamStatus.PROPOSED if waiting else TeamStatus.ACCEPTED,
                    position=position,
                    **provenance,
                )
            )
        for position, organisation_id in enumerate(
            rng.sample(organisation_ids, min(PARTNERS, len(organisation_ids))), 1
        ):
            rows.append(
                TeamMembership(
                    session=session,
                    organisation_id=organisation_id,
                    seat=TeamSeat.PARTNER,
                    status=TeamStatus.ACCEPTED,
                    position=position,
                    **provenance,
                )
            )
    return rows


def create_surveys(editions, states, rng, counts, provenance) -> None:
    """One thematic survey per edition: a ranking of six themes, a single choice and a number,
    answered by 30 states in the months before the Summit."""
    surveys = _bulk(
        counts,
        "surveys",
        Survey,
        [
            Survey(
                edition=edition,
                kind=SurveyKind.THEMATIC,
                title_en=f"Synthetic thematic survey of {edition.process.name_en} {edition.number}",
                **provenance,
            )
            for edition in editions
        ],
    )
    kinds = (QuestionKind.RANKING, QuestionKind.SINGLE, QuestionKind.NUMBER)
    questions = _bulk(
        counts,
        "survey_questions",
        SurveyQuestion,
        [
            SurveyQuestion(
                survey=survey,
                position=position,
                kind=kind,
                text_en=f"Synthetic question {position}",
                **provenance,
            )
            for survey in surveys
            for position, kind in enumerate(kinds, 1)
        ],
    )
    options = {QuestionKind.RANKING: SURVEY_OPTIONS, QuestionKind.SINGLE: 3}
    choices = _bulk(
        counts,
        "survey_choices",
        SurveyChoice,
        [
            SurveyChoice(
                question=question, position=n, label_en=f"Synthetic option {n}", **provenance
            )
            for question in questions
            for n in range(1, options.get(question.kind, 0) + 1)
        ],
    )
    choices_of: dict[int, list[int]] = {}
    for choice in choices:
        choices_of.setdefault(choice.question_id, []).append(choice.pk)
    questions_of: dict[int, list] = {}
    for question in questions:
        questions_of.setdefault(question.survey_id, []).append(question)
    year_of = {e.pk: e.year for e in editions}
    responses = _bulk(
        counts,
        "survey_responses",
        SurveyResponse,
        [
            SurveyResponse(
                survey=survey,
                state=state,
                submitted_at=answered_on(year_of[survey.edition_id], n),
                updated_at=answered_on(year_of[survey.edition_id], n),
            )
            for survey in surveys
            for n, state in enumerate(rng.sample(states, SURVEY_RESPONSES))
        ],
    )
    answers = []
    for response in responses:
        for question in questions_of[response.survey_id]:
            number = rng.randint(1, 500) if question.kind == QuestionKind.NUMBER else None
            answers.append(SurveyAnswer(response=response, question=question, number=number))
    answers = _bulk(counts, "survey_answers", SurveyAnswer, answers)
    chosen = []
    for answer in answers:
        kind = answer.question.kind
        if kind == QuestionKind.RANKING:
            ranked = rng.sample(choices_of[answer.question_id], SURVEY_OPTIONS)
            chosen += [
                AnswerChoice(answer=answer, choice_id=choice, rank=rank)
                for rank, choice in enumerate(ranked, 1)
            ]
        elif kind == QuestionKind.SINGLE:
            chosen.append(
                AnswerChoice(answer=answer, choice_id=rng.choice(choices_of[answer.question_id]))
            )
    _bulk(counts, "answer_choices", AnswerChoice, chosen)


def answered_on(year: int, n: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, 3, 1 + n % 28, 12))


def _bulk(counts: dict, name: str, model, objects: list) -> list:
    """Plain bulk inserts: preparation rows are benchmark scaffolding, not edits to keep history
    of (the synthetic governance rows keep theirs)."""
    created = model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
    counts[name] = counts.get(name, 0) + len(created)
    return created
