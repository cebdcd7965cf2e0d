"""Forms of the Summit pages; the rules are checked by the domain functions they call."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd.directory.models import Organisation, State

from ..enums import DEFAULT_SEATS_PER_GOVERNMENT, DEFAULT_SEATS_PER_OBSERVER, DelegateRole


class RegisterDelegationForm(forms.Form):
    """A state or an organisation the user may register (``queries.parties_to_register``)."""

    state = forms.ModelChoiceField(
        queryset=State.objects.none(), required=False, label=_("State"), empty_label="—"
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label=_("Organisation invited as observer"),
        empty_label="—",
    )

    def __init__(self, *args, states=None, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = states if states is not None else State.objects.none()
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("state")) == bool(data.get("organisation")):
            raise forms.ValidationError(_("Choose a state or an organisation, not both."))
        return data


class DelegateForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=DelegateRole.choices)
    function = forms.CharField(label=_("Function"), max_length=250, required=False)
    institution = forms.CharField(
        label=_("Institution"),
        max_length=250,
        required=False,
        help_text=_("Delegations may include other government institutions (003 L1218-L1221)."),
    )


class RegistrationSettingsForm(forms.Form):
    opens_on = forms.DateField(
        label=_("Registration opens on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: open now."),
    )
    closes_on = forms.DateField(
        label=_("Registration closes on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: open until the last day of the Summit."),
    )
    seats_per_government = forms.IntegerField(
        label=_("Seats per government"),
        min_value=1,
        max_value=100,
        initial=DEFAULT_SEATS_PER_GOVERNMENT,
    )
    seats_per_observer = forms.IntegerField(
        label=_("Seats per observer"),
        min_value=1,
        max_value=100,
        initial=DEFAULT_SEATS_PER_OBSERVER,
    )
    source = forms.CharField(
        label=_("Source of the caps"),
        max_length=250,
        required=False,
        help_text=_("The decision that set the seats; the 2007 caps come from 003 L1215-L1218."),
    )

    @classmethod
    def initial_for(cls, registration) -> dict:
        if registration is None:
            return {}
        return {
            name: getattr(registration, name)
            for name in (
                "opens_on",
                "closes_on",
                "seats_per_government",
                "seats_per_observer",
                "source",
            )
        }


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=100, required=False)
