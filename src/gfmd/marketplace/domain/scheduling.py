"""Schedule all, between the database and the pure scheduler: read the Marketplace into plain
dataclasses, solve, and write the new slots and tables back in one transaction; every party
whose meeting moved is told (e-mail and notice)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gfmd.common.errors import DomainError

from ..enums import MeetingStatus, NoticeKind
from ..models import MarketplaceMeeting, Slot, Table, Unavailability, party_key
from . import scheduler as pure
from .grid import notify_moved
from .meetings import meeting_url, meeting_users
from .notifications import notify
from .queries import zone_of

DEFAULT_TIME_LIMIT = 10.0
REASONS = {
    pure.NO_COMMON_SLOT: gettext_lazy(
        "no common free slot: %(owner)s and %(provider)s have no slot in which both are "
        "available (see their unavailable slots)"
    ),
    pure.LOCKED_OUT: gettext_lazy(
        "locked meetings: in every slot both parties are free, one of them has a locked "
        "meeting (%(blockers)s)"
    ),
    pure.NO_TABLE: gettext_lazy(
        "no table free in the slots both parties are free: locked meetings take every table"
    ),
    pure.PARTY_BUSY: gettext_lazy(
        "party clash: in every slot both parties are free, one of them already meets someone "
        "else (%(blockers)s)"
    ),
    pure.TABLES_FULL: gettext_lazy(
        "tables full: every table is taken in the %(count)d slots both parties are free"
    ),
    pure.CAPACITY: gettext_lazy(
        "capacity: all feasible slots are taken by meetings of higher or equal priority or by "
        "other meetings of the parties (%(blockers)s)"
    ),
}


@dataclass
class ScheduleReport:
    schedule: pure.Schedule
    meetings: dict[int, MarketplaceMeeting]
    moved: list[MarketplaceMeeting] = field(default_factory=list)
    unscheduled: list[tuple[MarketplaceMeeting, str, str]] = field(default_factory=list)

    @property
    def percent_of_bound(self) -> float:
        s = self.schedule
        return 100.0 if s.bound == 0 else 100.0 * s.objective / s.bound


def read_instance(marketplace) -> tuple[pure.Instance, dict[int, MarketplaceMeeting]]:
    """Plain data of the Marketplace: slots by day, tables, planned meetings, unavailability.
    The Summit programme (a head of delegation chairing a session) is not recorded on the
    platform yet; staff enter those hours as unavailable slots."""
    slots = list(Slot.objects.filter(marketplace=marketplace).order_by("starts_at"))
    per_day = defaultdict(int)
    plain_slots = []
    for slot in slots:
        day = timezone.localtime(slot.starts_at, zone_of(marketplace)).date().isoformat()
        plain_slots.append(pure.Slot(slot.pk, day, per_day[day], str(slot)))
        per_day[day] += 1
    tables = [
        pure.Table(t.pk, t.name)
        for t in Table.objects.filter(marketplace=marketplace).order_by("name")
    ]
    meetings = {
        m.pk: m
        for m in MarketplaceMeeting.objects.filter(
            marketplace=marketplace, status=MeetingStatus.PLANNED
        ).select_related(
            "request__owner_state", "provider_state", "provider_organisation", "slot", "table"
        )
    }
    plain_meetings = []
    for meeting in meetings.values():
        place = (meeting.slot_id, meeting.table_id) if meeting.slot_id else None
        plain_meetings.append(
            pure.Meeting(
                id=meeting.pk,
                parties=(meeting.owner_party, meeting.provider_party),
                priority=meeting.priority,
                locked=place if meeting.locked else None,
                previous=None if meeting.locked else place,
                label=meeting.reference,
            )
        )
    unavailable = defaultdict(set)
    for slot_id, state_id, organisation_id in Unavailability.objects.filter(
        slot__marketplace=marketplace
    ).values_list("slot_id", "state_id", "organisation_id"):
        unavailable[party_key(state_id=state_id, organisation_id=organisation_id)].add(slot_id)
    instance = pure.Instance(
        slots=plain_slots,
        tables=tables,
        meetings=sorted(plain_meetings, key=lambda m: m.id),
        unavailable={party: frozenset(ids) for party, ids in unavailable.items()},
    )
    return instance, meetings


def reason_text(item: pure.Unscheduled, meetings: dict[int, MarketplaceMeeting]) -> str:
    meeting = meetings[item.meeting_id]
    blockers = ", ".join(meetings[b].reference for b in item.blockers[:8] if b in meetings) + (
        " …" if len(item.blockers) > 8 else ""
    )
    return str(REASONS[item.code]) % {
        "owner": meeting.request.owner_label,
        "provider": meeting.provider,
        "blockers": blockers or "—",
        "count": len(item.candidate_slots),
    }


def schedule_all(
    marketplace, *, time_limit: float = DEFAULT_TIME_LIMIT, workers: int = 2, seed: int = 0
) -> ScheduleReport:
    """Give every accepted (planned) meeting a slot and a table; locked meetings stay; moved
    meetings are as few as possible; whoever's meeting moved is told."""
    with transaction.atomic():
        # One scheduler at a time per Marketplace: the grid is locked while it runs.
        list(Slot.objects.select_for_update().filter(marketplace=marketplace))
        instance, meetings = read_instance(marketplace)
        try:
            schedule = pure.schedule_meetings(
                instance, time_limit=time_limit, workers=workers, seed=seed
            )
        except pure.ScheduleInputError as error:
            names = ", ".join(meetings[m].reference for m in error.meeting_ids if m in meetings)
            raise DomainError(
                _("Locked meetings contradict each other (%(meetings)s): unlock one first.")
                % {"meetings": names}
            ) from None
        report = ScheduleReport(schedule=schedule, meetings=meetings)
        slots = {s.pk: s for s in Slot.objects.filter(marketplace=marketplace)}
        tables = {t.pk: t for t in Table.objects.filter(marketplace=marketplace)}
        changed = [
            m
            for m in meetings.values()
            if not m.locked
            and schedule.assignments.get(m.pk) != ((m.slot_id, m.table_id) if m.slot_id else None)
        ]
        # Free the old places first so that no uniqueness rule trips half-way.
        MarketplaceMeeting.objects.filter(pk__in=[m.pk for m in changed]).update(
            slot=None, table=None
        )
        newly_placed = []
        for meeting in changed:
            had_place = meeting.slot_id is not None
            place = schedule.assignments.get(meeting.pk)
            meeting.slot = slots[place[0]] if place else None
            meeting.table = tables[place[1]] if place else None
            meeting._change_reason = _("Schedule all")
            meeting.save(update_fields=["slot", "table"])
            (report.moved if had_place else newly_placed).append(meeting)
        report.unscheduled = [
            (meetings[item.meeting_id], item.code, reason_text(item, meetings))
            for item in schedule.unscheduled
        ]
    notify_moved(report.moved)
    for meeting in newly_placed:
        notify(
            meeting_users(meeting),
            kind=NoticeKind.MEETING,
            template=gettext_lazy("Meeting %(meeting)s on %(reference)s: %(slot)s, %(table)s."),
            params={
                "meeting": meeting.reference,
                "reference": meeting.request.reference,
                "slot": meeting.slot,
                "table": meeting.table,
            },
            url=meeting_url(meeting),
            marketplace=marketplace,
        )
    return report
