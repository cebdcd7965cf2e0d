"""Export of a Marketplace for the report of the proceedings (the 2007 report summarised the
Marketplace meetings and projects in an annex, 003 L8685-L8687): requests, offers, meetings
and Outcome Forms, as one XLSX workbook or one CSV per table."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from ..domain.queries import LINKS_PREFETCH
from ..models import MarketplaceMeeting, Offer, OutcomeForm, ServiceRequest

TABLES = ("requests", "offers", "meetings", "outcomes")


def _when(value) -> str:
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else ""


def export_tables(marketplace) -> dict[str, tuple[list[str], list[list]]]:
    """Every table as (headers, rows); eight queries whatever the size (four tables and the
    requests' sessions, themes and tags). Sessions are written by number, themes by number,
    tags by code, as the API names them."""
    requests = (
        ServiceRequest.objects.filter(marketplace=marketplace)
        .select_related("owner_state", "owner_person")
        .prefetch_related(*LINKS_PREFETCH)
    )
    offers = Offer.objects.filter(request__marketplace=marketplace).select_related(
        "request", "provider_state", "provider_organisation"
    )
    meetings = MarketplaceMeeting.objects.filter(marketplace=marketplace).select_related(
        "request__owner_state", "provider_state", "provider_organisation", "slot", "table"
    )
    outcomes = OutcomeForm.objects.filter(meeting__marketplace=marketplace).select_related(
        "meeting__request"
    )
    return {
        "requests": (
            [
                _("reference"),
                _("title"),
                _("owner state"),
                _("owner"),
                _("services"),
                _("related roundtable sessions"),
                _("themes of the Forum"),
                _("GCM objectives"),
                _("SDG targets"),
                _("other themes"),
                _("sessions and tags as first written, not matched"),
                _("status"),
                _("published"),
                _("source"),
            ],
            [
                [
                    r.reference,
                    r.title_en,
                    r.owner_label,
                    str(r.owner_person or ""),
                    ", ".join(r.service_types),
                    ", ".join(s.number for s in r.related_sessions.all()),
                    ", ".join(str(t.number) for t in r.edition_themes.all()),
                    ", ".join(str(o.number) for o in r.gcm_objectives.all()),
                    ", ".join(t.code for t in r.sdg_targets.all()),
                    ", ".join(r.themes),
                    r.links_note,
                    r.status,
                    _when(r.published_at),
                    r.provenance,
                ]
                for r in requests.order_by("reference")
            ],
        ),
        "offers": (
            [
                _("request"),
                _("provider"),
                _("what it brings"),
                _("conditions"),
                _("resources identified"),
                _("resources"),
                _("withdrawn"),
            ],
            [
                [
                    o.request.reference,
                    str(o.provider),
                    o.contribution,
                    o.conditions,
                    _("yes") if o.resources_identified else _("no"),
                    o.resources_note,
                    _when(o.withdrawn_at),
                ]
                for o in offers.order_by("request__reference", "id")
            ],
        ),
        "meetings": (
            [
                _("meeting"),
                _("request"),
                _("owner"),
                _("provider"),
                _("slot"),
                _("table"),
                _("status"),
                _("locked"),
            ],
            [
                [
                    m.reference,
                    m.request.reference,
                    m.request.owner_label,
                    str(m.provider),
                    str(m.slot or ""),
                    str(m.table or ""),
                    m.status,
                    _("yes") if m.locked else "",
                ]
                for m in meetings.order_by("reference")
            ],
        ),
        "outcomes": (
            [
                _("meeting"),
                _("request"),
                _("outcome"),
                _("proposed follow-up"),
                _("issues to be resolved"),
                _("resources identified"),
                _("confirmed by both"),
            ],
            [
                [
                    f.meeting.reference,
                    f.meeting.request.reference,
                    f.outcome,
                    f.proposed_follow_up,
                    f.issues_to_be_resolved,
                    _("yes") if f.resources_identified else _("no"),
                    _("yes") if f.confirmed_by_both else _("no"),
                ]
                for f in outcomes.order_by("meeting__reference")
            ],
        ),
    }


def as_csv(marketplace, table: str) -> str:
    headers, rows = export_tables(marketplace)[table]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue()


def as_xlsx(marketplace) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (headers, rows) in export_tables(marketplace).items():
        sheet = workbook.create_sheet(title=name)
        sheet.append([str(h) for h in headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_safe(value) for value in row])
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _safe(value):
    """Text that a spreadsheet would run as a formula is written as text."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
