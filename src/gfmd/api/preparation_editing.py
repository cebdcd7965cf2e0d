"""API writes of the preparation of a Forum that the web forms also make: the concept paper
(themes, roundtables, sessions, guiding questions), survey questions, and the record of body
meetings and preparatory events (attendance, tabled documents, decision subjects). Each calls
the same domain function as its form; refusals are JSON 400 with the field's name."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from gfmd.common.errors import DomainError
from gfmd.directory.domain.states import state_by_iso3
from gfmd.governance.models import BodyDecision, BodyMeeting
from gfmd.library.models import Document
from gfmd.preparation.domain.concept import (
    create_roundtable,
    create_session,
    create_theme,
    save_guiding_questions,
    update_roundtable,
    update_session,
    update_theme,
)
from gfmd.preparation.domain.meetings import (
    add_decision_subject,
    meeting_records,
    organisation_by_name,
    record_attendance,
    subject_from_key,
    subject_key,
    table_document,
)
from gfmd.preparation.domain.surveys import (
    add_question,
    remove_question,
    update_question,
    update_survey,
)
from gfmd.preparation.enums import QuestionKind, SurveyKind
from gfmd.preparation.models import (
    PreparatoryEvent,
    Roundtable,
    RoundtableSession,
    Survey,
    SurveyQuestion,
    Theme,
)
from gfmd.reference.models import GCMGuidingPrinciple, GCMObjective, SDGGoal, SDGTarget

from .preparation import get_edition

CHANGE = "preparation.change_session"


def records(model, field: str, values, name: str) -> list | None:
    """Reference records named by their codes; an unknown code is a 400 naming it."""
    if values is None:
        return None
    found = {getattr(r, field): r for r in model.objects.filter(**{f"{field}__in": values})}
    missing = [str(v) for v in values if v not in found]
    if missing:
        raise DomainError(f"Unknown: {', '.join(missing)}.", field=name)
    return [found[v] for v in values]


def tags(data: dict) -> dict:
    return {
        "sdg_targets": records(SDGTarget, "code", data.pop("sdg_targets", None), "sdg_targets"),
        "gcm_objectives": records(
            GCMObjective, "number", data.pop("gcm_objectives", None), "gcm_objectives"
        ),
    }


class TagsMixin(serializers.Serializer):
    sdg_targets = serializers.ListField(child=serializers.CharField(max_length=8), required=False)
    gcm_objectives = serializers.ListField(child=serializers.IntegerField(), required=False)


class ThemeSerializer(TagsMixin):
    number = serializers.IntegerField(required=False)
    title_en = serializers.CharField(max_length=500, required=False)
    title_fr = serializers.CharField(max_length=500, required=False, allow_blank=True)
    title_es = serializers.CharField(max_length=500, required=False, allow_blank=True)
    description_en = serializers.CharField(required=False, allow_blank=True)


def theme_data(theme: Theme) -> dict:
    return {
        "id": theme.pk,
        "number": theme.number,
        "title_en": theme.title_en,
        "sdg_targets": [t.code for t in theme.sdg_targets.all()],
        "gcm_objectives": [o.number for o in theme.gcm_objectives.all()],
    }


class EditionWriteView(APIView):
    object_level_permission = True

    def edition(self, request, kwargs):
        edition = get_edition(kwargs)
        self.check_object_permissions(request, edition)
        return edition


class Themes(EditionWriteView):
    """Support Unit staff add a theme to the edition's concept paper."""

    permission_required = {"POST": CHANGE}

    @extend_schema(request=ThemeSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        edition = self.edition(request, kwargs)
        data = ThemeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        theme = create_theme(
            edition=edition,
            number=fields.pop("number", None),
            title_en=fields.pop("title_en", ""),
            **tags(fields),
            **fields,
        )
        return Response(theme_data(theme), status=status.HTTP_201_CREATED)


class ThemeDetail(EditionWriteView):
    permission_required = {"PATCH": CHANGE}

    @extend_schema(request=ThemeSerializer, responses={200: dict})
    def patch(self, request, **kwargs):
        edition = self.edition(request, kwargs)
        theme = get_object_or_404(Theme, edition=edition, number=kwargs["theme"])
        data = ThemeSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        return Response(theme_data(update_theme(theme, **tags(fields), **fields)))


class RoundtableSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=10, required=False)
    theme = serializers.IntegerField(required=False, help_text="the theme's number")
    title_en = serializers.CharField(max_length=500, required=False)
    title_fr = serializers.CharField(max_length=500, required=False, allow_blank=True)
    title_es = serializers.CharField(max_length=500, required=False, allow_blank=True)


