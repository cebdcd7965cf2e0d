"""The rules of the Forum's funding as plain functions: budget totals, contingency, versions,
currencies, contributions and the funding gap; every hard error saves nothing
(test_spending.py: spending and carry-over; test_bounds.py: what the columns hold)."""

import datetime
from decimal import Decimal

import pytest

from gfmd.common.errors import DomainError
from gfmd.finance.domain.budgets import (
    add_line,
    adopt_budget,
    budget_in_force,
    check_budget,
    create_budget,
    present_budget,
    publish_budget,
    remove_line,
    revise_budget,
    summarise_budget,
    unpublish_budget,
    update_budget,
    update_line,
)
from gfmd.finance.domain.contributions import (
    funding_gap,
    publish_contributions,
    received_today,
    record_contribution,
    totals_by_currency,
    update_contribution,
)
from gfmd.finance.domain.money import check_amount, check_currency, convert
from gfmd.finance.models import Budget, Contribution

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


# ---------------------------------------------------------------- budget totals


def test_totals_by_category_with_the_contingency_computed(draft_2011):
    summary = summary_of(draft_2011)
    assert [(c.name, c.subtotal) for c in summary.categories] == [
        ("Taskforce", D("1500.50")),
        ("Logistics", D("2000.00")),
    ]
    assert summary.subtotal == D("3500.50")
    assert summary.contingency == D("175.03")  # 5 % of 3,500.50 = 175.025, rounded half up
    assert summary.computed_total == summary.total == D("3675.53")


def test_lines_without_an_amount_are_counted_apart_and_warned(draft_2011):
    add_line(draft_2011, category="Logistics", concept="Catering")
    summary = summary_of(draft_2011)
    assert summary.categories[1].unknown_lines == 1
    assert summary.subtotal == D("3500.50")
    assert not summary.complete
    assert "budget_lines_unknown" in codes(check_budget(summary))


def test_the_two_parts_must_add_up_to_the_total(draft_2011):
    assert "budget_parts_missing" in codes(check_budget(summary_of(draft_2011)))
    update_budget(draft_2011, own_resources=D("3000.00"), external_funding=D("600.00"))
    warnings = check_budget(summary_of(draft_2011))
    differ = next(w for w in warnings if w.code == "budget_parts_differ")
    assert "3,600.00 EUR" in differ.message and "3,675.53 EUR" in differ.message
    assert "75.53 EUR" in differ.message
    assert "003 L9613-L9616" in differ.source
    update_budget(draft_2011, external_funding=D("675.53"))
    assert not check_budget(summary_of(draft_2011))


def test_a_stated_total_that_differs_from_the_lines_is_warned(draft_2011):
    update_budget(
        draft_2011,
        stated_total=D("3675"),
        own_resources=D("3000"),
        external_funding=D("675"),
    )
    summary = summary_of(draft_2011)
    assert summary.total == D("3675")  # the document's figure
    warning = next(w for w in check_budget(summary) if w.code == "budget_total_differs")
    assert "0.53 EUR" in warning.message


def test_a_second_draft_is_refused_and_versions_are_numbered(switzerland_2011, draft_2011):
    with pytest.raises(DomainError, match="still a draft"):
        create_budget(switzerland_2011, currency="EUR")
    present_budget(draft_2011)
    second = create_budget(switzerland_2011, currency="CHF")
    assert (draft_2011.version, second.version) == (1, 2)


def test_a_presented_budget_keeps_its_figures_and_lines(draft_2011):
    present_budget(draft_2011, datetime.date(2011, 2, 1))
    line = draft_2011.lines.first()
    with pytest.raises(DomainError, match="revise") as error:
        update_budget(draft_2011, contingency_percent=D("10"))
    assert error.value.field == "contingency_percent"
    with pytest.raises(DomainError, match="revise"):
        add_line(draft_2011, category="X", concept="Y", amount=D("1"))
    with pytest.raises(DomainError, match="revise"):
        update_line(line, amount=D("1"))
    with pytest.raises(DomainError, match="revise"):
        remove_line(line)
    draft_2011.refresh_from_db()
    assert draft_2011.contingency_percent == D("5.00")
    assert draft_2011.lines.count() == 3
    update_budget(draft_2011, note="Words may change")  # not a figure


