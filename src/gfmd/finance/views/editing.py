"""Forms with which Support Unit staff of the edition's chairmanship keep its books: the budget
and its lines, contributions, expenditures, publication and carry-over. Thin: each form is
checked, then the same domain function as the API applies the rules; a refusal becomes an error
on the form (status 400) and nothing is saved. Every change keeps its history."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, View

from gfmd.common.errors import DomainError
from gfmd.common.history import history_entries
from gfmd.common.views import PermissionRequiredMixin

from ..domain.budgets import (
    add_line,
    adopt_budget,
    budget_in_force,
    create_budget,
    present_budget,
    publish_budget,
    remove_line,
    revise_budget,
    unpublish_budget,
    update_budget,
    update_line,
)
from ..domain.carry_over import record_carry_over, successors
from ..domain.contributions import (
    publish_contributions,
    record_contribution,
    unpublish_contribution,
    update_contribution,
)
from ..domain.spending import record_expenditure, update_expenditure
from ..interfaces.forms import (
    BudgetActionForm,
    BudgetForm,
    BudgetLineForm,
    CarryOverForm,
    ContributionForm,
    ExpenditureForm,
)
from ..models import Budget, BudgetLine, CarryOver, Contribution, Expenditure
from . import EditionMixin, funding_url

MANAGE = "finance.manage_funding"


class FundingFormView(EditionMixin, PermissionRequiredMixin, FormView):
    """A form of the edition's books, for those who keep them."""

    permission_required = MANAGE
    template_name = "finance/form.html"
    anchor = ""

    @property
    def heading(self) -> str:
        return ""

    def history(self) -> list:
        return []

    def form_with_error(self, form, error: DomainError):
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def done(self, message: str, version: int | None = None):
        messages.success(self.request, message)
        query = f"?version={version}" if version else ""
        return redirect(funding_url(self.get_edition()) + query + self.anchor)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            edition=self.get_edition(),
            heading=self.heading,
            history=self.history(),
            funding_url=funding_url(self.get_edition()),
            **kwargs,
        )


class BudgetMixin:
    def get_budget(self) -> Budget:
        if not hasattr(self, "_budget"):
            self._budget = get_object_or_404(
                Budget, edition=self.get_edition(), version=self.kwargs["version"]
            )
            self._budget.edition = self.get_edition()
        return self._budget


class BudgetCreateView(FundingFormView):
    form_class = BudgetForm
    anchor = "#budget"

    @property
    def heading(self):
        return _("New budget version")

    def get_initial(self):
        latest = self.get_edition().budgets.order_by("-version").first()
        return BudgetForm.initial_for(latest) if latest else {"contingency_percent": 0}

    def form_valid(self, form):
        try:
            budget = create_budget(self.get_edition(), **form.cleaned_data)
        except DomainError as error:
            return self.form_with_error(form, error)
        return self.done(
            _("Version %(version)d of the budget is saved as a draft.")
            % {"version": budget.version},
            budget.version,
        )


class BudgetUpdateView(BudgetMixin, FundingFormView):
    form_class = BudgetForm
    anchor = "#budget"

    @property
    def heading(self):
        return _("Budget, version %(version)d") % {"version": self.get_budget().version}

    def get_initial(self):
        return BudgetForm.initial_for(self.get_budget())

    def history(self):
        return history_entries([Budget.history.filter(id=self.get_budget().pk)])

    def form_valid(self, form):
        try:
            budget = update_budget(self.get_budget(), **form.cleaned_data)
        except DomainError as error:
            return self.form_with_error(form, error)
        return self.done(_("The budget is saved."), budget.version)


