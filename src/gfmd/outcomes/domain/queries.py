"""Reusable queries of the outcomes pages, exports and API, each in a fixed number of queries
whatever the number of recommendations, reports and lead governments (pinned in
tests/outcomes/test_query_counts.py)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from gfmd.directory.models import State
from gfmd.governance.models import WorkingGroupName

from ..enums import FollowUpStatus, Origin
from ..models import FollowUp, Recommendation
from .progress import Progress, progress_of, roll_up, standing_of

# "Most of the outcomes ... will require follow-up action in the next 12 months" (003 L269-L271):
# an open recommendation whose latest report is older than this awaits a new one.
REPORT_INTERVAL = datetime.timedelta(days=365)
CLOSED = {FollowUpStatus.IMPLEMENTED, FollowUpStatus.NOT_PURSUED}


def number_key(number: str) -> tuple:
    """Sort "1.2" before "1.10", as the GFMD numbers sessions and roundtables."""
    return tuple(
        int(part) if part.isascii() and part.isdigit() else 0 for part in str(number).split(".")
    )


def recommendations_with_everything(queryset=None):
    """Recommendations with their origin, links and reports (the reports' own links too)."""
    queryset = queryset if queryset is not None else Recommendation.objects.all()
    return queryset.select_related(
        "edition__process",
        "session__roundtable",
        "session__edition__process",
        "roundtable",
        "reporting_edition__process",
    ).prefetch_related(
        Prefetch("lead_states", queryset=State.objects.order_by("name_en")),
        Prefetch("actor_states", queryset=State.objects.order_by("name_en")),
        "actor_organisations",
        Prefetch(
            "follow_ups",
            queryset=FollowUp.objects.select_related(
                "reporting_state",
                "working_group",
                "document__process",
                "later_session__edition__process",
                "author__person",
            )
            .prefetch_related(
                Prefetch("working_group__names", queryset=WorkingGroupName.objects.all())
            )
            .order_by("reported_on", "id"),
        ),
    )


def with_standing(recommendation: Recommendation) -> Recommendation:
    """Attach where it stands (from its prefetched reports) and its leaf of the roll-up."""
    recommendation.standing = standing_of(recommendation.follow_ups.all())
    recommendation.progress = progress_of(recommendation.standing)
    return recommendation


@dataclass
class OutcomeGroup:
    """A node of an edition's outcomes: a roundtable, a session or a horizontal issue, with the
    groups and recommendations under it and their rolled-up progress."""

    kind: str
    key: str
    label: str
    record: object = None
    groups: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    progress: Progress | None = None

    def roll_up(self) -> Progress:
        children = [group.roll_up() for group in self.groups]
        children += [r.progress for r in self.recommendations]
        self.progress = roll_up(children)
        return self.progress


@dataclass
class EditionOutcomes:
    edition: object
    groups: list  # roundtables, then horizontal issues
    forum_wide: list  # recommendations of the Forum as a whole
    progress: Progress
    shown: int
    total: int
    lead_states: list  # every state leading one of the edition's recommendations (filter)


@dataclass
class Filters:
    status: str = ""
    level: str = ""
    horizon: str = ""
    lead: str = ""  # ISO3

    def keep(self, recommendation: Recommendation) -> bool:
        if self.status and recommendation.standing.status != self.status:
            return False
        if self.level and recommendation.level != self.level:
            return False
        if self.horizon and recommendation.horizon != self.horizon:
            return False
        return not self.lead or self.lead in {s.iso3 for s in recommendation.lead_states.all()}

    @property
    def active(self) -> bool:
        return any((self.status, self.level, self.horizon, self.lead))


def edition_recommendations(edition) -> list[Recommendation]:
    """Every recommendation of ``edition`` with where it stands, in report order: sessions and
    roundtables by number, then horizontal issues, then the Forum as a whole."""
    recommendations = [
        with_standing(r)
        for r in recommendations_with_everything(Recommendation.objects.filter(edition=edition))
    ]
    return sorted(recommendations, key=report_order)


def report_order(recommendation: Recommendation) -> tuple:
    origin = recommendation.origin
    rank = {Origin.SESSION: 0, Origin.ROUNDTABLE: 0, Origin.HORIZONTAL_ISSUE: 1}.get(origin, 2)
    roundtable = recommendation.roundtable.number if recommendation.roundtable_id else ""
    session = recommendation.session.number if recommendation.session_id else ""
    return (
        rank,
        number_key(roundtable),
        recommendation.horizontal_issue_en,
        session != "",  # a roundtable's own recommendations before its sessions'
        number_key(session),
        recommendation.number,
    )


def edition_outcomes(
    edition, filters: Filters | None = None, recommendations: list | None = None
) -> EditionOutcomes:
    """An edition's recommendations grouped by roundtable and session, then horizontal issue,
    then the Forum as a whole, with progress rolled up over those the filters keep.
    ``recommendations``: the edition's, already read by ``edition_recommendations``."""
    filters = filters or Filters()
    everything = (
        recommendations if recommendations is not None else edition_recommendations(edition)
    )
    shown = [r for r in everything if filters.keep(r)]
    roundtables: dict = {}
    issues: dict = {}
    forum_wide = []
    for recommendation in shown:
        origin = recommendation.origin
        if origin in (Origin.SESSION, Origin.ROUNDTABLE):
            roundtable = recommendation.roundtable
            group = roundtables.setdefault(
                roundtable.pk,
                OutcomeGroup(
                    Origin.ROUNDTABLE, f"rt-{roundtable.number}", str(roundtable), roundtable
                ),
            )
            if origin == Origin.SESSION:
                session = recommendation.session
                child = next((g for g in group.groups if g.record == session), None)
                if child is None:
                    child = OutcomeGroup(
                        Origin.SESSION, f"s-{session.number}", str(session), session
                    )
                    group.groups.append(child)
                child.recommendations.append(recommendation)
            else:
                group.recommendations.append(recommendation)
        elif origin == Origin.HORIZONTAL_ISSUE:
            key = recommendation.horizontal_issue_en
            issues.setdefault(
                key,
                OutcomeGroup(
                    Origin.HORIZONTAL_ISSUE,
                    f"issue-{len(issues) + 1}",
                    recommendation.horizontal_issue,
                ),
            ).recommendations.append(recommendation)
        else:
            forum_wide.append(recommendation)
    groups = sorted(roundtables.values(), key=lambda g: number_key(g.record.number))
    groups += list(issues.values())
    edition_children = [group.roll_up() for group in groups]
    edition_children += [r.progress for r in forum_wide]
    leads = {s.pk: s for r in everything for s in r.lead_states.all()}
    return EditionOutcomes(
        edition=edition,
        groups=groups,
        forum_wide=forum_wide,
        progress=roll_up(edition_children),
        shown=len(shown),
        total=len(everything),
        lead_states=sorted(leads.values(), key=lambda s: s.name),
    )


def recommendation_by_id(edition, pk: int) -> Recommendation:
    """One recommendation of ``edition`` with its reports, links and where it stands."""
    return with_standing(
        recommendations_with_everything(Recommendation.objects.filter(edition=edition)).get(pk=pk)
    )


@dataclass
class StateFollowUp:
    state: State
    awaiting: list  # open and without a report in the last year
    led: list  # every recommendation the state leads, newest edition first
    named: list  # recommendations naming the state as an actor without it leading them


def awaits_report(recommendation: Recommendation, today: datetime.date) -> bool:
    """Open (neither implemented nor not pursued) and not reported on in the last 12 months
    (003 L269-L271)."""
    standing = recommendation.standing
    if standing.status in CLOSED:
        return False
    return not standing.reported or standing.reported_on < today - REPORT_INTERVAL


def state_follow_up(state: State, today: datetime.date | None = None) -> StateFollowUp:
    """What ``state`` leads across editions, what of it awaits a report, and where it is named
    as an actor."""
    today = today or timezone.localdate()
    led = [
        with_standing(r)
        for r in recommendations_with_everything(Recommendation.objects.filter(lead_states=state))
    ]
    led_ids = {r.pk for r in led}
    named = [
        with_standing(r)
        for r in recommendations_with_everything(
            Recommendation.objects.filter(actor_states=state).exclude(pk__in=led_ids)
        )
    ]

    def order(r):
        return (-r.edition.number, r.edition.process.slug, report_order(r))

    led.sort(key=order)
    named.sort(key=order)
    return StateFollowUp(
        state=state,
        awaiting=[r for r in led if awaits_report(r, today)],
        led=led,
        named=named,
    )
