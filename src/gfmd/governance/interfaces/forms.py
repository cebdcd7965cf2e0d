from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd.common.errors import DomainError
from gfmd.directory.domain.states import state_by_iso3

from ..domain.memberships import add_steering_group_membership


class SteeringGroupMembershipForm(forms.Form):
    state = forms.CharField(
        label=_("State (ISO 3166 alpha-3 code)"),
        max_length=3,
        min_length=3,
        help_text=_("For example GHA for Ghana."),
    )
    start = forms.DateField(label=_("From"), help_text=_("YYYY-MM-DD"))
    end = forms.DateField(label=_("To"), required=False, help_text=_("Empty: still a member."))
    source_note = forms.CharField(label=_("Where this is recorded"), required=False, max_length=500)

    def clean_state(self):
        try:
            return state_by_iso3(self.cleaned_data["state"])
        except DomainError as error:
            raise forms.ValidationError(error.message) from None

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date is before the start date."))
        return cleaned

    def save(self, *, process):
        data = self.cleaned_data
        return add_steering_group_membership(
            process, data["state"], data["start"], data["end"], source_note=data["source_note"]
        )
