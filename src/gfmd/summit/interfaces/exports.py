"""The members of an edition's delegations as CSV and XLSX, for the Support Unit (badges,
seating in the main and listening rooms, 003 L1525-L1530). Names and e-mails: staff only."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Delegate

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Text typed by delegations is written so that a spreadsheet never runs it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def delegates_header() -> list[str]:
    return [
        _("Delegation"),
        _("Kind"),
        _("Code"),
        _("M49 region"),
        _("Development status"),
        _("Status of the delegation"),
        _("Full name"),
        _("E-mail"),
        _("Role"),
        _("Room"),
        _("Function"),
        _("Institution"),
        _("Added at"),
    ]


def delegates_table(delegates: list[Delegate]) -> list[list[str]]:
    rows = []
    for delegate in delegates:
        delegation = delegate.delegation
        state = delegation.state
        rows.append(
            [
                str(delegation.party),
                delegation.get_kind_display(),
                state.iso3 if state else (delegation.organisation.acronym or ""),
                state.m49_region if state else "",
                state.get_development_status_display() if state else "",
                delegation.get_status_display(),
                delegate.person.full_name,
                delegate.person.email,
                delegate.get_role_display(),
                str(delegate.room.label),
                delegate.function,
                delegate.institution,
                f"{timezone.localtime(delegate.added_at):%Y-%m-%d %H:%M}",
            ]
        )
    return [[safe_cell(cell) for cell in row] for row in rows]


def delegates_csv(delegates: list[Delegate]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(delegates_header())
    writer.writerows(delegates_table(delegates))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheets read UTF-8


def delegates_xlsx(delegates: list[Delegate]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Delegates"))[:31]
    sheet.append(delegates_header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in delegates_table(delegates):
        sheet.append(row)
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 24
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
