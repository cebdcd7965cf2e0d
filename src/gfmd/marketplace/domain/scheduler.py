"""Schedule all: give every accepted Marketplace meeting a slot and a table.

The 2007 Marketplace held "prescheduled one-hour meetings" between owners and providers over the
two Governmental Days (003 L8662-L8664); today's tools add organiser-run "Schedule All" with
locks and table planning (shared/domain/peer-systems.md §5.1). This module is pure: plain
dataclasses in, plain dataclasses out, no ORM, so the benchmark and the tests run it alone.

The rules it enforces:

- each meeting is held at most once;
- a party (a delegation: a state or an organisation) is in at most one meeting per slot;
- a table holds at most one meeting per slot;
- a party is never scheduled in a slot it declared unavailable;
- meetings that staff locked stay in their slot and at their table.

It maximises the weighted number of scheduled meetings (weight = priority) and then, with that
number fixed as a constraint, minimises the moves away from the previous schedule and the idle
gaps in each party's day (docs/marketplace.md explains the lexicographic order).

Tables are interchangeable (one meeting per table per slot, nothing else distinguishes them), so
the model decides y[meeting, slot] with a capacity of free tables per slot; the tables are then
assigned slot by slot, keeping locked and previous tables. This is exactly the x[meeting, slot,
table] model with the table symmetry removed: any slot assignment within capacity has a table
assignment, and the table index never changes the objective.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

CP_SAT = "cp-sat"
GREEDY = "greedy"


@dataclass(frozen=True)
class Slot:
    id: int
    day: str  # slots of one day share it (an ISO date); idle gaps are counted per day
    order: int  # position in the day: consecutive slots have consecutive orders
    label: str = ""


@dataclass(frozen=True)
class Table:
    id: int
    label: str = ""


@dataclass(frozen=True)
class Meeting:
    id: int
    parties: tuple[str, str]  # owner side, provider side
    priority: int = 1
    locked: tuple[int, int] | None = None  # (slot id, table id) that staff fixed
    previous: tuple[int, int] | None = None  # where it is now, when rescheduling
    label: str = ""


@dataclass
class Instance:
    slots: list[Slot]
    tables: list[Table]
    meetings: list[Meeting]
    unavailable: dict[str, frozenset[int]] = field(default_factory=dict)  # party -> slot ids


@dataclass(frozen=True)
class Unscheduled:
    """Why a meeting got no slot. ``code`` names the constraint; ``blockers`` are the meetings
    that hold the slots this one could have had."""

    meeting_id: int
    code: str
    candidate_slots: tuple[int, ...] = ()
    blockers: tuple[int, ...] = ()


# Reason codes, from the most to the least structural.
NO_COMMON_SLOT = "no_common_slot"
LOCKED_OUT = "locked_out"
NO_TABLE = "no_table"
PARTY_BUSY = "party_busy"
TABLES_FULL = "tables_full"
CAPACITY = "capacity"


@dataclass
class Schedule:
    solver: str
    assignments: dict[int, tuple[int, int]]  # meeting id -> (slot id, table id)
    unscheduled: list[Unscheduled]
    status: str
    objective: int  # weighted number of scheduled meetings
    bound: int  # proven upper bound of the objective
    scheduled: int
    idle_gaps: int
    moves: int
    seconds: float
    gap_status: str = ""

    @property
    def gap(self) -> float:
        """Relative distance to the proven bound (0.0 = proven optimal)."""
        return 0.0 if self.bound <= 0 else max(0.0, (self.bound - self.objective) / self.bound)


class ScheduleInputError(ValueError):
    """Locked meetings contradict each other; staff must unlock one first."""

    def __init__(self, message: str, meeting_ids: tuple[int, ...]):
        super().__init__(message)
        self.meeting_ids = meeting_ids


# --------------------------------------------------------------------------- shared reading


class _Frame:
    """What is fixed before any choice: locked meetings, free tables, candidate slots."""

    def __init__(self, instance: Instance):
        self.instance = instance
        self.slots = sorted(instance.slots, key=lambda s: (s.day, s.order, s.id))
        self.slot_ids = [s.id for s in self.slots]
        self.slot_by_id = {s.id: s for s in self.slots}
        self.table_ids = [t.id for t in instance.tables]
        self.locked = [m for m in instance.meetings if m.locked is not None]
        self.open = [m for m in instance.meetings if m.locked is None]
        self.busy: dict[tuple[str, int], int] = {}  # (party, slot) -> locked meeting id
        self.locked_tables: dict[int, dict[int, int]] = defaultdict(dict)  # slot->table->id
        for meeting in self.locked:
            slot_id, table_id = meeting.locked
            if slot_id not in self.slot_by_id or table_id not in self.table_ids:
                raise ScheduleInputError(
                    f"meeting {meeting.id} is locked to a slot or table that does not exist",
                    (meeting.id,),
                )
            other = self.locked_tables[slot_id].get(table_id)
            if other is not None:
                raise ScheduleInputError(
                    f"meetings {other} and {meeting.id} are locked to the same table and slot",
                    (other, meeting.id),
                )
            self.locked_tables[slot_id][table_id] = meeting.id
            for party in meeting.parties:
                other = self.busy.get((party, slot_id))
                if other is not None:
                    raise ScheduleInputError(
                        f"meetings {other} and {meeting.id} are locked to the same slot and "
                        f"share {party}",
                        (other, meeting.id),
                    )
                self.busy[(party, slot_id)] = meeting.id
        self.capacity = {s: len(self.table_ids) - len(self.locked_tables[s]) for s in self.slot_ids}

    def unavailable(self, party: str, slot_id: int) -> bool:
        return slot_id in self.instance.unavailable.get(party, ())

    def common_slots(self, meeting: Meeting) -> list[int]:
        return [
            s for s in self.slot_ids if not any(self.unavailable(p, s) for p in meeting.parties)
        ]

    def candidate_slots(self, meeting: Meeting) -> list[int]:
        """Slots where both parties are available, not held by a lock, with a free table."""
        return [
            s
            for s in self.common_slots(meeting)
            if self.capacity[s] > 0 and not any((p, s) in self.busy for p in meeting.parties)
        ]


def _assign_tables(frame: _Frame, slot_of: dict[int, int]) -> dict[int, tuple[int, int]]:
    """Tables slot by slot: locked meetings keep theirs, then previous tables, then the first
    free one (in the order staff listed the tables)."""
    by_id = {m.id: m for m in frame.instance.meetings}
    result = {m.id: m.locked for m in frame.locked}
    per_slot: dict[int, list[int]] = defaultdict(list)
    for meeting_id, slot_id in slot_of.items():
        per_slot[slot_id].append(meeting_id)
    for slot_id, meeting_ids in per_slot.items():
        taken = set(frame.locked_tables[slot_id])
        waiting = []
        for meeting_id in sorted(meeting_ids):
            previous = by_id[meeting_id].previous
            if previous and previous[0] == slot_id and previous[1] not in taken:
                taken.add(previous[1])
                result[meeting_id] = previous
            else:
                waiting.append(meeting_id)
        free = [t for t in frame.table_ids if t not in taken]
        if len(free) < len(waiting):  # a bug upstream, never a silent drop
            raise AssertionError(f"slot {slot_id} has more meetings than tables")
        for meeting_id, table_id in zip(waiting, free, strict=False):
            result[meeting_id] = (slot_id, table_id)
    return result


def idle_gaps(instance: Instance, assignments: dict[int, tuple[int, int]]) -> int:
    """Idle slots between each party's first and last meeting of a day, summed."""
    slot_by_id = {s.id: s for s in instance.slots}
    orders: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_id = {m.id: m for m in instance.meetings}
    for meeting_id, (slot_id, _table) in assignments.items():
        slot = slot_by_id[slot_id]
        for party in by_id[meeting_id].parties:
            orders[(party, slot.day)].append(slot.order)
    return sum(max(o) - min(o) + 1 - len(o) for o in orders.values())


