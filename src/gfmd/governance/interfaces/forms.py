from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd.common.errors import DomainError
from gfmd.directory.domain.states import state_by_iso3
from gfmd.directory.models import Organisation

from ..domain.memberships import add_steering_group_membership, check_no_overlap, check_period


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


class DatedMembershipAdminForm(forms.ModelForm):
    """The admin applies the same hard rules as the pages and the API: a period that ends after
    it starts, and no two overlapping memberships of one state in one body."""

    body_label = ""

    def clean(self):
        cleaned = super().clean()
        start, end, state = cleaned.get("start"), cleaned.get("end"), cleaned.get("state")
        try:
            check_period(start, end)
            if state is not None:
                scope = self.overlap_scope(cleaned)
                if scope is not None:
                    check_no_overlap(
                        scope,
                        start,
                        end,
                        state=state,
                        body=self.body_label,
                        exclude_pk=self.instance.pk,
                    )
        except DomainError as error:
            raise forms.ValidationError(error.message) from None
        return cleaned

    def overlap_scope(self, cleaned):
        process = cleaned.get("process")
        if process is None:
            return None
        return self._meta.model.objects.filter(process=process)


class ObserverForm(forms.Form):
    """Invite an organisation as observer of an edition (Operating Modalities, 003 L9510-L9513)."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name_en"),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
