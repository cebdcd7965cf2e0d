"""Queries of the reference pages: the lists themselves, and the library documents a user may
read that carry a tag (library access levels apply). What the preparation of the Forums tagged
comes from preparation's own queries (preparation/domain/tagged.py)."""

from collections import Counter

from django.db.models import Count

from gfmd.library.domain.queries import readable_documents

from ..models import GCMGuidingPrinciple, GCMObjective, SDGGoal, SDGTarget


def documents_tagged(user, **tag) -> list:
    """Readable library documents with the tag, newest first: one query."""
    return list(
        readable_documents(user)
        .filter(**tag)
        .select_related("process", "edition")
        .order_by("-year", "type", "slug")
    )


def document_tag_counts(user) -> dict[str, Counter]:
    """How many readable documents carry each SDG target and GCM objective: two queries."""
    readable = readable_documents(user)
    return {
        "sdg_target": Counter(
            dict(
                SDGTarget.objects.filter(document__in=readable)
                .annotate(n=Count("document", distinct=True))
                .values_list("pk", "n")
            )
        ),
        "gcm_objective": Counter(
            dict(
                GCMObjective.objects.filter(document__in=readable)
                .annotate(n=Count("document", distinct=True))
                .values_list("pk", "n")
            )
        ),
    }


def reference_index() -> dict:
    """The four lists: four queries."""
    return {
        "goals": list(SDGGoal.objects.annotate(target_count=Count("targets"))),
        "objectives": list(GCMObjective.objects.all()),
        "principles": list(GCMGuidingPrinciple.objects.all()),
        "target_goals": dict(SDGTarget.objects.values_list("pk", "goal_id")),
    }