def test_presenting_adopting_and_revising(switzerland_2011, draft_2011):
    present_budget(draft_2011, datetime.date(2011, 2, 1))
    assert draft_2011.presented_on == datetime.date(2011, 2, 1)
    revision = revise_budget(draft_2011)
    assert revision.version == 2 and revision.status == "draft"
    assert sorted(revision.lines.values_list("lineage", flat=True)) == sorted(
        draft_2011.lines.values_list("lineage", flat=True)
    )
    assert budget_in_force(Budget.objects.filter(edition=switzerland_2011)) == draft_2011
    adopt_budget(revision, datetime.date(2011, 3, 1))
    draft_2011.refresh_from_db()
    assert draft_2011.status == "superseded"
    assert budget_in_force(Budget.objects.filter(edition=switzerland_2011)) == revision
    with pytest.raises(DomainError):
        adopt_budget(draft_2011)
    with pytest.raises(DomainError, match="Only a draft"):
        present_budget(revision)


def test_publication_is_an_explicit_action_on_a_presented_budget(draft_2011):
    with pytest.raises(DomainError, match="present it"):
        publish_budget(draft_2011)
    assert Budget.objects.get(pk=draft_2011.pk).published_at is None
    present_budget(draft_2011)
    publish_budget(draft_2011)
    assert draft_2011.published_at is not None and not draft_2011.lines_published
    with pytest.raises(DomainError, match="already published"):
        publish_budget(draft_2011)
    publish_budget(draft_2011, with_lines=True)
    assert draft_2011.lines_published
    unpublish_budget(draft_2011)
    assert draft_2011.published_at is None and not draft_2011.lines_published
    reasons = list(draft_2011.history.values_list("history_change_reason", flat=True))
    assert "Summary published." in reasons and "Publication withdrawn." in reasons


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"currency": "EURO"}, "currency", "Unknown currency code"),
        ({"currency": ""}, "currency", "Give the currency"),
        ({"currency": "EUR", "contingency_percent": D("-1")}, "contingency_percent", "negative"),
        ({"currency": "EUR", "contingency_percent": D("101")}, "contingency_percent", "0 to 100"),
        ({"currency": "EUR", "own_resources": D("-5")}, "own_resources", "negative"),
    ],
)
def test_a_bad_budget_is_refused_and_nothing_saved(switzerland_2011, fields, field, message):
    with pytest.raises(DomainError, match=message) as error:
        create_budget(switzerland_2011, **fields)
    assert error.value.field == field
    assert not Budget.objects.filter(edition=switzerland_2011).exists()


@pytest.mark.parametrize(
    ("amount", "message"),
    [(D("-0.01"), "negative"), ("12,5", "not an amount"), (D("1.005"), "two decimals")],
)
def test_a_bad_line_is_refused_and_nothing_saved(draft_2011, amount, message):
    with pytest.raises(DomainError, match=message) as error:
        add_line(draft_2011, category="Taskforce", concept="Bad", amount=amount)
    assert error.value.field == "amount"
    assert draft_2011.lines.count() == 3


def test_currency_codes_are_iso_4217():
    assert check_currency(" mxn ") == "MXN"
    assert check_currency("VEF") == "VEF"  # withdrawn in 2018, may be in a historical record
    for code in ("EURO", "XXX", "US$", "ABC"):
        with pytest.raises(DomainError, match="ISO 4217"):
            check_currency(code)
    assert check_amount("1748255") == D("1748255.00")


# ---------------------------------------------------------------- contributions


def test_contributions_are_totalled_per_currency_and_never_added_across(draft_2011):
    edition = draft_2011.edition
    eur(edition, "1000")
    eur(edition, "250.50", status="received", received_on=datetime.date(2011, 5, 1))
    eur(edition, "300", currency="USD")
    eur(edition, "99", currency="GBP", status="withdrawn")
    totals = {t.currency: t for t in totals_by_currency(edition.contributions.all(), "EUR")}
    assert set(totals) == {"EUR", "USD"}  # withdrawn pledges do not count
    assert (totals["EUR"].pledged, totals["EUR"].received) == (D("1000.00"), D("250.50"))
    assert totals["EUR"].converted == D("1250.50")
    assert totals["USD"].total == totals["USD"].unconverted == D("300.00")
    assert [t.currency for t in totals_by_currency(edition.contributions.all(), "EUR")] == [
        "EUR",
        "USD",
    ]


def test_funding_gap_without_a_rate_names_the_unconverted_currency(draft_2011):
    edition = draft_2011.edition
    eur(edition, "1000")
    usd = eur(edition, "500", currency="USD")
    assert usd.converted_amount is None and usd.converted_currency == ""
    gap = funding_gap(D("3675.53"), "EUR", edition.contributions.all())
    assert gap.covered == D("1000.00")
    assert gap.gap == D("2675.53")
    assert not gap.complete
    assert "500.00 USD" in gap.unconverted_message()


def test_funding_gap_with_a_rate(draft_2011):
    edition = draft_2011.edition
    eur(edition, "1000", status="received")
    usd = eur(edition, "500", currency="USD", exchange_rate=D("1.25"))
    assert (usd.converted_amount, usd.converted_currency) == (D("400.00"), "EUR")
    gap = funding_gap(D("3675.53"), "EUR", edition.contributions.all())
    assert gap.complete
    assert (gap.covered, gap.received, gap.gap) == (D("1400.00"), D("1000.00"), D("2275.53"))


