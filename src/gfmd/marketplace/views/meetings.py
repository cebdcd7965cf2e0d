"""The staff grid (slots x tables, Schedule all), meetings and their Outcome Forms, and each
party's agenda as a page, a PDF and an iCalendar feed."""

import secrets

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from gfmd.common.errors import DomainError
from gfmd.common.history import history_entries
from gfmd.common.views import PermissionRequiredMixin

from ..domain import grid, meetings, scheduling
from ..domain.queries import MEETING_RELATED, agenda_of, grid_of
from ..enums import MeetingStatus
from ..interfaces.agenda import agenda_calendar, agenda_pdf
from ..interfaces.forms import (
    CloseMeetingForm,
    ConfirmForm,
    OutcomeFormForm,
    PlaceMeetingForm,
    ScheduleForm,
    SlotHoursForm,
    TableForm,
    UnavailabilityForm,
)
from ..models import CalendarToken, MarketplaceMeeting, OutcomeForm, Slot, Table
from .base import MarketplaceView, PostFormMixin, SignInFirstMixin


def _parties_of(meetings_list) -> list[tuple[str, object]]:
    """The parties of the planned meetings, to mark unavailable slots."""
    states, organisations = {}, {}
    for meeting in meetings_list:
        if meeting.request.owner_state_id:
            states[meeting.request.owner_state_id] = meeting.request.owner_state
        if meeting.provider_state_id:
            states[meeting.provider_state_id] = meeting.provider_state
        if meeting.provider_organisation_id:
            organisations[meeting.provider_organisation_id] = meeting.provider_organisation
    return sorted(
        [(f"state:{pk}", s) for pk, s in states.items()]
        + [(f"organisation:{pk}", o) for pk, o in organisations.items()],
        key=lambda pair: str(pair[1]),
    )


class GridView(MarketplaceView):
    permission_required = "marketplace.manage"
    template_name = "marketplace/grid.html"

    def grid_context(self, **forms) -> dict:
        data = grid_of(self.marketplace)
        everyone = [m for _slot, row in data["rows"] for m in row if m] + data["unplaced"]
        return {
            **self.base_context(),
            **data,
            "hours_form": forms.get("hours_form") or SlotHoursForm(),
            "table_form": forms.get("table_form") or TableForm(),
            "schedule_form": forms.get("schedule_form") or ScheduleForm(),
            "unavailable_form": forms.get("unavailable_form")
            or UnavailabilityForm(slots=data["slots"], parties=_parties_of(everyone)),
            "clashes": grid.meetings_in_unavailable_slots(self.marketplace),
            "report": forms.get("report"),
            "remove_error": forms.get("remove_error"),
        }

    def get_context_data(self, **kwargs):
        return self.grid_context(**kwargs)

    def grid_url(self):
        return reverse("marketplace:grid", args=[self.kwargs["process"], self.kwargs["number"]])


class GridPostView(PostFormMixin, GridView):
    def invalid_context(self, form):
        return self.grid_context(**{self.form_name: form})

    def success_url(self):
        return self.grid_url()


