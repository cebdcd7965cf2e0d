"""The funding API: what the caller may see, amounts as decimal strings; writes through the
same domain rules with JSON errors naming the field; 401/403 for others."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from gfmd.finance.domain.contributions import record_contribution
from gfmd.finance.models import BudgetLine, Contribution, Expenditure
from tests.helpers import token_for

pytestmark = pytest.mark.django_db

BASE_2010 = "/api/v1/editions/gfmd/4/"
BASE_2011 = "/api/v1/editions/gfmd/5/"


@pytest.fixture
def api():
    return APIClient()


def with_token(api, user):
    api.credentials(HTTP_AUTHORIZATION=f"Token {token_for(user)}")
    return api


def test_the_public_reads_the_published_2010_budget(api):
    body = api.get(BASE_2010 + "budget").json()
    budget = body["budget"]
    assert budget["status"] == "presented"
    assert budget["stated_total"] == "1748255.00" and budget["total"] == "1748255.00"
    assert budget["contingency_percent"] == "5.00"
    assert [c["subtotal"] for c in budget["categories"]] == [
        "96703.75",
        "25953.05",
        "1542348.43",
    ]
    assert budget["categories"][0]["lines"][0]["concept"] == "Fees"  # published line by line
    assert budget["warnings"] == []  # the checks are for the Steering Group and the books
    assert body["spending"] is None
    assert body["funding_gap"]["complete"] is False
    assert {u["currency"] for u in body["funding_gap"]["unconverted"]} == {
        "AUD",
        "CHF",
        "GBP",
        "MXN",
        "USD",
    }


def test_no_visible_budget_is_a_404(api):
    response = api.get(BASE_2011 + "budget")
    assert response.status_code == 404
    assert "errors" in response.json()


def test_contributions_with_totals_per_currency(api, mexico_2010, state):
    record_contribution(
        mexico_2010,
        contributor_kind="state",
        state=state("NOR"),
        contributor_name="Synthetic unpublished",
        kind="financial",
        amount=Decimal("1"),
        currency="EUR",
    )
    body = api.get(BASE_2010 + "contributions").json()
    assert body["budget_currency"] == "EUR"
    names = [c["contributor"] for c in body["contributions"]]
    assert "Synthetic unpublished" not in names and len(names) == 23
    totals = {t["currency"]: t for t in body["totals_by_currency"]}
    assert totals["EUR"]["received"] == "672535.51"
    assert totals["USD"]["received"] == "216970.00"
    mexico = body["contributions"][0]
    assert (mexico["contributor_kind"], mexico["amount"], mexico["currency"]) == (
        "chair",
        "17368550.40",
        "MXN",
    )
    assert mexico["amount_in_budget_currency"] is None


def test_staff_record_a_contribution_with_a_token(api, draft_2011, switzerland_staff):
    response = with_token(api, switzerland_staff).post(
        BASE_2011 + "contributions",
        {
            "contributor_kind": "state",
            "state": "NOR",
            "kind": "financial",
            "amount": "1500.00",
            "currency": "USD",
            "exchange_rate": "1.5",
            "purpose": "For participants from developing countries",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["amount"], body["amount_in_budget_currency"], body["published"]) == (
        "1500.00",
        "1000.00",
        False,
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"currency": "EURO"}, "currency"),
        ({"amount": "-5"}, "amount"),
        ({"amount": "abc"}, "amount"),
        ({"kind": "gift"}, "kind"),
        ({"state": "XYZ", "contributor_kind": "state"}, "state"),
        ({"organisation": 999999, "contributor_kind": "organisation"}, "organisation"),
        ({"in_kind_types": ["gold"]}, "in_kind_types"),
    ],
)
def test_bad_contributions_are_json_errors_naming_the_field(
    api, draft_2011, switzerland_staff, data, field
):
    payload = {
        "contributor_kind": "other",
        "contributor_name": "Synthetic API donor",
        "kind": "financial",
        "amount": "10",
        "currency": "EUR",
        **data,
    }
    response = with_token(api, switzerland_staff).post(
        BASE_2011 + "contributions", payload, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Contribution.objects.filter(edition=draft_2011.edition).exists()


def test_writes_are_refused_to_others(api, draft_2011, norway_focal_point, mexico_staff):
    payload = {"contributor_kind": "other", "contributor_name": "X", "kind": "financial"}
    assert api.post(BASE_2011 + "contributions", payload, format="json").status_code == 401
    for user in (norway_focal_point, mexico_staff):
        response = with_token(APIClient(), user).post(
            BASE_2011 + "contributions", payload, format="json"
        )
        assert response.status_code == 403
        assert "errors" in response.json()
    line = {"category": "X", "concept": "Y", "amount": "1"}
    assert (
        with_token(APIClient(), mexico_staff)
        .post(BASE_2011 + "budget/lines", line, format="json")
        .status_code
        == 403
    )
    assert not Contribution.objects.filter(edition=draft_2011.edition).exists()


def test_staff_add_a_line_to_the_draft(api, draft_2011, switzerland_staff):
    client = with_token(api, switzerland_staff)
    response = client.post(
        BASE_2011 + "budget/lines",
        {"category": "Logistics", "concept": "Synthetic catering", "amount": "300.25"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["amount"] == "300.25"
    refused = client.post(
        BASE_2011 + "budget/lines",
        {"category": "Logistics", "concept": "Bad", "amount": "-1"},
        format="json",
    )
    assert refused.status_code == 400 and "amount" in refused.json()["errors"]
    missing = client.post(BASE_2011 + "budget/lines", {"category": "Logistics"}, format="json")
    assert missing.status_code == 400 and "concept" in missing.json()["errors"]
    unknown = client.post(
        BASE_2011 + "budget/lines",
        {"version": 9, "category": "Logistics", "concept": "X"},
        format="json",
    )
    assert unknown.status_code == 400 and "version" in unknown.json()["errors"]
    assert not BudgetLine.objects.filter(concept__in=["Bad", "X"]).exists()


def test_staff_record_an_expenditure(api, draft_2011, switzerland_staff):
    client = with_token(api, switzerland_staff)
    fees = draft_2011.lines.get(concept="Fees")
    payload = {
        "budget_line": fees.pk,
        "amount": "120",
        "currency": "USD",
        "date": "2011-03-01",
        "description": "Synthetic taxi",
    }
    refused = client.post(BASE_2011 + "expenditures", payload, format="json")
    assert refused.status_code == 400
    assert "exchange_rate" in refused.json()["errors"]
    assert not Expenditure.objects.exists()
    wrong_line = client.post(
        BASE_2011 + "expenditures", {**payload, "budget_line": 999999}, format="json"
    )
    assert wrong_line.status_code == 400 and "budget_line" in wrong_line.json()["errors"]
    response = client.post(
        BASE_2011 + "expenditures", {**payload, "exchange_rate": "1.2"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["amount_in_budget_currency"] == "100.00"
    body = client.get(BASE_2011 + "budget").json()
    fees_row = next(r for r in body["spending"]["lines"] if r["concept"] == "Fees")
    assert (fees_row["spent"], fees_row["overspent"]) == ("100.00", False)


def test_the_schema_lists_the_funding_operations(api):
    schema = api.get("/api/v1/openapi.json").json()
    assert "/api/v1/editions/{process}/{number}/contributions" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/editions/{process}/{number}/expenditures"]


@pytest.mark.parametrize("version", ["²", "٣", "0", "abc", "99999999999999999999"])
def test_a_malformed_version_is_a_400_naming_it(api, version):
    response = api.get(BASE_2010 + "budget", {"version": version})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "whole number from 1 to 32767" in errors["version"][0]
    assert api.get(BASE_2010 + "budget", {"version": "1"}).status_code == 200


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"order": 10**20}, "order"),
        ({"order": 2_147_483_648}, "order"),
        ({"order": -1}, "order"),
        ({"version": 10**20}, "version"),
        ({"version": 0}, "version"),
    ],
)
def test_a_line_beyond_the_columns_is_a_400_naming_the_field(
    api, draft_2011, switzerland_staff, fields, field
):
    client = with_token(api, switzerland_staff)
    response = client.post(
        BASE_2011 + "budget/lines",
        {"category": "Logistics", "concept": "Synthetic bound", **fields},
        format="json",
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not BudgetLine.objects.filter(concept="Synthetic bound").exists()


def test_the_largest_order_is_accepted(api, draft_2011, switzerland_staff):
    client = with_token(api, switzerland_staff)
    response = client.post(
        BASE_2011 + "budget/lines",
        {"category": "Logistics", "concept": "Synthetic last", "order": 2_147_483_647},
        format="json",
    )
    assert response.status_code == 201 and response.json()["order"] == 2_147_483_647


def test_a_conversion_too_large_for_the_books_is_a_400(api, draft_2011, switzerland_staff):
    client = with_token(api, switzerland_staff)
    response = client.post(
        BASE_2011 + "contributions",
        {
            "contributor_kind": "other",
            "contributor_name": "Synthetic overflow",
            "kind": "financial",
            "amount": "99999999999999.99",
            "currency": "USD",
            "exchange_rate": "0.000001",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "cannot hold" in response.json()["errors"]["exchange_rate"][0]
    assert not Contribution.objects.filter(contributor_name="Synthetic overflow").exists()
