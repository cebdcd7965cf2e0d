"""What the Summit pages, exports and API read, in a fixed number of queries whatever the number
of delegations and members (pinned in tests/summit/test_query_counts.py)."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from gfmd.common.models import collation_key
from gfmd.directory.enums import DevelopmentStatus
from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Edition, EditionObserver

from ..enums import ROLE_ORDER, DelegateRole, DelegationStatus
from ..models import Delegate, Delegation
from .delegates import room_of

MAIN_ROOM_ROLES = (DelegateRole.HEAD, DelegateRole.EXECUTIVE)


def _members_queryset():
    return Delegate.objects.select_related("person")


def sorted_members(delegates) -> list[Delegate]:
    """Head first, then executives, then delegates, each by name; each with its ``room``."""
    members = sorted(
        delegates,
        key=lambda d: (ROLE_ORDER.get(d.role, 9), collation_key(d.person.full_name)),
    )
    for member in members:
        member.room = room_of(member.role)
    return members


def delegations_of(
    edition: Edition,
    *,
    statuses=None,
    extra_ids=(),
    with_members: bool = False,
) -> list[Delegation]:
    """The edition's delegations whose status is in ``statuses`` (all when None), plus those
    whose ids are in ``extra_ids`` (the user's own), by name in the reader's language. Each
    carries ``members``, ``in_main_room`` and ``in_listening_room`` counts; with
    ``with_members`` also ``member_list``. One query, two with the members."""
    queryset = (
        Delegation.objects.filter(edition=edition)
        .select_related("state", "organisation")
        .annotate(
            members=Count("delegates"),
            in_main_room=Count("delegates", filter=Q(delegates__role__in=MAIN_ROOM_ROLES)),
        )
        .order_by()
    )
    if statuses is not None:
        queryset = queryset.filter(Q(status__in=list(statuses)) | Q(pk__in=list(extra_ids)))
    if with_members:
        queryset = queryset.prefetch_related(
            Prefetch("delegates", queryset=_members_queryset(), to_attr="prefetched_members")
        )
    delegations = list(queryset)
    for delegation in delegations:
        delegation.in_listening_room = delegation.members - delegation.in_main_room
        if with_members:
            delegation.member_list = sorted_members(delegation.prefetched_members)
    delegations.sort(key=lambda d: (d.state_id is None, collation_key(str(d.party))))
    return delegations


@dataclass
class SummitCounts:
    """Delegations counted by status, kind, M49 region and development status (states only)."""

    delegations: int = 0
    governments: int = 0
    observers: int = 0
    members: int = 0
    by_status: list[tuple[str, str, int]] = field(default_factory=list)
    by_region: list[tuple[str, int]] = field(default_factory=list)
    by_development_status: list[tuple[str, str, int]] = field(default_factory=list)


def counts_of(delegations: list[Delegation]) -> SummitCounts:
    """Counts of a list read by ``delegations_of`` (no query)."""
    statuses = Counter(d.status for d in delegations)
    states = [d.state for d in delegations if d.state_id]
    regions = Counter(state.m49_region for state in states)
    development = Counter(state.development_status for state in states)
    return SummitCounts(
        delegations=len(delegations),
        governments=len(states),
        observers=len(delegations) - len(states),
        members=sum(getattr(d, "members", 0) for d in delegations),
        by_status=[
            (value, str(label), statuses[value])
            for value, label in DelegationStatus.choices
            if statuses[value]
        ],
        by_region=sorted(regions.items()),
        by_development_status=[
            (value, str(label), development[value])
            for value, label in DevelopmentStatus.choices
            if development[value]
        ],
    )


def delegation_in(edition: Edition, pk: int) -> Delegation:
    """One delegation of the edition with its members (two queries); DoesNotExist otherwise."""
    delegation = (
        Delegation.objects.select_related("state", "organisation", "edition__process")
        .prefetch_related(
            Prefetch("delegates", queryset=_members_queryset(), to_attr="prefetched_members")
        )
        .get(edition=edition, pk=pk)
    )
    delegation.member_list = sorted_members(delegation.prefetched_members)
    delegation.members = len(delegation.member_list)
    delegation.in_main_room = sum(1 for m in delegation.member_list if m.room == "main")
    delegation.in_listening_room = delegation.members - delegation.in_main_room
    return delegation


def delegates_for_export(edition: Edition) -> list[Delegate]:
    """Every member of the edition's delegations, withdrawn ones included (their status is a
    column), by delegation name then role (one query)."""
    delegates = list(
        Delegate.objects.filter(edition=edition).select_related(
            "person", "delegation__state", "delegation__organisation"
        )
    )
    for delegate in delegates:
        delegate.room = room_of(delegate.role)
    delegates.sort(
        key=lambda d: (
            d.delegation.state_id is None,
            collation_key(str(d.delegation.party)),
            ROLE_ORDER.get(d.role, 9),
            collation_key(d.person.full_name),
        )
    )
    return delegates


def invited_organisations(edition: Edition, organisation_ids=None):
    """Organisations invited as observers to the edition (of ``organisation_ids`` if given)."""
    invited = EditionObserver.objects.filter(edition=edition).values("organisation_id")
    queryset = Organisation.objects.filter(pk__in=invited).order_by("name_en")
    if organisation_ids is not None:
        queryset = queryset.filter(pk__in=list(organisation_ids))
    return queryset


def parties_to_register(edition: Edition, roles, *, staff: bool):
    """The states and organisations the user may register a delegation for, not registered yet
    (a withdrawn one may be registered again): for staff every state and invited organisation;
    for a focal point their state; for an organisation's contact their invited organisation."""
    taken = Delegation.objects.filter(edition=edition).exclude(status=DelegationStatus.WITHDRAWN)
    states = State.objects.exclude(
        pk__in=taken.filter(state__isnull=False).values("state_id")
    ).order_by("name_en")
    organisations = invited_organisations(
        edition, None if staff else roles.organisation_ids
    ).exclude(pk__in=taken.filter(organisation__isnull=False).values("organisation_id"))
    if not staff:
        states = states.filter(pk__in=list(roles.focal_point_state_ids))
    return states, organisations


def acts_for(delegation: Delegation, roles) -> bool:
    """The user speaks for the delegation: focal point of its state, or contact of its
    organisation (from ``roles_of``, no query)."""
    if delegation.state_id:
        return delegation.state_id in roles.focal_point_state_ids
    return delegation.organisation_id in roles.organisation_ids


def own_delegation_ids(edition: Edition, roles) -> list[int]:
    """Ids of the edition's delegations the user acts for (one query, none without roles)."""
    if not roles.focal_point_state_ids and not roles.organisation_ids:
        return []
    return list(
        Delegation.objects.filter(edition=edition)
        .filter(
            Q(state_id__in=list(roles.focal_point_state_ids))
            | Q(organisation_id__in=list(roles.organisation_ids))
        )
        .values_list("pk", flat=True)
    )


def delegation_history(delegation: Delegation) -> list:
    """The history tables of a delegation and its members, for gfmd.common.history."""
    return [
        Delegation.history.filter(id=delegation.pk),
        Delegate.history.filter(delegation_id=delegation.pk),
    ]


def editions_taken_part_in(user):
    """The editions whose Summit the user is registered for, in a delegation that is not
    withdrawn: the library counts them among the participants of those editions (docs/summit.md,
    docs/library.md). None for a visitor, who is registered nowhere."""
    if not user.is_authenticated:
        return None
    return (
        Delegate.objects.filter(person__user=user)
        .exclude(delegation__status=DelegationStatus.WITHDRAWN)
        .values("edition_id")
    )
