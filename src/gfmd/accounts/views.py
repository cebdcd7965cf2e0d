import base64
import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView, View
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from gfmd.common.views import PermissionRequiredMixin

from .forms import ConfirmDeviceForm, SignInForm


class SignInView(PermissionRequiredMixin, FormView):
    permission_required = "accounts.sign_in"
    form_class = SignInForm
    template_name = "accounts/sign_in.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["request"] = self.request
        return kwargs

    def form_valid(self, form):
        user = form.get_user()
        login(self.request, user, backend="gfmd.accounts.backends.AccountBackend")
        if form.otp_device is not None:
            otp_login(self.request, form.otp_device)
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(target, {self.request.get_host()}):
            return redirect(target)
        return redirect("home")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.request.GET.get("next", ""), **kwargs)


class SignOutView(PermissionRequiredMixin, View):
    permission_required = "accounts.sign_in"
    http_method_names = ["post"]

    def post(self, request):
        logout(request)
        return redirect("home")


class TwoFactorSetupView(LoginRequiredMixin, PermissionRequiredMixin, FormView):
    """Staff (Support Unit, operators) enable a TOTP authenticator app for their account."""

    permission_required = "accounts.enable_two_factor"
    form_class = ConfirmDeviceForm
    template_name = "accounts/two_factor.html"

    def pending_device(self) -> TOTPDevice:
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=self.request.user, name="authenticator", confirmed=False
            )
        return device

    def get_context_data(self, **kwargs):
        confirmed = TOTPDevice.objects.filter(user=self.request.user, confirmed=True).exists()
        context = super().get_context_data(enabled=confirmed, **kwargs)
        if not confirmed:
            device = self.pending_device()
            image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
            buffer = io.BytesIO()
            image.save(buffer)
            context["qr_data_uri"] = (
                "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
            )
            context["secret"] = base64.b32encode(device.bin_key).decode()
        return context

    def form_valid(self, form):
        device = self.pending_device()
        if not device.verify_token(form.cleaned_data["token"]):
            form.add_error("token", _("That code does not match; enter the current code."))
            return self.form_invalid(form)
        device.confirmed = True
        device.save()
        otp_login(self.request, device)
        messages.success(self.request, _("Two-factor sign-in is on for your account."))
        return redirect("accounts:two_factor")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
