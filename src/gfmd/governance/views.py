import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from gfmd.common.errors import DomainError
from gfmd.common.history import history_entries
from gfmd.common.views import PermissionRequiredMixin

from .domain.neighbours import neighbourhood_by_address
from .domain.observers import check_observers, invite_observer, observers_of, withdraw_observer
from .domain.queries import (
    body_meetings_of,
    current_and_next_edition,
    edition_index,
    editions_by_process,
    governance_history,
    working_groups_of,
)
from .domain.summary import edition_governance
from .interfaces.forms import ObserverForm, SteeringGroupMembershipForm
from .models import Edition


def parse_as_of(value: str | None) -> tuple[datetime.date | None, str]:
    """The ?as_of= date, or an error message naming the expected format."""
    if not value:
        return None, ""
    try:
        return datetime.date.fromisoformat(value), ""
    except ValueError:
        return None, _("“%(value)s” is not a date; use YYYY-MM-DD, for example 2010-11-08.") % {
            "value": value[:40]
        }


class EditionMixin:
    def get_edition(self) -> Edition:
        if not hasattr(self, "_edition"):
            self._edition = get_object_or_404(
                Edition.objects.select_related("process", "host_state", "chairmanship"),
                process__slug=self.kwargs["process"],
                number=self.kwargs["number"],
            )
        return self._edition

    def get_permission_object(self):
        return self.get_edition()


class HomeView(PermissionRequiredMixin, TemplateView):
    permission_required = "governance.view_process"
    template_name = "governance/home.html"

    def get_context_data(self, **kwargs):
        around, following = current_and_next_edition("gfmd")
        governance = edition_governance(around.edition, around=around) if around else None
        return super().get_context_data(
            current=around.edition if around else None,
            following=following,
            governance=governance,
            **kwargs,
        )


class EditionListView(PermissionRequiredMixin, TemplateView):
    permission_required = "governance.view_edition"
    template_name = "governance/edition_list.html"

    def get_context_data(self, **kwargs):
        forums, others = edition_index()
        return super().get_context_data(processes=forums, other_processes=others, **kwargs)


class EditionDetailView(EditionMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "governance.view_edition"
    template_name = "governance/edition_detail.html"

    def get_edition(self) -> Edition:
        """The edition read with its neighbours at once: its governance needs them."""
        if not hasattr(self, "_edition"):
            self._around = neighbourhood_by_address(self.kwargs["process"], self.kwargs["number"])
            if self._around is None:
                raise Http404
            self._edition = self._around.edition
        return self._edition

    def get_context_data(self, **kwargs):
        as_of, error = parse_as_of(self.request.GET.get("as_of"))
        governance = edition_governance(self.get_edition(), as_of, around=self._around)
        return super().get_context_data(
            edition=governance.edition,  # with its chairs, candidacies and Troika prefetched
            governance=governance,
            as_of_error=error,
            **kwargs,
        )


class EditionGovernanceView(EditionDetailView):
    template_name = "governance/edition_governance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        edition = context["edition"]
        context["membership_form"] = kwargs.get("membership_form") or SteeringGroupMembershipForm()
        context["can_administer"] = self.request.user.has_perm(
            "governance.add_membership", edition.process
        )
        context["observers"] = observers_of(edition)
        context["observer_warnings"] = check_observers(context["observers"])
        context["can_invite_observers"] = self.request.user.has_perm(
            "governance.change_edition", edition
        )
        if context["can_invite_observers"]:
            context["observer_form"] = kwargs.get("observer_form") or ObserverForm()
        return context


class EditionHistoryView(EditionMixin, PermissionRequiredMixin, TemplateView):
    """The latest changes to an edition's governance: a page of its own, which the governance
    page loads in place (HTMX) so that reading the history does not slow the page down."""

    permission_required = "governance.view_history"

    def get_template_names(self):
        if self.request.htmx:
            return ["common/history.html"]
        return ["governance/edition_history.html"]

    def get_context_data(self, **kwargs):
        edition = self.get_edition()
        return super().get_context_data(
            edition=edition, history=history_entries(governance_history(edition)), **kwargs
        )


class SteeringGroupMembershipCreateView(EditionMixin, PermissionRequiredMixin, FormView):
    """Support Unit staff add a Steering Group membership; bad input saves nothing."""

    permission_required = "governance.add_membership"
    form_class = SteeringGroupMembershipForm
    template_name = "governance/edition_governance.html"
    http_method_names = ["post"]

    def get_permission_object(self):
        return self.get_edition().process

    def form_valid(self, form):
        edition = self.get_edition()
        try:
            membership = form.save(process=edition.process)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(state)s added to the Steering Group.") % {"state": membership.state.name},
        )
        return redirect("governance:governance", edition.process.slug, edition.number)

    def form_invalid(self, form):
        view = EditionGovernanceView()
        view.setup(self.request, **self.kwargs)
        context = view.get_context_data(membership_form=form)
        return self.response_class(
            request=self.request,
            template=[self.template_name],
            context=context,
            status=400,
        )


class ObserverInviteView(EditionMixin, PermissionRequiredMixin, FormView):
    """Support Unit staff of the edition invite an organisation as observer."""

    permission_required = "governance.change_edition"
    form_class = ObserverForm
    template_name = "governance/edition_governance.html"
    http_method_names = ["post"]

    def form_valid(self, form):
        edition = self.get_edition()
        organisation = form.cleaned_data["organisation"]
        try:
            invite_observer(edition, organisation, user=self.request.user)
        except DomainError as error:
            form.add_error("organisation", error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(organisation)s is an observer of this edition.") % {"organisation": organisation},
        )
        return redirect("governance:governance", edition.process.slug, edition.number)

    def form_invalid(self, form):
        view = EditionGovernanceView()
        view.setup(self.request, **self.kwargs)
        context = view.get_context_data(observer_form=form)
        return self.response_class(
            request=self.request, template=[self.template_name], context=context, status=400
        )


class ObserverWithdrawView(EditionMixin, PermissionRequiredMixin, View):
    """Support Unit staff of the edition remove an observer; the history keeps it."""

    permission_required = "governance.change_edition"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        edition = self.get_edition()
        try:
            organisation = withdraw_observer(edition, kwargs["observer"], user=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(organisation)s is no longer an observer of this edition.")
                % {"organisation": organisation},
            )
        return redirect("governance:governance", edition.process.slug, edition.number)


class ProcessView(PermissionRequiredMixin, TemplateView):
    permission_required = "governance.view_process"
    template_name = "governance/process_detail.html"

    def get_context_data(self, **kwargs):
        processes = editions_by_process(slug=self.kwargs["process"])
        if not processes:
            raise Http404
        kwargs["process"] = processes[0]
        kwargs["working_groups"] = working_groups_of(processes[0])
        kwargs["meetings"] = body_meetings_of(processes[0])
        kwargs["handovers"] = processes[0].handovers.select_related("outgoing", "incoming")
        return super().get_context_data(**kwargs)
