"""The pure scheduler: its rules, its objective, its reasons, and greedy for comparison."""

import pytest

from gfmd.marketplace.domain import scheduler as s
from gfmd.marketplace.domain.instances import SIZES, generate_instance


def grid(slots=4, tables=2, days=1):
    per_day = slots // days
    return (
        [s.Slot(i + 1, f"d{i // per_day}", i % per_day) for i in range(slots)],
        [s.Table(t + 1) for t in range(tables)],
    )


def check_rules(instance, schedule):
    """Every rule of Schedule all holds in ``schedule``."""
    seen_tables, seen_parties = set(), set()
    by_id = {m.id: m for m in instance.meetings}
    for meeting_id, (slot, table) in schedule.assignments.items():
        assert (slot, table) not in seen_tables
        seen_tables.add((slot, table))
        for party in by_id[meeting_id].parties:
            assert (party, slot) not in seen_parties
            seen_parties.add((party, slot))
            assert slot not in instance.unavailable.get(party, ())
        if by_id[meeting_id].locked:
            assert (slot, table) == by_id[meeting_id].locked


@pytest.mark.parametrize("solve", [s.schedule_meetings, s.greedy_schedule])
def test_a_party_meets_once_per_slot_and_a_table_holds_one_meeting(solve):
    slots, tables = grid(slots=2, tables=2)
    meetings = [s.Meeting(1, ("A", "X")), s.Meeting(2, ("A", "Y")), s.Meeting(3, ("B", "Y"))]
    instance = s.Instance(slots, tables, meetings)
    result = solve(instance) if solve is s.greedy_schedule else solve(instance, time_limit=5)
    check_rules(instance, result)
    assert result.scheduled == 3


def test_table_capacity_leaves_the_lowest_priority_out_with_a_reason():
    slots, tables = grid(slots=1, tables=1)
    meetings = [s.Meeting(1, ("A", "X"), priority=1), s.Meeting(2, ("B", "Y"), priority=3)]
    result = s.schedule_meetings(s.Instance(slots, tables, meetings), time_limit=5)
    assert set(result.assignments) == {2}
    assert result.objective == 3 and result.bound == 3 and result.gap == 0
    assert [(u.meeting_id, u.code, u.blockers) for u in result.unscheduled] == [
        (1, s.TABLES_FULL, (2,))
    ]


def test_unavailable_slots_are_respected_and_no_common_slot_is_named():
    slots, tables = grid(slots=2, tables=2)
    meetings = [s.Meeting(1, ("A", "X")), s.Meeting(2, ("B", "Y"))]
    unavailable = {"A": frozenset({1}), "X": frozenset({2}), "B": frozenset({1})}
    instance = s.Instance(slots, tables, meetings, unavailable)
    result = s.schedule_meetings(instance, time_limit=5)
    check_rules(instance, result)
    assert result.assignments[2][0] == 2
    assert [(u.meeting_id, u.code) for u in result.unscheduled] == [(1, s.NO_COMMON_SLOT)]


def test_locked_meetings_stay_where_staff_put_them():
    slots, tables = grid(slots=3, tables=1)
    meetings = [
        s.Meeting(1, ("A", "X"), locked=(2, 1)),
        s.Meeting(2, ("A", "Y")),
        s.Meeting(3, ("B", "X")),
    ]
    instance = s.Instance(slots, tables, meetings)
    result = s.schedule_meetings(instance, time_limit=5)
    check_rules(instance, result)
    assert result.assignments[1] == (2, 1)
    assert result.scheduled == 3


def test_a_meeting_locked_out_of_every_slot_says_so():
    slots, tables = grid(slots=1, tables=2)
    meetings = [s.Meeting(1, ("A", "X"), locked=(1, 1)), s.Meeting(2, ("A", "Y"))]
    result = s.schedule_meetings(s.Instance(slots, tables, meetings), time_limit=5)
    assert [(u.code, u.blockers) for u in result.unscheduled] == [(s.LOCKED_OUT, (1,))]


def test_no_table_left_by_locks_is_named():
    slots, tables = grid(slots=1, tables=1)
    meetings = [s.Meeting(1, ("A", "X"), locked=(1, 1)), s.Meeting(2, ("B", "Y"))]
    result = s.schedule_meetings(s.Instance(slots, tables, meetings), time_limit=5)
    assert [u.code for u in result.unscheduled] == [s.NO_TABLE]


