"""What the books can hold: amounts, rates, orders and versions within their columns; two new
budget versions at once."""

import datetime
from decimal import Decimal

import pytest

from gfmd.common.errors import DomainError
from gfmd.finance.domain.budgets import (
    add_line,
    adopt_budget,
    create_budget,
    parse_version,
    revise_budget,
    summarise_budget,
    update_line,
)
from gfmd.finance.domain.contributions import (
    record_contribution,
)
from gfmd.finance.domain.money import check_amount, check_rate, convert
from gfmd.finance.domain.spending import record_expenditure
from gfmd.finance.models import Budget, BudgetLine, Contribution, Expenditure
from tests.finance.test_spending import line_of

pytestmark = pytest.mark.django_db
D = Decimal


def summary_of(budget):
    return summarise_budget(budget, list(budget.lines.all()))


def codes(warnings):
    return [w.code for w in warnings]


def eur(edition, amount, **fields):
    return record_contribution(
        edition,
        contributor_kind=fields.pop("contributor_kind", "other"),
        contributor_name=fields.pop("contributor_name", "Synthetic donor"),
        kind="financial",
        amount=D(amount),
        currency=fields.pop("currency", "EUR"),
        **fields,
    )


# ---------------------------------------------------------------- bounds of the columns


def test_a_conversion_that_would_not_fit_the_books_is_refused():
    """99,999,999,999,999.99 is the most a numeric(16, 2) holds; a large amount at a tiny rate
    would overflow it in PostgreSQL (a 500), so the domain names the rate instead."""
    with pytest.raises(DomainError, match="cannot hold") as error:
        convert(D("99999999999999.99"), "USD", D("0.000001"), "EUR")
    assert error.value.field == "exchange_rate"
    with pytest.raises(DomainError, match="cannot hold"):
        convert(D("100000000"), "USD", D("0.000001"), "EUR")  # 1e14 exactly
    fits = convert(D("99999999.99"), "USD", D("1"), "EUR")
    assert fits.converted_amount == D("99999999.99")
    assert convert(D("99999999"), "USD", D("0.000001"), "EUR").converted_amount == D(
        "99999999000000.00"
    )


def test_a_contribution_or_expenditure_that_would_overflow_saves_nothing(draft_2011):
    with pytest.raises(DomainError, match="cannot hold") as error:
        eur(draft_2011.edition, "99999999999999.99", currency="USD", exchange_rate=D("0.000001"))
    assert error.value.field == "exchange_rate"
    assert not Contribution.objects.filter(edition=draft_2011.edition).exists()
    with pytest.raises(DomainError, match="cannot hold"):
        record_expenditure(
            line_of(draft_2011, "Fees"),
            amount=D("99999999999999.99"),
            currency="USD",
            exchange_rate=D("0.000001"),
            date=datetime.date(2011, 3, 1),
            description="Synthetic overflow",
        )
    assert not Expenditure.objects.exists()


@pytest.mark.parametrize(
    ("value", "check", "field"),
    [
        (D("1e14"), check_amount, "amount"),
        (D("1e30"), check_amount, "amount"),  # once a 500: quantizing it failed first
        ("1e40", check_amount, "amount"),
        (D("1e12"), check_rate, "exchange_rate"),
        (D("1e30"), check_rate, "exchange_rate"),
        (D("0.0000001"), check_rate, "exchange_rate"),
    ],
)
def test_amounts_and_rates_are_bounded_by_their_columns(value, check, field):
    with pytest.raises(DomainError) as error:
        check(value)
    assert error.value.field == field


@pytest.mark.parametrize(
    ("order", "message"),
    [(10**20, "at most 2147483647"), (2_147_483_648, "at most"), (-1, "negative"), ("²", "whole")],
)
def test_a_line_order_beyond_the_column_is_refused(draft_2011, order, message):
    with pytest.raises(DomainError, match=message) as error:
        add_line(draft_2011, category="Taskforce", concept="Synthetic", order=order)
    assert error.value.field == "order"
    line = draft_2011.lines.get(concept="Fees")
    with pytest.raises(DomainError, match=message):
        update_line(line, order=order)
    assert draft_2011.lines.count() == 3
    assert BudgetLine.objects.get(pk=line.pk).order == line.order


def test_the_largest_order_is_kept_and_the_next_line_does_not_overflow(draft_2011):
    last = add_line(draft_2011, category="Taskforce", concept="Last", order=2_147_483_647)
    assert BudgetLine.objects.get(pk=last.pk).order == 2_147_483_647
    after = add_line(draft_2011, category="Taskforce", concept="After")
    assert after.order == 2_147_483_647


def test_a_contribution_order_beyond_the_column_is_refused(draft_2011):
    with pytest.raises(DomainError, match="at most") as error:
        eur(draft_2011.edition, "10", order=10**20)
    assert error.value.field == "order"
    assert not Contribution.objects.filter(edition=draft_2011.edition).exists()


@pytest.mark.parametrize("text", ["²", "٣", "0", "-1", "1.5", "abc", "32768", "9" * 30])
def test_a_malformed_version_is_refused(text):
    with pytest.raises(DomainError, match="whole number from 1 to 32767") as error:
        parse_version(text)
    assert error.value.field == "version"


def test_a_version_is_read_from_ascii_digits():
    assert parse_version(None) is None and parse_version("") is None
    assert parse_version(" 2 ") == 2 and parse_version("32767") == 32767


# ---------------------------------------------------------------- two new versions at once


def test_a_version_number_taken_meanwhile_is_a_domain_error(switzerland_2011, monkeypatch):
    """Two requests for a new version: the second finds the number it computed taken (the
    unique constraint) and is told to reload, rather than failing with a 500."""
    first = create_budget(switzerland_2011, currency="EUR")
    adopt_budget(first)
    monkeypatch.setattr("gfmd.finance.domain.budgets.next_version", lambda edition: 1)
    with pytest.raises(DomainError, match="at the same moment"):
        create_budget(switzerland_2011, currency="EUR")
    assert list(
        Budget.objects.filter(edition=switzerland_2011).values_list("version", flat=True)
    ) == [1]


def test_a_revision_whose_number_is_taken_saves_nothing(draft_2011, monkeypatch):
    adopt_budget(draft_2011)
    monkeypatch.setattr("gfmd.finance.domain.budgets.next_version", lambda edition: 1)
    with pytest.raises(DomainError, match="at the same moment"):
        revise_budget(draft_2011)
    assert Budget.objects.filter(edition=draft_2011.edition).count() == 1
    assert BudgetLine.objects.filter(budget__edition=draft_2011.edition).count() == 3


def test_a_new_version_locks_the_edition(switzerland_2011):
    """The edition's row is locked before the version is numbered (FOR UPDATE on PostgreSQL;
    SQLite serialises writers and drops the clause)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        create_budget(switzerland_2011, currency="EUR")
    statements = [q["sql"] for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert 'FROM "governance_edition"' in statements[0], "the edition is locked first"
    if connection.features.has_select_for_update:
        assert statements[0].rstrip().endswith("FOR UPDATE")
