"""The Troika: outgoing chair, Chair-in-Office and forthcoming chair (003 L9542-L9546)."""

import datetime
from dataclasses import dataclass, field

from gfmd.directory.models import State

from ..models import Edition, TroikaExtension
from .chairs import chair_states
from .neighbours import EditionNeighbourhood


@dataclass(frozen=True)
class Troika:
    as_of: datetime.date
    outgoing: tuple[State, ...]
    in_office: tuple[State, ...]
    forthcoming: tuple[State, ...]
    extended: tuple[TroikaExtension, ...] = field(default=())

    @property
    def formed(self) -> bool:
        """ "Once a third country has been identified to host a following meeting" (003 L9542)."""
        return bool(self.forthcoming)

    @property
    def states(self) -> list[State]:
        """Outgoing, in office, forthcoming, each state once, in that order."""
        ordered: list[State] = []
        for state in (*self.outgoing, *self.in_office, *self.forthcoming):
            if state not in ordered:
                ordered.append(state)
        return ordered

    @property
    def positions(self) -> list[tuple[str, tuple[State, ...]]]:
        return [
            ("outgoing", self.outgoing),
            ("in_office", self.in_office),
            ("forthcoming", self.forthcoming),
        ]


def forthcoming_chairs(following: Edition | None, as_of: datetime.date) -> list[State]:
    """The next edition's chair as known on ``as_of``.

    Where candidacies are recorded for the next edition, the forthcoming chair is the candidate
    that the Troika and the Steering Group had agreed to by that day and that had not withdrawn
    or been replaced (002 L257-L261, L285-L286). Where none is recorded, the next edition's
    chairmanship is taken as known.
    """
    if following is None:
        return []
    candidacies = list(following.candidacies.all())
    if candidacies:
        accepted = [c for c in candidacies if c.is_accepted_on(as_of)]
        accepted.sort(key=lambda c: c.accepted_on or datetime.date.min)
        return [c.state for c in accepted]
    return chair_states(following)


def derive_troika(around: EditionNeighbourhood, as_of: datetime.date | None = None) -> Troika:
    edition = around.edition
    as_of = as_of or edition.reference_date()
    extended = tuple(
        extension for extension in edition.troika_extensions.all() if extension.is_active_on(as_of)
    )
    return Troika(
        as_of=as_of,
        outgoing=tuple(chair_states(around.previous)),
        in_office=tuple(chair_states(edition)),
        forthcoming=tuple(forthcoming_chairs(around.following, as_of)),
        extended=extended,
    )
