"""What a signed-in person is in the GFMD today, read from the data (not from flags)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from ..models import (
    Chairmanship,
    FocalPoint,
    FriendsOfTheForumMembership,
    Handover,
    SteeringGroupMembership,
    SupportUnitAssignment,
)
from ..models.dated import active_on


@dataclass(frozen=True)
class Roles:
    person_id: int | None
    focal_point_state_ids: frozenset[int]
    support_chairmanship_ids: frozenset[int]
    steering_group_process_ids: frozenset[int]
    friends_process_ids: frozenset[int]
    organisation_ids: frozenset[int]

    @property
    def is_support_unit_staff(self) -> bool:
        return bool(self.support_chairmanship_ids)


NO_ROLES = Roles(None, frozenset(), frozenset(), frozenset(), frozenset(), frozenset())


def chairmanship_in_office(process_id: int, day: datetime.date) -> int | None:
    """The chairmanship in office on ``day``.

    The latest chairmanship to have begun, unless a handover into it is recorded for a later
    day (then the outgoing one is still in office) or a later handover hands over to another.
    A chair stays in office after its Summit, for follow-up and the final report, until its
    successor takes over (003 L9103-L9106; the handover of website and archives, L820-L822).
    """
    started = (
        Chairmanship.objects.filter(process_id=process_id, terms__start__lte=day)
        .order_by("-terms__start")
        .values_list("id", "terms__start")
        .first()
    )
    handovers = list(
        Handover.objects.filter(process_id=process_id).values_list(
            "outgoing_id", "incoming_id", "date"
        )
    )
    if started is not None:
        pending = [h for h in handovers if h[1] == started[0] and h[2] > day]
        if pending:
            return pending[0][0]
    done = sorted((h for h in handovers if h[2] <= day), key=lambda h: h[2])
    if done and (started is None or done[-1][2] >= started[1]):
        return done[-1][1]
    return started[0] if started else None


def roles_of(user, day: datetime.date | None = None) -> Roles:
    """Roles on ``day`` (today by default), cached on the user object for the request."""
    if user is None or not user.is_authenticated:
        return NO_ROLES
    day = day or timezone.localdate()
    cache_key = f"_gfmd_roles_{day.isoformat()}"
    cached = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    person = getattr(user, "person", None) if hasattr(user, "person") else None
    if person is None:
        roles = NO_ROLES
    else:
        states = set(
            FocalPoint.objects.filter(active_on(day), person=person).values_list(
                "state_id", flat=True
            )
        )
        roles = Roles(
            person_id=person.pk,
            focal_point_state_ids=frozenset(states),
            support_chairmanship_ids=frozenset(
                SupportUnitAssignment.objects.filter(active_on(day), person=person).values_list(
                    "chairmanship_id", flat=True
                )
            ),
            steering_group_process_ids=frozenset(
                SteeringGroupMembership.objects.filter(
                    active_on(day), state_id__in=states
                ).values_list("process_id", flat=True)
            )
            if states
            else frozenset(),
            friends_process_ids=frozenset(
                FriendsOfTheForumMembership.objects.filter(
                    active_on(day), state_id__in=states
                ).values_list("process_id", flat=True)
            )
            if states
            else frozenset(),
            organisation_ids=frozenset(
                person.affiliations.filter(organisation__isnull=False)
                .filter(active_on(day))
                .values_list("organisation_id", flat=True)
            ),
        )
    setattr(user, cache_key, roles)
    return roles


def support_process_ids_ever(user) -> frozenset[int]:
    """Processes whose chairmanships the user has served as Support Unit staff, past included:
    outgoing staff keep read access to the archives after a handover."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_gfmd_support_processes", None)
    if cached is None:
        cached = frozenset(
            SupportUnitAssignment.objects.filter(person__user=user).values_list(
                "chairmanship__process_id", flat=True
            )
        )
        user._gfmd_support_processes = cached
    return cached
