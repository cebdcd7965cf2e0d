from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd.governance.models import Edition

from ..enums import AccessLevel, DocumentType, VersionStatus
from ..models import Document


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    process = forms.SlugField(required=False)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2200)
    type = forms.ChoiceField(choices=[("", _("all types")), *DocumentType.choices], required=False)
    language = forms.RegexField(regex=r"^[a-z]{2,3}$", required=False)
    tag = forms.CharField(required=False, max_length=20)
    author = forms.CharField(required=False, max_length=40)
    about = forms.CharField(required=False, max_length=80)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)


class FilesField(forms.FileField):
    """One file per language: the field takes a file; the language comes from its own field."""


class DocumentForm(forms.ModelForm):
    """A new document with its first version (Support Unit staff)."""

    edition = forms.ModelChoiceField(queryset=Edition.objects.none(), required=False)
    status = forms.ChoiceField(label=_("This version is"), choices=VersionStatus.choices)
    file_en = forms.FileField(label=_("File in English"), required=False)
    file_fr = forms.FileField(label=_("File in French"), required=False)
    file_es = forms.FileField(label=_("File in Spanish"), required=False)
    other_language = forms.RegexField(
        label=_("Other language (ISO 639-1 code)"), regex=r"^[a-z]{2,3}$", required=False
    )
    file_other = forms.FileField(label=_("File in that language"), required=False)
    change_note = forms.CharField(
        label=_("Note on this version"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    team_states = forms.CharField(
        label=_("Preparing team: states (ISO3 codes, comma-separated)"),
        required=False,
        max_length=400,
    )

    class Meta:
        model = Document
        fields = [
            "edition",
            "type",
            "title_en",
            "title_fr",
            "title_es",
            "summary_en",
            "summary_fr",
            "summary_es",
            "date",
            "date_precision",
            "access_level",
        ]
        widgets = {
            f"summary_{code}": forms.Textarea(attrs={"rows": 3}) for code in ("en", "fr", "es")
        }

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = Edition.objects.filter(process=process).order_by(
            "-number"
        )
        self.fields["access_level"].initial = AccessLevel.PUBLIC

    def uploads(self) -> list[tuple[str, object]]:
        data = self.cleaned_data
        pairs = [(code, data.get(f"file_{code}")) for code in ("en", "fr", "es")]
        if data.get("file_other"):
            pairs.append((data.get("other_language") or "", data["file_other"]))
        return [(code, file) for code, file in pairs if file]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file_other") and not cleaned.get("other_language"):
            self.add_error("other_language", _("Give the language of the other file."))
        return cleaned


class VersionForm(forms.Form):
    status = forms.ChoiceField(label=_("This version is"), choices=VersionStatus.choices)
    access_level = forms.ChoiceField(
        label=_("Who may read this version"),
        choices=[("", _("as the document (drafts: the team)")), *AccessLevel.choices],
        required=False,
    )
    file_en = forms.FileField(label=_("File in English"), required=False)
    file_fr = forms.FileField(label=_("File in French"), required=False)
    file_es = forms.FileField(label=_("File in Spanish"), required=False)
    other_language = forms.RegexField(
        label=_("Other language (ISO 639-1 code)"), regex=r"^[a-z]{2,3}$", required=False
    )
    file_other = forms.FileField(label=_("File in that language"), required=False)
    change_note = forms.CharField(
        label=_("What changed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    uploads = DocumentForm.uploads

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"file_{code}") for code in ("en", "fr", "es", "other")):
            raise forms.ValidationError(_("Add at least one file."))
        if cleaned.get("file_other") and not cleaned.get("other_language"):
            self.add_error("other_language", _("Give the language of the other file."))
        return cleaned


class RenameForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    slug = forms.SlugField(label=_("Short name in the address"), max_length=100)
