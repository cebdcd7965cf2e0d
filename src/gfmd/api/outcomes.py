"""API of the outcomes: an edition's recommendations with where they stand (filters status,
level, horizon, lead), one recommendation with its follow-up reports, recording a
recommendation (Support Unit staff) and reporting on its follow-up (a focal point of a lead
government, or staff). The same domain functions and permissions as the pages (gfmd.outcomes);
refusals are JSON 400 with the field's name, other users get 403."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from gfmd.api.governance import StateCodeField
from gfmd.common.errors import DomainError
from gfmd.directory.models import Organisation
from gfmd.governance.models import Edition, WorkingGroup
from gfmd.library.models import Document
from gfmd.outcomes.domain.chatham_house import check_chatham_house
from gfmd.outcomes.domain.follow_up import report_follow_up
from gfmd.outcomes.domain.progress import Progress
from gfmd.outcomes.domain.queries import (
    Filters,
    edition_outcomes,
    edition_recommendations,
    recommendation_by_id,
)
from gfmd.outcomes.domain.recommendations import record_recommendation
from gfmd.outcomes.enums import FollowUpStatus, Horizon, Level
from gfmd.outcomes.models import FollowUp, Recommendation
from gfmd.preparation.models import Roundtable, RoundtableSession


def get_edition(kwargs) -> Edition:
    return get_object_or_404(
        Edition.objects.select_related("process", "chairmanship"),
        process__slug=kwargs["process"],
        number=kwargs["number"],
    )


def progress_data(progress: Progress) -> dict:
    return {
        "percent": None if progress.percent is None else round(progress.percent, 1),
        "counts": {value: progress.count(value) for value in FollowUpStatus.values},
        "total": progress.total,
        "not_reported": progress.not_reported,
    }


def follow_up_data(report: FollowUp) -> dict:
    session = report.later_session
    return {
        "id": report.pk,
        "reported_on": report.reported_on,
        "date_precision": report.reported_on_precision,
        "status": report.status,
        "progress": report.progress,
        "text": report.text,
        "reporting_state": report.reporting_state.iso3 if report.reporting_state_id else None,
        "working_group": report.working_group.key if report.working_group_id else None,
        "document": report.document.get_absolute_url() if report.document_id else None,
        "later_session": (
            {"edition": session.edition.number, "number": session.number} if session else None
        ),
        "provenance": report.provenance,
    }


def recommendation_data(r: Recommendation, *, with_follow_ups: bool = False) -> dict:
    standing = r.standing
    data = {
        "id": r.pk,
        "reference": r.reference,
        "origin": r.origin,
        "session": r.session.number if r.session_id else None,
        "roundtable": r.roundtable.number if r.roundtable_id else None,
        "horizontal_issue": r.horizontal_issue or None,
        "number": r.number,
        "text": r.text,
        "addressees": r.addressees,
        "lead_states": [s.iso3 for s in r.lead_states.all()],
        "actor_states": [s.iso3 for s in r.actor_states.all()],
        "actor_organisations": [o.pk for o in r.actor_organisations.all()],
        "level": r.level,
        "horizon": r.horizon,
        "reporting_target": r.reporting_target,
        "reporting_edition": r.reporting_edition.number if r.reporting_edition_id else None,
        "non_binding": r.non_binding,
        "status": standing.status,
        "progress": standing.progress,
        "latest_report": standing.reported_on,
        "report_count": standing.report_count,
        "provenance": r.provenance,
        "url": r.get_absolute_url(),
    }
    if with_follow_ups:
        data["follow_ups"] = [follow_up_data(f) for f in r.follow_ups.all()]
    return data


def warning_data(warnings) -> list[dict]:
    return [
        {"code": w.code, "message": w.message, "sentence": w.sentence, "source": w.source}
        for w in warnings
    ]


class FilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=FollowUpStatus.values, required=False)
    level = serializers.ChoiceField(choices=[v for v in Level.values if v], required=False)
    horizon = serializers.ChoiceField(choices=[v for v in Horizon.values if v], required=False)
    lead = StateCodeField(required=False, help_text="ISO 3166 alpha-3 code of a lead government")


class RecommendationSerializer(serializers.Serializer):
    session = serializers.CharField(
        max_length=10, required=False, help_text="the session's number in the edition, e.g. 1.1"
    )
    roundtable = serializers.CharField(
        max_length=10, required=False, help_text="a roundtable as a whole, by its number"
    )
    horizontal_issue_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    horizontal_issue_fr = serializers.CharField(max_length=200, required=False, allow_blank=True)
    horizontal_issue_es = serializers.CharField(max_length=200, required=False, allow_blank=True)
    number = serializers.IntegerField(required=False, help_text="empty: the next number")
    text_en = serializers.CharField()
    text_fr = serializers.CharField(required=False, allow_blank=True)
    text_es = serializers.CharField(required=False, allow_blank=True)
    addressees_en = serializers.CharField(required=False, allow_blank=True)
    addressees_fr = serializers.CharField(required=False, allow_blank=True)
    addressees_es = serializers.CharField(required=False, allow_blank=True)
    lead_states = serializers.ListField(child=StateCodeField(), required=False)
    actor_states = serializers.ListField(child=StateCodeField(), required=False)
    actor_organisations = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="organisation ids"
    )
    level = serializers.ChoiceField(choices=Level.values, required=False, allow_blank=True)
    horizon = serializers.ChoiceField(choices=Horizon.values, required=False, allow_blank=True)
    reporting_target_en = serializers.CharField(max_length=300, required=False, allow_blank=True)
    reporting_target_fr = serializers.CharField(max_length=300, required=False, allow_blank=True)
    reporting_target_es = serializers.CharField(max_length=300, required=False, allow_blank=True)
    reporting_edition = serializers.IntegerField(
        required=False, help_text="number of a later edition of the same process"
    )
    non_binding = serializers.BooleanField(required=False, default=True)
    source_document = serializers.CharField(max_length=40, required=False, allow_blank=True)
    source_lines = serializers.CharField(max_length=120, required=False, allow_blank=True)
    source_note = serializers.CharField(required=False, allow_blank=True)


class FollowUpSerializer(serializers.Serializer):
    reported_on = serializers.DateField()
    status = serializers.ChoiceField(choices=FollowUpStatus.values)
    progress = serializers.IntegerField(help_text="0 to 100; implemented is 100")
    text_en = serializers.CharField()
    text_fr = serializers.CharField(required=False, allow_blank=True)
    text_es = serializers.CharField(required=False, allow_blank=True)
    reporting_state = StateCodeField(
        required=False, help_text="the lead government reported for (focal points: their own)"
    )
    working_group = serializers.SlugField(required=False, help_text="the working group's key")
    document = serializers.IntegerField(required=False, help_text="a public library document id")
    later_session_edition = serializers.IntegerField(
        required=False, help_text="number of the later edition whose session takes it up"
    )
    later_session = serializers.CharField(
        max_length=10, required=False, help_text="that session's number, e.g. 2.1"
    )


def _one(model, field: str, **lookup):
    try:
        return model.objects.get(**lookup)
    except model.DoesNotExist:
        raise DomainError(
            f"No {model._meta.verbose_name} matches this value.", field=field
        ) from None


class OutcomesView(APIView):
    object_level_permission = True

    def get_edition(self) -> Edition:
        if not hasattr(self, "_edition"):
            self._edition = get_edition(self.kwargs)
        return self._edition

    def get_recommendation(self) -> Recommendation:
        try:
            return recommendation_by_id(self.get_edition(), self.kwargs["pk"])
        except Recommendation.DoesNotExist:
            raise NotFound("This edition has no recommendation with this id.") from None


class Recommendations(OutcomesView):
    """GET: the edition's recommendations with status and progress, and the roll-up of those
    shown. POST: Support Unit staff record a recommendation (201, with Chatham House
    warnings on its text if any)."""

    permission_required = {"GET": "outcomes.view_outcomes", "POST": "outcomes.add_recommendation"}

    @extend_schema(
        operation_id="outcomes_recommendations_list",
        parameters=[
            OpenApiParameter("status", str, enum=FollowUpStatus.values),
            OpenApiParameter("level", str, enum=[v for v in Level.values if v]),
            OpenApiParameter("horizon", str, enum=[v for v in Horizon.values if v]),
            OpenApiParameter("lead", str, description="ISO3 code of a lead government"),
        ],
        responses={200: dict},
    )
    def get(self, request, **kwargs):
        edition = self.get_edition()
        self.check_object_permissions(request, edition)
        query = FilterSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = dict(query.validated_data)
        if "lead" in values:
            values["lead"] = values["lead"].iso3
        filters = Filters(**values)
        recommendations = edition_recommendations(edition)
        outcomes = edition_outcomes(edition, filters, recommendations=recommendations)
        shown = [r for r in recommendations if filters.keep(r)]
        return Response(
            {
                "edition": str(edition),
                "non_binding_notice": (
                    "The GFMD produces no negotiated outcomes or normative decisions "
                    "(003 L529-L531): its recommendations are non-binding."
                ),
                "progress": progress_data(outcomes.progress),
                "recommendations": [recommendation_data(r) for r in shown],
            }
        )

    @extend_schema(
        operation_id="outcomes_recommendations_create",
        request=RecommendationSerializer,
        responses={201: dict},
    )
    def post(self, request, **kwargs):
        edition = self.get_edition()
        self.check_object_permissions(request, edition)
        data = RecommendationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        if "session" in fields:
            fields["session"] = _one(
                RoundtableSession, "session", edition=edition, number=fields["session"]
            )
        if "roundtable" in fields:
            fields["roundtable"] = _one(
                Roundtable, "roundtable", edition=edition, number=fields["roundtable"]
            )
        if "reporting_edition" in fields:
            fields["reporting_edition"] = _one(
                Edition,
                "reporting_edition",
                process=edition.process,
                number=fields["reporting_edition"],
            )
        if "actor_organisations" in fields:
            ids = fields["actor_organisations"]
            found = list(Organisation.objects.filter(pk__in=ids))
            missing = sorted(set(ids) - {o.pk for o in found})
            if missing:
                raise DomainError(
                    f"Unknown organisation id: {', '.join(map(str, missing))}.",
                    field="actor_organisations",
                )
            fields["actor_organisations"] = found
        recommendation = record_recommendation(edition, user=request.user, **fields)
        recommendation = recommendation_by_id(edition, recommendation.pk)
        body = recommendation_data(recommendation, with_follow_ups=True)
        body["warnings"] = warning_data(check_chatham_house(recommendation.text_en))
        return Response(body, status=status.HTTP_201_CREATED)


class RecommendationDetail(OutcomesView):
    """One recommendation with its follow-up reports, oldest first."""

    permission_required = {"GET": "outcomes.view_outcomes"}

    @extend_schema(operation_id="outcomes_recommendation_retrieve", responses={200: dict})
    def get(self, request, **kwargs):
        recommendation = self.get_recommendation()
        self.check_object_permissions(request, recommendation)
        return Response(recommendation_data(recommendation, with_follow_ups=True))


class FollowUps(OutcomesView):
    """A focal point of a lead government, or Support Unit staff, report on the follow-up
    (201, with Chatham House warnings on its text if any; warnings never block)."""

    permission_required = {"POST": "outcomes.report_follow_up"}

    @extend_schema(
        operation_id="outcomes_follow_ups_create", request=FollowUpSerializer, responses={201: dict}
    )
    def post(self, request, **kwargs):
        recommendation = self.get_recommendation()
        self.check_object_permissions(request, recommendation)
        data = FollowUpSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        edition = recommendation.edition
        if "working_group" in fields:
            fields["working_group"] = _one(
                WorkingGroup, "working_group", key=fields["working_group"]
            )
        if "document" in fields:
            fields["document"] = _one(Document, "document", pk=fields["document"])
        later_edition = fields.pop("later_session_edition", None)
        if "later_session" in fields or later_edition is not None:
            if later_edition is None or "later_session" not in fields:
                raise DomainError(
                    "Give both later_session_edition and later_session.", field="later_session"
                )
            fields["later_session"] = _one(
                RoundtableSession,
                "later_session",
                edition__process=edition.process,
                edition__number=later_edition,
                number=fields["later_session"],
            )
        report = report_follow_up(recommendation, user=request.user, **fields)
        allowed = [s.name_en for s in recommendation.lead_states.all()]
        body = follow_up_data(report)
        body["warnings"] = warning_data(check_chatham_house(report.text_en, allowed_names=allowed))
        return Response(body, status=status.HTTP_201_CREATED)


def outcomes_paths(edition: str) -> list:
    """The API paths of the outcomes, under an edition's address (api/urls.py)."""
    from django.urls import path

    recommendation = edition + "recommendations/<int:pk>"
    return [
        path(edition + "recommendations", Recommendations.as_view(), name="recommendations"),
        path(recommendation, RecommendationDetail.as_view(), name="recommendation"),
        path(recommendation + "/follow-ups", FollowUps.as_view(), name="follow_ups"),
    ]
