"""Who chairs an edition, and who co-chairs it (Operating Modalities §1, 003 L9534-L9546)."""

import datetime

from gfmd.directory.models import State

from ..models import Edition


def edition_period(edition: Edition) -> tuple[datetime.date, datetime.date]:
    return datetime.date(edition.year, 1, 1), datetime.date(
        edition.year_end or edition.year, 12, 31
    )


def chair_states(edition: Edition | None) -> list[State]:
    """The states chairing ``edition``, lead chair first.

    A chairmanship can span several editions in phases (the Germany-Morocco co-chairmanship,
    001 L14-L26); the chairs of one edition are the terms that overlap its year(s). Terms without
    dates count for every edition of their chairmanship. Expects ``chairmanship__terms__state``
    to be prefetched when called in a loop.
    """
    if edition is None or edition.chairmanship is None:
        return []
    first, last = edition_period(edition)
    terms = [
        term
        for term in edition.chairmanship.terms.all()
        if (term.start is None or term.start <= last) and (term.end is None or term.end >= first)
    ]
    terms.sort(key=lambda term: (not term.is_lead, term.phase, term.state.name_en))
    states: dict[int, State] = {}  # a state with two terms (two phases) is named once
    for term in terms:
        states.setdefault(term.state_id, term.state)
    return list(states.values())


def co_chair(previous: Edition | None) -> State | None:
    """The co-chair is "the country that organised the previous Forum" (003 L9539-L9540)."""
    return previous.host_state if previous is not None else None
