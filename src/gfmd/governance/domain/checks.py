"""Rule checks of the Operating Modalities. They warn and do not block: the modalities say
"in principle" (003 L9547, L9594)."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..enums import Body
from ..models import BodyMeeting
from .chairs import chair_states
from .neighbours import EditionNeighbourhood
from .steering_group import RegionalBalance, SteeringGroupSeat
from .troika import Troika

SOURCE_ALTERNATION = "Operating Modalities §1, 003 L9547-L9548"
SOURCE_TROIKA = "Operating Modalities §1, 003 L9542-L9546"
SOURCE_FRIENDS = "Operating Modalities §3, 003 L9594-L9596"
SOURCE_STEERING_GROUP = "Operating Modalities §2, 003 L9560-L9565"


@dataclass(frozen=True)
class RuleWarning:
    code: str
    message: str
    source: str


def check_chair_alternation(around: EditionNeighbourhood) -> list[RuleWarning]:
    """ "The Chair-in-Office should, in principle, alternate annually between a developing and a
    developed country" (003 L9547-L9548)."""
    previous, edition = around.previous, around.edition
    if previous is None or edition.chairmanship_id is None or previous.chairmanship_id is None:
        return []
    if previous.chairmanship_id == edition.chairmanship_id:
        return []  # one (co-)chairmanship over several years is one turn
    now = {state.development_status for state in chair_states(edition)}
    before = {state.development_status for state in chair_states(previous)}
    if len(now) == 1 and now == before:
        status = next(iter(now))
        return [
            RuleWarning(
                "chair_alternation",
                _(
                    "The chair of edition %(number)s and the chair of the previous edition are "
                    "both %(status)s countries; the chair should in principle alternate between "
                    "a developing and a developed country."
                )
                % {"number": edition.number, "status": _(status)},
                SOURCE_ALTERNATION,
            )
        ]
    return []


def check_troika(troika: Troika) -> list[RuleWarning]:
    if not troika.formed:
        return [
            RuleWarning(
                "troika_not_formed",
                _("The Troika is not formed on %(day)s: the forthcoming chair is not known yet.")
                % {"day": troika.as_of.isoformat()},
                SOURCE_TROIKA,
            )
        ]
    if troika.outgoing and len(troika.states) < 3:
        names = ", ".join(state.name for state in troika.states)
        return [
            RuleWarning(
                "troika_not_distinct",
                _("The Troika should have three distinct states; on %(day)s it has: %(names)s.")
                % {"day": troika.as_of.isoformat(), "names": names},
                SOURCE_TROIKA,
            )
        ]
    return []


def friends_meetings_window(
    around: EditionNeighbourhood,
) -> tuple[datetime.date | None, datetime.date]:
    """Between the previous edition's Summit and this one's. Where the previous Summit's date is
    not recorded, from the start of this edition's year; the first edition: up to its Summit."""
    previous, edition = around.previous, around.edition
    start = None
    if previous is not None:
        start = previous.summit_end or previous.summit_start
        if start is None:
            start = datetime.date(edition.year, 1, 1) - datetime.timedelta(days=1)
    return start, edition.reference_date()


def check_friends_meetings(around: EditionNeighbourhood) -> list[RuleWarning]:
    """Friends of the Forum meetings "are held, in principle, at least twice in between each
    Forum meeting" (003 L9594-L9596)."""
    start, end = friends_meetings_window(around)
    meetings = BodyMeeting.objects.filter(
        process_id=around.edition.process_id, body=Body.FRIENDS_OF_THE_FORUM, date__lte=end
    )
    if start is not None:
        meetings = meetings.filter(date__gt=start)
    count = meetings.count()
    if count >= 2:
        return []
    message = ngettext(
        "%(count)d Friends of the Forum meeting is recorded before this edition's Summit; "
        "the Friends of the Forum meet in principle at least twice between two Forum meetings.",
        "%(count)d Friends of the Forum meetings are recorded before this edition's Summit; "
        "the Friends of the Forum meet in principle at least twice between two Forum meetings.",
        count,
    ) % {"count": count}
    return [RuleWarning("friends_of_the_forum_frequency", message, SOURCE_FRIENDS)]


def check_steering_group_balance(
    seats: list[SteeringGroupSeat], balance: RegionalBalance
) -> list[RuleWarning]:
    if not any(not seat.ex_officio for seat in seats):
        return []  # nothing recorded for this edition: no verdict on missing data
    warnings = []
    if balance.regions_without_members:
        warnings.append(
            RuleWarning(
                "steering_group_region_missing",
                _("The Steering Group has no member from: %(regions)s.")
                % {"regions": ", ".join(_(r) for r in balance.regions_without_members)},
                SOURCE_STEERING_GROUP,
            )
        )
    if balance.over_represented:
        warnings.append(
            RuleWarning(
                "steering_group_region_over_represented",
                _(
                    "%(regions)s hold more than twice their share of UN Member States among the "
                    "Steering Group's seats."
                )
                % {"regions": ", ".join(_(r) for r in balance.over_represented)},
                SOURCE_STEERING_GROUP,
            )
        )
    statuses = balance.by_development_status
    if balance.total and min(statuses.values()) == 0:
        warnings.append(
            RuleWarning(
                "steering_group_development_balance",
                _("The Steering Group has only %(status)s countries.")
                % {"status": _(max(statuses, key=statuses.get))},
                SOURCE_STEERING_GROUP,
            )
        )
    return warnings
