"""Forms of background papers. Uploads reuse the library's version form (files per language,
checked by content and size in the library's domain); the rest are small forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd.library.interfaces.forms import VersionForm

from ..enums import ChecklistItem


class PaperDraftForm(VersionForm):
    """A new draft: the library's version form without status and audience (a draft is read by
    the team; the Support Unit publishes)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["status"]
        del self.fields["access_level"]


class StartPaperForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    languages = forms.CharField(
        label=_("Languages of publication (ISO 639-1 codes, comma-separated)"),
        max_length=60,
        required=False,
        help_text=_("Empty: English, French and Spanish."),
    )

    def language_codes(self) -> list[str] | None:
        value = self.cleaned_data.get("languages") or ""
        codes = [code for code in value.replace(" ", "").split(",") if code]
        return codes or None


class CommentForm(forms.Form):
    version = forms.IntegerField(min_value=1)
    language = forms.RegexField(regex=r"^[a-z]{2,3}$", required=False)
    paragraph = forms.IntegerField(min_value=1, max_value=100_000, required=False)
    parent = forms.IntegerField(min_value=1, required=False)
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class ChecklistForm(forms.Form):
    item = forms.ChoiceField(choices=ChecklistItem.choices)
    ticked = forms.BooleanField(required=False)


class DeadlineForm(forms.Form):
    comments_close_at = forms.DateTimeField(
        label=_("Comments close at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Empty: no deadline."),
    )


class PublishForm(forms.Form):
    version = forms.IntegerField(label=_("Version"), min_value=1, required=False)
