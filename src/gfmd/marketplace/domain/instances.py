"""Synthetic Marketplace scheduling instances for the benchmark and the tests (fixed seed).

The small instance has the size of 2007 (35 meetings over the two Governmental Days,
003 L8662-L8668); medium and large are the sizes issue 5 asks the scheduler to handle.
Owners are requesting governments, providers international organisations and donors; a few
providers are much in demand (as IOM or the World Bank would be), and each party is unavailable
in about one slot in ten (a session it chairs, a plenary it must attend).
"""

import random
from dataclasses import dataclass

from .scheduler import Instance, Meeting, Slot, Table


@dataclass(frozen=True)
class Size:
    name: str
    meetings: int
    parties: int
    slots: int
    tables: int


SIZES = {
    "small": Size("small", 35, 40, 12, 6),
    "medium": Size("medium", 500, 150, 16, 20),
    "large": Size("large", 2000, 400, 16, 60),
}


def generate_instance(size: Size, seed: int = 2007, unavailable_share: float = 0.1) -> Instance:
    """Slots over two days, meetings between an owner and a provider (never the same party),
    priority 1 for most, 2 or 3 for some; the same seed gives the same instance."""
    rng = random.Random(seed)
    per_day = (size.slots + 1) // 2
    slots = [
        Slot(id=index + 1, day=f"day-{index // per_day + 1}", order=index % per_day)
        for index in range(size.slots)
    ]
    tables = [Table(id=index + 1, label=f"Table {index + 1}") for index in range(size.tables)]
    owners = [f"owner-{i}" for i in range(max(2, size.parties * 3 // 5))]
    providers = [f"provider-{i}" for i in range(max(2, size.parties - len(owners)))]
    # Some providers are asked much more often than others.
    provider_weights = [1.0 / (rank + 1) ** 0.7 for rank in range(len(providers))]
    meetings = []
    for index in range(size.meetings):
        owner = rng.choice(owners)
        provider = rng.choices(providers, weights=provider_weights)[0]
        priority = rng.choices([1, 2, 3], weights=[80, 15, 5])[0]
        meetings.append(Meeting(id=index + 1, parties=(owner, provider), priority=priority))
    unavailable = {}
    for party in owners + providers:
        blocked = frozenset(s.id for s in slots if rng.random() < unavailable_share)
        if blocked:
            unavailable[party] = blocked
    return Instance(slots=slots, tables=tables, meetings=meetings, unavailable=unavailable)