class ScheduleAllView(GridPostView):
    """Schedule all; the page shows the objective, the proven bound, the gap and the reason
    for each meeting left without a slot."""

    form_name = "schedule_form"

    def build_form(self, data=None):
        return ScheduleForm(data)

    def post(self, request, *args, **kwargs):
        form = self.build_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.invalid_context(form), status=400)
        try:
            report = scheduling.schedule_all(
                self.marketplace, time_limit=form.cleaned_data["time_limit"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return self.render_to_response(self.invalid_context(form), status=400)
        messages.success(
            request,
            _("%(n)d meetings scheduled, %(m)d moved, %(u)d without a slot.")
            % {
                "n": report.schedule.scheduled,
                "m": len(report.moved),
                "u": len(report.unscheduled),
            },
        )
        return self.render_to_response(self.grid_context(report=report))


class SlotHoursView(GridPostView):
    form_name = "hours_form"

    def build_form(self, data=None):
        return SlotHoursForm(data)

    def act(self, form):
        data = form.cleaned_data
        created = grid.add_hourly_slots(
            self.marketplace, data["day"], data["first"], data["last"], data["minutes"]
        )
        return _("%(n)d slots added.") % {"n": len(created)}


class TableAddView(GridPostView):
    form_name = "table_form"

    def build_form(self, data=None):
        return TableForm(data)

    def act(self, form):
        table = grid.add_table(
            self.marketplace, form.cleaned_data["name"], form.cleaned_data["location"]
        )
        return _("%(table)s added.") % {"table": table}


class UnavailabilityAddView(GridPostView):
    form_name = "unavailable_form"

    def build_form(self, data=None):
        context = grid_of(self.marketplace)
        everyone = [m for _slot, row in context["rows"] for m in row if m] + context["unplaced"]
        return UnavailabilityForm(data, slots=context["slots"], parties=_parties_of(everyone))

    def act(self, form):
        data = form.cleaned_data
        party = form.parties[data["party"]]
        is_state = data["party"].startswith("state:")
        grid.set_unavailable(
            form.slots[data["slot"]],
            state=party if is_state else None,
            organisation=None if is_state else party,
            reason=data["reason"],
        )
        return _("%(party)s is unavailable in %(slot)s.") % {
            "party": party,
            "slot": form.slots[data["slot"]],
        }


class RemoveFromGridView(GridView):
    """Remove a slot or a table: refused, with the meetings named, while it holds any."""

    http_method_names = ["post"]
    model = Slot

    def post(self, request, *args, **kwargs):
        thing = get_object_or_404(self.model, pk=self.kwargs["pk"], marketplace=self.marketplace)
        try:
            (grid.remove_slot if self.model is Slot else grid.remove_table)(thing)
        except DomainError as error:
            return self.render_to_response(
                self.grid_context(remove_error=error.message), status=400
            )
        messages.success(request, _("%(thing)s removed.") % {"thing": thing})
        return redirect(self.grid_url())


class MeetingMixin:
    @property
    def meeting(self) -> MarketplaceMeeting:
        if not hasattr(self, "_meeting"):
            self._meeting = get_object_or_404(
                MarketplaceMeeting.objects.select_related(
                    *MEETING_RELATED, "request__owner_person"
                ),
                marketplace=self.marketplace,
                pk=self.kwargs["pk"],
            )
        return self._meeting

    def get_permission_object(self):
        return self.meeting

    def meeting_context(self, **forms) -> dict:
        meeting, user = self.meeting, self.request.user
        outcome = OutcomeForm.objects.filter(meeting=meeting).first()
        initial = (
            {name: getattr(outcome, name) for name in meetings.OUTCOME_FIELDS} if outcome else None
        )
        return {
            **self.base_context(),
            "meeting": meeting,
            "side": meetings.side_of(user, meeting),
            "outcome": outcome,
            "outcome_form": forms.get("outcome_form") or OutcomeFormForm(initial=initial),
            "close_form": forms.get("close_form") or CloseMeetingForm(),
            "place_form": forms.get("place_form")
            or PlaceMeetingForm(
                initial={"slot": meeting.slot_id, "table": meeting.table_id},
                slots=Slot.objects.filter(marketplace=self.marketplace),
                tables=Table.objects.filter(marketplace=self.marketplace),
            ),
            "can_fill": user.has_perm("marketplace.fill_outcome", meeting),
            "can_close": user.has_perm("marketplace.close_meeting", meeting),
            "can_manage": user.has_perm("marketplace.manage", self.marketplace),
            "planned": meeting.status == MeetingStatus.PLANNED,
            "history": history_entries(
                [
                    MarketplaceMeeting.history.filter(id=meeting.pk),
                    OutcomeForm.history.filter(meeting_id=meeting.pk),
                ]
            ),
        }

    def success_url(self):
        return meetings.meeting_url(self.meeting)


class MeetingDetailView(MeetingMixin, MarketplaceView):
    permission_required = "marketplace.view_meeting"
    template_name = "marketplace/meeting_detail.html"

    def get_context_data(self, **kwargs):
        return self.meeting_context(**kwargs)


class MeetingPostView(MeetingMixin, PostFormMixin, MarketplaceView):
    template_name = "marketplace/meeting_detail.html"

    def invalid_context(self, form):
        return self.meeting_context(**{self.form_name: form})


class OutcomeSaveView(MeetingPostView):
    permission_required = "marketplace.fill_outcome"
    form_name = "outcome_form"

    def build_form(self, data=None):
        return OutcomeFormForm(data)

    def act(self, form):
        side = meetings.side_of(self.request.user, self.meeting)
        saved = meetings.save_outcome_form(
            self.meeting, user=self.request.user, side=side, **form.cleaned_data
        )
        if saved.confirmed_by_both:
            return _("The Outcome Form is confirmed by both sides.")
        return _("Outcome Form saved; it waits for the other side's confirmation.")


class MeetingCloseView(MeetingPostView):
    permission_required = "marketplace.close_meeting"
    form_name = "close_form"

    def build_form(self, data=None):
        return CloseMeetingForm(data)

    def act(self, form):
        meetings.close_meeting(
            self.meeting, user=self.request.user, status=form.cleaned_data["status"]
        )
        return _("The meeting is recorded as %(status)s.") % {
            "status": MeetingStatus(form.cleaned_data["status"]).label
        }


class MeetingPlaceView(MeetingPostView):
    permission_required = "marketplace.manage"
    form_name = "place_form"

    def get_permission_object(self):
        return self.marketplace

    def build_form(self, data=None):
        return PlaceMeetingForm(
            data,
            slots=Slot.objects.filter(marketplace=self.marketplace),
            tables=Table.objects.filter(marketplace=self.marketplace),
        )

    def act(self, form):
        data = form.cleaned_data
        grid.place_meeting(
            self.meeting,
            slot=form.slots[data["slot"]],
            table=form.tables[data["table"]],
            lock=data["lock"],
        )
        return _("Meeting placed.")


class MeetingUnlockView(MeetingPostView):
    permission_required = "marketplace.manage"

    def get_permission_object(self):
        return self.marketplace

    def build_form(self, data=None):
        return ConfirmForm({})

    def act(self, form):
        grid.set_lock(self.meeting, not self.meeting.locked)
        return _("Meeting locked.") if self.meeting.locked else _("Meeting unlocked.")


class AgendaView(MarketplaceView):
    permission_required = "marketplace.view_agenda"
    template_name = "marketplace/agenda.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(meetings=agenda_of(self.marketplace, self.roles), **kwargs)


class AgendaPdfView(AgendaView):
    template_name = "marketplace/agenda_pdf.html"

    def get(self, request, *args, **kwargs):
        context = self.get_context_data()
        context["user"] = request.user
        pdf = agenda_pdf(context, base_url=request.build_absolute_uri("/"))
        response = HttpResponse(pdf, content_type="application/pdf")
        edition = self.marketplace.edition
        response["Content-Disposition"] = (
            f'inline; filename="marketplace-{edition.process.slug}-{edition.number}-agenda.pdf"'
        )
        return response


class CalendarView(SignInFirstMixin, PermissionRequiredMixin, TemplateView):
    """The address of the user's calendar feed; a new one makes the old one stop working."""

    permission_required = "marketplace.use_notices"
    template_name = "marketplace/calendar.html"

    def get_permission_object(self):
        return None

    def get_context_data(self, **kwargs):
        token = CalendarToken.objects.filter(user=self.request.user).first()
        feed = (
            self.request.build_absolute_uri(
                reverse("marketplace:calendar_feed", args=[token.token])
            )
            if token
            else ""
        )
        return {"feed": feed, "view": self}

    def post(self, request, *args, **kwargs):
        CalendarToken.objects.update_or_create(
            user=request.user, defaults={"token": secrets.token_urlsafe(32)}
        )
        messages.success(request, _("Your calendar address is ready; the old one stops working."))
        return redirect("marketplace:calendar")


class CalendarFeedView(PermissionRequiredMixin, View):
    """The iCalendar feed of every Marketplace meeting of the token's owner."""

    permission_required = "marketplace.use_secret_link"

    def dispatch(self, request, *args, **kwargs):
        token = (
            CalendarToken.objects.filter(token=self.kwargs["token"][:100])
            .select_related("user")
            .first()
        )
        if token is None or not token.user.is_active:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404
        self.owner = token.user
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return None

    def get(self, request, *args, **kwargs):
        from ..domain.roles import marketplace_roles
        from ..models import Marketplace

        meetings_list = []
        for marketplace in Marketplace.objects.select_related("edition__process"):
            roles = marketplace_roles(self.owner, marketplace)
            if roles.enters:
                meetings_list += agenda_of(marketplace, roles)
        body = agenda_calendar(
            meetings_list, name=str(_("GFMD Marketplace meetings")), host=request.get_host()
        )
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")
