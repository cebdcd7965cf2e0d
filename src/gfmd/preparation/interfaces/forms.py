"""Forms of the preparation pages; rules are checked by the domain functions they call."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd.directory.models import Organisation, State

from ..enums import Perspective, QuestionKind, TeamSeat


class VolunteerForm(forms.Form):
    """A focal point volunteers one of their states; a contact one of their organisations."""

    state = forms.ModelChoiceField(queryset=State.objects.none(), required=False, label=_("State"))
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), required=False, label=_("Organisation")
    )
    seat = forms.ChoiceField(
        label=_("As"),
        choices=[
            (TeamSeat.CO_CHAIR, TeamSeat.CO_CHAIR.label),
            (TeamSeat.MEMBER, TeamSeat.MEMBER.label),
        ],
        initial=TeamSeat.MEMBER,
        required=False,
    )

    def __init__(self, *args, state_ids=(), organisation_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = State.objects.filter(pk__in=state_ids)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisation_ids)
        if not state_ids:
            del self.fields["state"]
        if not organisation_ids:
            del self.fields["organisation"]

    def clean(self):
        data = super().clean()
        if bool(data.get("state")) == bool(data.get("organisation")):
            raise forms.ValidationError(_("Choose your state or your organisation."))
        if data.get("state") and not data.get("seat"):
            self.add_error("seat", _("Choose co-chair or team member."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("accept", _("Accept")), ("decline", _("Decline"))]
    )
    perspective = forms.ChoiceField(
        label=_("Perspective in this team"), choices=Perspective.choices, required=False
    )


class SurveyAnswerForm(forms.Form):
    """One field per question; a ranking question has one field per priority."""

    def __init__(self, *args, survey, state_ids=(), initial_values=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_values = initial_values or {}
        self.survey = survey
        self.questions = list(survey.questions.prefetch_related("choices"))
        self.fields["state"] = forms.ModelChoiceField(
            queryset=State.objects.filter(pk__in=state_ids), label=_("Answering for")
        )
        for question in self.questions:
            name = f"question_{question.pk}"
            options = [(c.pk, c.label) for c in question.choices.all()]
            current = initial_values.get(question.pk)
            if question.kind == QuestionKind.RANKING:
                current = current or []
                for rank in range(1, len(options) + 1):
                    self.fields[f"{name}_{rank}"] = forms.TypedChoiceField(
                        label=_("%(question)s — priority %(rank)d")
                        % {"question": question.text, "rank": rank},
                        choices=[("", "—"), *options],
                        coerce=int,
                        required=False,
                        initial=current[rank - 1] if len(current) >= rank else None,
                    )
            elif question.kind == QuestionKind.SINGLE:
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    choices=options,
                    required=False,
                    widget=forms.RadioSelect,
                    initial=(current or [None])[0],
                )
            elif question.kind == QuestionKind.MULTIPLE:
                self.fields[name] = forms.MultipleChoiceField(
                    label=question.text,
                    choices=options,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    initial=current,
                )
            elif question.kind == QuestionKind.NUMBER:
                self.fields[name] = forms.CharField(
                    label=question.text, required=False, max_length=30, initial=current
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text, required=False, widget=forms.Textarea, initial=current
                )

    def values(self) -> dict:
        """question id → the answer as the domain takes it (rankings as an ordered list)."""
        values = {}
        for question in self.questions:
            name = f"question_{question.pk}"
            if question.kind == QuestionKind.RANKING:
                ranked = []
                rank = 1
                while f"{name}_{rank}" in self.cleaned_data:
                    choice = self.cleaned_data[f"{name}_{rank}"]
                    if choice not in ("", None):
                        ranked.append(choice)
                    rank += 1
                values[question.pk] = ranked
            else:
                values[question.pk] = self.cleaned_data.get(name)
        return values