def count_moves(instance: Instance, assignments: dict[int, tuple[int, int]]) -> int:
    """Meetings that had a slot and table and now have another (or none)."""
    return sum(
        1
        for m in instance.meetings
        if m.previous is not None and assignments.get(m.id) != m.previous
    )


def _weight(instance: Instance, assignments) -> int:
    by_id = {m.id: m for m in instance.meetings}
    return sum(by_id[meeting_id].priority for meeting_id in assignments)


def explain_unscheduled(frame: _Frame, assignments: dict[int, tuple[int, int]]):
    """For each meeting without a slot, the constraint that kept it out."""
    occupant: dict[tuple[str, int], int] = {}
    per_slot: dict[int, int] = defaultdict(int)
    by_id = {m.id: m for m in frame.instance.meetings}
    for meeting_id, (slot_id, _table) in assignments.items():
        per_slot[slot_id] += 1
        for party in by_id[meeting_id].parties:
            occupant[(party, slot_id)] = meeting_id
    result = []
    for meeting in frame.instance.meetings:
        if meeting.id in assignments:
            continue
        common = frame.common_slots(meeting)
        if not common:
            result.append(Unscheduled(meeting.id, NO_COMMON_SLOT))
            continue
        unlocked = [s for s in common if not any((p, s) in frame.busy for p in meeting.parties)]
        if not unlocked:
            blockers = {frame.busy.get((p, s)) for s in common for p in meeting.parties}
            blockers.discard(None)
            result.append(
                Unscheduled(meeting.id, LOCKED_OUT, tuple(common), tuple(sorted(blockers)))
            )
            continue
        candidates = [s for s in unlocked if frame.capacity[s] > 0]
        if not candidates:
            result.append(Unscheduled(meeting.id, NO_TABLE, tuple(unlocked)))
            continue
        party_blocked, table_blocked, blockers = 0, 0, set()
        for slot_id in candidates:
            holders = {occupant.get((p, slot_id)) for p in meeting.parties} - {None}
            if holders:
                party_blocked += 1
                blockers |= holders
            else:
                table_blocked += 1
                blockers |= {
                    m for m, (s, _t) in assignments.items() if s == slot_id and m not in holders
                }
        if table_blocked == 0:
            code = PARTY_BUSY
        elif party_blocked == 0:
            code = TABLES_FULL
        else:
            code = CAPACITY
        result.append(Unscheduled(meeting.id, code, tuple(candidates), tuple(sorted(blockers))))
    return result


