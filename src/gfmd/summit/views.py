"""Pages of the Summit registration: thin views that parse the request, call the domain and
render. Bad input shows the form again with its message (status 400; 200 with the HTMX
fragment, which htmx swaps in place) and saves nothing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from gfmd.common.errors import DomainError
from gfmd.common.history import history_entries
from gfmd.common.views import PermissionRequiredMixin
from gfmd.governance.domain.roles import roles_of
from gfmd.governance.models import Edition

from .domain.delegates import add_delegate, remove_delegate, room_of
from .domain.delegations import confirm_delegation, register_delegation, withdraw_delegation
from .domain.queries import (
    counts_of,
    delegates_for_export,
    delegation_history,
    delegation_in,
    delegations_of,
    own_delegation_ids,
    parties_to_register,
)
from .domain.registration import (
    configure_registration,
    registration_of,
    registration_window,
    seats_of,
)
from .enums import SOURCE_CAPS, SOURCE_ROOMS, DelegationStatus
from .interfaces.exports import XLSX, delegates_csv, delegates_xlsx
from .interfaces.forms import (
    DelegateForm,
    RegisterDelegationForm,
    RegistrationSettingsForm,
    WithdrawForm,
)
from .models import Delegation


def summit_url(edition, name: str = "registration", *args) -> str:
    return reverse(f"summit:{name}", args=[edition.process.slug, edition.number, *args])


def registration_context(edition) -> dict:
    """The registration settings, its dates and whether a delegation may register today."""
    registration = registration_of(edition)
    window = registration_window(edition, registration) if registration else None
    return {
        "registration": registration,
        "window": window,
        "open_now": bool(window and window.is_open_on(timezone.localdate())),
        "source_caps": SOURCE_CAPS,
        "source_rooms": SOURCE_ROOMS,
    }


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

    def is_staff(self) -> bool:
        if not hasattr(self, "_staff"):
            self._staff = self.request.user.has_perm(
                "summit.manage_registration", self.get_edition()
            )
        return self._staff


class DelegationMixin(EditionMixin):
    def get_delegation(self) -> Delegation:
        if not hasattr(self, "_delegation"):
            try:
                self._delegation = delegation_in(self.get_edition(), self.kwargs["pk"])
            except Delegation.DoesNotExist:
                raise Http404 from None
            self._delegation.edition = self.get_edition()
        return self._delegation

    def get_permission_object(self):
        return self.get_delegation()


class RegistrationView(EditionMixin, PermissionRequiredMixin, TemplateView):
    """The Summit page of an edition: registration dates and seats, the confirmed delegations
    with their counts (never members' names), the user's own delegations and, for a focal
    point or an invited organisation's contact, the form to register."""

    permission_required = "summit.view_registration"
    template_name = "summit/registration.html"

    def get_context_data(self, **kwargs):
        edition = self.get_edition()
        user = self.request.user
        roles = roles_of(user)
        own_ids = own_delegation_ids(edition, roles)
        delegations = delegations_of(
            edition, statuses=[DelegationStatus.CONFIRMED], extra_ids=own_ids
        )
        confirmed = [d for d in delegations if d.status == DelegationStatus.CONFIRMED]
        if user.has_perm("summit.register", edition):
            states, organisations = parties_to_register(edition, roles, staff=self.is_staff())
            kwargs.setdefault(
                "register_form",
                RegisterDelegationForm(states=states, organisations=organisations),
            )
            kwargs["register_states"] = states.exists()
            kwargs["register_organisations"] = organisations.exists()
        return super().get_context_data(
            edition=edition,
            delegations=confirmed,
            own_delegations=[d for d in delegations if d.pk in own_ids],
            counts=counts_of(confirmed),
            awaiting=Delegation.objects.filter(
                edition=edition, status=DelegationStatus.SUBMITTED
            ).count(),
            staff=self.is_staff(),
            **registration_context(edition),
            **kwargs,
        )


class RegisterView(EditionMixin, PermissionRequiredMixin, View):
    """Register a delegation: a focal point their state, a contact their invited organisation,
    staff any of them; the form offers only those."""

    permission_required = "summit.register"

    def post(self, request, *args, **kwargs):
        edition = self.get_edition()
        staff = self.is_staff()
        states, organisations = parties_to_register(edition, roles_of(request.user), staff=staff)
        form = RegisterDelegationForm(request.POST, states=states, organisations=organisations)
        if form.is_valid():
            state, organisation = form.cleaned_data["state"], form.cleaned_data["organisation"]
            target = Delegation(edition=edition, state=state, organisation=organisation)
            if not request.user.has_perm("summit.register_delegation", target):
                raise PermissionDenied
            try:
                delegation = register_delegation(
                    edition,
                    state=state,
                    organisation=organisation,
                    user=request.user,
                    by_staff=staff,
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "%(party)s's delegation is registered. Add its members; the Support Unit "
                        "confirms it."
                    )
                    % {"party": delegation.party},
                )
                return redirect(summit_url(edition, "delegation", delegation.pk))
        view = RegistrationView()
        view.setup(request, **kwargs)
        view._edition = edition
        context = view.get_context_data(register_form=form)
        return TemplateResponse(request, "summit/registration.html", context, status=400)


