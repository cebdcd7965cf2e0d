"""Writing governance data: the hard rules that block, with a message a person can act on."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.directory.models import State

from ..models import (
    Chairmanship,
    ChairTerm,
    Edition,
    FriendsOfTheForumMembership,
    Process,
    SteeringGroupMembership,
)
from ..models.dated import overlapping


def check_period(
    start: datetime.date | None, end: datetime.date | None, field: str = "end"
) -> None:
    if start is not None and end is not None and end < start:
        raise DomainError(
            _("The end date (%(end)s) is before the start date (%(start)s).")
            % {"end": end.isoformat(), "start": start.isoformat()},
            field=field,
        )


def check_no_overlap(queryset, start, end, *, state: State, body: str, exclude_pk=None) -> None:
    """One state holds at most one membership of a body at a time (locked while checking)."""
    clash = (
        queryset.select_for_update()
        .filter(overlapping(start, end), state=state)
        .exclude(pk=exclude_pk)
        .order_by("start")
        .first()
    )
    if clash is not None:
        raise DomainError(
            _(
                "%(state)s is already a member of the %(body)s from %(start)s to %(end)s; "
                "end that membership first or choose dates that do not overlap."
            )
            % {
                "state": state.name,
                "body": body,
                "start": clash.start.isoformat() if clash.start else "…",
                "end": clash.end.isoformat() if clash.end else "…",
            },
            field="start",
            code="overlap",
        )


def add_steering_group_membership(
    process: Process, state: State, start, end, **provenance
) -> SteeringGroupMembership:
    check_period(start, end)
    with transaction.atomic():
        check_no_overlap(
            SteeringGroupMembership.objects.filter(process=process),
            start,
            end,
            state=state,
            body=_("Steering Group"),
        )
        return SteeringGroupMembership.objects.create(
            process=process, state=state, start=start, end=end, **provenance
        )


def add_friends_membership(
    process: Process, state: State, start, end, **provenance
) -> FriendsOfTheForumMembership:
    """Joining the Friends of the Forum is a state's choice, open to every Member and Observer
    State (003 L1078-L1081)."""
    check_period(start, end)
    with transaction.atomic():
        check_no_overlap(
            FriendsOfTheForumMembership.objects.filter(process=process),
            start,
            end,
            state=state,
            body=_("Friends of the Forum"),
        )
        return FriendsOfTheForumMembership.objects.create(
            process=process, state=state, start=start, end=end, **provenance
        )


def add_chair_term(
    chairmanship: Chairmanship, state: State, start, end, *, phase=1, is_lead=True, **extra
) -> ChairTerm:
    check_period(start, end)
    with transaction.atomic():
        check_no_overlap(
            ChairTerm.objects.filter(chairmanship=chairmanship, phase=phase),
            start,
            end,
            state=state,
            body=_("chairmanship"),
        )
        return ChairTerm.objects.create(
            chairmanship=chairmanship,
            state=state,
            start=start,
            end=end,
            phase=phase,
            is_lead=is_lead,
            **extra,
        )


def check_edition(edition: Edition) -> None:
    """Hard rules of an edition: one number per process, a Summit that ends after it starts."""
    if edition.summit_start and edition.summit_end and edition.summit_end < edition.summit_start:
        raise DomainError(
            _("The Summit cannot end (%(end)s) before it starts (%(start)s).")
            % {"end": edition.summit_end.isoformat(), "start": edition.summit_start.isoformat()},
            field="summit_end",
        )
    if edition.year_end is not None and edition.year_end < edition.year:
        raise DomainError(_("The last year is before the first year."), field="year_end")
    duplicate = Edition.objects.filter(
        process_id=edition.process_id, number=edition.number
    ).exclude(pk=edition.pk)
    if duplicate.exists():
        raise DomainError(
            _("%(process)s already has an edition number %(number)s.")
            % {"process": edition.process, "number": edition.number},
            field="number",
            code="unique",
        )


def save_edition(edition: Edition) -> Edition:
    with transaction.atomic():
        check_edition(edition)
        edition.save()
    return edition