def test_contributions_beyond_the_total_show_a_surplus(draft_2011):
    eur(draft_2011.edition, "4000")
    gap = funding_gap(D("3675.53"), "EUR", draft_2011.edition.contributions.all())
    assert gap.gap == D("-324.47") and gap.surplus == D("324.47")


def test_a_conversion_into_an_earlier_budget_currency_is_not_counted(draft_2011):
    usd = eur(draft_2011.edition, "500", currency="USD", exchange_rate=D("1.25"))
    assert converted_into(usd, "CHF") is None


def converted_into(contribution, currency):
    from gfmd.finance.domain.contributions import converted_amount

    return converted_amount(contribution, currency)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"amount": D("-1")}, "amount", "negative"),
        ({"amount": None}, "amount", "Give the amount"),
        ({"currency": "EURO"}, "currency", "Unknown currency code"),
        ({"currency": "EUR", "exchange_rate": D("1.1")}, "exchange_rate", "leave the rate"),
        ({"currency": "USD", "exchange_rate": D("0")}, "exchange_rate", "above zero"),
        ({"contributor_kind": "state"}, "state", "contributing state"),
        ({"contributor_kind": "other", "contributor_name": ""}, "contributor_name", "name"),
        ({"received_on": datetime.date(2011, 1, 1)}, "status", "received"),
        (
            {
                "status": "received",
                "pledged_on": datetime.date(2011, 2, 1),
                "received_on": datetime.date(2011, 1, 1),
            },
            "received_on",
            "before it was pledged",
        ),
        ({"in_kind_types": ["venue"]}, "in_kind_types", "separately"),
    ],
)
def test_a_bad_contribution_is_refused_and_nothing_saved(draft_2011, fields, field, message):
    data = {
        "contributor_kind": "other",
        "contributor_name": "Synthetic donor",
        "kind": "financial",
        "amount": D("10"),
        "currency": "EUR",
        **fields,
    }
    with pytest.raises(DomainError, match=message) as error:
        record_contribution(draft_2011.edition, **data)
    assert error.value.field == field
    assert not Contribution.objects.filter(edition=draft_2011.edition).exists()


def test_a_rate_needs_a_budget(switzerland_2011):
    with pytest.raises(DomainError, match="budget first") as error:
        eur(switzerland_2011, "10", currency="USD", exchange_rate=D("1.1"))
    assert error.value.field == "exchange_rate"
    assert not Contribution.objects.filter(edition=switzerland_2011).exists()


def test_a_non_financial_contribution_says_what_it_gives(switzerland_2011, state):
    with pytest.raises(DomainError, match="no amount"):
        record_contribution(
            switzerland_2011,
            contributor_kind="state",
            state=state("NLD"),
            kind="non_financial",
            amount=D("5"),
            description="Secondment",
        )
    with pytest.raises(DomainError, match="Say what"):
        record_contribution(
            switzerland_2011, contributor_kind="state", state=state("NLD"), kind="non_financial"
        )
    given = record_contribution(
        switzerland_2011,
        contributor_kind="state",
        state=state("NLD"),
        kind="non_financial",
        in_kind_types=["adviser", "secondment"],
        description="Secondment, International Advisor",
    )
    assert given.in_kind_types == ["secondment", "adviser"]
    assert given.amount is None and given.currency == ""
    assert str(given) == "Netherlands"


def test_publishing_contributions_publishes_every_pending_one_but_withdrawn(draft_2011):
    edition = draft_2011.edition
    eur(edition, "10")
    eur(edition, "20", status="withdrawn")
    assert publish_contributions(edition) == 1
    assert edition.contributions.filter(published_at__isnull=False).count() == 1
    with pytest.raises(DomainError, match="already published"):
        publish_contributions(edition)


def test_a_pledge_is_received(draft_2011):
    pledge = eur(draft_2011.edition, "10")
    received_today(pledge, datetime.date(2011, 4, 1))
    assert (pledge.status, pledge.received_on) == ("received", datetime.date(2011, 4, 1))
    with pytest.raises(DomainError, match="already received"):
        received_today(pledge)
    update_contribution(pledge, purpose="Unearmarked", earmarked=False)
    assert Contribution.objects.get(pk=pledge.pk).purpose == "Unearmarked"


def test_convert_divides_by_the_rate_and_rounds_half_up():
    assert convert(D("17368550.40"), "MXN", D("19.16"), "EUR").converted_amount == D("906500.54")
    assert convert(D("10"), "USD", None, "EUR").converted_amount is None
