"""The recommendations with their status as CSV and XLSX, the filters applied."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gfmd.outcomes.interfaces.exports import rows

pytestmark = pytest.mark.django_db


def export(client, fmt: str, **params):
    response = client.get(reverse("outcomes:export", args=["gfmd", 4, fmt]), params)
    assert response.status_code == 200
    return response


def test_csv_has_a_row_per_recommendation_with_its_status(client):
    response = export(client, "csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="recommendations-gfmd-2010.csv"' in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, lines = table[0], table[1:]
    assert header[:4] == ["Reference", "Comes from", "Number", "Recommendation"]
    assert len(lines) == 45
    dubai = next(line for line in lines if line[0] == "Session 2.1, no. 1")
    assert dubai[header.index("Status")] == "in progress"
    assert dubai[header.index("Lead governments")] == "United Arab Emirates"
    assert dubai[header.index("Latest report")] == "2011-01-01"
    assert dubai[header.index("Non-binding")] == "yes"
    assert dubai[header.index("Source")] == "002 L1452-L1453"


def test_xlsx_opens_and_follows_the_filters(client):
    response = export(client, "xlsx", status="in_progress")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert len(values) == 2  # header and the one recommendation in progress
    assert values[1][0] == "Session 2.1, no. 1"


def test_an_unknown_format_is_not_found(client):
    assert client.get(reverse("outcomes:export", args=["gfmd", 4, "pdf"])).status_code == 404


def test_text_that_looks_like_a_formula_is_not_run(recommendation_of):
    from gfmd.outcomes.domain.queries import with_standing

    recommendation = recommendation_of(2010, "1.1", 2)
    recommendation.text_en = '=HYPERLINK("http://example.test")'
    (line,) = rows([with_standing(recommendation)])
    assert line[3].startswith("'=")
