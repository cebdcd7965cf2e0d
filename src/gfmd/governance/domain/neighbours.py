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


def neighbourhood(edition: Edition) -> EditionNeighbourhood:
    around = {
        e.number: e
        for e in editions_with_chairs().filter(
            process_id=edition.process_id,
            number__in=[edition.number - 1, edition.number, edition.number + 1],
        )
    }
    return EditionNeighbourhood(
        previous=around.get(edition.number - 1),
        edition=around.get(edition.number, edition),
        following=around.get(edition.number + 1),
    )