class BudgetActionView(BudgetMixin, EditionMixin, PermissionRequiredMixin, View):
    """Present, adopt, revise, publish or withdraw the publication of a budget version."""

    permission_required = MANAGE

    def post(self, request, *args, **kwargs):
        budget = self.get_budget()
        form = BudgetActionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose an action and a valid date."))
            return redirect(funding_url(self.get_edition()) + f"?version={budget.version}")
        action, day = form.cleaned_data["action"], form.cleaned_data["day"]
        try:
            if action == "present":
                present_budget(budget, day)
                message = _("Version %(version)d is presented to the Steering Group.")
            elif action == "adopt":
                adopt_budget(budget, day)
                message = _("Version %(version)d is adopted.")
            elif action == "revise":
                budget = revise_budget(budget)
                message = _("Version %(version)d is a draft copied from the earlier version.")
            elif action == "publish":
                publish_budget(budget)
                message = _("The summary of version %(version)d is published.")
            elif action == "publish_lines":
                publish_budget(budget, with_lines=True)
                message = _("Version %(version)d is published with its lines.")
            else:
                unpublish_budget(budget)
                message = _("The summary of version %(version)d is no longer published.")
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(funding_url(self.get_edition()) + f"?version={budget.version}#budget")
        messages.success(request, message % {"version": budget.version})
        return redirect(funding_url(self.get_edition()) + f"?version={budget.version}#budget")


class LineFormMixin(FundingFormView):
    form_class = BudgetLineForm
    template_name = "finance/line_form.html"
    anchor = "#budget"

    def get_context_data(self, **kwargs):
        categories = (
            BudgetLine.objects.filter(budget__edition=self.get_edition())
            .order_by("category")
            .values_list("category", flat=True)
            .distinct()
        )
        return super().get_context_data(categories=list(categories), **kwargs)


class LineCreateView(BudgetMixin, LineFormMixin):
    @property
    def heading(self):
        return _("New line in version %(version)d") % {"version": self.get_budget().version}

    def get_initial(self):
        return {"category": self.request.GET.get("category", "")}

    def form_valid(self, form):
        try:
            add_line(self.get_budget(), **form.cleaned_data)
        except DomainError as error:
            return self.form_with_error(form, error)
        return self.done(_("The line is saved."), self.get_budget().version)


class LineMixin:
    def get_line(self) -> BudgetLine:
        if not hasattr(self, "_line"):
            self._line = get_object_or_404(
                BudgetLine.objects.select_related("budget"),
                pk=self.kwargs["pk"],
                budget__edition=self.get_edition(),
            )
        return self._line


class LineUpdateView(LineMixin, LineFormMixin):
    @property
    def heading(self):
        return _("Budget line: %(concept)s") % {"concept": self.get_line().concept}

    def get_initial(self):
        return BudgetLineForm.initial_for(self.get_line())

    def history(self):
        return history_entries([BudgetLine.history.filter(id=self.get_line().pk)])

    def form_valid(self, form):
        try:
            line = update_line(self.get_line(), **form.cleaned_data)
        except DomainError as error:
            return self.form_with_error(form, error)
        return self.done(_("The line is saved."), line.budget.version)


class LineRemoveView(LineMixin, EditionMixin, PermissionRequiredMixin, View):
    permission_required = MANAGE

    def post(self, request, *args, **kwargs):
        line = self.get_line()
        version = line.budget.version
        try:
            remove_line(line)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The line is removed."))
        return redirect(funding_url(self.get_edition()) + f"?version={version}#budget")


class ContributionCreateView(FundingFormView):
    form_class = ContributionForm
    anchor = "#contributions"

    @property
    def heading(self):
        return _("New contribution")

    def get_initial(self):
        return {"status": "pledged", "kind": "financial", "earmarked": True}

    def form_valid(self, form):
        try:
            record_contribution(self.get_edition(), **form.cleaned_data)
        except DomainError as error:
            return self.form_with_error(form, error)
        return self.done(_("The contribution is saved; it is not public until you publish it."))


class ContributionMixin:
    def get_contribution(self) -> Contribution:
        if not hasattr(self, "_contribution"):
            self._contribution = get_object_or_404(
                Contribution, pk=self.kwargs["pk"], edition=self.get_edition()
            )
            self._contribution.edition = self.get_edition()
        return self._contribution


