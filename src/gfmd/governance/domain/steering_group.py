"""The Steering Group: recorded members plus the Troika ex officio (003 L9554-L9565)."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from gfmd.common.models import collation_key
from gfmd.directory.enums import DevelopmentStatus
from gfmd.directory.models import State

from ..models import Process, SteeringGroupMembership
from ..models.dated import active_on
from .troika import Troika


@dataclass(frozen=True)
class SteeringGroupSeat:
    state: State
    ex_officio: bool


def recorded_members(process: Process, as_of: datetime.date) -> list[State]:
    memberships = (
        SteeringGroupMembership.objects.filter(active_on(as_of), process=process)
        .select_related("state")
        .order_by("state__name_en")
    )
    states: dict[int, State] = {}  # a state with several memberships that day is seated once
    for membership in memberships:
        states.setdefault(membership.state_id, membership.state)
    return list(states.values())


def steering_group(process: Process, troika: Troika) -> list[SteeringGroupSeat]:
    """Members on the Troika's day; "The Troika governments are ex-officio members" (003 L9559)."""
    recorded = recorded_members(process, troika.as_of)
    seats = [SteeringGroupSeat(state, ex_officio=False) for state in recorded]
    seated = {state.pk for state in recorded}
    seats += [SteeringGroupSeat(s, ex_officio=True) for s in troika.states if s.pk not in seated]
    return sorted(seats, key=lambda seat: collation_key(seat.state.name))


@dataclass(frozen=True)
class RegionalBalance:
    by_region: dict[str, int]
    by_development_status: dict[str, int]
    total: int
    regions_without_members: list[str]
    over_represented: list[str]


def states_per_region() -> Counter:
    """How many states each M49 region has, counted by the database (one short query)."""
    rows = State.objects.values_list("m49_region").annotate(count=Count("id")).order_by()
    return Counter(dict(rows))


def regional_balance(members: list[State], states_by_region: Counter) -> RegionalBalance:
    """Members per UN M49 region and per development status, compared with the UN membership.

    The modalities ask for a "regionally balanced" group (003 L9560-L9565) without a measure.
    The platform reads it as: every M49 region has a seat, and no region holds more than twice its
    share of UN Member and Observer States (docs/governance-rules.md). ``states_by_region``
    counts the UN Member and Observer States of each region (``states_per_region()``).
    """
    by_region = Counter(state.m49_region for state in members)
    by_status = Counter(state.development_status for state in members)
    population = states_by_region
    total = len(members)
    missing = sorted(region for region in population if by_region[region] == 0)
    over = sorted(
        region
        for region, count in by_region.items()
        if total and count / total > 2 * population[region] / max(population.total(), 1)
    )
    return RegionalBalance(
        by_region={region: by_region[region] for region in sorted(population)},
        by_development_status={
            status.value: by_status[status.value] for status in DevelopmentStatus
        },
        total=total,
        regions_without_members=missing,
        over_represented=over,
    )
