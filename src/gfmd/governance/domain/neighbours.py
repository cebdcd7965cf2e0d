"""Load an edition with its neighbours in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch

from ..models import ChairCandidacy, ChairTerm, Edition, TroikaExtension


@dataclass(frozen=True)
class EditionNeighbourhood:
    previous: Edition | None
    edition: Edition
    following: Edition | None


def editions_with_chairs():
    """Editions with everything governance pages read about their chairs, prefetched."""
    return Edition.objects.select_related("process", "host_state", "chairmanship").prefetch_related(
        Prefetch("chairmanship__terms", queryset=ChairTerm.objects.select_related("state")),
        Prefetch("candidacies", queryset=ChairCandidacy.objects.select_related("state")),
        Prefetch("troika_extensions", queryset=TroikaExtension.objects.select_related("state")),
    )


def editions_with_chair_states():
    """Editions with what lists of editions read: process, host, and the states of their chair
    terms (``chair_states``) — not the candidacies and Troika extensions of a whole page."""
    return Edition.objects.select_related("process", "host_state", "chairmanship").prefetch_related(
        Prefetch("chairmanship__terms", queryset=ChairTerm.objects.select_related("state"))
    )


def neighbourhood(edition: Edition, loaded=None) -> EditionNeighbourhood:
    """The edition with the one before and the one after it, read from ``loaded`` editions
    (prefetched as editions_with_chairs() does) when the caller has them, else in four queries."""
    numbers = [edition.number - 1, edition.number, edition.number + 1]
    if loaded is None:
        loaded = editions_with_chairs().filter(process_id=edition.process_id, number__in=numbers)
    around = {
        e.number: e for e in loaded if e.process_id == edition.process_id and e.number in numbers
    }
    return EditionNeighbourhood(
        previous=around.get(edition.number - 1),
        edition=around.get(edition.number, edition),
        following=around.get(edition.number + 1),
    )


def neighbourhood_by_address(process_slug: str, number: int) -> EditionNeighbourhood | None:
    """An edition found by its address with its neighbours, in the four queries of one
    neighbourhood (pages would otherwise read the edition once more to find it)."""
    loaded = list(
        editions_with_chairs().filter(
            process__slug=process_slug, number__in=[number - 1, number, number + 1]
        )
    )
    edition = next((e for e in loaded if e.number == number), None)
    return neighbourhood(edition, loaded) if edition is not None else None