class ContributionUpdateView(ContributionMixin, FundingFormView):
    form_class = ContributionForm
    anchor = "#contributions"

    @property
    def heading(self):
        return _("Contribution: %(contributor)s") % {
            "contributor": self.get_contribution().contributor
        }

    def get_initial(self):
        return ContributionForm.initial_for(self.get_contribution())

    def history(self):
        return history_entries([Contribution.history.filter(id=self.get_contribution().pk)])

    def form_valid(self, form):
        try:
            update_contribution(self.get_contribution(), **form.cleaned_data)
        except DomainError as error:
            return self.form_with_error(form, error)
        return self.done(_("The contribution is saved."))


class PublishContributionsView(EditionMixin, PermissionRequiredMixin, View):
    """Publish the list of contributions: every one not yet public becomes public."""

    permission_required = MANAGE

    def post(self, request, *args, **kwargs):
        try:
            count = publish_contributions(self.get_edition())
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d contribution is published.",
                    "%(count)d contributions are published.",
                    count,
                )
                % {"count": count},
            )
        return redirect(funding_url(self.get_edition()) + "#contributions")


class UnpublishContributionView(ContributionMixin, EditionMixin, PermissionRequiredMixin, View):
    permission_required = MANAGE

    def post(self, request, *args, **kwargs):
        try:
            unpublish_contribution(self.get_contribution())
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The contribution is no longer published."))
        return redirect(funding_url(self.get_edition()) + "#contributions")


class ExpenditureFormMixin(FundingFormView):
    form_class = ExpenditureForm
    anchor = "#spending"

    def budget(self) -> Budget:
        budget = budget_in_force(Budget.objects.filter(edition=self.get_edition()))
        if budget is None:
            raise Http404(_("This edition has no budget to spend against yet."))
        return budget

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "lines": self.budget().lines.order_by("order", "pk")}


class ExpenditureCreateView(ExpenditureFormMixin):
    @property
    def heading(self):
        return _("New expenditure")

    def get_initial(self):
        return {"currency": self.budget().currency}

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            record_expenditure(data.pop("budget_line"), **data)
        except DomainError as error:
            return self.form_with_error(form, error)
        return self.done(_("The expenditure is saved."))


class ExpenditureUpdateView(ExpenditureFormMixin):
    def get_expenditure(self) -> Expenditure:
        if not hasattr(self, "_expenditure"):
            self._expenditure = get_object_or_404(
                Expenditure.objects.select_related("budget_line"),
                pk=self.kwargs["pk"],
                budget_line__budget__edition=self.get_edition(),
            )
        return self._expenditure

    @property
    def heading(self):
        return _("Expenditure: %(description)s") % {
            "description": self.get_expenditure().description
        }

    def get_initial(self):
        return ExpenditureForm.initial_for(self.get_expenditure())

    def history(self):
        return history_entries([Expenditure.history.filter(id=self.get_expenditure().pk)])

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            update_expenditure(self.get_expenditure(), data.pop("budget_line"), **data)
        except DomainError as error:
            return self.form_with_error(form, error)
        return self.done(_("The expenditure is saved."))


class CarryOverCreateView(FundingFormView):
    """Left-over funds to the succeeding chairmanship, or received from the preceding one; the
    staff of either side record it (003 L9616-L9618)."""

    form_class = CarryOverForm
    anchor = "#carry-over"

    @property
    def heading(self):
        return _("Carry-over of left-over funds")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.get_edition().process}

    def get_initial(self):
        chairmanship = self.get_edition().chairmanship
        following = successors(chairmanship) if chairmanship else []
        return {
            "from_chairmanship": chairmanship,
            "to_chairmanship": following[0] if following else None,
        }

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        candidate = CarryOver(
            from_chairmanship=data["from_chairmanship"], to_chairmanship=data["to_chairmanship"]
        )
        if not self.request.user.has_perm("finance.record_carry_over", candidate):
            form.add_error(
                None,
                _(
                    "You keep the books of neither chairmanship: the staff of the one that "
                    "gives or of the one that receives record a carry-over."
                ),
            )
            return self.form_invalid(form)
        try:
            record_carry_over(data.pop("from_chairmanship"), data.pop("to_chairmanship"), **data)
        except DomainError as error:
            return self.form_with_error(form, error)
        return self.done(_("The carry-over is recorded."))
