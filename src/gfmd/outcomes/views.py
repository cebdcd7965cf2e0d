"""Pages of the outcomes: thin views that parse, call the domain and render.

An edition's outcomes (grouped by roundtable and session, with filters and progress), one
recommendation with its follow-up timeline and the report form, a state's follow-up, the
staff forms and the CSV/XLSX export."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from gfmd.common.errors import DomainError
from gfmd.common.history import history_entries
from gfmd.common.views import PermissionRequiredMixin
from gfmd.directory.models import State
from gfmd.governance.domain.roles import roles_of
from gfmd.governance.models import Edition
from gfmd.governance.rules import can_administer_edition

from .domain.chatham_house import check_chatham_house
from .domain.follow_up import report_follow_up
from .domain.queries import (
    Filters,
    edition_outcomes,
    edition_recommendations,
    recommendation_by_id,
    state_follow_up,
)
from .domain.recommendations import record_recommendation, update_recommendation
from .enums import FollowUpStatus
from .interfaces.exports import recommendations_csv, recommendations_xlsx
from .interfaces.forms import FilterForm, FollowUpForm, RecommendationForm
from .models import FollowUp, Recommendation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LINKS = ("lead_states", "actor_states", "actor_organisations")


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


class RecommendationMixin(EditionMixin):
    def get_recommendation(self) -> Recommendation:
        if not hasattr(self, "_recommendation"):
            try:
                self._recommendation = recommendation_by_id(self.get_edition(), self.kwargs["pk"])
            except Recommendation.DoesNotExist:
                raise Http404 from None
        return self._recommendation

    def get_permission_object(self):
        return self.get_recommendation()


def filters_of(request, lead_states) -> tuple[FilterForm, Filters]:
    form = FilterForm(request.GET or None, lead_states=lead_states)
    values = form.values() if request.GET else {}
    return form, Filters(**{k: v or "" for k, v in values.items()})


class EditionOutcomesView(EditionMixin, PermissionRequiredMixin, TemplateView):
    """Recommendations of an edition by roundtable and session, with progress and filters; an
    HTMX request for new filters gets the list only."""

    permission_required = "outcomes.view_outcomes"
    template_name = "outcomes/edition.html"

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:
            return ["outcomes/_groups.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        edition = self.get_edition()
        user = self.request.user
        recommendations = edition_recommendations(edition)
        everything = edition_outcomes(edition, recommendations=recommendations)
        form, filters = filters_of(self.request, everything.lead_states)
        outcomes = (
            edition_outcomes(edition, filters, recommendations=recommendations)
            if filters.active
            else everything
        )
        roles = roles_of(user)
        return super().get_context_data(
            edition=edition,
            outcomes=outcomes,
            overall=everything.progress,
            filter_form=form,
            filters=filters,
            query=self.request.GET.urlencode(),
            can_record=user.has_perm("outcomes.add_recommendation", edition),
            focal_point=bool(roles.focal_point_state_ids),
            **kwargs,
        )


class OutcomesExportView(EditionMixin, PermissionRequiredMixin, View):
    """The recommendations (those the filters keep) with their status, as CSV or XLSX."""

    permission_required = "outcomes.export"

    def get(self, request, *args, **kwargs):
        edition = self.get_edition()
        recommendations = edition_recommendations(edition)
        leads = {s.pk: s for r in recommendations for s in r.lead_states.all()}.values()
        _form, filters = filters_of(request, leads)
        recommendations = [r for r in recommendations if filters.keep(r)]
        name = f"recommendations-{edition.process.slug}-{edition.year}"
        if kwargs["format"] == "csv":
            content, content_type = recommendations_csv(recommendations), "text/csv; charset=utf-8"
        elif kwargs["format"] == "xlsx":
            content, content_type = recommendations_xlsx(recommendations), XLSX
        else:
            raise Http404
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}.{kwargs["format"]}"'
        return response


def recommendation_history(recommendation: Recommendation) -> list:
    return history_entries(
        [
            Recommendation.history.filter(id=recommendation.pk),
            FollowUp.history.filter(recommendation_id=recommendation.pk),
        ]
    )


def report_states_for(user, recommendation) -> list | None:
    """The states the user may report for: None (any) for staff, else their lead states."""
    if can_administer_edition(user, recommendation.edition):
        return None
    own = roles_of(user).focal_point_state_ids
    return [s.pk for s in recommendation.lead_states.all() if s.pk in own]


class RecommendationView(RecommendationMixin, PermissionRequiredMixin, TemplateView):
    """A recommendation, its follow-up timeline, its history and the report form for a lead
    state's focal point and the Support Unit."""

    permission_required = "outcomes.view_outcomes"
    template_name = "outcomes/recommendation.html"

    def get_context_data(self, **kwargs):
        recommendation = self.get_recommendation()
        user = self.request.user
        can_report = user.has_perm("outcomes.report_follow_up", recommendation)
        if can_report and "report_form" not in kwargs:
            states = report_states_for(user, recommendation)
            kwargs["report_form"] = FollowUpForm(
                recommendation=recommendation,
                state_ids=states,
                initial={
                    "reporting_state": states[0] if states and len(states) == 1 else None,
                    "status": recommendation.standing.status,
                },
            )
        return super().get_context_data(
            edition=self.get_edition(),
            recommendation=recommendation,
            standing=recommendation.standing,
            follow_ups=list(recommendation.follow_ups.all())[::-1],
            can_report=can_report,
            can_change=user.has_perm("outcomes.change_recommendation", recommendation),
            history=recommendation_history(recommendation),
            statuses=FollowUpStatus,
            **kwargs,
        )


