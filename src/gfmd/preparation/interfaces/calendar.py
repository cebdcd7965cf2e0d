"""Meetings before the Summit as iCalendar (RFC 5545) for calendar programs."""

import datetime

from icalendar import Calendar, Event

from ..domain.timeline import TimelineEntry


def calendar_of(name: str, entries: list[TimelineEntry]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//GFMD Platform//preparation//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        if entry.date is None:
            continue  # nothing to place in a calendar until a date is known
        event = Event()
        event.add("uid", f"{entry.uid}@gfmd-platform")
        event.add("summary", entry.title + (" (TBC)" if entry.tentative else ""))
        event.add("dtstart", entry.date)
        event.add("dtend", (entry.end_date or entry.date) + datetime.timedelta(days=1))
        event.add("dtstamp", datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
        if entry.place:
            event.add("location", entry.place)
        if entry.precision != "day":
            event.add("description", entry.date_label)
        calendar.add_component(event)
    return calendar.to_ical()
