"""API of an edition's funding: its budget and contributions as the caller may see them, and
the writes of the Support Unit (a contribution, a budget line, an expenditure) through the same
domain functions and permissions as the pages (gfmd.finance). Amounts are decimal strings with
their ISO 4217 code, never floats; refusals are JSON 400 with the field's name."""

from decimal import Decimal

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from gfmd.api.governance import StateCodeField
from gfmd.common.errors import DomainError
from gfmd.directory.models import Organisation
from gfmd.finance.domain.budgets import MAX_ORDER, MAX_VERSION, add_line, parse_version
from gfmd.finance.domain.contributions import (
    converted_amount,
    record_contribution,
    totals_by_currency,
)
from gfmd.finance.domain.queries import edition_contributions, funding_page
from gfmd.finance.domain.spending import record_expenditure
from gfmd.finance.enums import (
    BudgetStatus,
    ContributionKind,
    ContributionStatus,
    ContributorKind,
    InKindType,
)
from gfmd.finance.models import Budget, BudgetLine
from gfmd.finance.rules import funding_access
from gfmd.governance.models import Edition

VIEW = "finance.view_funding"
MANAGE = "finance.manage_funding"


def figure(amount: Decimal | None) -> str | None:
    """A decimal amount as a string ("1748255.00"), so no client reads it as a float."""
    return None if amount is None else f"{amount:f}"


def get_edition(kwargs) -> Edition:
    return get_object_or_404(
        Edition.objects.select_related("process", "chairmanship"),
        process__slug=kwargs["process"],
        number=kwargs["number"],
    )


class FundingView(APIView):
    def get_edition(self) -> Edition:
        if not hasattr(self, "_edition"):
            self._edition = get_edition(self.kwargs)
        return self._edition

    def get_permission_object(self):
        return self.get_edition()

    def get_access(self):
        return funding_access(self.request.user, self.get_edition())


def line_data(line: BudgetLine) -> dict:
    return {
        "id": line.pk,
        "category": line.category,
        "concept": line.concept,
        "amount": figure(line.amount),
        "note": line.note,
        "order": line.order,
        "provenance": line.provenance,
    }


def gap_data(gap) -> dict | None:
    if gap is None:
        return None
    return {
        "currency": gap.currency,
        "budget_total": figure(gap.budget_total),
        "covered": figure(gap.covered),
        "received": figure(gap.received),
        "gap": figure(gap.gap),
        "complete": gap.complete,
        "unconverted": [
            {"currency": t.currency, "amount": figure(t.unconverted)} for t in gap.unconverted
        ],
    }


def budget_data(page, with_lines: bool) -> dict:
    budget, summary = page.budget, page.summary
    return {
        "version": budget.version,
        "title": budget.title,
        "status": budget.status,
        "currency": budget.currency,
        "exchange_rate_note": budget.exchange_rate_note,
        "contingency_percent": figure(budget.contingency_percent),
        "presented_on": budget.presented_on,
        "adopted_on": budget.adopted_on,
        "published": budget.published_at is not None,
        "categories": [
            {
                "name": category.name,
                "subtotal": figure(category.subtotal),
                "lines_without_amount": category.unknown_lines,
                **({"lines": [line_data(line) for line in category.lines]} if with_lines else {}),
            }
            for category in summary.categories
        ],
        "subtotal": figure(summary.subtotal),
        "contingency": figure(summary.contingency),
        "computed_total": figure(summary.computed_total),
        "stated_total": figure(budget.stated_total),
        "total": figure(summary.total),
        "own_resources": figure(budget.own_resources),
        "external_funding": figure(budget.external_funding),
        "warnings": [vars(w) for w in page.warnings],
        "provenance": budget.provenance,
    }


def spending_data(spending) -> dict | None:
    if spending is None:
        return None
    return {
        "version": spending.budget.version,
        "spent": figure(spending.spent),
        "lines": [
            {
                "line": row.line.pk,
                "concept": row.line.concept,
                "budgeted": figure(row.budgeted),
                "spent": figure(row.spent),
                "remaining": figure(row.remaining),
                "overspent": row.overspent,
            }
            for row in spending.lines
        ],
        "warnings": spending.warnings(),
    }


