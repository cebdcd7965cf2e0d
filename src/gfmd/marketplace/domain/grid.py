"""The grid of slots x tables that staff define, and what staff do by hand in it: place and
lock a meeting, mark a party unavailable. Nothing is ever dropped silently: removing a slot or
a table that holds meetings is refused until they are moved (peer-systems.md §5.3: deleting
slots in peer tools loses booked meetings without notice)."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gfmd.common.errors import DomainError

from ..enums import MeetingStatus, NoticeKind
from ..models import MarketplaceMeeting, Slot, Table, Unavailability
from .meetings import meeting_url, meeting_users
from .notifications import notify

MAX_SLOT_MINUTES = 240


def _naming(meetings) -> str:
    return "; ".join(
        f"{m.reference} ({m.request.owner_label} ↔ {m.provider})" for m in meetings[:10]
    ) + (" …" if len(meetings) > 10 else "")


def check_slot(marketplace, starts_at, ends_at, *, exclude_pk=None) -> None:
    """A slot ends after it starts, lasts at most four hours and overlaps no other slot of the
    Marketplace (the pages and the admin apply the same rule)."""
    if ends_at <= starts_at:
        raise DomainError(_("A slot must end after it starts."), field="ends_at")
    if ends_at - starts_at > datetime.timedelta(minutes=MAX_SLOT_MINUTES):
        raise DomainError(_("A slot lasts at most four hours."), field="ends_at")
    clash = (
        Slot.objects.select_for_update()
        .filter(marketplace=marketplace, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(pk=exclude_pk)
        .first()
    )
    if clash is not None:
        raise DomainError(
            _("This slot overlaps the slot %(slot)s.") % {"slot": clash}, field="starts_at"
        )


def add_slot(marketplace, starts_at: datetime.datetime, ends_at: datetime.datetime) -> Slot:
    with transaction.atomic():
        check_slot(marketplace, starts_at, ends_at)
        return Slot.objects.create(marketplace=marketplace, starts_at=starts_at, ends_at=ends_at)


def add_hourly_slots(
    marketplace, day: datetime.date, first: datetime.time, last: datetime.time, minutes: int = 60
) -> list[Slot]:
    """Slots of ``minutes`` from ``first`` until ``last`` on ``day`` (the Marketplace hours)."""
    if not 15 <= minutes <= MAX_SLOT_MINUTES:
        raise DomainError(_("A slot lasts from 15 minutes to four hours."), field="minutes")
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(day, first, tzinfo=zone)
    end = datetime.datetime.combine(day, last, tzinfo=zone)
    if end <= start:
        raise DomainError(_("The hours end before they start."), field="last")
    created = []
    with transaction.atomic():
        while start + datetime.timedelta(minutes=minutes) <= end:
            created.append(
                add_slot(marketplace, start, start + datetime.timedelta(minutes=minutes))
            )
            start += datetime.timedelta(minutes=minutes)
    if not created:
        raise DomainError(_("These hours hold no whole slot."), field="last")
    return created


def _holding(queryset):
    return list(
        queryset.exclude(status=MeetingStatus.CANCELLED)
        .select_related("request__owner_state", "provider_state", "provider_organisation")
        .order_by("reference")
    )


def remove_slot(slot: Slot) -> None:
    """Refused while meetings sit in the slot: the message names them."""
    with transaction.atomic():
        Slot.objects.select_for_update().filter(pk=slot.pk).first()
        held = _holding(MarketplaceMeeting.objects.filter(slot=slot))
        if held:
            raise DomainError(
                _(
                    "The slot %(slot)s holds %(count)d meeting(s): %(meetings)s. Move or cancel "
                    "them first."
                )
                % {"slot": slot, "count": len(held), "meetings": _naming(held)},
                code="slot_in_use",
            )
        MarketplaceMeeting.objects.filter(slot=slot).update(slot=None, table=None, locked=False)
        slot.delete()


def add_table(marketplace, name: str, location: str = "") -> Table:
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Give the table a name."), field="name")
    try:
        with transaction.atomic():
            return Table.objects.create(marketplace=marketplace, name=name[:80], location=location)
    except IntegrityError:
        raise DomainError(_("A table with this name exists already."), field="name") from None


def remove_table(table: Table) -> None:
    with transaction.atomic():
        Table.objects.select_for_update().filter(pk=table.pk).first()
        held = _holding(MarketplaceMeeting.objects.filter(table=table))
        if held:
            raise DomainError(
                _(
                    "The table %(table)s holds %(count)d meeting(s): %(meetings)s. Move or "
                    "cancel them first."
                )
                % {"table": table, "count": len(held), "meetings": _naming(held)},
                code="table_in_use",
            )
        MarketplaceMeeting.objects.filter(table=table).update(slot=None, table=None, locked=False)
        table.delete()


def set_unavailable(slot: Slot, *, state=None, organisation=None, reason="") -> Unavailability:
    """A party cannot meet in a slot (a session it chairs, a plenary). A planned meeting of
    the party in that slot is named: staff move it or run Schedule all again."""
    if (state is None) == (organisation is None):
        raise DomainError(_("Name the state or the organisation."), field="party")
    unavailability, _created = Unavailability.objects.get_or_create(
        slot=slot, state=state, organisation=organisation, defaults={"reason": reason[:200]}
    )
    return unavailability


def meetings_in_unavailable_slots(marketplace) -> list[MarketplaceMeeting]:
    """Planned meetings placed in a slot one of their parties declared unavailable."""
    rows = Unavailability.objects.filter(slot__marketplace=marketplace).values_list(
        "slot_id", "state_id", "organisation_id"
    )
    clashes = Q(pk__in=[])
    for slot_id, state_id, organisation_id in rows:
        party = (
            Q(request__owner_state_id=state_id) | Q(provider_state_id=state_id)
            if state_id
            else Q(provider_organisation_id=organisation_id)
        )
        clashes |= Q(slot_id=slot_id) & party
    return list(
        MarketplaceMeeting.objects.filter(marketplace=marketplace, status=MeetingStatus.PLANNED)
        .filter(clashes)
        .select_related("request", "slot")
    )


def place_meeting(meeting: MarketplaceMeeting, *, slot: Slot, table: Table, lock: bool = True):
    """Staff put a meeting at a table in a slot by hand (and usually lock it there)."""
    if meeting.status != MeetingStatus.PLANNED:
        raise DomainError(_("Only a planned meeting can be placed."))
    if (
        slot.marketplace_id != meeting.marketplace_id
        or table.marketplace_id != meeting.marketplace_id
    ):
        raise DomainError(_("This slot or table belongs to another Marketplace."), field="slot")
    with transaction.atomic():
        planned = (
            MarketplaceMeeting.objects.select_for_update()
            .filter(slot=slot, status=MeetingStatus.PLANNED)
            .exclude(pk=meeting.pk)
            .order_by("pk")  # the default ordering joins nullable slots: no FOR UPDATE there
        )
        parties = {meeting.owner_party, meeting.provider_party}
        blocked = Unavailability.objects.filter(slot=slot).filter(
            Q(state_id=meeting.request.owner_state_id, state__isnull=False)
            | Q(state_id=meeting.provider_state_id, state__isnull=False)
            | Q(organisation_id=meeting.provider_organisation_id, organisation__isnull=False)
        )
        unavailable = blocked.select_related("state", "organisation").first()
        if unavailable is not None:
            raise DomainError(
                _("%(party)s is unavailable in this slot (%(reason)s).")
                % {
                    "party": unavailable.state or unavailable.organisation,
                    "reason": unavailable.reason or "—",
                },
                field="slot",
            )
        for other in planned:
            if other.table_id == table.pk:
                raise DomainError(
                    _("%(table)s is taken in this slot by %(meeting)s.")
                    % {"table": table, "meeting": other.reference},
                    field="table",
                )
            if parties & {other.owner_party, other.provider_party}:
                raise DomainError(
                    _("A party of this meeting meets in this slot already (%(meeting)s).")
                    % {"meeting": other.reference},
                    field="slot",
                )
        moved = meeting.slot_id is not None and (meeting.slot_id, meeting.table_id) != (
            slot.pk,
            table.pk,
        )
        meeting.slot, meeting.table, meeting.locked = slot, table, lock
        meeting._change_reason = _("placed by hand")
        meeting.save(update_fields=["slot", "table", "locked"])
    if moved:
        notify_moved([meeting])
    return meeting


def set_lock(meeting: MarketplaceMeeting, locked: bool) -> MarketplaceMeeting:
    if locked and meeting.slot_id is None:
        raise DomainError(_("Only a meeting with a slot and a table can be locked."))
    meeting.locked = locked
    meeting._change_reason = _("locked") if locked else _("unlocked")
    meeting.save(update_fields=["locked"])
    return meeting


def notify_moved(meetings) -> None:
    for meeting in meetings:
        notify(
            meeting_users(meeting),
            kind=NoticeKind.MOVED,
            template=gettext_lazy(
                "Meeting %(meeting)s on %(reference)s moved: %(slot)s, %(table)s."
            ),
            params={
                "meeting": meeting.reference,
                "reference": meeting.request.reference,
                "slot": meeting.slot or _("no slot"),
                "table": meeting.table or "—",
            },
            url=meeting_url(meeting),
            marketplace=meeting.marketplace,
        )
