"""An edition's timeline before and at its Summit: body meetings, preparatory events and the
Summit itself, in date order, each dated no more precisely than its source."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from gfmd.common.enums import DatePrecision
from gfmd.common.models import date_with_precision

from .queries import body_meetings_of_edition, preparatory_events_of


@dataclass
class TimelineEntry:
    uid: str
    kind: str
    title: str
    date: object
    end_date: object
    precision: str
    tentative: bool
    place: str
    record: object
    body: str = ""

    @property
    def date_label(self) -> str:
        label = date_with_precision(self.date, self.precision)
        if self.end_date and self.end_date != self.date and self.precision == DatePrecision.DAY:
            label = f"{label} – {date_with_precision(self.end_date, self.precision)}"
        return f"{label}, {_('to be confirmed')}" if self.tentative else label


def edition_timeline(edition, body: str | None = None) -> list[TimelineEntry]:
    """Everything dated of an edition, sorted; undated entries last. Three queries for the
    events and meetings (and their prefetched relations)."""
    entries = [
        TimelineEntry(
            uid=f"body-meeting-{m.pk}",
            kind=m.get_body_display(),
            title=str(m),
            date=m.date,
            end_date=None,
            precision=m.date_precision,
            tentative=False,
            place=m.city,
            record=m,
            body=m.body,
        )
        for m in body_meetings_of_edition(edition)
        if body is None or m.body == body
    ]
    if body is None:
        entries += [
            TimelineEntry(
                uid=f"preparatory-event-{e.pk}",
                kind=e.get_kind_display(),
                title=e.title,
                date=e.date,
                end_date=e.end_date,
                precision=e.date_precision,
                tentative=e.tentative,
                place=", ".join(p for p in (e.venue, e.city) if p),
                record=e,
            )
            for e in preparatory_events_of(edition)
        ]
        if edition.summit_start:
            entries.append(
                TimelineEntry(
                    uid=f"summit-{edition.pk}",
                    kind=_("Summit"),
                    title=_("Summit of %(edition)s") % {"edition": edition},
                    date=edition.summit_start,
                    end_date=edition.summit_end,
                    precision=edition.summit_start_precision,
                    tentative=False,
                    place=edition.host_city,
                    record=edition,
                )
            )
    return sorted(entries, key=lambda e: (e.date is None, e.date or edition.reference_date()))
