"""Reusable queries of governance pages and the API, in a fixed number of queries."""

from django.db.models import Prefetch
from django.utils import timezone

from ..models import (
    ChairCandidacy,
    ChairHolder,
    ChairTerm,
    Edition,
    EditionObserver,
    Process,
    SteeringGroupMembership,
    TroikaExtension,
)
from .neighbours import EditionNeighbourhood, editions_with_chairs, neighbourhood


def editions_by_process(slug: str | None = None) -> list[Process]:
    """Every process (or the one with ``slug``) with its editions and their chairmanship, in two
    queries.

    The lists show each edition's chairmanship by name only, so the chair terms, candidacies
    and Troika extensions that editions_with_chairs() prefetches are not read: with hundreds of
    editions, building those objects took most of the page's time (bench/run.py).
    """
    processes = Process.objects.filter(slug=slug) if slug else Process.objects.all()
    return list(
        processes.prefetch_related(
            Prefetch(
                "editions",
                queryset=Edition.objects.select_related("chairmanship").order_by("number"),
            )
        ).order_by("kind", "name_en")
    )


def edition_index() -> tuple[list[Process], list[Process]]:
    """The editions page: the GFMD's editions in full; the other processes with their edition
    counts only (each has its own page), so the page does not grow with every RCP's history."""
    from django.db.models import Count

    forums = editions_by_process_of_kind("gfmd")
    others = list(
        Process.objects.exclude(kind="gfmd")
        .annotate(edition_count=Count("editions"))
        .order_by("name_en")
    )
    return forums, others


def editions_by_process_of_kind(kind: str) -> list[Process]:
    return list(
        Process.objects.filter(kind=kind)
        .prefetch_related(
            Prefetch(
                "editions",
                queryset=Edition.objects.select_related("chairmanship").order_by("number"),
            )
        )
        .order_by("name_en")
    )


def current_and_next_edition(
    process_slug: str,
) -> tuple[EditionNeighbourhood | None, Edition | None]:
    """The edition of this year (else the latest before it) with its neighbours, and the one
    after it if recorded (the next by number, which may skip a gap in the numbering)."""
    this_year = timezone.localdate().year
    editions = list(editions_with_chairs().filter(process__slug=process_slug).order_by("number"))
    past = [e for e in editions if e.year <= this_year]
    current = past[-1] if past else (editions[0] if editions else None)
    following = next((e for e in editions if current and e.number > current.number), None)
    return (neighbourhood(current, editions) if current else None), following


def governance_history(edition: Edition) -> list:
    """The history tables an edition's governance page shows."""
    querysets = [
        Edition.history.filter(id=edition.id),
        ChairCandidacy.history.filter(edition_id=edition.id),
        TroikaExtension.history.filter(edition_id=edition.id),
        EditionObserver.history.filter(edition_id=edition.id),
        SteeringGroupMembership.history.filter(process_id=edition.process_id),
    ]
    if edition.chairmanship_id:
        querysets += [
            ChairTerm.history.filter(chairmanship_id=edition.chairmanship_id),
            ChairHolder.history.filter(chairmanship_id=edition.chairmanship_id),
        ]
    return querysets


def working_groups_of(process: Process) -> list:
    """Working groups with their names over time and their members (three queries)."""
    from ..models import WorkingGroup, WorkingGroupMember

    return list(
        WorkingGroup.objects.filter(process=process)
        .prefetch_related(
            "names",
            Prefetch(
                "members",
                queryset=WorkingGroupMember.objects.select_related("state", "organisation"),
            ),
        )
        .order_by("established_year", "key")
    )


def body_meetings_of(process: Process) -> list:
    from ..models import BodyMeeting

    return list(
        BodyMeeting.objects.filter(process=process)
        .select_related("edition")
        .prefetch_related("decisions")
        .order_by("date", "body", "number")
    )