class FollowUpCreateView(RecommendationMixin, PermissionRequiredMixin, FormView):
    """Report on a recommendation's follow-up. Bad input saves nothing and says why; a text that
    names a speaker from the floor is shown back with the Chatham House warning until the
    reporter confirms the names."""

    permission_required = "outcomes.report_follow_up"
    http_method_names = ["post"]
    template_name = "outcomes/recommendation.html"

    def get_form(self, form_class=None):
        recommendation = self.get_recommendation()
        return FollowUpForm(
            self.request.POST,
            recommendation=recommendation,
            state_ids=report_states_for(self.request.user, recommendation),
        )

    def form_valid(self, form):
        recommendation = self.get_recommendation()
        data = form.cleaned_data
        state = data.get("reporting_state")
        allowed = [s.name_en for s in recommendation.lead_states.all()]
        if state is not None:
            allowed += [state.name_en, state.name_fr, state.name_es]
        warnings = [
            warning
            for name in ("text_en", "text_fr", "text_es")
            for warning in check_chatham_house(data.get(name, ""), allowed_names=allowed)
        ]
        if warnings and not data.get("confirm_names"):
            return self.render(form, warnings=warnings, status=200)
        try:
            follow_up = report_follow_up(
                recommendation,
                user=self.request.user,
                reported_on=data["reported_on"],
                status=data["status"],
                progress=data["progress"],
                text_en=data["text_en"],
                text_fr=data.get("text_fr", ""),
                text_es=data.get("text_es", ""),
                reporting_state=state,
                working_group=data.get("working_group"),
                document=data.get("document"),
                later_session=data.get("later_session"),
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Report of %(date)s recorded: %(status)s.")
            % {"date": follow_up.reported_on.isoformat(), "status": follow_up.get_status_display()},
        )
        return redirect(recommendation.get_absolute_url())

    def form_invalid(self, form):
        return self.render(form, status=400)

    def render(self, form, *, warnings=(), status: int):
        view = RecommendationView()
        view.setup(self.request, **self.kwargs)
        view._edition, view._recommendation = self.get_edition(), self.get_recommendation()
        context = view.get_context_data(report_form=form, attribution_warnings=warnings)
        return self.response_class(self.request, [self.template_name], context, status=status)