def roundtable_data(roundtable: Roundtable) -> dict:
    return {
        "number": roundtable.number,
        "theme": roundtable.theme.number,
        "title_en": roundtable.title_en,
    }


class ThemeRoundtables(EditionWriteView):
    """Add a roundtable under a theme (numbered under the theme's number)."""

    permission_required = {"POST": CHANGE}

    @extend_schema(request=RoundtableSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        edition = self.edition(request, kwargs)
        theme = get_object_or_404(Theme, edition=edition, number=kwargs["theme"])
        data = RoundtableSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        fields.pop("theme", None)
        roundtable = create_roundtable(
            theme=theme,
            number=fields.pop("number", ""),
            title_en=fields.pop("title_en", ""),
            **fields,
        )
        return Response(roundtable_data(roundtable), status=status.HTTP_201_CREATED)


class RoundtableDetail(EditionWriteView):
    permission_required = {"PATCH": CHANGE}

    @extend_schema(request=RoundtableSerializer, responses={200: dict})
    def patch(self, request, **kwargs):
        edition = self.edition(request, kwargs)
        roundtable = get_object_or_404(Roundtable, edition=edition, number=kwargs["roundtable"])
        data = RoundtableSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        if "theme" in fields:
            fields["theme"] = get_object_or_404(Theme, edition=edition, number=fields["theme"])
        return Response(roundtable_data(update_roundtable(roundtable, **fields)))


class SessionSerializer(TagsMixin):
    number = serializers.CharField(max_length=10, required=False)
    roundtable = serializers.CharField(
        max_length=10, required=False, help_text="the roundtable's number"
    )
    title_en = serializers.CharField(max_length=500, required=False)
    title_fr = serializers.CharField(max_length=500, required=False, allow_blank=True)
    title_es = serializers.CharField(max_length=500, required=False, allow_blank=True)
    description_en = serializers.CharField(required=False, allow_blank=True)
    expected_outcomes_en = serializers.CharField(required=False, allow_blank=True)
    expected_outcomes_fr = serializers.CharField(required=False, allow_blank=True)
    expected_outcomes_es = serializers.CharField(required=False, allow_blank=True)
    human_rights = serializers.BooleanField(required=False)
    gender = serializers.BooleanField(required=False)
    whole_of_government = serializers.BooleanField(required=False)
    whole_of_society = serializers.BooleanField(required=False)
    builds_on = serializers.ListField(
        child=serializers.CharField(max_length=20),
        required=False,
        help_text='earlier sessions as "year number", e.g. "2010 1.1"',
    )
    continuity_note = serializers.CharField(required=False, allow_blank=True)


def earlier_sessions(edition, values) -> list | None:
    if values is None:
        return None
    found = []
    for value in values:
        year, _space, number = value.partition(" ")
        session = RoundtableSession.objects.filter(
            edition__process_id=edition.process_id,
            edition__year=int(year) if year.isdigit() else 0,
            number=number,
        ).first()
        if session is None:
            raise DomainError(f"No session “{value}” in this process.", field="builds_on")
        found.append(session)
    return found


def session_write_data(session: RoundtableSession) -> dict:
    return {
        "number": session.number,
        "roundtable": session.roundtable.number,
        "title_en": session.title_en,
        "status": session.status,
        "sdg_targets": [t.code for t in session.sdg_targets.all()],
        "gcm_objectives": [o.number for o in session.gcm_objectives.all()],
        "builds_on": [f"{s.edition.year} {s.number}" for s in session.builds_on.all()],
    }


class RoundtableSessions(EditionWriteView):
    """Add a draft session under a roundtable; its number is unique within the edition."""

    permission_required = {"POST": CHANGE}

    @extend_schema(request=SessionSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        edition = self.edition(request, kwargs)
        roundtable = get_object_or_404(Roundtable, edition=edition, number=kwargs["roundtable"])
        data = SessionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        fields.pop("roundtable", None)
        builds_on = earlier_sessions(edition, fields.pop("builds_on", None))
        session = create_session(
            roundtable=roundtable,
            number=fields.pop("number", ""),
            title_en=fields.pop("title_en", ""),
            builds_on=builds_on,
            **tags(fields),
            **fields,
        )
        return Response(session_write_data(session), status=status.HTTP_201_CREATED)


class SessionDetail(EditionWriteView):
    permission_required = {"PATCH": CHANGE}

    @extend_schema(request=SessionSerializer, responses={200: dict})
    def patch(self, request, **kwargs):
        edition = self.edition(request, kwargs)
        session = get_object_or_404(RoundtableSession, edition=edition, number=kwargs["session"])
        data = SessionSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        if "roundtable" in fields:
            fields["roundtable"] = get_object_or_404(
                Roundtable, edition=edition, number=fields["roundtable"]
            )
        builds_on = earlier_sessions(edition, fields.pop("builds_on", None))
        session = update_session(session, builds_on=builds_on, **tags(fields), **fields)
        return Response(session_write_data(session))


class QuestionSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False, allow_null=True)
    text_en = serializers.CharField()
    text_fr = serializers.CharField(required=False, allow_blank=True)
    text_es = serializers.CharField(required=False, allow_blank=True)
    sdg_goals = serializers.ListField(child=serializers.IntegerField(), required=False)
    gcm_guiding_principles = serializers.ListField(child=serializers.IntegerField(), required=False)


class GuidingQuestions(EditionWriteView):
    """Replace a session's guiding questions by the list given, in its order: questions with
    an id are kept (reworded, moved), those left out are removed, those without one added."""

    permission_required = {"PUT": CHANGE}

    @extend_schema(request=QuestionSerializer(many=True), responses={200: dict})
    def put(self, request, **kwargs):
        edition = self.edition(request, kwargs)
        session = get_object_or_404(RoundtableSession, edition=edition, number=kwargs["session"])
        data = QuestionSerializer(data=request.data, many=True)
        data.is_valid(raise_exception=True)
        rows = []
        for row in data.validated_data:
            row = dict(row)
            row["sdg_goals"] = records(SDGGoal, "number", row.get("sdg_goals"), "sdg_goals")
            row["gcm_guiding_principles"] = records(
                GCMGuidingPrinciple,
                "number",
                row.get("gcm_guiding_principles"),
                "gcm_guiding_principles",
            )
            rows.append(row)
        saved = save_guiding_questions(session, rows)
        return Response([{"id": q.pk, "position": q.position, "text_en": q.text_en} for q in saved])


# Surveys ----------------------------------------------------------------------------------


class SurveyUpdateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SurveyKind.choices, required=False)
    title_en = serializers.CharField(max_length=250, required=False)
    title_fr = serializers.CharField(max_length=250, required=False, allow_blank=True)
    title_es = serializers.CharField(max_length=250, required=False, allow_blank=True)
    instructions_en = serializers.CharField(required=False, allow_blank=True)
    deadline = serializers.DateTimeField(required=False, allow_null=True)


class SurveyQuestionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=QuestionKind.choices, required=False)
    text_en = serializers.CharField(required=False)
    text_fr = serializers.CharField(required=False, allow_blank=True)
    text_es = serializers.CharField(required=False, allow_blank=True)
    choices = serializers.ListField(
        child=serializers.CharField(max_length=500), required=False, max_length=100
    )
    required = serializers.BooleanField(required=False)


def question_data(question: SurveyQuestion) -> dict:
    return {
        "id": question.pk,
        "position": question.position,
        "kind": question.kind,
        "text_en": question.text_en,
        "required": question.required,
        "choices": [{"id": c.pk, "label_en": c.label_en} for c in question.choices.all()],
    }


class SurveyWriteView(APIView):
    object_level_permission = True

    def survey(self, request, kwargs) -> Survey:
        survey = get_object_or_404(Survey.objects.select_related("edition"), pk=kwargs["pk"])
        self.check_object_permissions(request, survey)
        return survey


class SurveyDetail(SurveyWriteView):
    """Change a survey's title, kind, instructions or deadline."""

    permission_required = {"PATCH": "preparation.add_survey"}

    @extend_schema(request=SurveyUpdateSerializer, responses={200: dict})
    def patch(self, request, **kwargs):
        survey = self.survey(request, kwargs)
        data = SurveyUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        survey = update_survey(survey, **data.validated_data)
        return Response({"id": survey.pk, "title": survey.title, "deadline": survey.deadline})