class DelegationView(DelegationMixin, PermissionRequiredMixin, TemplateView):
    """A delegation: its status, seats and rooms for everyone; its members (names, e-mails,
    roles, rooms), the forms and the history for staff and those who act for it."""

    permission_required = "summit.view_delegation"
    template_name = "summit/delegation.html"

    def get_context_data(self, **kwargs):
        delegation = self.get_delegation()
        user = self.request.user
        sees_members = user.has_perm("summit.view_delegates", delegation)
        if delegation.status != DelegationStatus.CONFIRMED and not sees_members:
            raise Http404  # the public sees confirmed delegations only
        context = members_context(self, delegation, kwargs.pop("delegate_form", None))
        if sees_members:
            context["history"] = history_entries(delegation_history(delegation))
        return super().get_context_data(
            **context,
            withdraw_form=WithdrawForm(),
            **kwargs,
        )


def members_context(view, delegation, form=None, notice: str = "") -> dict:
    """What the members section (summit/_members.html) shows; the HTMX fragment and the page
    share it."""
    edition = view.get_edition()
    user = view.request.user
    context = registration_context(edition)
    registration = context["registration"]
    can_change = user.has_perm("summit.change_delegation", delegation)
    sees_members = can_change or user.has_perm("summit.view_delegates", delegation)
    return {
        **context,
        "edition": edition,
        "delegation": delegation,
        "sees_members": sees_members,
        "can_change": can_change and delegation.status != DelegationStatus.WITHDRAWN,
        "staff": view.is_staff(),
        "seats": seats_of(delegation.kind, registration) if registration else None,
        "delegate_form": form or DelegateForm(),
        "notice": notice,
    }


class MembersResponseMixin(DelegationMixin):
    """After adding or removing a member: the members section in place (HTMX) or the page."""

    permission_required = "summit.change_delegation"

    def refreshed(self):
        self._delegation = delegation_in(self.get_edition(), self.kwargs["pk"])
        self._delegation.edition = self.get_edition()
        return self._delegation

    def respond(self, *, form=None, notice: str = "", error: str = ""):
        request = self.request
        delegation = self.refreshed()
        if request.htmx:
            context = members_context(self, delegation, form, notice)
            context["error"] = error
            return TemplateResponse(request, "summit/_members.html", context)
        if form is not None and form.errors:
            page = DelegationView()
            page.setup(request, **self.kwargs)
            page._edition, page._delegation = self.get_edition(), delegation
            context = page.get_context_data(delegate_form=form)
            return TemplateResponse(request, "summit/delegation.html", context, status=400)
        if error:
            messages.error(request, error)
        elif notice:
            messages.success(request, notice)
        return redirect(summit_url(self.get_edition(), "delegation", delegation.pk))


