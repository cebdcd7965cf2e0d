"""The budget and the contributions as CSV and XLSX, with what the reader may see: a published
summary shows its categories, those who may read the lines get every line. Laid out as the 2010
report's annexes: "Concept | Cost | Subtotal | Total" (002 L2615-L2617) and "Donors | Amount |
Purpose" (002 L2718)."""

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from ..domain.budgets import BudgetSummary

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def budget_header() -> list[str]:
    return [_("Category"), _("Concept"), _("Amount"), _("Subtotal"), _("Note"), _("Source")]


def budget_table(summary: BudgetSummary, *, with_lines: bool) -> list[list]:
    """One row per line (or per category when the lines are not shown), then the
    contingency, the total and the two parts of the budget."""
    budget = summary.budget
    rows: list[list] = []
    for category in summary.categories:
        if with_lines:
            for line in category.lines:
                rows.append(
                    [
                        category.name,
                        line.concept,
                        line.amount,
                        None,
                        line.note,
                        line.provenance,
                    ]
                )
        unknown = (
            _("%(count)d line(s) without a known amount") % {"count": category.unknown_lines}
            if category.unknown_lines
            else ""
        )
        rows.append([category.name, _("Subtotal"), None, category.subtotal, unknown, ""])
    rows.append(
        [
            _("Contingency"),
            f"{budget.contingency_percent.normalize():f} %",
            None,
            summary.contingency,
            "",
            "",
        ]
    )
    rows.append([_("Total"), _("Lines and contingency"), None, summary.computed_total, "", ""])
    if budget.stated_total is not None:
        rows.append([_("Total"), _("As stated"), None, budget.stated_total, "", budget.provenance])
    rows.append(
        [
            _("Contributions"),
            _("Covered by the Chair's own resources"),
            None,
            budget.own_resources,
            "",
            "",
        ]
    )
    rows.append(
        [_("Contributions"), _("Requiring external funding"), None, budget.external_funding, "", ""]
    )
    return rows


def contributions_header() -> list[str]:
    return [
        _("Contributor"),
        _("Kind"),
        _("Amount"),
        _("Currency"),
        _("Exchange rate"),
        _("Amount in the budget's currency"),
        _("Purpose"),
        _("Earmarked"),
        _("What is given"),
        _("Description"),
        _("Status"),
        _("Pledged on"),
        _("Received on"),
        _("Published"),
        _("Source"),
    ]


def contributions_table(contributions, budget_currency: str | None) -> list[list]:
    from ..domain.contributions import converted_amount
    from ..enums import InKindType

    rows = []
    for c in contributions:
        rows.append(
            [
                c.contributor,
                c.get_kind_display(),
                c.amount,
                c.currency,
                c.exchange_rate,
                converted_amount(c, budget_currency),
                c.purpose,
                _("yes") if c.earmarked else _("no"),
                "; ".join(str(InKindType(t).label) for t in c.in_kind_types),
                c.description,
                c.get_status_display(),
                c.pledged_on.isoformat() if c.pledged_on else "",
                c.received_on.isoformat() if c.received_on else "",
                _("yes") if c.published_at else _("no"),
                c.provenance,
            ]
        )
    return rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def as_csv(header: list[str], table: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([[_text(v) for v in row] for row in table])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheets read UTF-8


def as_xlsx(title: str, header: list[str], table: list[list]) -> bytes:
    """Amounts stay numbers (Decimal) with two decimals, so the sheet can add them up."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table:
        sheet.append(row)
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 24
        for cell in column[1:]:
            if isinstance(cell.value, (int, float, Decimal)):
                cell.number_format = "#,##0.00##"
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
