"""CSV and XLSX of the budget and the contributions, with what the reader may see."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gfmd.finance.domain.budgets import add_line, create_budget, present_budget, publish_budget
from gfmd.finance.domain.contributions import record_contribution

pytestmark = pytest.mark.django_db


def export(client, name, number, fmt, query=""):
    response = client.get(reverse(f"finance:{name}", args=["gfmd", number, fmt]) + query)
    assert response.status_code == 200
    return response


def rows_of_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_2010_budget_as_csv_has_every_line_and_the_totals(client):
    rows = rows_of_csv(export(client, "budget_export", 4, "csv"))
    assert rows[0][:4] == ["Category", "Concept", "Amount", "Subtotal"]
    fees = next(r for r in rows if r[1] == "Fees")
    assert (fees[0], fees[2], fees[5]) == ("Taskforce", "34994.86", "002 L2621, L2672-L2683")
    subtotals = [r[3] for r in rows if r[1] == "Subtotal"]
    assert subtotals == ["96703.75", "25953.05", "1542348.43"]
    assert next(r for r in rows if r[0] == "Contingency")[:4] == [
        "Contingency",
        "5 %",
        "",
        "83250.26",
    ]
    stated = next(r for r in rows if r[1] == "As stated")
    assert stated[3] == "1748255.00"


def test_the_budget_as_xlsx_keeps_amounts_as_numbers(client):
    response = export(client, "budget_export", 4, "xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    fees = next(r for r in values if r[1] == "Fees")
    assert fees[2] == pytest.approx(34994.86)
    assert not isinstance(fees[2], str)


def test_a_published_summary_exports_categories_only(client, switzerland_2011):
    budget = create_budget(switzerland_2011, currency="CHF")
    add_line(budget, category="Synthetic category", concept="Hidden", amount=Decimal("10"))
    present_budget(budget)
    publish_budget(budget)
    rows = rows_of_csv(export(client, "budget_export", 5, "csv"))
    assert not any(r[1] == "Hidden" for r in rows)
    assert ["Synthetic category", "Subtotal", "", "10.00"] in [r[:4] for r in rows]


def test_no_visible_budget_is_a_404(client):
    assert client.get(reverse("finance:budget_export", args=["gfmd", 5, "csv"])).status_code == 404
    assert client.get(reverse("finance:budget_export", args=["gfmd", 4, "pdf"])).status_code == 404


def test_contributions_export_what_the_reader_may_see(client, mexico_2010, state, mexico_staff):
    record_contribution(
        mexico_2010,
        contributor_kind="state",
        state=state("NOR"),
        contributor_name="Synthetic unpublished",
        kind="financial",
        amount=Decimal("1"),
        currency="EUR",
    )
    rows = rows_of_csv(export(client, "contributions_export", 4, "csv"))
    assert rows[0][:4] == ["Contributor", "Kind", "Amount", "Currency"]
    assert len(rows) == 1 + 23  # 18 financial and 5 non-financial rows of Annex 4
    assert rows[2][:4] == ["Argentina", "financial", "1000.00", "USD"]
    assert not any(r[0] == "Synthetic unpublished" for r in rows)
    client.force_login(mexico_staff)
    sheet = load_workbook(
        io.BytesIO(export(client, "contributions_export", 4, "xlsx").content)
    ).active
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert "Synthetic unpublished" in names and len(names) == 24
