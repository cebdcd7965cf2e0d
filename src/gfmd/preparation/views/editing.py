"""Pages with which Support Unit staff of the edition's chairmanship write its concept paper:
themes, roundtables, sessions and their guiding questions. Thin: each form is checked, then
the same domain function as the API (domain/concept.py) applies the GFMD's rules; a refusal
becomes an error on the form (status 400) and nothing is saved. Every change keeps its history
(django-simple-history; tags and continuity links are written into the change's reason)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from gfmd.common.errors import DomainError
from gfmd.common.history import history_entries
from gfmd.common.parsing import whole_number
from gfmd.common.views import PermissionRequiredMixin

from ..domain.concept import (
    create_roundtable,
    create_session,
    create_theme,
    save_guiding_questions,
    update_roundtable,
    update_session,
    update_theme,
)
from ..interfaces.editing import (
    GuidingQuestionFormSet,
    RoundtableForm,
    SessionForm,
    ThemeForm,
    guiding_question_initial,
    question_tags,
)
from ..models import GuidingQuestion, Roundtable, RoundtableSession, Theme
from . import EditionMixin


def agenda_url(edition, anchor: str = "") -> str:
    return reverse("preparation:agenda", args=[edition.process.slug, edition.number]) + anchor


class ConceptFormView(EditionMixin, PermissionRequiredMixin, FormView):
    """A form of the concept paper: staff of the edition's chairmanship (or of the chairmanship
    in office) only, like the domain functions' callers in the API."""

    permission_required = "preparation.change_session"
    template_name = "preparation/concept_form.html"
    heading = ""

    def form_with_error(self, form, error: DomainError):
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def history(self) -> list:
        return []

    def get_context_data(self, **kwargs):
        edition = self.get_edition()
        return super().get_context_data(
            edition=edition,
            heading=self.heading,
            history=self.history(),
            agenda_url=agenda_url(edition),
            **kwargs,
        )


class ThemeCreateView(ConceptFormView):
    form_class = ThemeForm

    @property
    def heading(self):
        return _("New theme")

    def get_initial(self):
        taken = set(
            Theme.objects.filter(edition=self.get_edition()).values_list("number", flat=True)
        )
        return {"number": next(n for n in range(1, 100) if n not in taken)}

    def form_valid(self, form):
        try:
            theme = create_theme(edition=self.get_edition(), **form.cleaned_data)
        except DomainError as error:
            return self.form_with_error(form, error)
        messages.success(self.request, _("Theme %(number)d is saved.") % {"number": theme.number})
        return redirect(agenda_url(self.get_edition(), f"#theme-{theme.number}"))


class ThemeUpdateView(ConceptFormView):
    form_class = ThemeForm

    def get_theme(self) -> Theme:
        if not hasattr(self, "_theme"):
            self._theme = get_object_or_404(
                Theme, edition=self.get_edition(), pk=self.kwargs["theme"]
            )
        return self._theme

    @property
    def heading(self):
        return _("Theme %(number)d") % {"number": self.get_theme().number}

    def get_initial(self):
        return ThemeForm.initial_for(self.get_theme())

    def history(self):
        return history_entries([Theme.history.filter(id=self.get_theme().pk)])

    def form_valid(self, form):
        try:
            theme = update_theme(self.get_theme(), **form.cleaned_data)
        except DomainError as error:
            return self.form_with_error(form, error)
        messages.success(self.request, _("Theme %(number)d is saved.") % {"number": theme.number})
        return redirect(agenda_url(self.get_edition(), f"#theme-{theme.number}"))


class RoundtableCreateView(ConceptFormView):
    form_class = RoundtableForm

    @property
    def heading(self):
        return _("New roundtable")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "edition": self.get_edition()}

    def get_initial(self):
        theme = self.request.GET.get("theme")
        return {"theme": theme} if whole_number(theme) is not None else {}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            roundtable = create_roundtable(theme=data.pop("theme"), **data)
        except DomainError as error:
            return self.form_with_error(form, error)
        messages.success(
            self.request, _("Roundtable %(number)s is saved.") % {"number": roundtable.number}
        )
        return redirect(agenda_url(self.get_edition(), f"#theme-{roundtable.theme.number}"))