def warn_about_attributions(request, recommendation) -> None:
    """The Chatham House check on a saved text, as messages: it warns, it never blocks."""
    allowed = [s.name_en for s in recommendation.lead_states.all()]
    for warning in check_chatham_house(recommendation.text_en, allowed_names=allowed):
        messages.warning(request, f"{warning.message} “{warning.sentence}”")


class RecommendationFormMixin:
    template_name = "outcomes/recommendation_form.html"

    def form_fields(self, form) -> dict:
        data = dict(form.cleaned_data)
        return {
            "session": data.pop("session"),
            "roundtable": data.pop("roundtable"),
            "horizontal_issue_en": data.pop("horizontal_issue_en"),
            "number": data.pop("number"),
            "text_en": data.pop("text_en"),
            "level": data.pop("level"),
            "horizon": data.pop("horizon"),
            "reporting_edition": data.pop("reporting_edition"),
            "non_binding": data.pop("non_binding"),
            **{name: list(data.pop(name)) for name in LINKS},
            **data,
        }

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        warnings = []
        form = kwargs.get("form")
        if form is not None and form.is_bound and form.is_valid():
            warnings = check_chatham_house(form.cleaned_data.get("text_en", ""))
        return super().get_context_data(
            edition=self.get_edition(), attribution_warnings=warnings, **kwargs
        )


class RecommendationCreateView(
    RecommendationFormMixin, EditionMixin, PermissionRequiredMixin, FormView
):
    """Support Unit staff record a recommendation of their edition."""

    permission_required = "outcomes.add_recommendation"

    def get_form(self, form_class=None):
        return RecommendationForm(
            self.request.POST or None,
            edition=self.get_edition(),
            initial={"non_binding": True, "session": self.request.GET.get("session")},
        )

    def form_valid(self, form):
        try:
            recommendation = record_recommendation(
                self.get_edition(), user=self.request.user, **self.form_fields(form)
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(reference)s recorded.") % {"reference": recommendation.reference},
        )
        warn_about_attributions(self.request, recommendation)
        return redirect(recommendation.get_absolute_url())


class RecommendationUpdateView(
    RecommendationFormMixin, RecommendationMixin, PermissionRequiredMixin, FormView
):
    """Support Unit staff correct a recommendation; its history keeps before and after."""

    permission_required = "outcomes.change_recommendation"

    def get_form(self, form_class=None):
        recommendation = self.get_recommendation()
        return RecommendationForm(
            self.request.POST or None,
            edition=self.get_edition(),
            initial=RecommendationForm.initial_of(recommendation),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(recommendation=self.get_recommendation(), **kwargs)

    def form_valid(self, form):
        try:
            recommendation = update_recommendation(
                self.get_recommendation(), user=self.request.user, **self.form_fields(form)
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(reference)s saved.") % {"reference": recommendation.reference}
        )
        warn_about_attributions(self.request, recommendation)
        return redirect(recommendation.get_absolute_url())


class StateFollowUpView(PermissionRequiredMixin, TemplateView):
    """What a state leads, what of it awaits a report, and where it is named as an actor."""

    permission_required = "outcomes.view_outcomes"
    template_name = "outcomes/state.html"

    def get_permission_object(self):
        return None

    def get_context_data(self, **kwargs):
        state = get_object_or_404(State, iso3=self.kwargs["iso3"].upper())
        roles = roles_of(self.request.user)
        return super().get_context_data(
            state=state,
            follow_up=state_follow_up(state),
            own_state=state.pk in roles.focal_point_state_ids,
            **kwargs,
        )


class MyFollowUpView(PermissionRequiredMixin, TemplateView):
    """A focal point's way in: the follow-up page of their state (or a choice of states)."""

    permission_required = "outcomes.view_own_follow_up"
    template_name = "outcomes/mine.html"

    def get(self, request, *args, **kwargs):
        states = list(
            State.objects.filter(pk__in=roles_of(request.user).focal_point_state_ids).order_by(
                "name_en"
            )
        )
        if len(states) == 1:
            return redirect(reverse("outcomes:state", args=[states[0].iso3]))
        return self.render_to_response(self.get_context_data(states=states))
