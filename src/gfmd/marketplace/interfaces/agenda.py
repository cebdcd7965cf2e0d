"""A party's agenda as a PDF (WeasyPrint) and as an iCalendar feed (RFC 5545)."""

import datetime
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

PDF_STYLE = Path(__file__).resolve().parent.parent / "static" / "marketplace" / "agenda_pdf.css"


def agenda_pdf(context: dict, base_url: str) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string("marketplace/agenda_pdf.html", context)
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[CSS(filename=PDF_STYLE)])


def agenda_calendar(meetings, *, name: str, host: str) -> bytes:
    """One event per scheduled meeting; UIDs are stable so calendar programs update moves."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//GFMD Platform//Marketplace//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    now = timezone.now()
    for meeting in meetings:
        if meeting.slot_id is None:
            continue
        event = Event()
        event.add("uid", f"marketplace-meeting-{meeting.pk}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", meeting.slot.starts_at.astimezone(datetime.UTC))
        event.add("dtend", meeting.slot.ends_at.astimezone(datetime.UTC))
        event.add(
            "summary",
            f"{meeting.reference} {meeting.request.reference}: "
            f"{meeting.request.owner_label} ↔ {meeting.provider}",
        )
        event.add("location", str(meeting.table or ""))
        event.add("description", meeting.request.title)
        event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()
