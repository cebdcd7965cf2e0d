"""API writes of the record of body meetings and preparatory events that the meeting pages also
make: attendance, tabled documents, decision subjects; refusals are JSON 400 with the field's
name."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from gfmd.common.errors import DomainError
from gfmd.directory.domain.states import state_by_iso3
from gfmd.governance.models import BodyDecision, BodyMeeting
from gfmd.library.models import Document
from gfmd.preparation.domain.meetings import (
    add_decision_subject,
    meeting_records,
    organisation_by_name,
    record_attendance,
    subject_from_key,
    subject_key,
    table_document,
)
from gfmd.preparation.models import (
    PreparatoryEvent,
)


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
