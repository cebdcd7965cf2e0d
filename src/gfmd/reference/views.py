"""Browsable reference lists: SDG goals and targets, GCM objectives and guiding principles, and
on each entry what the platform tagged with it (published sessions, themes and guiding
questions of the Forums; library documents the reader may open). Thin views: the queries live
in domain/queries.py and in preparation's domain/tagged.py.

The texts are the United Nations' own: the SDG texts exist here in English, French and Spanish;
the GCM objectives in English with short French labels, the guiding principles in English and
French. Where a text is missing in the reader's language the English one is shown and the page
says so; the platform does not translate United Nations texts.
"""

from collections import Counter

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.generic import TemplateView

from gfmd.common.models import localized
from gfmd.common.views import PermissionRequiredMixin
from gfmd.preparation.domain.tagged import (
    tag_counts,
    tagged_with_gcm_guiding_principle,
    tagged_with_gcm_objective,
    tagged_with_sdg_goal,
    tagged_with_sdg_target,
)

from .domain.queries import document_tag_counts, documents_tagged, reference_index
from .models import GCMGuidingPrinciple, GCMObjective, SDGGoal, SDGTarget


def in_english_only(record, *fields: str) -> bool:
    """True when the reader's language is not English and one of the texts shown has no
    version in it (the English text stands in)."""
    language = (get_language() or "en")[:2]
    if language == "en":
        return False
    return any(not getattr(record, f"{name}_{language}", "") for name in fields)


class ReferenceView(PermissionRequiredMixin, TemplateView):
    permission_required = "reference.view_reference"

    def get_permission_object(self):
        return None


class IndexView(ReferenceView):
    """The four lists, each entry with the number of items tagged with it."""

    template_name = "reference/index.html"

    def get_context_data(self, **kwargs):
        lists = reference_index()
        preparation = tag_counts()
        documents = document_tag_counts(self.request.user)
        per_goal = Counter()
        for target_id, goal_id in lists["target_goals"].items():
            per_goal[goal_id] += preparation["sdg_target"].get(target_id, 0)
            per_goal[goal_id] += documents["sdg_target"].get(target_id, 0)
        for goal in lists["goals"]:
            goal.tagged = per_goal[goal.pk] + preparation["sdg_goal"].get(goal.pk, 0)
        for objective in lists["objectives"]:
            objective.tagged = preparation["gcm_objective"].get(objective.pk, 0) + documents[
                "gcm_objective"
            ].get(objective.pk, 0)
        for principle in lists["principles"]:
            principle.tagged = preparation["gcm_guiding_principle"].get(principle.pk, 0)
        language = (get_language() or "en")[:2]
        return super().get_context_data(
            goals=lists["goals"],
            objectives=lists["objectives"],
            principles=lists["principles"],
            gcm_in_english_only=language != "en",
            principles_in_english_only=language == "es",
            **kwargs,
        )


class GoalView(ReferenceView):
    template_name = "reference/goal.html"

    def get_context_data(self, **kwargs):
        goal = get_object_or_404(SDGGoal, number=kwargs.pop("goal"))
        targets = list(goal.targets.all())
        preparation = tag_counts()["sdg_target"]
        documents = document_tag_counts(self.request.user)["sdg_target"]
        for target in targets:
            target.tagged = preparation.get(target.pk, 0) + documents.get(target.pk, 0)
        return super().get_context_data(
            goal=goal,
            title=localized(goal, "title"),
            short=localized(goal, "short"),
            targets=targets,
            tagged=tagged_with_sdg_goal(goal),
            english_only=in_english_only(goal, "title"),
            **kwargs,
        )


class TargetView(ReferenceView):
    template_name = "reference/tagged.html"

    def get_context_data(self, **kwargs):
        target = get_object_or_404(SDGTarget.objects.select_related("goal"), code=kwargs["code"])
        return super().get_context_data(
            kind="sdg_target",
            record=target,
            heading=f"SDG {target.code}",
            text=target.title,
            parent=target.goal,
            tagged=tagged_with_sdg_target(target),
            documents=documents_tagged(self.request.user, sdg_targets=target),
            english_only=in_english_only(target, "title"),
            **kwargs,
        )


class ObjectiveView(ReferenceView):
    template_name = "reference/tagged.html"

    def get_context_data(self, **kwargs):
        objective = get_object_or_404(GCMObjective, number=kwargs["number"])
        return super().get_context_data(
            kind="gcm_objective",
            record=objective,
            heading=str(objective),
            text=objective.title,
            tagged=tagged_with_gcm_objective(objective),
            documents=documents_tagged(self.request.user, gcm_objectives=objective),
            english_only=in_english_only(objective, "title"),
            **kwargs,
        )


class PrincipleView(ReferenceView):
    template_name = "reference/tagged.html"

    def get_context_data(self, **kwargs):
        principle = get_object_or_404(GCMGuidingPrinciple, number=kwargs["number"])
        return super().get_context_data(
            kind="gcm_guiding_principle",
            record=principle,
            heading=str(principle),
            text="",
            tagged=tagged_with_gcm_guiding_principle(principle),
            documents=None,
            english_only=in_english_only(principle, "title"),
            **kwargs,
        )
