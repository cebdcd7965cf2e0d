"""Meetings before the Summit: timeline and iCalendar."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from gfmd.governance.domain.checks import check_friends_meetings
from gfmd.preparation.domain.timeline import edition_timeline
from gfmd.preparation.models import PreparatoryEvent

pytestmark = pytest.mark.django_db


def test_kingston_workshop_with_partners_and_the_session_it_feeds():
    event = PreparatoryEvent.objects.get(title_en="Harnessing Migration for Rural Development")
    partners = {
        (p.role, str(p.chairmanship or p.organisation.acronym)) for p in event.partners.all()
    }
    assert ("implementer", "ICMPD") in partners and ("supporter", "MIEUX") in partners
    assert [s.number for s in event.sessions_fed.all()] == ["3.2"]
    assert event.sessions_fed.get().title_en != event.title_en


def test_2018_timeline_is_in_order_with_month_only_dates(edition):
    entries = edition_timeline(edition(2018))
    dates = [e.date for e in entries if e.date]
    assert dates == sorted(dates)
    tbc = [e for e in entries if e.tentative]
    assert len(tbc) == 2 and all("to be confirmed" in e.date_label for e in tbc)


def test_timeline_page_and_calendars(client, edition):
    page = client.get(reverse("preparation:timeline", args=["gfmd", 1])).content.decode()
    assert "Friends of the Forum" in page
    ics = client.get(reverse("preparation:calendar", args=["gfmd", 11]))
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert any("Rabat" in str(e.get("location")) for e in events)
    body = client.get(
        reverse("preparation:body_calendar", args=["gfmd", 1, "friends_of_the_forum"])
    )
    assert len(Calendar.from_ical(body.content).walk("VEVENT")) == 3
    assert (
        client.get(reverse("preparation:body_calendar", args=["gfmd", 1, "nobody"])).status_code
        == 404
    )


def test_friends_of_the_forum_check_still_counts_body_meetings(edition):
    from gfmd.governance.domain.neighbours import neighbourhood

    assert check_friends_meetings(neighbourhood(edition(2007))) == []