class BudgetDetail(FundingView):
    """The edition's budget as the caller may see it: the version in force (or ``?version=``),
    by category; lines for those who may read them; spending for those who keep or kept the
    books. 404 when no budget is visible to the caller."""

    permission_required = {"GET": VIEW}

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "version", int, required=False, description=f"1 to {MAX_VERSION}; 400 otherwise"
            )
        ],
        responses={200: dict},
    )
    def get(self, request, **kwargs):
        edition = self.get_edition()
        version = parse_version(request.query_params.get("version"))
        page = funding_page(edition, self.get_access(), version)
        if page.budget is None:
            raise NotFound("No budget of this edition is visible to you.")
        with_lines = request.user.has_perm("finance.view_budget_lines", page.budget)
        return Response(
            {
                "edition": str(edition),
                "versions": [{"version": b.version, "status": b.status} for b in page.budgets],
                "budget": budget_data(page, with_lines),
                "funding_gap": gap_data(page.gap),
                "spending": spending_data(page.spending),
            }
        )


def contribution_data(contribution, budget_currency: str | None) -> dict:
    return {
        "id": contribution.pk,
        "contributor": contribution.contributor,
        "contributor_kind": contribution.contributor_kind,
        "state": contribution.state.iso3 if contribution.state_id else None,
        "organisation": contribution.organisation_id,
        "kind": contribution.kind,
        "amount": figure(contribution.amount),
        "currency": contribution.currency or None,
        "exchange_rate": figure(contribution.exchange_rate),
        "rate_note": contribution.rate_note,
        "amount_in_budget_currency": figure(converted_amount(contribution, budget_currency)),
        "in_kind_types": contribution.in_kind_types,
        "description": contribution.description,
        "purpose": contribution.purpose,
        "earmarked": contribution.earmarked,
        "status": contribution.status,
        "pledged_on": contribution.pledged_on,
        "received_on": contribution.received_on,
        "published": contribution.published_at is not None,
        "provenance": contribution.provenance,
    }


class ContributionSerializer(serializers.Serializer):
    contributor_kind = serializers.ChoiceField(choices=ContributorKind.choices)
    state = StateCodeField(required=False, help_text="ISO 3166 alpha-3 code, e.g. NOR")
    organisation = serializers.IntegerField(required=False, help_text="id of an organisation")
    contributor_name = serializers.CharField(max_length=250, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=ContributionKind.choices)
    amount = serializers.DecimalField(max_digits=16, decimal_places=2, required=False)
    currency = serializers.CharField(max_length=8, required=False, allow_blank=True)
    exchange_rate = serializers.DecimalField(max_digits=18, decimal_places=6, required=False)
    rate_note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    in_kind_types = serializers.ListField(
        child=serializers.ChoiceField(choices=InKindType.choices), required=False
    )
    description = serializers.CharField(required=False, allow_blank=True)
    purpose = serializers.CharField(max_length=300, required=False, allow_blank=True)
    earmarked = serializers.BooleanField(required=False, default=True)
    status = serializers.ChoiceField(
        choices=ContributionStatus.choices, required=False, default=ContributionStatus.PLEDGED
    )
    pledged_on = serializers.DateField(required=False, allow_null=True)
    received_on = serializers.DateField(required=False, allow_null=True)