class SurveyQuestions(SurveyWriteView):
    """Add a question at the end of a survey."""

    permission_required = {"POST": "preparation.add_survey"}

    @extend_schema(request=SurveyQuestionSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        survey = self.survey(request, kwargs)
        data = SurveyQuestionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        question = add_question(
            survey, kind=fields.pop("kind", ""), text_en=fields.pop("text_en", ""), **fields
        )
        return Response(question_data(question), status=status.HTTP_201_CREATED)


class SurveyQuestionDetail(SurveyWriteView):
    """Change or remove a question; refused (400) when states' answers would be lost."""

    permission_required = {"PATCH": "preparation.add_survey", "DELETE": "preparation.add_survey"}

    def question(self, request, kwargs) -> SurveyQuestion:
        survey = self.survey(request, kwargs)
        return get_object_or_404(SurveyQuestion, survey=survey, pk=kwargs["question"])

    @extend_schema(request=SurveyQuestionSerializer, responses={200: dict})
    def patch(self, request, **kwargs):
        question = self.question(request, kwargs)
        data = SurveyQuestionSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        return Response(question_data(update_question(question, **data.validated_data)))

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, **kwargs):
        remove_question(self.question(request, kwargs))
        return Response(status=status.HTTP_204_NO_CONTENT)


# The record of meetings --------------------------------------------------------------------


class AttendanceSerializer(serializers.Serializer):
    states = serializers.ListField(
        child=serializers.CharField(max_length=3), required=False, max_length=200
    )
    organisations = serializers.ListField(
        child=serializers.CharField(max_length=300),
        required=False,
        max_length=200,
        help_text="acronyms or full names as the directory writes them",
    )


class TabledSerializer(serializers.Serializer):
    document = serializers.IntegerField(help_text="the library document's id")


class SubjectSerializer(serializers.Serializer):
    subject = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text='a record as "app.model:id", e.g. "preparation.theme:12"; or leave out and '
        "give a label",
    )
    label_en = serializers.CharField(max_length=300, required=False, allow_blank=True)


def meeting_data(meeting) -> dict:
    data = {
        "id": meeting.pk,
        "attendance": [
            {
                "id": a.pk,
                "state": a.state.iso3 if a.state_id else None,
                "organisation": str(a.organisation) if a.organisation_id else None,
            }
            for a in meeting.attendance.all()
        ],
        "tabled_documents": [
            {"id": t.pk, "document": t.document_id, "title": t.document.title_en}
            for t in meeting.tabled.all()
        ],
        "provenance": meeting.provenance,
    }
    if isinstance(meeting, BodyMeeting):
        data["body"] = meeting.body
        data["number"] = meeting.number
        data["decisions"] = [
            {
                "id": d.pk,
                "kind": d.kind,
                "text": d.text,
                "provenance": d.provenance,
                "subjects": [
                    {
                        "id": s.pk,
                        "label_en": s.label_en,
                        "subject": subject_key(s.subject) if s.subject is not None else None,
                        "provenance": s.provenance,
                    }
                    for s in d.subjects.all()
                ],
            }
            for d in meeting.decisions.all()
        ]
    return data


class MeetingView(APIView):
    object_level_permission = True
    kind = "body"

    def meeting(self, request, kwargs):
        if self.kind == "body":
            meeting = get_object_or_404(meeting_records(BodyMeeting.objects), pk=kwargs["pk"])
        else:
            meeting = get_object_or_404(
                PreparatoryEvent.objects.select_related("edition__process").prefetch_related(
                    "attendance__state", "attendance__organisation", "tabled__document"
                ),
                pk=kwargs["pk"],
            )
        self.check_object_permissions(request, meeting)
        return meeting


class BodyMeetingDetail(MeetingView):
    """A body meeting's decisions (and what each refers to), attendance and tabled documents."""

    permission_required = {"GET": "preparation.view_timeline"}

    @extend_schema(responses={200: dict})
    def get(self, request, **kwargs):
        return Response(meeting_data(self.meeting(request, kwargs)))


