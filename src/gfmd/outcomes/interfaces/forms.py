"""Forms of the outcomes pages; the rules are checked by the domain functions they call."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Edition, WorkingGroup
from gfmd.library.models import Document
from gfmd.preparation.models import Roundtable, RoundtableSession

from ..enums import FollowUpStatus, Horizon, Level

TEXTAREA = forms.Textarea(attrs={"rows": 4})
SMALL_TEXTAREA = forms.Textarea(attrs={"rows": 2})
DOCUMENT_ADDRESS = re.compile(
    r"/documents/(?P<process>[\w-]+)/(?P<year>\d{4})/(?P<type>[\w-]+)/(?P<slug>[\w-]+)/?"
)


class FilterForm(forms.Form):
    """Filters of an edition's outcomes page; an unknown value is ignored, not an error."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("any"))] + FollowUpStatus.choices
    )
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("any"))] + [c for c in Level.choices if c[0]],
    )
    horizon = forms.ChoiceField(
        label=_("Horizon"),
        required=False,
        choices=[("", _("any"))] + [c for c in Horizon.choices if c[0]],
    )
    lead = forms.ChoiceField(label=_("Lead government"), required=False)

    def __init__(self, *args, lead_states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].choices = [("", _("any"))] + [(s.iso3, s.name) for s in lead_states]

    def values(self) -> dict:
        if not self.is_valid():
            return {
                name: self.data.get(name, "")
                for name in self.fields
                if self.data.get(name, "") in {c[0] for c in self.fields[name].choices}
            }
        return dict(self.cleaned_data)