def test_party_clash_is_named_with_the_meetings_in_the_way():
    slots, tables = grid(slots=1, tables=3)
    meetings = [s.Meeting(1, ("A", "X"), priority=2), s.Meeting(2, ("A", "Y"))]
    result = s.schedule_meetings(s.Instance(slots, tables, meetings), time_limit=5)
    assert [(u.meeting_id, u.code, u.blockers) for u in result.unscheduled] == [
        (2, s.PARTY_BUSY, (1,))
    ]


def test_contradictory_locks_are_refused_naming_both_meetings():
    slots, tables = grid(slots=1, tables=2)
    meetings = [s.Meeting(1, ("A", "X"), locked=(1, 1)), s.Meeting(2, ("A", "Y"), locked=(1, 2))]
    with pytest.raises(s.ScheduleInputError) as error:
        s.schedule_meetings(s.Instance(slots, tables, meetings), time_limit=5)
    assert error.value.meeting_ids == (1, 2)


def test_idle_gaps_are_minimised_after_the_count():
    slots, tables = grid(slots=4, tables=1)
    # A has two meetings; with four slots and one table they can sit together.
    meetings = [s.Meeting(1, ("A", "X")), s.Meeting(2, ("A", "Y")), s.Meeting(3, ("B", "Z"))]
    unavailable = {"X": frozenset({2, 3, 4})}  # X only in slot 1: A's day starts there
    instance = s.Instance(slots, tables, meetings, unavailable)
    result = s.schedule_meetings(instance, time_limit=5)
    assert result.scheduled == 3
    assert result.idle_gaps == 0
    assert result.assignments[2][0] == 2  # right after A's first meeting


def test_rescheduling_moves_as_few_meetings_as_possible():
    slots, tables = grid(slots=4, tables=2)
    previous = {1: (1, 1), 2: (2, 1), 3: (3, 2), 4: (4, 2)}
    meetings = [
        s.Meeting(i, parties, previous=previous[i])
        for i, parties in {1: ("A", "X"), 2: ("B", "Y"), 3: ("C", "Z"), 4: ("D", "W")}.items()
    ]
    # A new meeting of B and C, and B cannot make slot 2 any more: only meeting 2 must move.
    meetings.append(s.Meeting(5, ("B", "C")))
    instance = s.Instance(slots, tables, meetings, {"B": frozenset({2})})
    result = s.schedule_meetings(instance, time_limit=5)
    check_rules(instance, result)
    assert result.scheduled == 5
    assert result.moves == 1
    assert result.assignments[1] == (1, 1) and result.assignments[4] == (4, 2)


def test_greedy_takes_first_come_first_served_and_cp_sat_does_better():
    slots, tables = grid(slots=2, tables=1)
    # Greedy puts meeting 1 in slot 1 and 2 in slot 2; meeting 3 (weight 3) finds nothing.
    meetings = [
        s.Meeting(1, ("A", "X")),
        s.Meeting(2, ("B", "Y")),
        s.Meeting(3, ("C", "Z"), priority=3),
    ]
    instance = s.Instance(slots, tables, meetings)
    greedy = s.greedy_schedule(instance)
    best = s.schedule_meetings(instance, time_limit=5)
    assert greedy.objective == 2 and 3 not in greedy.assignments
    assert best.objective == 4 and 3 in best.assignments
    assert best.bound == 4


def test_small_instance_is_solved_to_its_bound_and_never_below_greedy():
    instance = generate_instance(SIZES["small"])
    greedy = s.greedy_schedule(instance)
    best = s.schedule_meetings(instance, time_limit=10)
    check_rules(instance, best)
    assert best.objective >= greedy.objective
    assert best.objective == best.bound
    assert best.idle_gaps <= greedy.idle_gaps


def test_instances_are_the_same_for_the_same_seed():
    first = generate_instance(SIZES["small"], seed=7)
    again = generate_instance(SIZES["small"], seed=7)
    assert first == again
    assert len(first.meetings) == 35 and len(first.slots) == 12 and len(first.tables) == 6
    assert all(m.parties[0] != m.parties[1] for m in first.meetings)


def test_idle_gaps_are_counted_per_party_and_day():
    slots, tables = grid(slots=4, tables=2, days=1)
    meetings = [s.Meeting(1, ("A", "X")), s.Meeting(2, ("A", "Y"))]
    instance = s.Instance(slots, tables, meetings)
    assert s.idle_gaps(instance, {1: (1, 1), 2: (4, 1)}) == 2
    assert s.idle_gaps(instance, {1: (1, 1), 2: (2, 1)}) == 0