class RoundtableUpdateView(ConceptFormView):
    form_class = RoundtableForm

    def get_roundtable(self) -> Roundtable:
        if not hasattr(self, "_roundtable"):
            self._roundtable = get_object_or_404(
                Roundtable.objects.select_related("theme"),
                edition=self.get_edition(),
                number=self.kwargs["roundtable"],
            )
        return self._roundtable

    @property
    def heading(self):
        return _("Roundtable %(number)s") % {"number": self.get_roundtable().number}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "edition": self.get_edition()}

    def get_initial(self):
        return RoundtableForm.initial_for(self.get_roundtable())

    def history(self):
        return history_entries([Roundtable.history.filter(id=self.get_roundtable().pk)])

    def form_valid(self, form):
        try:
            roundtable = update_roundtable(self.get_roundtable(), **form.cleaned_data)
        except DomainError as error:
            return self.form_with_error(form, error)
        messages.success(
            self.request, _("Roundtable %(number)s is saved.") % {"number": roundtable.number}
        )
        return redirect(agenda_url(self.get_edition(), f"#theme-{roundtable.theme.number}"))


class SessionCreateView(ConceptFormView):
    form_class = SessionForm

    @property
    def heading(self):
        return _("New session")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "edition": self.get_edition()}

    def get_initial(self):
        roundtable = self.request.GET.get("roundtable", "")
        found = Roundtable.objects.filter(edition=self.get_edition(), number=roundtable).first()
        return {"roundtable": found.pk} if found else {}

    def form_valid(self, form):
        try:
            session = create_session(
                roundtable=form.cleaned_data["roundtable"],
                number=form.cleaned_data["number"],
                **form.fields_for_domain(),
            )
        except DomainError as error:
            return self.form_with_error(form, error)
        messages.success(
            self.request,
            _("Session %(number)s is saved as a draft; add its guiding questions next.")
            % {"number": session.number},
        )
        return redirect(
            "preparation:edit_questions",
            self.get_edition().process.slug,
            self.get_edition().number,
            session.number,
        )


class SessionEditMixin:
    def get_session(self) -> RoundtableSession:
        if not hasattr(self, "_session"):
            self._session = get_object_or_404(
                RoundtableSession.objects.select_related("edition__process", "roundtable__theme"),
                edition=self.get_edition(),
                number=self.kwargs["session"],
            )
        return self._session

    def get_permission_object(self):
        return self.get_session()

    def history(self):
        session = self.get_session()
        return history_entries(
            [
                RoundtableSession.history.filter(id=session.pk),
                GuidingQuestion.history.filter(session_id=session.pk),
            ]
        )


class SessionUpdateView(SessionEditMixin, ConceptFormView):
    form_class = SessionForm

    @property
    def heading(self):
        return _("Session %(number)s") % {"number": self.get_session().number}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "edition": self.get_edition()}

    def get_initial(self):
        return SessionForm.initial_for(self.get_session())

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.get_session(), **kwargs)

    def form_valid(self, form):
        try:
            session = update_session(
                self.get_session(),
                roundtable=form.cleaned_data["roundtable"],
                number=form.cleaned_data["number"],
                **form.fields_for_domain(),
            )
        except DomainError as error:
            return self.form_with_error(form, error)
        messages.success(
            self.request, _("Session %(number)s is saved.") % {"number": session.number}
        )
        return redirect(session.get_absolute_url())


class GuidingQuestionsView(SessionEditMixin, ConceptFormView):
    """A session's guiding questions in order: reword, reorder (the Order column), remove
    (Delete) or add (the empty rows at the end), all saved together."""

    template_name = "preparation/guiding_questions_form.html"

    @property
    def heading(self):
        return _("Guiding questions of session %(number)s") % {"number": self.get_session().number}

    def get_form(self, form_class=None):
        tags = question_tags()
        if self.request.method == "POST":
            return GuidingQuestionFormSet(self.request.POST, form_kwargs={"tags": tags})
        return GuidingQuestionFormSet(
            initial=guiding_question_initial(self.get_session()), form_kwargs={"tags": tags}
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.get_session(), **kwargs)

    def form_valid(self, formset):
        session = self.get_session()
        try:
            save_guiding_questions(session, formset.rows())
        except DomainError as error:
            # A formset has no add_error(); its non-form errors are this list (Django's own).
            formset._non_form_errors = formset.error_class([error.message])
            return self.render_to_response(self.get_context_data(form=formset), status=400)
        messages.success(
            self.request,
            _("The guiding questions of session %(number)s are saved.")
            % {"number": session.number},
        )
        return redirect(session.get_absolute_url())
