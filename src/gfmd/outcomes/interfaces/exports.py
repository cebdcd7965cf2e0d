"""An edition's recommendations with where they stand, as CSV and XLSX (one row each), for the
Support Unit's briefings to the Friends of the Forum, the Steering Group and the Troika
(003 L9089-L9094)."""

import csv
import io

from django.utils.translation import gettext as _

from ..enums import FollowUpStatus


def header() -> list[str]:
    return [
        _("Reference"),
        _("Comes from"),
        _("Number"),
        _("Recommendation"),
        _("Addressed to"),
        _("Lead governments"),
        _("Level"),
        _("Horizon"),
        _("Report to"),
        _("Status"),
        _("Progress (%)"),
        _("Latest report"),
        _("Reports"),
        _("Non-binding"),
        _("Source"),
    ]


def _safe(value):
    """A cell a spreadsheet will not run as a formula (user text may start with "=")."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def rows(recommendations) -> list[list]:
    """One row per recommendation (with ``standing`` attached, domain/queries.py)."""
    table = []
    for r in recommendations:
        standing = r.standing
        target = r.reporting_target or (str(r.reporting_edition) if r.reporting_edition else "")
        table.append(
            [
                _safe(cell)
                for cell in (
                    r.reference,
                    r.origin_label,
                    r.number,
                    r.text,
                    r.addressees,
                    "; ".join(s.name for s in r.lead_states.all()),
                    r.get_level_display() if r.level else "",
                    r.get_horizon_display() if r.horizon else "",
                    target,
                    str(FollowUpStatus(standing.status).label),
                    "" if standing.progress is None else standing.progress,
                    standing.reported_on.isoformat() if standing.reported_on else "",
                    standing.report_count,
                    _("yes") if r.non_binding else _("no"),
                    r.provenance,
                )
            ]
        )
    return table


def recommendations_csv(recommendations) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header())
    writer.writerows(rows(recommendations))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheets read UTF-8


def recommendations_xlsx(recommendations) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Recommendations"))[:31]
    sheet.append(header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in rows(recommendations):
        sheet.append(line)
    widths = {"D": 80, "A": 24, "B": 24}
    for column in sheet.columns:
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = widths.get(letter, 18)
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
