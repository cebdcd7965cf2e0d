"""The page of a body meeting (governance's record, extended here) and of a preparatory event:
what was decided and about what, who attended, which documents were tabled. Support Unit staff
of the edition record these on the same page; every change keeps its history."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from gfmd.common.errors import DomainError
from gfmd.common.history import history_entries
from gfmd.common.views import PermissionRequiredMixin
from gfmd.governance.models import BodyMeeting
from gfmd.library.models import Document

from ..domain.meetings import (
    add_decision_subject,
    meeting_history,
    meeting_records,
    organisation_by_name,
    readable_document_ids,
    record_attendance,
    remove_attendance,
    remove_decision_subject,
    subject_from_key,
    subject_url,
    table_document,
    untable_document,
)
from ..domain.queries import preparatory_events_of
from ..interfaces.meetings import AttendanceForm, DecisionSubjectForm, TabledDocumentForm
from ..models import DecisionSubject, MeetingAttendance, PreparatoryEvent, TabledDocument

BODY, EVENT = "body", "event"


class MeetingMixin:
    """The meeting of the address: a body meeting (kind "body") or a preparatory event."""

    template_name = "preparation/meeting.html"

    def get_meeting(self):
        if not hasattr(self, "_meeting"):
            if self.kwargs["kind"] == BODY:
                queryset = meeting_records(BodyMeeting.objects.all())
            else:
                found = get_object_or_404(
                    PreparatoryEvent.objects.select_related("edition"), pk=self.kwargs["pk"]
                )
                queryset = preparatory_events_of(found.edition)
            self._meeting = get_object_or_404(queryset, pk=self.kwargs["pk"])
        return self._meeting

    def get_permission_object(self):
        return self.get_meeting()

    def page(self, status=200, **forms):
        meeting = self.get_meeting()
        user = self.request.user
        is_body = isinstance(meeting, BodyMeeting)
        can_record = user.has_perm("preparation.change_meetings", meeting)
        tabled = list(meeting.tabled.all())
        decisions = list(meeting.decisions.all()) if is_body else []
        subjects = [s for d in decisions for s in d.subjects.all()]
        readable = readable_document_ids(
            user,
            [t.document for t in tabled]
            + [s.subject for s in subjects if isinstance(s.subject, Document)],
        )
        for decision in decisions:
            decision.subject_links = [
                (s, self.link(s.subject, readable)) for s in decision.subjects.all()
            ]
        context = {
            "meeting": meeting,
            "is_body": is_body,
            "edition": meeting.edition,
            "decisions": decisions,
            "tabled": [(t, t.document_id in readable) for t in tabled],
            "can_record": can_record,
        }
        if can_record and meeting.edition is not None:
            context.update(
                attendance_form=forms.get("attendance_form") or AttendanceForm(),
                tabled_form=forms.get("tabled_form") or TabledDocumentForm(meeting=meeting),
                subject_form=(forms.get("subject_form") or DecisionSubjectForm(meeting=meeting))
                if is_body and decisions
                else None,
                history=history_entries(meeting_history(meeting)),
            )
        return TemplateResponse(self.request, self.template_name, context, status=status)

    @staticmethod
    def link(record, readable: set) -> str:
        """Where a decision's subject is shown; a document only if the reader may open it."""
        if record is None or (isinstance(record, Document) and record.pk not in readable):
            return ""
        return subject_url(record)

    def back(self):
        meeting = self.get_meeting()
        if isinstance(meeting, BodyMeeting):
            return redirect("preparation:body_meeting", meeting.pk)
        return redirect("preparation:event", meeting.pk)


class MeetingView(MeetingMixin, PermissionRequiredMixin, TemplateView):
    """Everyone reads a meeting's record, as the timeline shows it."""

    permission_required = "preparation.view_timeline"

    def get(self, request, *args, **kwargs):
        return self.page()


class RecordView(MeetingMixin, PermissionRequiredMixin, View):
    permission_required = "preparation.change_meetings"
    http_method_names = ["post"]

    def refused(self, form, error: DomainError, name: str):
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return self.page(status=400, **{name: form})


class AttendanceView(RecordView):
    def post(self, request, *args, **kwargs):
        form = AttendanceForm(request.POST)
        if not form.is_valid():
            return self.page(status=400, attendance_form=form)
        try:
            name = (form.cleaned_data.get("organisation") or "").strip()
            organisations = [organisation_by_name(name)] if name else []
            result = record_attendance(
                self.get_meeting(),
                states=form.cleaned_data["states"],
                organisations=organisations,
            )
        except DomainError as error:
            return self.refused(form, error, "attendance_form")
        message = _("Recorded as present: %(who)s.") % {
            "who": ", ".join(str(a) for a in result["created"])
        }
        if result["already"]:
            message += " " + _("Already recorded: %(who)s.") % {
                "who": ", ".join(str(x) for x in result["already"])
            }
        messages.success(request, message)
        return self.back()


class TabledView(RecordView):
    def post(self, request, *args, **kwargs):
        form = TabledDocumentForm(request.POST, meeting=self.get_meeting())
        if not form.is_valid():
            return self.page(status=400, tabled_form=form)
        try:
            tabled = table_document(self.get_meeting(), form.cleaned_data["document"])
        except DomainError as error:
            return self.refused(form, error, "tabled_form")
        messages.success(request, _("Tabled: %(document)s.") % {"document": tabled.document})
        return self.back()


class DecisionSubjectView(RecordView):
    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        if not isinstance(meeting, BodyMeeting):
            return redirect("preparation:event", meeting.pk)
        form = DecisionSubjectForm(request.POST, meeting=meeting)
        if not form.is_valid():
            return self.page(status=400, subject_form=form)
        try:
            key = form.cleaned_data.get("subject")
            subject = add_decision_subject(
                form.cleaned_data["decision"],
                subject=subject_from_key(key) if key else None,
                label_en=form.cleaned_data.get("label_en", ""),
            )
        except DomainError as error:
            return self.refused(form, error, "subject_form")
        messages.success(request, _("The decision refers to %(subject)s.") % {"subject": subject})
        return self.back()


class RemoveRecordView(RecordView):
    """Remove one attendance, tabled document or decision subject of the meeting."""

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        owner = "body_meeting" if isinstance(meeting, BodyMeeting) else "event"
        what, pk = kwargs["what"], kwargs["record"]
        if what == "attendance":
            record = get_object_or_404(MeetingAttendance, pk=pk, **{owner: meeting})
            remove_attendance(record)
        elif what == "tabled":
            record = get_object_or_404(TabledDocument, pk=pk, **{owner: meeting})
            untable_document(record)
        else:
            record = get_object_or_404(DecisionSubject, pk=pk, decision__meeting=meeting)
            remove_decision_subject(record)
        messages.success(request, _("Removed: %(record)s.") % {"record": record})
        return self.back()
