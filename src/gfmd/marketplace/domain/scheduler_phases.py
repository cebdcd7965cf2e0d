"""The steps of "Schedule all" (see scheduler.schedule_meetings); pure, no ORM.

1. select_meetings: which meetings to hold. A relaxation — each party attends at most as many
   meetings as it has free slots, two parties meet at most as often as they share free slots,
   the Marketplace holds at most its tables x slots — solved by CP-SAT. Every schedule obeys
   it, so its optimum is a proven upper bound of the whole problem. Without unavailability the
   relaxation is exact (a bipartite multigraph of maximum degree k has an equitable k-edge
   colouring, de Werra 1971), which is why the bound is tight.
2. colour_selection + fill_in: give the selected meetings slots, most constrained first, each in
   the least loaded slot both parties are free; then place what else fits.
3. improve_slots: CP-SAT over every meeting and slot, started from that schedule.
4. arrange_days: with the scheduled set fixed, CP-SAT minimises moves, then idle gaps.

Objectives that need a tie-break are scaled: weight x (meetings + 1) + kept places, so that one
more unit of weight always beats every kept place; bounds are divided back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model


@dataclass
class Relaxation:
    selected: set[int]
    bound: int | None
    status: str


@dataclass
class Improved:
    slot_of: dict[int, int]
    bound: int | None
    status: str


@dataclass
class Arranged:
    slot_of: dict[int, int]
    status: str


def _solver(seconds: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = max(0.1, seconds)
    return solver


def _found(status) -> bool:
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _free_slots(frame, party: str) -> set[int]:
    return {
        s
        for s in frame.slot_ids
        if frame.capacity[s] > 0
        and not frame.unavailable(party, s)
        and (party, s) not in frame.busy
    }


def select_meetings(frame, seconds: float, workers: int, seed: int) -> Relaxation:
    model = cp_model.CpModel()
    scale = len(frame.open) + 1
    held, per_party, per_pair = {}, defaultdict(list), defaultdict(list)
    for meeting in frame.open:
        if not frame.candidate_slots(meeting):
            continue
        held[meeting.id] = var = model.new_bool_var(f"x_{meeting.id}")
        for party in meeting.parties:
            per_party[party].append(var)
        per_pair[tuple(sorted(meeting.parties))].append(var)
    for party, variables in per_party.items():
        free = len(_free_slots(frame, party))
        if len(variables) > free:
            model.add(sum(variables) <= free)
    for (first, second), variables in per_pair.items():
        shared = len(_free_slots(frame, first) & _free_slots(frame, second))
        if len(variables) > shared:
            model.add(sum(variables) <= shared)
    if len(held) > sum(frame.capacity.values()):
        model.add(sum(held.values()) <= sum(frame.capacity.values()))
    by_id = {m.id: m for m in frame.open}
    model.maximize(
        sum(
            (by_id[m].priority * scale + (1 if by_id[m].previous else 0)) * var
            for m, var in held.items()
        )
    )
    solver = _solver(seconds, workers, seed)
    status = solver.solve(model)
    if not _found(status):
        return Relaxation(set(), None, solver.status_name(status))
    selected = {m for m, var in held.items() if solver.boolean_value(var)}
    return Relaxation(
        selected, int(solver.best_objective_bound + 1e-6) // scale, solver.status_name(status)
    )


class _Board:
    """Who is where, while slots are handed out one meeting at a time."""

    def __init__(self, frame):
        self.frame = frame
        self.used = set(frame.busy)
        self.load = defaultdict(int)
        self.slot_of: dict[int, int] = {}

    def fits(self, meeting, slot_id: int) -> bool:
        return self.load[slot_id] < self.frame.capacity[slot_id] and not any(
            (p, slot_id) in self.used for p in meeting.parties
        )

    def place(self, meeting, slot_id: int) -> None:
        self.slot_of[meeting.id] = slot_id
        self.load[slot_id] += 1
        self.used |= {(p, slot_id) for p in meeting.parties}

    def place_somewhere(self, meeting) -> bool:
        candidates = self.frame.candidate_slots(meeting)
        previous = meeting.previous[0] if meeting.previous else None
        if previous in candidates and self.fits(meeting, previous):
            self.place(meeting, previous)
            return True
        for slot_id in sorted(candidates, key=lambda s: self.load[s]):
            if self.fits(meeting, slot_id):
                self.place(meeting, slot_id)
                return True
        return False


def colour_selection(frame, selected: set[int]) -> dict[int, int]:
    """Slots for the selected meetings: those keeping their previous slot first, then the
    meetings of the busiest parties and with the fewest possible slots."""
    meetings = [m for m in frame.open if m.id in selected]
    degree = defaultdict(int)
    for meeting in meetings:
        for party in meeting.parties:
            degree[party] += 1
    board = _Board(frame)
    meetings.sort(
        key=lambda m: (
            m.previous is None,
            -max(degree[p] for p in m.parties),
            -m.priority,
            len(frame.candidate_slots(m)),
            m.id,
        )
    )
    for meeting in meetings:
        board.place_somewhere(meeting)
    return board.slot_of


def fill_in(frame, slot_of: dict[int, int]) -> dict[int, int]:
    """Place what else fits in the slots left free, the highest priority first."""
    board = _Board(frame)
    by_id = {m.id: m for m in frame.open}
    for meeting_id, slot_id in slot_of.items():
        board.place(by_id[meeting_id], slot_id)
    for meeting in sorted(frame.open, key=lambda m: (-m.priority, m.id)):
        if meeting.id not in board.slot_of:
            board.place_somewhere(meeting)
    return board.slot_of


def _slot_model(frame, meetings, *, exactly_one: bool):
    """y[meeting, slot] for the candidate slots, with the party, table and meeting rules."""
    model = cp_model.CpModel()
    y, held = {}, {}
    by_party_slot, by_slot = defaultdict(list), defaultdict(list)
    for meeting in meetings:
        own = []
        for slot_id in frame.candidate_slots(meeting):
            y[(meeting.id, slot_id)] = var = model.new_bool_var(f"y_{meeting.id}_{slot_id}")
            own.append(var)
            by_slot[slot_id].append(var)
            for party in meeting.parties:
                by_party_slot[(party, slot_id)].append(var)
        if exactly_one:
            model.add_exactly_one(own)
        elif own:
            held[meeting.id] = model.new_bool_var(f"x_{meeting.id}")
            model.add(held[meeting.id] == sum(own))
    for slot_id, variables in by_slot.items():
        if len(variables) > frame.capacity[slot_id]:
            model.add(sum(variables) <= frame.capacity[slot_id])
    return model, y, held, by_party_slot


def improve_slots(frame, slot_of, seconds: float, workers: int, seed: int) -> Improved:
    model, y, held, by_party_slot = _slot_model(frame, frame.open, exactly_one=False)
    for variables in by_party_slot.values():
        if len(variables) > 1:
            model.add_at_most_one(variables)
    scale = len(frame.open) + 1
    by_id = {m.id: m for m in frame.open}
    objective = [by_id[m].priority * scale * var for m, var in held.items()]
    for meeting in frame.open:
        if meeting.previous and (meeting.id, meeting.previous[0]) in y:
            objective.append(y[(meeting.id, meeting.previous[0])])
    model.maximize(sum(objective))
    for (meeting_id, slot_id), var in y.items():
        model.add_hint(var, slot_of.get(meeting_id) == slot_id)
    for meeting_id, var in held.items():
        model.add_hint(var, meeting_id in slot_of)
    solver = _solver(seconds, workers, seed)
    status = solver.solve(model)
    if not _found(status):
        return Improved(slot_of, None, solver.status_name(status))
    found = {m: s for (m, s), var in y.items() if solver.boolean_value(var)}
    bound = int(solver.best_objective_bound + 1e-6) // scale
    weight = sum(by_id[m].priority for m in found)
    if weight < sum(by_id[m].priority for m in slot_of):
        found = slot_of
    return Improved(found, bound, solver.status_name(status))


def arrange_days(frame, slot_of, seconds: float, workers: int, seed: int) -> Arranged:
    """Same meetings, other slots: minimise moves x (all possible gaps + 1) + idle gaps."""
    if seconds < 0.2 or not slot_of:
        return Arranged(slot_of, "SKIPPED")
    meetings = [m for m in frame.open if m.id in slot_of]
    model, y, _held, by_party_slot = _slot_model(frame, meetings, exactly_one=True)
    for (meeting_id, slot_id), var in y.items():
        model.add_hint(var, slot_of[meeting_id] == slot_id)
    gaps, most_gaps = _idle_gap_terms(model, frame, meetings, by_party_slot, slot_of)
    moves = []
    for meeting in meetings:
        if meeting.previous is not None:
            stay = y.get((meeting.id, meeting.previous[0]))
            moves.append(1 if stay is None else 1 - stay)
    model.minimize((most_gaps + 1) * sum(moves) + sum(gaps))
    solver = _solver(seconds, workers, seed)
    status = solver.solve(model)
    if not _found(status):
        return Arranged(slot_of, solver.status_name(status))
    return Arranged(
        {m: s for (m, s), var in y.items() if solver.boolean_value(var)},
        solver.status_name(status),
    )


def _idle_gap_terms(model, frame, meetings, by_party_slot, slot_of):
    """One gap variable per party-day: last - first + 1 - meetings held, when any is held.
    Every auxiliary variable gets the value of the current schedule as a hint."""
    by_id = {m.id: m for m in frame.instance.meetings}
    taken = {(p, s) for m, s in slot_of.items() for p in by_id[m].parties}
    days = defaultdict(list)
    for slot in frame.slots:
        days[slot.day].append(slot)
    meetings_of = defaultdict(int)
    for meeting in list(meetings) + frame.locked:
        for party in meeting.parties:
            meetings_of[party] += 1
    terms, most = [], 0
    for party in sorted(meetings_of):
        if meetings_of[party] < 2:
            continue
        for day_slots in days.values():
            busy = []
            for slot in day_slots:
                if (party, slot.id) in frame.busy:
                    busy.append((slot.order, True, True))
                elif by_party_slot.get((party, slot.id)):
                    literal = model.new_bool_var("")
                    model.add(literal == sum(by_party_slot[(party, slot.id)]))
                    now = (party, slot.id) in taken
                    model.add_hint(literal, now)
                    busy.append((slot.order, literal, now))
            if len(busy) < 2:
                continue
            terms.append(_gap_of_day(model, busy))
            most += len(day_slots)
    return terms, most


def _gap_of_day(model, busy):
    low = min(order for order, _, _ in busy)
    high = max(order for order, _, _ in busy)
    span = high - low + 1
    first = model.new_int_var(low, high, "")
    last = model.new_int_var(low, high, "")
    active = model.new_bool_var("")
    gap = model.new_int_var(0, span, "")
    count = 0
    for order, literal, _now in busy:
        if literal is True:
            model.add(first <= order)
            model.add(last >= order)
            model.add(active == 1)
            count += 1
        else:
            model.add(first <= order).only_enforce_if(literal)
            model.add(last >= order).only_enforce_if(literal)
            model.add_implication(literal, active)
            count += literal
    model.add(gap >= last - first + 1 - count - span * (1 - active))
    held_now = [order for order, _, now in busy if now]
    if held_now:
        model.add_hint(first, min(held_now))
        model.add_hint(last, max(held_now))
        model.add_hint(active, True)
        model.add_hint(gap, max(held_now) - min(held_now) + 1 - len(held_now))
    else:
        model.add_hint(first, low)
        model.add_hint(last, low)
        model.add_hint(active, False)
        model.add_hint(gap, 0)
    return gap
