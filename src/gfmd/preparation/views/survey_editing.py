"""Pages with which Support Unit staff build a survey for an edition: its title, kind and
deadline, then its questions of the five kinds with their options, in order. The same domain
functions as the API (domain/surveys.py) check everything; once states have answered, a change
that would lose or corrupt their answers is refused with a message saying so."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from gfmd.common.errors import DomainError
from gfmd.common.history import history_entries
from gfmd.common.views import PermissionRequiredMixin

from ..domain.surveys import (
    add_question,
    move_question,
    new_survey,
    open_survey,
    remove_question,
    update_question,
    update_survey,
)
from ..interfaces.editing import SurveyForm, SurveyQuestionForm
from ..models import Survey, SurveyQuestion
from . import EditionMixin, SurveyMixin


def _add_error(form, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


class SurveyCreateView(EditionMixin, PermissionRequiredMixin, FormView):
    permission_required = "preparation.add_survey"
    form_class = SurveyForm
    template_name = "preparation/survey_new.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(edition=self.get_edition(), **kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        try:
            survey = new_survey(
                edition=self.get_edition(), user=self.request.user, **form.cleaned_data
            )
        except DomainError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The survey is created; add its questions."))
        return redirect("preparation:survey_edit", survey.pk)


class SurveyEditView(SurveyMixin, PermissionRequiredMixin, View):
    """The survey builder: settings, the questions in order, a form to add one."""

    permission_required = "preparation.add_survey"
    template_name = "preparation/survey_edit.html"

    def render(self, status=200, **forms):
        survey = self.get_survey()
        questions = list(survey.questions.prefetch_related("choices"))
        now = timezone.now()
        context = {
            "survey": survey,
            "edition": survey.edition,
            "questions": questions,
            "responses": survey.responses.count(),
            "is_open": not survey.is_draft and (survey.deadline is None or now <= survey.deadline),
            "settings_form": forms.get("settings_form")
            or SurveyForm(initial=SurveyForm.initial_for(survey)),
            "question_form": forms.get("question_form") or SurveyQuestionForm(),
            "history": history_entries(
                [
                    Survey.history.filter(id=survey.pk),
                    SurveyQuestion.history.filter(survey_id=survey.pk),
                ]
            ),
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render()

    def post(self, request, *args, **kwargs):
        """Save the settings (title, kind, instructions, deadline)."""
        form = SurveyForm(request.POST)
        if form.is_valid():
            try:
                update_survey(self.get_survey(), **form.cleaned_data)
            except DomainError as error:
                _add_error(form, error)
            else:
                messages.success(request, _("The survey is saved."))
                return redirect("preparation:survey_edit", self.get_survey().pk)
        return self.render(status=400, settings_form=form)


class SurveyOpenView(SurveyMixin, PermissionRequiredMixin, View):
    """Staff open a survey they have prepared for answers."""

    permission_required = "preparation.add_survey"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        survey = self.get_survey()
        try:
            open_survey(survey, user=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The survey is open for answers."))
        return redirect("preparation:survey_edit", survey.pk)


class SurveyQuestionAddView(SurveyEditView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = SurveyQuestionForm(request.POST)
        if form.is_valid():
            try:
                question = add_question(self.get_survey(), **form.cleaned_data)
            except DomainError as error:
                _add_error(form, error)
            else:
                messages.success(request, _("Question %(n)d is added.") % {"n": question.position})
                return redirect("preparation:survey_edit", self.get_survey().pk)
        return self.render(status=400, question_form=form)


class QuestionMixin(SurveyMixin):
    def get_question(self) -> SurveyQuestion:
        if not hasattr(self, "_question"):
            self._question = get_object_or_404(
                SurveyQuestion.objects.select_related("survey"),
                survey=self.get_survey(),
                pk=self.kwargs["question"],
            )
        return self._question


class SurveyQuestionEditView(QuestionMixin, PermissionRequiredMixin, FormView):
    permission_required = "preparation.add_survey"
    form_class = SurveyQuestionForm
    template_name = "preparation/survey_question_form.html"

    def get_initial(self):
        return SurveyQuestionForm.initial_for(self.get_question())

    def get_context_data(self, **kwargs):
        survey = self.get_survey()
        return super().get_context_data(
            survey=survey,
            question=self.get_question(),
            responses=survey.responses.count(),
            **kwargs,
        )

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        try:
            update_question(self.get_question(), **form.cleaned_data)
        except DomainError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Question %(n)d is saved.") % {"n": self.get_question().position}
        )
        return redirect("preparation:survey_edit", self.get_survey().pk)


class SurveyQuestionRemoveView(QuestionMixin, PermissionRequiredMixin, View):
    permission_required = "preparation.add_survey"

    def post(self, request, *args, **kwargs):
        question = self.get_question()
        try:
            remove_question(question)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Question %(n)d is removed.") % {"n": question.position})
        return redirect("preparation:survey_edit", self.get_survey().pk)


class SurveyQuestionMoveView(QuestionMixin, PermissionRequiredMixin, View):
    permission_required = "preparation.add_survey"

    def post(self, request, *args, **kwargs):
        step = {"up": -1, "down": 1}.get(request.POST.get("direction"))
        if step is None:
            messages.error(request, _("Move a question up or down."))
        else:
            move_question(self.get_question(), step)
        return redirect("preparation:survey_edit", self.get_survey().pk)