class Attendance(MeetingView):
    """Record states (ISO 3166 alpha-3) and organisations present; already recorded ones are
    reported, not doubled."""

    permission_required = {"POST": "preparation.change_meetings"}

    @extend_schema(request=AttendanceSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        meeting = self.meeting(request, kwargs)
        data = AttendanceSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        states = [state_by_iso3(c, field="states") for c in data.validated_data.get("states", [])]
        organisations = [
            organisation_by_name(n) for n in data.validated_data.get("organisations", [])
        ]
        result = record_attendance(meeting, states=states, organisations=organisations)
        return Response(
            {
                "created": [a.pk for a in result["created"]],
                "already_recorded": [str(x) for x in result["already"]],
            },
            status=status.HTTP_201_CREATED,
        )


class Tabled(MeetingView):
    """Record a library document as tabled at the meeting."""

    permission_required = {"POST": "preparation.change_meetings"}

    @extend_schema(request=TabledSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        meeting = self.meeting(request, kwargs)
        data = TabledSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = Document.objects.filter(pk=data.validated_data["document"]).first()
        if document is None:
            raise DomainError("No document has this id.", field="document")
        tabled = table_document(meeting, document)
        return Response({"id": tabled.pk, "document": document.pk}, status=status.HTTP_201_CREATED)


class DecisionSubjects(APIView):
    """Record what a body decision refers to (a record of the platform, or a label)."""

    permission_required = {"POST": "preparation.change_meetings"}
    object_level_permission = True

    @extend_schema(request=SubjectSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        decision = get_object_or_404(
            BodyDecision.objects.select_related("meeting__edition"), pk=kwargs["pk"]
        )
        self.check_object_permissions(request, decision.meeting)
        data = SubjectSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        key = data.validated_data.get("subject")
        subject = add_decision_subject(
            decision,
            subject=subject_from_key(key) if key else None,
            label_en=data.validated_data.get("label_en", ""),
        )
        return Response(
            {"id": subject.pk, "label_en": subject.label_en}, status=status.HTTP_201_CREATED
        )


def preparation_editing_paths(edition: str) -> list:
    """The API paths of this module (api/urls.py)."""
    from django.urls import path

    session = edition + "sessions/<str:session>"
    return [
        path(edition + "themes", Themes.as_view(), name="themes"),
        path(edition + "themes/<int:theme>", ThemeDetail.as_view(), name="theme"),
        path(
            edition + "themes/<int:theme>/roundtables",
            ThemeRoundtables.as_view(),
            name="theme_roundtables",
        ),
        path(
            edition + "roundtables/<str:roundtable>",
            RoundtableDetail.as_view(),
            name="roundtable",
        ),
        path(
            edition + "roundtables/<str:roundtable>/sessions",
            RoundtableSessions.as_view(),
            name="roundtable_sessions",
        ),
        path(session, SessionDetail.as_view(), name="session"),
        path(session + "/guiding-questions", GuidingQuestions.as_view(), name="guiding_questions"),
        path("surveys/<int:pk>", SurveyDetail.as_view(), name="survey"),
        path("surveys/<int:pk>/questions", SurveyQuestions.as_view(), name="survey_questions"),
        path(
            "surveys/<int:pk>/questions/<int:question>",
            SurveyQuestionDetail.as_view(),
            name="survey_question",
        ),
        path("body-meetings/<int:pk>", BodyMeetingDetail.as_view(), name="body_meeting"),
        path(
            "body-meetings/<int:pk>/attendance",
            Attendance.as_view(kind="body"),
            name="body_meeting_attendance",
        ),
        path(
            "body-meetings/<int:pk>/tabled-documents",
            Tabled.as_view(kind="body"),
            name="body_meeting_tabled",
        ),
        path(
            "body-decisions/<int:pk>/subjects",
            DecisionSubjects.as_view(),
            name="decision_subjects",
        ),
        path(
            "preparatory-events/<int:pk>/attendance",
            Attendance.as_view(kind="event"),
            name="event_attendance",
        ),
        path(
            "preparatory-events/<int:pk>/tabled-documents",
            Tabled.as_view(kind="event"),
            name="event_tabled",
        ),
    ]