class DelegateAddView(MembersResponseMixin, PermissionRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        delegation = self.get_delegation()
        form = DelegateForm(request.POST)
        if form.is_valid():
            try:
                delegate = add_delegate(
                    delegation,
                    user=request.user,
                    by_staff=self.is_staff(),
                    **form.cleaned_data,
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                notice = _("%(person)s is registered as %(role)s (%(room)s).") % {
                    "person": delegate.person,
                    "role": delegate.get_role_display(),
                    "room": room_of(delegate.role).label,
                }
                return self.respond(notice=notice)
        return self.respond(form=form)


class DelegateRemoveView(MembersResponseMixin, PermissionRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        delegation = self.get_delegation()
        delegate = next((m for m in delegation.member_list if m.pk == kwargs["delegate"]), None)
        if delegate is None:
            raise Http404
        try:
            removed = remove_delegate(delegate, user=request.user, by_staff=self.is_staff())
        except DomainError as error:
            return self.respond(error=error.message)
        return self.respond(
            notice=_("%(person)s is no longer a member of the delegation.")
            % {"person": removed.person}
        )


class StatusView(DelegationMixin, PermissionRequiredMixin, View):
    """Confirm or withdraw a delegation (Support Unit staff); back to where the button was."""

    def act(self, delegation):  # pragma: no cover - each subclass defines it
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        delegation = self.get_delegation()
        try:
            message = self.act(delegation)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, message)
        if request.POST.get("back") == "staff":
            return redirect(summit_url(self.get_edition(), "staff"))
        return redirect(summit_url(self.get_edition(), "delegation", delegation.pk))


class ConfirmView(StatusView):
    permission_required = "summit.confirm_delegation"

    def act(self, delegation):
        confirm_delegation(delegation, user=self.request.user)
        return _("%(party)s's delegation is confirmed.") % {"party": delegation.party}


class WithdrawView(StatusView):
    permission_required = "summit.withdraw_delegation"

    def act(self, delegation):
        form = WithdrawForm(self.request.POST)
        if not form.is_valid():
            raise DomainError(" ".join(form.errors.get("reason", [])), field="reason")
        withdraw_delegation(delegation, user=self.request.user, reason=form.cleaned_data["reason"])
        return _("%(party)s's delegation is withdrawn.") % {"party": delegation.party}


class StaffView(EditionMixin, PermissionRequiredMixin, TemplateView):
    """The Support Unit's overview: every delegation by status, counts by status, M49 region and
    development status, confirm and withdraw, registration settings and the exports."""

    permission_required = "summit.manage_registration"
    template_name = "summit/staff.html"

    def get_context_data(self, **kwargs):
        edition = self.get_edition()
        delegations = delegations_of(edition)
        context = registration_context(edition)
        if "settings_form" not in kwargs:
            kwargs["settings_form"] = RegistrationSettingsForm(
                initial=RegistrationSettingsForm.initial_for(context["registration"])
            )
        return super().get_context_data(
            edition=edition,
            delegations=delegations,
            counts=counts_of(delegations),
            confirmed_counts=counts_of(
                [d for d in delegations if d.status == DelegationStatus.CONFIRMED]
            ),
            **context,
            **kwargs,
        )


class RegistrationSettingsView(EditionMixin, PermissionRequiredMixin, View):
    permission_required = "summit.manage_registration"

    def post(self, request, *args, **kwargs):
        edition = self.get_edition()
        form = RegistrationSettingsForm(request.POST)
        if form.is_valid():
            try:
                configure_registration(edition, user=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("The Summit registration is saved."))
                return redirect(summit_url(edition, "staff"))
        view = StaffView()
        view.setup(request, **kwargs)
        view._edition = edition
        context = view.get_context_data(settings_form=form)
        return TemplateResponse(request, "summit/staff.html", context, status=400)


class ExportView(EditionMixin, PermissionRequiredMixin, View):
    """The members of every delegation as CSV or XLSX (staff: names and e-mails)."""

    permission_required = "summit.manage_registration"

    def get(self, request, *args, **kwargs):
        edition = self.get_edition()
        export = kwargs["format"]
        if export not in ("csv", "xlsx"):
            raise Http404
        delegates = delegates_for_export(edition)
        name = f"summit-delegates-{edition.process.slug}-{edition.number}"
        if export == "csv":
            content, content_type = delegates_csv(delegates), "text/csv; charset=utf-8"
        else:
            content, content_type = delegates_xlsx(delegates), XLSX
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}.{export}"'
        return response
