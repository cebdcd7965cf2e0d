"""Forms with which Support Unit staff write an edition's concept paper (themes, roundtables,
sessions, guiding questions) and build its surveys. They check the shape of the input; the
GFMD's rules (numbering, continuity, answered surveys) are checked by the domain functions the
views call, and their refusals come back as errors on these forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd.reference.models import GCMGuidingPrinciple, GCMObjective, SDGGoal, SDGTarget

from ..enums import QuestionKind, SurveyKind
from ..models import Roundtable, RoundtableSession, Theme

TEXT = {"rows": 3}


def _tags(model, label):
    return forms.ModelMultipleChoiceField(
        queryset=model.objects.all(),
        required=False,
        label=label,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )


class ThemeForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=99)
    title_en = forms.CharField(label=_("Title (English)"), max_length=500)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=500, required=False)
    title_es = forms.CharField(label=_("Title (Spanish)"), max_length=500, required=False)
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    sdg_targets = _tags(SDGTarget, _("SDG targets"))
    gcm_objectives = _tags(GCMObjective, _("GCM objectives"))

    @classmethod
    def initial_for(cls, theme: Theme) -> dict:
        return {
            "number": theme.number,
            **{name: getattr(theme, name) for name in ("title_en", "title_fr", "title_es")},
            "description_en": theme.description_en,
            "sdg_targets": list(theme.sdg_targets.all()),
            "gcm_objectives": list(theme.gcm_objectives.all()),
        }


class RoundtableForm(forms.Form):
    theme = forms.ModelChoiceField(queryset=Theme.objects.none(), label=_("Theme"))
    number = forms.CharField(
        label=_("Number"), max_length=10, help_text=_("Under its theme's number: 1, or 1.1.")
    )
    title_en = forms.CharField(label=_("Title (English)"), max_length=500)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=500, required=False)
    title_es = forms.CharField(label=_("Title (Spanish)"), max_length=500, required=False)

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(edition=edition).order_by("number")

    @classmethod
    def initial_for(cls, roundtable: Roundtable) -> dict:
        return {
            "theme": roundtable.theme_id,
            "number": roundtable.number,
            **{name: getattr(roundtable, name) for name in ("title_en", "title_fr", "title_es")},
        }


class EarlierSessionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.edition.year} — {obj.number} {obj.title}"


SESSION_TEXTS = (
    "title_en",
    "title_fr",
    "title_es",
    "description_en",
    "expected_outcomes_en",
    "expected_outcomes_fr",
    "expected_outcomes_es",
    "continuity_note",
)
PERSPECTIVES = ("human_rights", "gender", "whole_of_government", "whole_of_society")


class SessionForm(forms.Form):
    roundtable = forms.ModelChoiceField(queryset=Roundtable.objects.none(), label=_("Roundtable"))
    number = forms.CharField(
        label=_("Number"),
        max_length=10,
        help_text=_("As the GFMD numbers sessions: 1.1, 1.2… under the roundtable's number."),
    )
    title_en = forms.CharField(label=_("Title (English)"), max_length=500)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=500, required=False)
    title_es = forms.CharField(label=_("Title (Spanish)"), max_length=500, required=False)
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    expected_outcomes_en = forms.CharField(
        label=_("Expected outcomes (English)"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    expected_outcomes_fr = forms.CharField(
        label=_("Expected outcomes (French)"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    expected_outcomes_es = forms.CharField(
        label=_("Expected outcomes (Spanish)"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    human_rights = forms.BooleanField(label=_("Human rights perspective"), required=False)
    gender = forms.BooleanField(label=_("Gender perspective"), required=False)
    whole_of_government = forms.BooleanField(
        label=_("Whole-of-government approach"), required=False
    )
    whole_of_society = forms.BooleanField(label=_("Whole-of-society approach"), required=False)
    sdg_targets = _tags(SDGTarget, _("SDG targets"))
    gcm_objectives = _tags(GCMObjective, _("GCM objectives"))
    builds_on = EarlierSessionsField(
        queryset=RoundtableSession.objects.none(),
        required=False,
        label=_("Builds on earlier sessions"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    continuity_note = forms.CharField(
        label=_("What it carries over"), required=False, widget=forms.Textarea(attrs=TEXT)
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roundtable"].queryset = Roundtable.objects.filter(edition=edition).order_by(
            "number"
        )
        self.fields["builds_on"].queryset = (
            RoundtableSession.objects.filter(
                edition__process_id=edition.process_id, edition__year__lt=edition.year
            )
            .select_related("edition")
            .order_by("-edition__year", "number")
        )

    @classmethod
    def initial_for(cls, session: RoundtableSession) -> dict:
        return {
            "roundtable": session.roundtable_id,
            "number": session.number,
            **{name: getattr(session, name) for name in SESSION_TEXTS + PERSPECTIVES},
            "sdg_targets": list(session.sdg_targets.all()),
            "gcm_objectives": list(session.gcm_objectives.all()),
            "builds_on": list(session.builds_on.all()),
        }

    def fields_for_domain(self) -> dict:
        """Everything but the roundtable and the number, as the domain functions take it."""
        data = self.cleaned_data
        return {
            **{name: data[name] for name in SESSION_TEXTS + PERSPECTIVES},
            "sdg_targets": data["sdg_targets"],
            "gcm_objectives": data["gcm_objectives"],
            "builds_on": data["builds_on"],
        }


def question_tags() -> dict:
    """The SDG goals and GCM guiding principles a question may cite, read once for a whole
    formset (two queries, however many questions)."""
    return {
        "sdg_goals": {g.pk: g for g in SDGGoal.objects.all()},
        "gcm_guiding_principles": {p.pk: p for p in GCMGuidingPrinciple.objects.all()},
    }


class GuidingQuestionForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text_en = forms.CharField(
        label=_("Question (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    text_fr = forms.CharField(
        label=_("Question (French)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    text_es = forms.CharField(
        label=_("Question (Spanish)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    sdg_goals = forms.TypedMultipleChoiceField(
        label=_("SDG goals it cites"),
        coerce=int,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    gcm_guiding_principles = forms.TypedMultipleChoiceField(
        label=_("GCM guiding principles it cites"),
        coerce=int,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        for name, records in tags.items():
            self.fields[name].choices = [(pk, str(record)) for pk, record in records.items()]


class BaseGuidingQuestionFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        """The questions in their new order, without the removed and the empty extra ones,
        with their tags as records."""
        tags = self.form_kwargs["tags"]
        rows = []
        for form in self.ordered_forms:
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            if not data.get("id") and not (data.get("text_en") or "").strip():
                continue
            row = {k: v for k, v in data.items() if k not in ("ORDER", "DELETE")}
            for name, records in tags.items():
                row[name] = [records[pk] for pk in data.get(name) or []]
            rows.append(row)
        return rows

    def clean(self):
        super().clean()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE"):
                continue
            has_text = any((data.get(k) or "").strip() for k in ("text_fr", "text_es"))
            if (data.get("id") or has_text) and not (data.get("text_en") or "").strip():
                form.add_error("text_en", _("Give the question in English, or tick Delete."))


GuidingQuestionFormSet = forms.formset_factory(
    GuidingQuestionForm,
    formset=BaseGuidingQuestionFormSet,
    extra=2,
    can_order=True,
    can_delete=True,
    max_num=60,
    validate_max=True,
)


def guiding_question_initial(session) -> list[dict]:
    return [
        {
            "id": q.pk,
            "text_en": q.text_en,
            "text_fr": q.text_fr,
            "text_es": q.text_es,
            "sdg_goals": [g.pk for g in q.sdg_goals.all()],
            "gcm_guiding_principles": [p.pk for p in q.gcm_guiding_principles.all()],
            "ORDER": q.position,
        }
        for q in session.guiding_questions.prefetch_related("sdg_goals", "gcm_guiding_principles")
    ]


# Surveys ----------------------------------------------------------------------------------


class SurveyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SurveyKind.choices)
    title_en = forms.CharField(label=_("Title (English)"), max_length=250)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=250, required=False)
    title_es = forms.CharField(label=_("Title (Spanish)"), max_length=250, required=False)
    instructions_en = forms.CharField(
        label=_("Instructions (English)"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    deadline = forms.DateTimeField(
        label=_("Answers accepted until"),
        required=False,
        help_text=_("Date and time, e.g. 2026-03-31 18:00. Empty: no deadline yet."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
    )

    @classmethod
    def initial_for(cls, survey) -> dict:
        return {
            name: getattr(survey, name)
            for name in ("kind", "title_en", "title_fr", "title_es", "instructions_en", "deadline")
        }


class SurveyQuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=QuestionKind.choices)
    text_en = forms.CharField(label=_("Question (English)"), widget=forms.Textarea(attrs=TEXT))
    text_fr = forms.CharField(
        label=_("Question (French)"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    text_es = forms.CharField(
        label=_("Question (Spanish)"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    choices = forms.CharField(
        label=_("Options, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For single choice, multiple choice and ranking: at least two."),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def clean_choices(self) -> list[str]:
        lines = (self.cleaned_data.get("choices") or "").splitlines()
        return [line.strip() for line in lines if line.strip()]

    @classmethod
    def initial_for(cls, question) -> dict:
        return {
            "kind": question.kind,
            "text_en": question.text_en,
            "text_fr": question.text_fr,
            "text_es": question.text_es,
            "choices": "\n".join(c.label_en for c in question.choices.all()),
            "required": question.required,
        }
