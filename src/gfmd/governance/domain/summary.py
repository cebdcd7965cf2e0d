"""Everything an edition's governance page and API read, computed in one place."""

import datetime
from dataclasses import dataclass

from gfmd.directory.models import State

from ..models import ChairHolder, Edition
from .chairs import chair_states, co_chair
from .checks import (
    RuleWarning,
    check_chair_alternation,
    check_friends_meetings,
    check_steering_group_balance,
    check_troika,
)
from .neighbours import EditionNeighbourhood, neighbourhood
from .steering_group import (
    RegionalBalance,
    SteeringGroupSeat,
    regional_balance,
    states_per_region,
    steering_group,
)
from .troika import Troika, derive_troika


@dataclass(frozen=True)
class EditionGovernance:
    around: EditionNeighbourhood
    as_of: datetime.date
    chairs: list[State]
    co_chair: State | None
    troika: Troika
    steering_group: list[SteeringGroupSeat]
    balance: RegionalBalance
    holders: list[ChairHolder]
    warnings: list[RuleWarning]

    @property
    def edition(self) -> Edition:
        return self.around.edition


def edition_governance(
    edition: Edition,
    as_of: datetime.date | None = None,
    around: EditionNeighbourhood | None = None,
) -> EditionGovernance:
    """``around`` is the edition's neighbourhood when the caller has read it already."""
    around = around or neighbourhood(edition)
    edition = around.edition
    troika = derive_troika(around, as_of)
    seats = steering_group(edition.process, troika)
    balance = regional_balance([seat.state for seat in seats], states_per_region())
    holders = (
        list(
            ChairHolder.objects.filter(chairmanship_id=edition.chairmanship_id).select_related(
                "person"
            )
        )
        if edition.chairmanship_id
        else []
    )
    warnings = [
        *check_chair_alternation(around),
        *check_troika(troika),
        *check_friends_meetings(around),
        *check_steering_group_balance(seats, balance),
    ]
    return EditionGovernance(
        around=around,
        as_of=troika.as_of,
        chairs=chair_states(edition),
        co_chair=co_chair(around.previous),
        troika=troika,
        steering_group=seats,
        balance=balance,
        holders=holders,
        warnings=warnings,
    )
