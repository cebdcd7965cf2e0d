"""What every Marketplace view shares: sign-in first, the Marketplace of the edition in the
address, the user's roles in it, and the handling of bad input (message, nothing saved)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from gfmd.common.errors import DomainError
from gfmd.common.views import PermissionRequiredMixin

from ..domain.queries import marketplace_of, zone_of
from ..domain.roles import marketplace_roles


class SignInFirstMixin:
    """The Marketplace is invisible to anyone not signed in (003 L8639): the sign-in page,
    before anything is looked up."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)


class MarketplaceView(SignInFirstMixin, PermissionRequiredMixin, TemplateView):
    """Times are shown in the Forum's time zone while a Marketplace page is built."""

    permission_required = "marketplace.enter"

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        finally:
            timezone.deactivate()

    @property
    def marketplace(self):
        if not hasattr(self, "_marketplace"):
            self._marketplace = marketplace_of(self.kwargs["process"], self.kwargs["number"])
            timezone.activate(zone_of(self._marketplace))
        return self._marketplace

    @property
    def roles(self):
        return marketplace_roles(self.request.user, self.marketplace)

    def get_permission_object(self):
        return self.marketplace

    def base_context(self) -> dict:
        return {
            "marketplace": self.marketplace,
            "edition": self.marketplace.edition,
            "roles": self.roles,
            "address": (self.marketplace.edition.process.slug, self.marketplace.edition.number),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.base_context(), **kwargs)


class PostFormMixin:
    """A POST that validates a form and calls the domain. On bad input the page is shown
    again with the form and its errors (status 400) and nothing is saved."""

    http_method_names = ["post"]
    form_name = "form"

    def build_form(self, data=None):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def act(self, form) -> str:  # pragma: no cover
        raise NotImplementedError

    def success_url(self) -> str:  # pragma: no cover
        raise NotImplementedError

    def invalid_context(self, form) -> dict:  # pragma: no cover
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.build_form(data=request.POST)
        if form.is_valid():
            try:
                message = self.act(form)
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                if message:
                    messages.success(request, message)
                return redirect(self.success_url())
        return self.render_to_response(self.invalid_context(form), status=400)
