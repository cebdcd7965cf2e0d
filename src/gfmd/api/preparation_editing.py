"""API writes of the concept paper that the web forms also make: themes, roundtables, sessions,
guiding questions. Each calls the same domain function as its form; refusals are JSON 400 with
the field's name. Survey building and the record of meetings have modules of their own
(preparation_surveys.py, preparation_meetings.py); the paths of all three are listed here."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from gfmd.common.errors import DomainError
from gfmd.common.parsing import whole_number
from gfmd.preparation.domain.concept import (
    create_roundtable,
    create_session,
    create_theme,
    save_guiding_questions,
    update_roundtable,
    update_session,
    update_theme,
)
from gfmd.preparation.models import (
    Roundtable,
    RoundtableSession,
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
            edition__year=whole_number(year, max_digits=4) or 0,
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


def preparation_editing_paths(edition: str) -> list:
    """The API paths of this module (api/urls.py)."""
    from django.urls import path

    from .preparation_meetings import (
        Attendance,
        BodyMeetingDetail,
        DecisionSubjects,
        Tabled,
    )
    from .preparation_surveys import SurveyDetail, SurveyQuestionDetail, SurveyQuestions

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
