"""The funding loaded from the reports, checked against the sources' figures (002 L2605-L2767,
003 L668-L752)."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from gfmd.finance.domain.budgets import check_budget, summarise_budget
from gfmd.finance.domain.contributions import check_contribution, funding_gap, totals_by_currency
from gfmd.finance.models import Budget, BudgetLine, Contribution

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def budget_2010(mexico_2010):
    return Budget.objects.get(edition=mexico_2010)


def test_the_2010_preliminary_draft_budget(budget_2010):
    assert (budget_2010.title, budget_2010.status, budget_2010.currency) == (
        "Preliminary Draft Budget",
        "presented",
        "EUR",
    )
    assert budget_2010.stated_total == D("1748255")  # FINAL COST, 002 L2660
    assert budget_2010.contingency_percent == D("5")
    assert budget_2010.own_resources == D("1029922.63")
    assert budget_2010.external_funding == D("718332.87")
    assert "19.16 mexican pesos/1 euro" in budget_2010.exchange_rate_note
    assert budget_2010.source_document == "002" and budget_2010.published_at is not None
    lines = list(budget_2010.lines.all())
    assert len(lines) == 14
    assert all(line.source_document == "002" and line.source_lines for line in lines)
    summary = summarise_budget(budget_2010, lines)
    assert [c.name for c in summary.categories] == [
        "Taskforce",
        "Preparatory activities (SG, FOF, others)",
        "General Logistics",
    ]
    assert [c.subtotal for c in summary.categories] == [
        D("96703.75"),
        D("25953.05"),
        D("1542348.43"),
    ]
    assert summary.contingency == D("83250.26")  # the source rounds it: 83,250
    # The two parts add up to 1,748,255.50: the check says so, with the figures.
    warning = next(w for w in check_budget(summary) if w.code == "budget_parts_differ")
    assert "1,748,255.50 EUR" in warning.message and "0.50 EUR" in warning.message


def test_the_2010_international_contributions(mexico_2010):
    contributions = list(Contribution.objects.filter(edition=mexico_2010))
    financial = [c for c in contributions if c.kind == "financial"]
    donors = [c for c in financial if c.contributor_kind != "chair"]
    assert len(donors) == 17
    assert len([c for c in contributions if c.kind == "non_financial"]) == 5
    chair = next(c for c in financial if c.contributor_kind == "chair")
    assert (chair.amount, chair.currency, chair.state.iso3) == (
        D("17368550.40"),
        "MXN",
        "MEX",
    )
    assert chair.converted_amount is None  # no rate is stated for it
    totals = {t.currency: t for t in totals_by_currency(contributions, "EUR")}
    assert sum(c.amount for c in donors if c.currency == "EUR") == D("672535.51")
    assert totals["USD"].total == D("216970.00")
    assert set(totals) == {"EUR", "USD", "AUD", "CHF", "GBP", "MXN"}
    assert {c.purpose for c in donors if not c.earmarked} == {"Unearmarked"}
    netherlands = next(c for c in contributions if c.kind == "non_financial")
    assert netherlands.in_kind_types == ["secondment", "adviser"]
    gap = funding_gap(D("1748255"), "EUR", contributions)
    assert gap.covered == D("672535.51") and not gap.complete
    assert all(c.source_document == "002" and c.source_lines for c in contributions)
    assert all(c.published_at is not None for c in contributions)


def test_the_2007_budget_as_the_source_gives_it(edition):
    budget = Budget.objects.get(edition=edition(2007))
    assert budget.stated_total == D("1592195") and budget.own_resources == D("890000")
    assert budget.external_funding is None  # not stated
    assert budget.source_note.startswith("Inferred.")
    csd = BudgetLine.objects.filter(budget=budget, category="Civil Society Day")
    assert [line.amount for line in csd] == [D("130000.00"), None]  # the total is unknown
    assert BudgetLine.objects.filter(budget=budget, amount__isnull=True).count() == 6
    contributions = list(Contribution.objects.filter(edition=edition(2007)))
    assert len(contributions) == 10
    assert sum(c.amount for c in contributions) == D("1592696")  # 501 more than stated
    gap = funding_gap(budget.stated_total, "EUR", contributions)
    assert gap.surplus == D("501.00")


def test_every_loaded_contribution_passes_the_domain_checks(db):
    for contribution in Contribution.objects.select_related("edition"):
        data = {
            name: getattr(contribution, name)
            for name in (
                "contributor_kind",
                "state",
                "organisation",
                "contributor_name",
                "kind",
                "amount",
                "currency",
                "exchange_rate",
                "in_kind_types",
                "description",
                "purpose",
                "earmarked",
                "status",
            )
        }
        check_contribution(contribution.edition, data, "EUR")


def test_loading_again_changes_nothing_not_even_the_history(db):
    before = (
        Budget.history.count(),
        BudgetLine.history.count(),
        Contribution.history.count(),
    )
    call_command("load_sources", verbosity=0)
    after = (Budget.history.count(), BudgetLine.history.count(), Contribution.history.count())
    assert after == before


def test_the_2010_budget_links_to_its_record_in_the_library(client, budget_2010):
    from gfmd.library.models import Document

    document = budget_2010.document
    assert document.slug == "preliminary-draft-budget" and document.year == 2010
    page = client.get("/en/editions/gfmd/4/funding/").content.decode()
    assert f'href="{document.get_absolute_url()}"' in page
    # A reader who may not read the document is not sent to it.
    Document.objects.filter(pk=document.pk).update(access_level="steering_group")
    page = client.get("/en/editions/gfmd/4/funding/").content.decode()
    assert document.get_absolute_url() not in page