# --------------------------------------------------------------------------- greedy


def greedy_schedule(instance: Instance) -> Schedule:
    """First come, first served: each meeting in the order it was accepted takes the earliest
    slot where both parties are free and a table is free (what a plain booking tool does)."""
    started = time.perf_counter()
    frame = _Frame(instance)
    slot_of = _greedy_slots(frame)
    assignments = _assign_tables(frame, slot_of)
    return _finish(GREEDY, frame, assignments, "FEASIBLE", None, started)


def _greedy_slots(frame: _Frame) -> dict[int, int]:
    used = dict(frame.busy)
    load = defaultdict(int)
    slot_of = {}
    for meeting in sorted(frame.open, key=lambda m: m.id):
        for slot_id in frame.candidate_slots(meeting):
            if load[slot_id] >= frame.capacity[slot_id]:
                continue
            if any((p, slot_id) in used for p in meeting.parties):
                continue
            slot_of[meeting.id] = slot_id
            load[slot_id] += 1
            for party in meeting.parties:
                used[(party, slot_id)] = meeting.id
            break
    return slot_of


def _finish(solver, frame, assignments, status, bound, started, gap_status="") -> Schedule:
    instance = frame.instance
    objective = _weight(instance, assignments)
    return Schedule(
        solver=solver,
        assignments=assignments,
        unscheduled=explain_unscheduled(frame, assignments),
        status=status,
        objective=objective,
        bound=objective if bound is None else max(int(bound), objective),
        scheduled=len(assignments),
        idle_gaps=idle_gaps(instance, assignments),
        moves=count_moves(instance, assignments),
        seconds=time.perf_counter() - started,
        gap_status=gap_status,
    )


# --------------------------------------------------------------------------- CP-SAT


def schedule_meetings(
    instance: Instance, *, time_limit: float = 20.0, workers: int = 2, seed: int = 0
) -> Schedule:
    """Schedule all with CP-SAT, lexicographically: the most weighted meetings first, then the
    fewest moves from the previous schedule, then the fewest idle gaps per party-day.

    Four steps share the time limit (scheduler_phases.py): a relaxation that proves the upper
    bound and chooses which meetings to hold; a colouring of those meetings into slots (most
    constrained first), improved by CP-SAT over all meetings; then, with the scheduled set
    fixed, CP-SAT minimises moves and idle gaps. The greedy schedule is the floor: the result
    never holds fewer weighted meetings than first-come-first-served.
    """
    from . import scheduler_phases as phases

    started = time.perf_counter()
    deadline = started + time_limit
    frame = _Frame(instance)
    greedy_slots = _greedy_slots(frame)
    weight_of = {m.id: m.priority for m in frame.open}
    locked_weight = sum(m.priority for m in frame.locked)

    relaxation = phases.select_meetings(frame, _share(deadline, 0.2, time_limit), workers, seed)
    slot_of = phases.colour_selection(frame, relaxation.selected)
    slot_of = phases.fill_in(frame, slot_of)
    improved = phases.improve_slots(
        frame, slot_of, _share(deadline, 0.5, time_limit), workers, seed
    )
    slot_of, status = improved.slot_of, improved.status
    bounds = [b for b in (relaxation.bound, improved.bound) if b is not None]
    bound = min(bounds) if bounds else sum(weight_of.values())
    if _weight_of_slots(weight_of, greedy_slots) > _weight_of_slots(weight_of, slot_of):
        slot_of = dict(greedy_slots)
    arranged = phases.arrange_days(frame, slot_of, deadline - time.perf_counter(), workers, seed)
    assignments = _assign_tables(frame, arranged.slot_of)
    return _finish(
        CP_SAT, frame, assignments, status, bound + locked_weight, started, arranged.status
    )


def _share(deadline: float, share: float, time_limit: float) -> float:
    return max(0.2, min(deadline - time.perf_counter(), time_limit * share))


def _weight_of_slots(weight_of: dict[int, int], slot_of: dict[int, int]) -> int:
    return sum(weight_of[m] for m in slot_of)
