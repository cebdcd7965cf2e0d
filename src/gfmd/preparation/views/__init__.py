"""Pages of the preparation of a Forum: thin views that parse, call the domain and render.

This module holds the agenda, sessions and teams, the Team Matrix, the timeline and surveys;
further pages live in modules beside it that urls.py imports.
"""

import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from gfmd.common.errors import DomainError
from gfmd.common.views import PermissionRequiredMixin
from gfmd.governance.domain.roles import roles_of
from gfmd.governance.enums import Body
from gfmd.governance.models import Edition

from ..domain.concept import check_guiding_questions, check_new_topics
from ..domain.queries import agenda, session_by_number, team_matrix
from ..domain.surveys import (
    correct_response,
    results_table,
    submit_response,
    survey_results,
)
from ..domain.teams import check_roles, check_team, decide, publish_session, volunteer
from ..domain.timeline import edition_timeline
from ..interfaces.calendar import calendar_of
from ..interfaces.exports import matrix_csv, matrix_pdf, matrix_xlsx, table_xlsx
from ..interfaces.forms import DecisionForm, SurveyAnswerForm, VolunteerForm
from ..models import RoundtableSession, Survey, TeamMembership

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EditionMixin:
    def get_edition(self) -> Edition:
        if not hasattr(self, "_edition"):
            self._edition = get_object_or_404(
                Edition.objects.select_related("process", "chairmanship"),
                process__slug=self.kwargs["process"],
                number=self.kwargs["number"],
            )
        return self._edition

    def get_permission_object(self):
        return self.get_edition()


class SessionMixin(EditionMixin):
    def get_session(self) -> RoundtableSession:
        if not hasattr(self, "_session"):
            try:
                self._session = session_by_number(self.get_edition(), self.kwargs["session"])
            except RoundtableSession.DoesNotExist:
                raise Http404 from None
        return self._session

    def get_permission_object(self):
        return self.get_session()


def session_warnings(session) -> list:
    team = list(session.team.all())
    return (
        check_team(team)
        + check_roles(list(session.roles.all()))
        + check_guiding_questions(list(session.guiding_questions.all()))
    )


class AgendaView(EditionMixin, PermissionRequiredMixin, TemplateView):
    """Themes, roundtables and sessions of an edition with their questions and checks."""

    permission_required = "preparation.view_agenda"
    template_name = "preparation/agenda.html"

    def get_context_data(self, **kwargs):
        edition = self.get_edition()
        can_change = self.request.user.has_perm("preparation.change_session", edition)
        themes = agenda(edition, include_drafts=can_change)
        sessions = [s for t in themes for r in t.roundtables.all() for s in r.sessions.all()]
        earlier = Edition.objects.filter(process=edition.process, number__lt=edition.number)
        warnings = check_new_topics(sessions, earlier.exists())
        for session in sessions:
            session.warnings = session_warnings(session)
        if can_change:
            kwargs["surveys"] = list(Survey.objects.filter(edition=edition))
        return super().get_context_data(
            edition=edition, themes=themes, warnings=warnings, can_change=can_change, **kwargs
        )


