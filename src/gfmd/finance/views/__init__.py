"""Pages of an edition's funding: thin views that parse the request, call the domain and
render. The funding page and the exports show what the reader may see (rules.py); the forms of
the Support Unit live in editing.py."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from gfmd.common.errors import DomainError
from gfmd.common.views import PermissionRequiredMixin
from gfmd.governance.models import Edition
from gfmd.library.domain.queries import readable_documents

from ..domain.budgets import parse_version
from ..domain.queries import edition_contributions, funding_page
from ..interfaces.exports import (
    XLSX,
    as_csv,
    as_xlsx,
    budget_header,
    budget_table,
    contributions_header,
    contributions_table,
)
from ..rules import funding_access


def funding_url(edition, name: str = "funding", *args) -> str:
    return reverse(f"finance:{name}", args=[edition.process.slug, edition.number, *args])


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EditionMixin:
    def get_edition(self) -> Edition:
        if not hasattr(self, "_edition"):
            self._edition = get_object_or_404(
                Edition.objects.select_related("process", "chairmanship"),
                process__slug=self.kwargs["process"],
                number=self.kwargs["number"],
            )
        return self._edition

    def get_permission_object(self):
        return self.get_edition()

    def get_access(self):
        if not hasattr(self, "_access"):
            self._access = funding_access(self.request.user, self.get_edition())
        return self._access

    def requested_version(self) -> int | None:
        """The ``?version=`` asked for; a malformed one is a 404 naming what to write."""
        try:
            return parse_version(self.request.GET.get("version"))
        except DomainError as error:
            raise Http404(error.message) from None


class FundingView(EditionMixin, PermissionRequiredMixin, TemplateView):
    """The edition's budget by category, its contributions and funding gap, spending and
    carry-over, as far as the reader may see them."""

    permission_required = "finance.view_funding"
    template_name = "finance/funding.html"

    def get(self, request, *args, **kwargs):
        """A malformed ``?version=`` shows the budget in force with the message, as a 400."""
        try:
            self.version = parse_version(request.GET.get("version"))
        except DomainError as error:
            messages.error(request, error.message)
            self.version = None
            return self.render_to_response(self.get_context_data(**kwargs), status=400)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        edition = self.get_edition()
        access = self.get_access()
        page = funding_page(edition, access, self.version)
        user = self.request.user
        return super().get_context_data(
            edition=edition,
            page=page,
            access=access,
            show_lines=bool(page.budget)
            and user.has_perm("finance.view_budget_lines", page.budget),
            budget_document=readable_documents(user).filter(pk=page.budget.document_id).first()
            if page.budget and page.budget.document_id
            else None,
            can_carry_over=access.manage,
            **kwargs,
        )


class BudgetExportView(EditionMixin, PermissionRequiredMixin, View):
    """The budget shown on the funding page, as CSV or XLSX."""

    permission_required = "finance.view_funding"

    def get(self, request, *args, **kwargs):
        fmt = kwargs["format"]
        if fmt not in ("csv", "xlsx"):
            raise Http404
        edition = self.get_edition()
        page = funding_page(edition, self.get_access(), self.requested_version())
        if page.summary is None:
            raise Http404(_("No budget of this edition is visible to you."))
        with_lines = request.user.has_perm("finance.view_budget_lines", page.budget)
        table = budget_table(page.summary, with_lines=with_lines)
        name = f"budget-{edition.process.slug}-{edition.number}-v{page.budget.version}.{fmt}"
        if fmt == "csv":
            return download(as_csv(budget_header(), table), "text/csv; charset=utf-8", name)
        return download(as_xlsx(_("Budget"), budget_header(), table), XLSX, name)


class ContributionExportView(EditionMixin, PermissionRequiredMixin, View):
    """The contributions the reader may see, as CSV or XLSX."""

    permission_required = "finance.view_funding"

    def get(self, request, *args, **kwargs):
        fmt = kwargs["format"]
        if fmt not in ("csv", "xlsx"):
            raise Http404
        edition = self.get_edition()
        contributions, currency = edition_contributions(edition, self.get_access())
        table = contributions_table(contributions, currency)
        name = f"contributions-{edition.process.slug}-{edition.number}.{fmt}"
        if fmt == "csv":
            return download(as_csv(contributions_header(), table), "text/csv; charset=utf-8", name)
        return download(as_xlsx(_("Contributions"), contributions_header(), table), XLSX, name)
