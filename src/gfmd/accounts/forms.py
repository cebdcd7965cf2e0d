from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, match_token


class SignInForm(forms.Form):
    """E-mail and password; a one-time code too for accounts that enabled two-factor sign-in."""

    username = forms.EmailField(label=_("E-mail"), max_length=254)
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)
    otp_token = forms.CharField(
        label=_("One-time code"),
        required=False,
        max_length=8,
        help_text=_("Only if you enabled two-factor sign-in: the 6 digits from your app."),
    )

    error_messages = {
        "invalid_login": _(
            "The e-mail address or the password is not right. Check both and try again."
        ),
        "inactive": _("This account is disabled. Ask the Support Unit to enable it."),
        "otp_required": _("This account uses two-factor sign-in: enter the code from your app."),
        "otp_invalid": _("The one-time code is not right or has expired; enter the current code."),
    }

    def __init__(self, request=None, *args, **kwargs):
        self.request = request
        self.user_cache = None
        self.otp_device = None
        super().__init__(*args, **kwargs)

    def clean(self):
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not email or not password:
            return self.cleaned_data
        user = authenticate(self.request, username=email.lower(), password=password)
        if user is None:
            raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")
        if not user.is_active:
            raise forms.ValidationError(self.error_messages["inactive"], code="inactive")
        if any(True for _device in devices_for_user(user, confirmed=True)):
            token = (self.cleaned_data.get("otp_token") or "").strip()
            if not token:
                raise forms.ValidationError(
                    self.error_messages["otp_required"], code="otp_required"
                )
            device = match_token(user, token)
            if device is None:
                raise forms.ValidationError(self.error_messages["otp_invalid"], code="otp_invalid")
            self.otp_device = device
        self.user_cache = user
        return self.cleaned_data

    def get_user(self):
        return self.user_cache


class ConfirmDeviceForm(forms.Form):
    token = forms.RegexField(
        label=_("Code shown by your app"),
        regex=r"^\d{6}$",
        error_messages={"invalid": _("Enter the 6 digits your app shows.")},
    )
