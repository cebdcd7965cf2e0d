"""Forms with which Support Unit staff record a meeting: who attended, which documents were
tabled, what a decision refers to. The domain (domain/meetings.py) refuses doubles."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gfmd.directory.models import State
from gfmd.governance.models import BodyDecision
from gfmd.library.models import Document

from ..domain.meetings import subject_choices


class AttendanceForm(forms.Form):
    states = forms.ModelMultipleChoiceField(
        queryset=State.objects.order_by("name_en"),
        required=False,
        label=_("States present"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    organisation = forms.CharField(
        label=_("Organisation present (acronym or full name)"), max_length=300, required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("states") and not (data.get("organisation") or "").strip():
            raise forms.ValidationError(_("Choose at least one state or name an organisation."))
        return data


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.year} — {obj.title} ({obj.get_type_display()})"


class TabledDocumentForm(forms.Form):
    document = DocumentChoiceField(queryset=Document.objects.none(), label=_("Document tabled"))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        edition = meeting.edition
        process_id = getattr(meeting, "process_id", None) or edition.process_id
        documents = Document.objects.filter(process_id=process_id)
        if edition is not None:
            documents = documents.filter(Q(edition=edition) | Q(edition=None, year=edition.year))
        self.fields["document"].queryset = documents.order_by("-year", "slug")


class DecisionSubjectForm(forms.Form):
    decision = forms.ModelChoiceField(queryset=BodyDecision.objects.none(), label=_("Decision"))
    subject = forms.ChoiceField(label=_("It refers to"), required=False)
    label_en = forms.CharField(
        label=_("In a few words (English)"),
        max_length=300,
        required=False,
        help_text=_("Required when nothing recorded matches, e.g. “the Common Space”."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = BodyDecision.objects.filter(meeting=meeting)
        self.fields["decision"].label_from_instance = lambda d: (
            f"{d.get_kind_display()}: {d.text[:120]}"
        )
        self.fields["subject"].choices = [("", "—"), *subject_choices(meeting)]
