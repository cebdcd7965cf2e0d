"""Forms of the Marketplace: validation of what people type; the rules themselves are in
domain/ and come back as DomainError, which the views attach to the form."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from gfmd.common.errors import DomainError
from gfmd.directory.domain.states import state_by_iso3
from gfmd.directory.models import Organisation

from ..domain.links import edition_sessions, edition_themes, session_label, theme_label
from ..domain.tags import gcm_choices, sdg_choices
from ..enums import MeetingStatus, NotificationFrequency, ServiceType
from ..models import Marketplace

LIST_HELP = _("Separate several with commas.")
SEVERAL_HELP = _("Hold Ctrl (⌘ on a Mac) to choose several.")


def split_list(value: str) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


class CheckedByDomainChoiceField(forms.MultipleChoiceField):
    """Several choices whose values the domain checks (domain/links.py, domain/tags.py), so that
    a value from elsewhere — a session of another edition, an unknown code — gets the domain's
    message, which says what may be chosen, rather than a bare "not a valid choice"."""

    def valid_value(self, value) -> bool:
        return True


class StateCodeField(forms.CharField):
    """A UN Member or Observer State by its ISO 3166 alpha-3 code."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 3)
        kwargs.setdefault("help_text", _("ISO 3166 alpha-3 code, for example GHA for Ghana."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return state_by_iso3(value)
        except DomainError as error:
            raise forms.ValidationError(error.message) from None


class MarketplaceForm(forms.ModelForm):
    class Meta:
        model = Marketplace
        fields = [
            "opens_on",
            "closes_on",
            "time_zone",
            "meeting_request_expiry_hours",
            "contact_email",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean_time_zone(self):
        import zoneinfo

        zone = self.cleaned_data["time_zone"].strip()
        if zone not in zoneinfo.available_timezones():
            raise forms.ValidationError(
                _("“%(zone)s” is not a time zone; use a name such as Europe/Brussels.")
                % {"zone": zone[:60]}
            )
        return zone

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The Marketplace cannot close before it opens."))
        return cleaned

    def clean_meeting_request_expiry_hours(self):
        hours = self.cleaned_data["meeting_request_expiry_hours"]
        if not 1 <= hours <= 24 * 30:
            raise forms.ValidationError(_("Between 1 hour and 30 days (720 hours)."))
        return hours


def link_choices(edition, *, include_drafts: bool) -> dict[str, list[tuple[str, str]]]:
    """The choices of a request form, labelled in the user's language: the edition's sessions
    ("1.1 — title"; drafts only for staff) and themes, the GCM objectives and SDG targets."""
    return {
        "sessions": [
            (s.number, session_label(s))
            for s in edition_sessions(edition, include_drafts=include_drafts)
        ],
        "themes": [(str(t.number), theme_label(t)) for t in edition_themes(edition)],
        "gcm_objectives": gcm_choices(),
        "sdg_targets": sdg_choices(),
    }


class ServiceRequestForm(forms.Form):
    """A request, by its owner's focal point or by staff (for a request received by e-mail)."""

    owner_state = forms.ChoiceField(label=_("Owner state"))
    owner_state_code = StateCodeField(label=_("Owner state"), required=False)
    owner_name = forms.CharField(
        label=_("Owner (government representative)"),
        max_length=200,
        required=False,
        help_text=_("Empty: you are the owner."),
    )
    owner_email = forms.EmailField(label=_("Owner's e-mail"), required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=250)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=250, required=False)
    title_es = forms.CharField(label=_("Title (Spanish)"), max_length=250, required=False)
    description_en = forms.CharField(label=_("Description (English)"), widget=forms.Textarea)
    description_fr = forms.CharField(
        label=_("Description (French)"), widget=forms.Textarea, required=False
    )
    description_es = forms.CharField(
        label=_("Description (Spanish)"), widget=forms.Textarea, required=False
    )
    service_types = forms.MultipleChoiceField(
        label=_("Services asked for"),
        choices=ServiceType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    related_sessions = CheckedByDomainChoiceField(
        label=_("Related roundtable sessions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Sessions of this edition's Forum."),
    )
    edition_themes = CheckedByDomainChoiceField(
        label=_("Themes of the Forum"), required=False, widget=forms.CheckboxSelectMultiple
    )
    gcm_objectives = CheckedByDomainChoiceField(
        label=_("GCM objectives"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=SEVERAL_HELP,
    )
    sdg_targets = CheckedByDomainChoiceField(
        label=_("SDG targets"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=SEVERAL_HELP,
    )
    themes = forms.CharField(label=_("Other themes"), required=False, help_text=LIST_HELP)
    received_by_email = forms.BooleanField(label=_("Received by e-mail"), required=False)
    submit_now = forms.BooleanField(
        label=_("Submit for validation now"), required=False, initial=True
    )

    def __init__(
        self,
        *args,
        states=(),
        by_staff=False,
        editing=False,
        sessions=(),
        themes=(),
        gcm_objectives=(),
        sdg_targets=(),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.by_staff = by_staff
        self.fields["related_sessions"].choices = list(sessions)
        self.fields["edition_themes"].choices = list(themes)
        self.fields["gcm_objectives"].choices = list(gcm_objectives)
        self.fields["sdg_targets"].choices = list(sdg_targets)
        for name in ("related_sessions", "edition_themes"):
            if not self.fields[name].choices:
                del self.fields[name]  # the edition's programme is not recorded yet
        if by_staff:
            del self.fields["owner_state"]
            self.fields["owner_state_code"].required = not editing
        else:
            del self.fields["owner_state_code"]
            del self.fields["received_by_email"]
            self.fields["owner_state"].choices = [(str(s.pk), s.name) for s in states]
        if editing:
            for name in (
                "owner_state",
                "owner_state_code",
                "owner_name",
                "owner_email",
                "submit_now",
                "received_by_email",
            ):
                self.fields.pop(name, None)
        self.states = {str(s.pk): s for s in states}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("owner_name") and not cleaned.get("owner_email"):
            self.add_error("owner_email", _("Give the owner's e-mail too."))
        return cleaned

    def chosen_state(self):
        if self.by_staff:
            return self.cleaned_data.get("owner_state_code")
        return self.states.get(self.cleaned_data.get("owner_state"))

    def content(self) -> dict:
        data = self.cleaned_data
        content = {
            name: data.get(name, "")
            for name in (
                "title_en",
                "title_fr",
                "title_es",
                "description_en",
                "description_fr",
                "description_es",
            )
        }
        content["service_types"] = data.get("service_types", [])
        for name in ("related_sessions", "edition_themes", "gcm_objectives", "sdg_targets"):
            if name in self.fields:
                content[name] = data.get(name, [])
        content["themes"] = split_list(data.get("themes", ""))
        return content


class PartyChoiceMixin:
    """A choice of the parties the user speaks for (an organisation or a state)."""

    def set_parties(self, parties):
        self.parties = parties
        self.fields["provider"].choices = [(value, str(party)) for value, party in parties]
        if len(parties) == 1:
            self.fields["provider"].initial = parties[0][0]


class OfferForm(PartyChoiceMixin, forms.Form):
    provider = forms.ChoiceField(label=_("On behalf of"))
    contribution = forms.CharField(label=_("What you can bring"), widget=forms.Textarea)
    conditions = forms.CharField(label=_("Conditions"), widget=forms.Textarea, required=False)
    resources_identified = forms.BooleanField(
        label=_("The resources are identified"), required=False
    )
    resources_note = forms.CharField(label=_("Which resources"), max_length=250, required=False)

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.set_parties(list(parties))


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class MeetingRequestForm(PartyChoiceMixin, forms.Form):
    """The owner chooses an offer's provider; a provider says whom it speaks for."""

    offer = forms.ChoiceField(label=_("Meet the provider of the offer"), required=False)
    provider = forms.ChoiceField(label=_("On behalf of"), required=False)
    note = forms.CharField(
        label=_("Note for the other side"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, offers=(), parties=(), as_owner=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.as_owner = as_owner
        self.offers = {str(o.pk): o for o in offers}
        if as_owner:
            del self.fields["provider"]
            self.fields["offer"].required = True
            self.fields["offer"].choices = [(str(o.pk), str(o.provider)) for o in offers]
        else:
            del self.fields["offer"]
            self.fields["provider"].required = True
            self.set_parties(list(parties))


class ConfirmForm(forms.Form):
    """A button that needs no input (withdraw an offer, lock a meeting)."""


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("decline", _("Decline"))], widget=forms.HiddenInput
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class TransitionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (a, a)
            for a in ("submit", "publish", "return", "match", "implement", "complete", "withdraw")
        ]
    )
    note = forms.CharField(label=_("Note to the owner"), max_length=500, required=False)


class ModerationForm(forms.Form):
    reason = forms.CharField(label=_("Why"), max_length=250, required=False)
    restore = forms.BooleanField(required=False, widget=forms.HiddenInput)


class SlotHoursForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    first = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    last = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))
    minutes = forms.IntegerField(
        label=_("Minutes per slot"), initial=60, min_value=15, max_value=240
    )


class TableForm(forms.Form):
    name = forms.CharField(label=_("Table or room"), max_length=80)
    location = forms.CharField(label=_("Where"), max_length=200, required=False)


class UnavailabilityForm(forms.Form):
    slot = forms.ChoiceField(label=_("Slot"))
    party = forms.ChoiceField(label=_("Party"))
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def __init__(self, *args, slots=(), parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {str(s.pk): s for s in slots}
        self.parties = dict(parties)
        self.fields["slot"].choices = [(str(s.pk), str(s)) for s in slots]
        self.fields["party"].choices = [(value, str(party)) for value, party in parties]


class PlaceMeetingForm(forms.Form):
    slot = forms.ChoiceField(label=_("Slot"))
    table = forms.ChoiceField(label=_("Table"))
    lock = forms.BooleanField(label=_("Lock it there"), required=False, initial=True)

    def __init__(self, *args, slots=(), tables=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {str(s.pk): s for s in slots}
        self.tables = {str(t.pk): t for t in tables}
        self.fields["slot"].choices = [(k, str(v)) for k, v in self.slots.items()]
        self.fields["table"].choices = [(k, str(v)) for k, v in self.tables.items()]


class ScheduleForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"), initial=10, min_value=1, max_value=60
    )


class OutcomeFormForm(forms.Form):
    outcome = forms.CharField(label=_("Outcome of the meeting"), widget=forms.Textarea)
    proposed_follow_up = forms.CharField(label=_("Proposed follow-up"), widget=forms.Textarea)
    issues_to_be_resolved = forms.CharField(
        label=_("Issues to be resolved"), widget=forms.Textarea, required=False
    )
    resources_identified = forms.BooleanField(
        label=_("The resources are identified"), required=False
    )


class CloseMeetingForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What happened"),
        choices=[c for c in MeetingStatus.choices if c[0] != MeetingStatus.PLANNED],
    )


class ProgressForm(forms.Form):
    body = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))
    resources_identified = forms.BooleanField(
        label=_("The resources are identified"), required=False
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    organisation = forms.ModelChoiceField(
        label=_("Speaks for the organisation"),
        queryset=Organisation.objects.order_by("name_en"),
        required=False,
    )
    state = StateCodeField(label=_("or for the state"), required=False)
    valid_days = forms.IntegerField(
        label=_("Valid for (days)"), initial=30, min_value=1, max_value=180
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("organisation")) == bool(cleaned.get("state")):
            raise forms.ValidationError(
                _("Name either the organisation or the state the visitor speaks for.")
            )
        return cleaned


class TeamMemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the team member's account"))


class JoinForm(forms.Form):
    display_name = forms.CharField(label=_("Your name"), max_length=200)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    password_again = forms.CharField(label=_("Password again"), widget=forms.PasswordInput)

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password and password != cleaned.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        elif password:
            try:
                validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class NotificationForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mail me"), choices=NotificationFrequency.choices, widget=forms.RadioSelect
    )