class SessionView(SessionMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "preparation.view_agenda"
    template_name = "preparation/session.html"

    def get_permission_object(self):
        return self.get_edition()

    def get_context_data(self, **kwargs):
        kwargs.pop("session", None)  # the number from the address; the object replaces it
        session = self.get_session()
        user = self.request.user
        can_change = user.has_perm("preparation.change_session", session)
        if session.status != "published" and not can_change:
            raise Http404
        roles = roles_of(user)
        if "volunteer_form" not in kwargs and user.has_perm("preparation.volunteer"):
            kwargs["volunteer_form"] = VolunteerForm(
                state_ids=roles.focal_point_state_ids, organisation_ids=roles.organisation_ids
            )
        from .papers import paper_on_session_page  # the paper's pages import this module

        return super().get_context_data(
            edition=self.get_edition(),
            session=session,
            warnings=session_warnings(session),
            can_change=can_change,
            decision_form=DecisionForm(),
            **paper_on_session_page(user, session),
            **kwargs,
        )


class VolunteerView(SessionMixin, PermissionRequiredMixin, FormView):
    """A focal point volunteers their state; bad input saves nothing and says why."""

    permission_required = "preparation.volunteer"
    http_method_names = ["post"]
    template_name = "preparation/session.html"

    def get_permission_object(self):
        return None

    def get_form(self, form_class=None):
        roles = roles_of(self.request.user)
        return VolunteerForm(
            self.request.POST,
            state_ids=roles.focal_point_state_ids,
            organisation_ids=roles.organisation_ids,
        )

    def form_valid(self, form):
        session = self.get_session()
        try:
            member = volunteer(
                session,
                seat=form.cleaned_data.get("seat") or "member",
                user=self.request.user,
                state=form.cleaned_data.get("state"),
                organisation=form.cleaned_data.get("organisation"),
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(who)s volunteered for session %(number)s; the Support Unit will decide.")
            % {"who": member.state or member.organisation, "number": session.number},
        )
        return redirect(session.get_absolute_url())

    def form_invalid(self, form):
        view = SessionView()
        view.setup(self.request, **self.kwargs)
        context = view.get_context_data(volunteer_form=form)
        return self.response_class(self.request, [self.template_name], context, status=400)


class DecideView(SessionMixin, PermissionRequiredMixin, View):
    permission_required = "preparation.decide_team"

    def post(self, request, *args, **kwargs):
        session = self.get_session()
        member = get_object_or_404(TeamMembership, pk=kwargs["member"], session=session)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose accept or decline, and a known perspective."))
            return redirect(session.get_absolute_url())
        member = decide(
            member,
            accept=form.cleaned_data["decision"] == "accept",
            user=request.user,
            perspective=form.cleaned_data["perspective"],
        )
        messages.success(
            request,
            _("%(who)s: %(status)s.")
            % {"who": member.state or member.organisation, "status": member.get_status_display()},
        )
        return redirect(session.get_absolute_url())


class PublishView(SessionMixin, PermissionRequiredMixin, View):
    permission_required = "preparation.publish_session"

    def post(self, request, *args, **kwargs):
        session = self.get_session()
        try:
            publish_session(session)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(session.get_absolute_url())
        messages.success(
            request, _("Session %(number)s is published.") % {"number": session.number}
        )
        return redirect(session.get_absolute_url())


class TeamMatrixView(EditionMixin, PermissionRequiredMixin, TemplateView):
    """The Roundtable Session Team Matrix (002 Annex 5) as a page, CSV, XLSX or PDF."""

    permission_required = "preparation.view_team_matrix"
    template_name = "preparation/team_matrix.html"

    def get(self, request, *args, **kwargs):
        edition = self.get_edition()
        rows = team_matrix(edition)
        name = f"team-matrix-{edition.process.slug}-{edition.year}"
        export = kwargs.get("format")
        if export not in (None, "csv", "xlsx", "pdf"):
            raise Http404
        if export == "csv":
            return download(matrix_csv(rows), "text/csv; charset=utf-8", f"{name}.csv")
        if export == "xlsx":
            return download(matrix_xlsx(rows), XLSX, f"{name}.xlsx")
        if export == "pdf":
            return download(matrix_pdf(edition, rows), "application/pdf", f"{name}.pdf")
        return self.render_to_response(self.get_context_data(edition=edition, rows=rows))


class TimelineView(EditionMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "preparation.view_timeline"
    template_name = "preparation/timeline.html"

    def get_context_data(self, **kwargs):
        edition = self.get_edition()
        return super().get_context_data(
            edition=edition, entries=edition_timeline(edition), bodies=Body.choices, **kwargs
        )


class CalendarView(EditionMixin, PermissionRequiredMixin, View):
    """iCalendar of an edition's meetings, or of one body's (?body=steering_group)."""

    permission_required = "preparation.view_timeline"

    def get(self, request, *args, **kwargs):
        edition = self.get_edition()
        body = kwargs.get("body")
        if body is not None and body not in Body.values:
            raise Http404
        entries = edition_timeline(edition, body=body)
        name = f"{edition} — {Body(body).label}" if body else str(edition)
        return HttpResponse(calendar_of(name, entries), content_type="text/calendar; charset=utf-8")


class SurveyMixin:
    def get_survey(self) -> Survey:
        if not hasattr(self, "_survey"):
            self._survey = get_object_or_404(
                Survey.objects.select_related("edition__process", "edition__chairmanship"),
                pk=self.kwargs["pk"],
            )
        return self._survey

    def get_permission_object(self):
        return self.get_survey()


class SurveyView(SurveyMixin, PermissionRequiredMixin, TemplateView):
    """A survey; focal points answer for their state, once, and correct until the deadline."""

    permission_required = "preparation.view_survey"
    template_name = "preparation/survey.html"

    def state_ids(self):
        return roles_of(self.request.user).focal_point_state_ids

    def existing(self, state_ids):
        return {
            r.state_id: r
            for r in self.get_survey()
            .responses.filter(state_id__in=state_ids)
            .prefetch_related("answers__chosen")
        }

    def get_context_data(self, **kwargs):
        survey = self.get_survey()
        state_ids = self.state_ids()
        existing = self.existing(state_ids)
        if "form" not in kwargs and state_ids:
            initial = {}
            if len(existing) == 1:
                response = next(iter(existing.values()))
                for answer in response.answers.all():
                    chosen = [c.choice_id for c in answer.chosen.all()]
                    initial[answer.question_id] = chosen or answer.text or answer.number
            kwargs["form"] = SurveyAnswerForm(
                survey=survey, state_ids=state_ids, initial_values=initial
            )
        return super().get_context_data(
            survey=survey,
            answered=[r.state for r in existing.values()],
            is_open=not survey.is_draft
            and (survey.deadline is None or timezone.now() <= survey.deadline),
            can_see_results=self.request.user.has_perm("preparation.view_survey_results", survey),
            can_edit=self.request.user.has_perm("preparation.add_survey", survey),
            has_questions=survey.questions.exists(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("preparation.answer_survey", self.get_survey()):
            return HttpResponse(status=403)
        survey = self.get_survey()
        form = SurveyAnswerForm(request.POST, survey=survey, state_ids=self.state_ids())
        if form.is_valid():
            state = form.cleaned_data["state"]
            try:
                existing = survey.responses.filter(state=state).first()
                if existing is not None and request.POST.get("correct"):
                    correct_response(existing, values=form.values(), user=request.user)
                    messages.success(
                        request, _("The answer of %(state)s is corrected.") % {"state": state}
                    )
                else:
                    submit_response(survey, state=state, values=form.values(), user=request.user)
                    messages.success(
                        request,
                        _("Thank you: the answer of %(state)s is recorded.") % {"state": state},
                    )
                return redirect(survey.get_absolute_url())
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
        return self.render_to_response(self.get_context_data(form=form), status=400)


def parse_day(value: str | None) -> tuple[datetime.date | None, str]:
    if not value:
        return None, ""
    try:
        return datetime.date.fromisoformat(value), ""
    except ValueError:
        return None, _("“%(value)s” is not a date; use YYYY-MM-DD, for example 2007-07-24.") % {
            "value": value[:40]
        }


class SurveyResultsView(SurveyMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "preparation.view_survey_results"
    template_name = "preparation/survey_results.html"

    def get(self, request, *args, **kwargs):
        survey = self.get_survey()
        as_of, error = parse_day(request.GET.get("as_of"))
        results = survey_results(survey, as_of)
        export = kwargs.get("format")
        if export not in (None, "csv", "xlsx"):
            raise Http404
        if export in ("csv", "xlsx"):
            import csv
            import io

            header, rows = results_table(results)
            if export == "xlsx":
                return download(
                    table_xlsx(_("Results"), header, rows), XLSX, f"survey-{survey.pk}.xlsx"
                )
            buffer = io.StringIO()
            csv.writer(buffer).writerows([header, *rows])
            return download(
                ("\ufeff" + buffer.getvalue()).encode(),
                "text/csv; charset=utf-8",
                f"survey-{survey.pk}.csv",
            )
        context = self.get_context_data(survey=survey, results=results, as_of_error=error)
        return self.render_to_response(context, status=400 if error else 200)
