"""Reusable queries of the directory pages and API: a fixed number of queries whatever the size."""

from django.db.models import Count, Prefetch, Q, QuerySet

from ..models import Organisation, State


def states_for_listing(search: str = "", region: str = "") -> QuerySet[State]:
    states = State.objects.all()
    if search:
        states = states.filter(
            Q(name_en__icontains=search)
            | Q(name_fr__icontains=search)
            | Q(name_es__icontains=search)
            | Q(iso3__iexact=search)
        )
    if region:
        states = states.filter(m49_region=region)
    return states.order_by("name_en")


def organisations_for_listing(search: str = "", type_: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("based_in")
    if search:
        organisations = organisations.filter(
            Q(name_en__icontains=search) | Q(acronym__iexact=search) | Q(name_fr__icontains=search)
        )
    if type_:
        organisations = organisations.filter(type=type_)
    return organisations.order_by("name_en")


def regions() -> list[str]:
    return list(
        State.objects.order_by()
        .values_list("m49_region", flat=True)
        .distinct()
        .order_by("m49_region")
    )


def state_gfmd_history(state: State) -> dict:
    """A state's GFMD record: chairs held, Steering Group terms, focal point count (no names)."""
    from gfmd.governance.models import (
        ChairTerm,
        Edition,
        FocalPoint,
        FriendsOfTheForumMembership,
        SteeringGroupMembership,
        TroikaExtension,
    )

    chair_terms = (
        ChairTerm.objects.filter(state=state)
        .select_related("chairmanship__process")
        # The page links each edition by its process's slug: read the processes with them.
        .prefetch_related(
            Prefetch("chairmanship__editions", queryset=Edition.objects.select_related("process"))
        )
        .order_by("start")
    )
    steering_group = (
        SteeringGroupMembership.objects.filter(state=state)
        .select_related("process")
        .order_by("start")
    )
    friends = FriendsOfTheForumMembership.objects.filter(state=state).select_related("process")
    extended_troika = TroikaExtension.objects.filter(state=state).select_related("edition__process")
    focal_points = FocalPoint.objects.filter(state=state).aggregate(
        total=Count("id"), current=Count("id", filter=Q(end__isnull=True))
    )
    return {
        "chair_terms": list(chair_terms),
        "steering_group": list(steering_group),
        "friends": list(friends),
        "extended_troika": list(extended_troika),
        "focal_points": focal_points,
    }


def organisation_gfmd_record(organisation: Organisation) -> dict:
    """An organisation's GFMD record: the editions it observed (003 L9510-L9513), the ad hoc
    Working Groups it sat on, the processes it serves as secretariat, and its session teams."""
    from gfmd.governance.models import EditionObserver, Process, WorkingGroupMember
    from gfmd.preparation.domain.queries import organisation_session_teams

    observed = (
        EditionObserver.objects.filter(organisation=organisation)
        .select_related("edition__process")
        .order_by("-edition__year", "edition__process__name_en")
    )
    working_groups = (
        WorkingGroupMember.objects.filter(organisation=organisation)
        .select_related("group__process")
        .prefetch_related("group__names")
        .order_by("group__established_year", "group__key")
    )
    return {
        "observed": [observer.edition for observer in observed],
        "working_groups": list(working_groups),
        "secretariat_of": list(Process.objects.filter(organisation=organisation)),
        "session_teams": organisation_session_teams(organisation),
    }