class Contributions(FundingView):
    """GET: the contributions the caller may see (published ones for everyone, a focal point's
    own state's, all of them for the Support Unit), with totals per currency and the funding
    gap. POST: the Support Unit of the edition's chairmanship records a contribution; it is not
    public until the Support Unit publishes the list."""

    permission_required = {"GET": VIEW, "POST": MANAGE}

    @extend_schema(responses={200: dict})
    def get(self, request, **kwargs):
        edition = self.get_edition()
        access = self.get_access()
        contributions, currency = edition_contributions(edition, access)
        return Response(
            {
                "edition": str(edition),
                "budget_currency": currency,
                "contributions": [contribution_data(c, currency) for c in contributions],
                "totals_by_currency": [
                    {
                        "currency": t.currency,
                        "pledged": figure(t.pledged),
                        "received": figure(t.received),
                        "count": t.count,
                    }
                    for t in totals_by_currency(contributions, currency)
                ],
            }
        )

    @extend_schema(request=ContributionSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        edition = self.get_edition()
        data = ContributionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        if "organisation" in fields:
            organisation = Organisation.objects.filter(pk=fields["organisation"]).first()
            if organisation is None:
                raise DomainError(
                    f"No organisation has the id {fields['organisation']}.", field="organisation"
                )
            fields["organisation"] = organisation
        contribution = record_contribution(edition, **fields)
        return Response(
            contribution_data(contribution, contribution.converted_currency or None),
            status=status.HTTP_201_CREATED,
        )


class BudgetLineSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_VERSION,
        help_text="the budget version; default: the draft being prepared",
    )
    category = serializers.CharField(max_length=200)
    concept = serializers.CharField(max_length=300)
    amount = serializers.DecimalField(
        max_digits=16, decimal_places=2, required=False, allow_null=True
    )
    note = serializers.CharField(required=False, allow_blank=True)
    order = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=MAX_ORDER
    )


class BudgetLines(FundingView):
    """The Support Unit adds a line to a draft budget (a budget once presented or adopted keeps
    its lines: revise it first)."""

    permission_required = {"POST": MANAGE}

    @extend_schema(request=BudgetLineSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        edition = self.get_edition()
        data = BudgetLineSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        version = fields.pop("version", None)
        budgets = Budget.objects.filter(edition=edition)
        budget = (
            budgets.filter(version=version).first()
            if version is not None
            else budgets.filter(status=BudgetStatus.DRAFT).first()
        )
        if budget is None:
            raise DomainError(
                "This edition has no such budget version."
                if version is not None
                else "This edition has no draft budget: start a new version first.",
                field="version",
            )
        line = add_line(budget, **fields)
        return Response(line_data(line), status=status.HTTP_201_CREATED)


class ExpenditureSerializer(serializers.Serializer):
    budget_line = serializers.IntegerField(help_text="id of a line of the budget in force")
    amount = serializers.DecimalField(max_digits=16, decimal_places=2)
    currency = serializers.CharField(max_length=8)
    exchange_rate = serializers.DecimalField(
        max_digits=18, decimal_places=6, required=False, allow_null=True
    )
    date = serializers.DateField()
    description = serializers.CharField(max_length=300)


class Expenditures(FundingView):
    """The Support Unit records an expenditure against a line of the budget in force."""

    permission_required = {"POST": MANAGE}

    @extend_schema(request=ExpenditureSerializer, responses={201: dict})
    def post(self, request, **kwargs):
        edition = self.get_edition()
        data = ExpenditureSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        line = (
            BudgetLine.objects.select_related("budget")
            .filter(pk=fields.pop("budget_line"), budget__edition=edition)
            .first()
        )
        if line is None:
            raise DomainError(
                "This edition's budget has no line with this id.", field="budget_line"
            )
        expenditure = record_expenditure(line, **fields)
        return Response(
            {
                "id": expenditure.pk,
                "budget_line": line.pk,
                "amount": figure(expenditure.amount),
                "currency": expenditure.currency,
                "exchange_rate": figure(expenditure.exchange_rate),
                "amount_in_budget_currency": figure(expenditure.converted_amount),
                "date": expenditure.date,
                "description": expenditure.description,
            },
            status=status.HTTP_201_CREATED,
        )


def finance_paths(edition: str) -> list:
    """The API paths of an edition's funding, under the edition's address (api/urls.py)."""
    from django.urls import path

    prefix = edition
    return [
        path(prefix + "budget", BudgetDetail.as_view(), name="finance_budget"),
        path(prefix + "budget/lines", BudgetLines.as_view(), name="finance_budget_lines"),
        path(prefix + "contributions", Contributions.as_view(), name="finance_contributions"),
        path(prefix + "expenditures", Expenditures.as_view(), name="finance_expenditures"),
    ]
