"""The Team Matrix as CSV, XLSX and PDF, laid out as Annex 5 of the 2010 report
(002 L2775-L2787): session, co-chairs, government team members, international organisations."""

import csv
import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ..domain.queries import MatrixRow


def matrix_header() -> list[str]:
    return [
        _("Roundtable session"),
        _("Title"),
        _("Co-chairs"),
        _("Government team members"),
        _("International organisations"),
        _("Volunteers awaiting a decision"),
    ]


def names(members) -> str:
    return "; ".join(str(m.state or m.organisation) for m in members)


def matrix_table(rows: list[MatrixRow]) -> list[list[str]]:
    return [
        [
            row.session.number,
            row.session.title,
            names(row.co_chairs),
            names(row.members),
            names(row.organisations),
            names(row.proposed),
        ]
        for row in rows
    ]


def matrix_csv(rows: list[MatrixRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(matrix_header())
    writer.writerows(matrix_table(rows))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheets read UTF-8


def table_xlsx(title: str, header: list[str], table: list[list]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in table:
        sheet.append(line)
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 30
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def matrix_xlsx(rows: list[MatrixRow]) -> bytes:
    return table_xlsx(_("Team Matrix"), matrix_header(), matrix_table(rows))


def matrix_pdf(edition, rows: list[MatrixRow]) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "preparation/team_matrix_print.html", {"edition": edition, "rows": rows}
    )
    return HTML(string=html).write_pdf()