class RecommendationForm(forms.Form):
    """Support Unit staff record a recommendation as the session report states it."""

    session = forms.ModelChoiceField(
        label=_("Roundtable session"),
        queryset=RoundtableSession.objects.none(),
        required=False,
        help_text=_("Leave empty for a roundtable as a whole, a horizontal issue or the Forum."),
    )
    roundtable = forms.ModelChoiceField(
        label=_("Roundtable as a whole"), queryset=Roundtable.objects.none(), required=False
    )
    horizontal_issue_en = forms.CharField(
        label=_("Horizontal issue (English)"), max_length=200, required=False
    )
    horizontal_issue_fr = forms.CharField(
        label=_("Horizontal issue (French)"), max_length=200, required=False
    )
    horizontal_issue_es = forms.CharField(
        label=_("Horizontal issue (Spanish)"), max_length=200, required=False
    )
    number = forms.IntegerField(
        label=_("Number"), required=False, help_text=_("Empty: the next number.")
    )
    text_en = forms.CharField(label=_("Text (English)"), widget=TEXTAREA)
    text_fr = forms.CharField(label=_("Text (French)"), widget=TEXTAREA, required=False)
    text_es = forms.CharField(label=_("Text (Spanish)"), widget=TEXTAREA, required=False)
    addressees_en = forms.CharField(
        label=_("Addressed to (English)"),
        widget=SMALL_TEXTAREA,
        required=False,
        help_text=_("As the text names them, e.g. “Interested governments”."),
    )
    addressees_fr = forms.CharField(
        label=_("Addressed to (French)"), widget=SMALL_TEXTAREA, required=False
    )
    addressees_es = forms.CharField(
        label=_("Addressed to (Spanish)"), widget=SMALL_TEXTAREA, required=False
    )
    lead_states = forms.ModelMultipleChoiceField(
        label=_("Lead governments"),
        queryset=State.objects.order_by("name_en"),
        required=False,
        help_text=_("Governments that volunteered to take it forward."),
    )
    actor_states = forms.ModelMultipleChoiceField(
        label=_("States named as actors"),
        queryset=State.objects.order_by("name_en"),
        required=False,
    )
    actor_organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations named as actors"),
        queryset=Organisation.objects.order_by("name_en"),
        required=False,
    )
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices, required=False)
    horizon = forms.ChoiceField(label=_("Horizon"), choices=Horizon.choices, required=False)
    reporting_target_en = forms.CharField(
        label=_("Report to (English)"), max_length=300, required=False
    )
    reporting_target_fr = forms.CharField(
        label=_("Report to (French)"), max_length=300, required=False
    )
    reporting_target_es = forms.CharField(
        label=_("Report to (Spanish)"), max_length=300, required=False
    )
    reporting_edition = forms.ModelChoiceField(
        label=_("Report at the edition"), queryset=Edition.objects.none(), required=False
    )
    non_binding = forms.BooleanField(label=_("Non-binding"), required=False, initial=True)
    source_document = forms.CharField(label=_("Source document"), max_length=40, required=False)
    source_lines = forms.CharField(label=_("Source lines"), max_length=120, required=False)
    source_note = forms.CharField(
        label=_("Note on the source"), widget=SMALL_TEXTAREA, required=False
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["session"].queryset = RoundtableSession.objects.filter(
            edition=edition
        ).order_by("number")
        self.fields["roundtable"].queryset = Roundtable.objects.filter(edition=edition).order_by(
            "number"
        )
        self.fields["reporting_edition"].queryset = Edition.objects.filter(
            process=edition.process, number__gt=edition.number
        ).select_related("process")

    @staticmethod
    def initial_of(recommendation) -> dict:
        initial = {
            name: getattr(recommendation, name)
            for name in RecommendationForm.base_fields
            if name not in ("lead_states", "actor_states", "actor_organisations")
        }
        initial["lead_states"] = list(recommendation.lead_states.all())
        initial["actor_states"] = list(recommendation.actor_states.all())
        initial["actor_organisations"] = list(recommendation.actor_organisations.all())
        if recommendation.session_id:
            initial["roundtable"] = None
        return initial


class FollowUpForm(forms.Form):
    """A dated report on a recommendation by a lead state's focal point or the Support Unit."""

    reported_on = forms.DateField(
        label=_("Date of the report"), widget=forms.DateInput(attrs={"type": "date"})
    )
    status = forms.ChoiceField(label=_("Status"), choices=FollowUpStatus.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"), help_text=_("From 0 to 100; “implemented” is 100.")
    )
    text_en = forms.CharField(label=_("What was done (English)"), widget=TEXTAREA)
    text_fr = forms.CharField(label=_("What was done (French)"), widget=TEXTAREA, required=False)
    text_es = forms.CharField(label=_("What was done (Spanish)"), widget=TEXTAREA, required=False)
    reporting_state = forms.ModelChoiceField(
        label=_("Reported for"), queryset=State.objects.none(), required=False
    )
    working_group = forms.ModelChoiceField(
        label=_("Carried by the working group"),
        queryset=WorkingGroup.objects.none(),
        required=False,
    )
    document = forms.CharField(
        label=_("Document (its address in the library)"),
        max_length=300,
        required=False,
        help_text=_("e.g. /documents/gfmd/2011/report/…/"),
    )
    later_session = forms.ModelChoiceField(
        label=_("Taken up in the session"),
        queryset=RoundtableSession.objects.none(),
        required=False,
    )
    confirm_names = forms.BooleanField(
        label=_(
            "I have checked the names: they are of panellists, chairs or the reporting state, "
            "not of speakers from the floor."
        ),
        required=False,
    )

    def __init__(self, *args, recommendation, state_ids=None, **kwargs):
        """``state_ids``: the states the user may report for (None: any state, for staff)."""
        super().__init__(*args, **kwargs)
        edition = recommendation.edition
        states = State.objects.order_by("name_en")
        if state_ids is not None:
            states = states.filter(pk__in=state_ids)
        self.fields["reporting_state"].queryset = states
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(
            process=edition.process
        ).prefetch_related("names")
        self.fields["later_session"].queryset = (
            RoundtableSession.objects.filter(
                edition__process=edition.process, edition__number__gt=edition.number
            )
            .select_related("edition__process")
            .order_by("edition__number", "number")
        )
        self.fields["later_session"].label_from_instance = lambda s: (
            f"{s.edition.years_label} — {s.number} {s.title}"
        )

    def clean_document(self):
        address = (self.cleaned_data.get("document") or "").strip()
        if not address:
            return None
        match = DOCUMENT_ADDRESS.search(address)
        document = (
            Document.objects.filter(
                process__slug=match["process"],
                year=int(match["year"]),
                type=match["type"],
                slug=match["slug"],
            ).first()
            if match
            else None
        )
        if document is None:
            raise forms.ValidationError(
                _(
                    "No library document has this address; copy it from the document's page, "
                    "e.g. /documents/gfmd/2010/report-of-proceedings/report-of-the-proceedings/."
                )
            )
        return document
