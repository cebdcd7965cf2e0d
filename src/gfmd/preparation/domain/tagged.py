"""What the preparation of the Forums tagged with an SDG target or goal, a GCM objective or a
GCM guiding principle: the reference pages (gfmd.reference) list it. Only published sessions
and their questions are listed; themes are listed when they are tagged themselves. Each
function runs a fixed number of queries."""

from dataclasses import dataclass, field

from ..enums import SessionStatus
from ..models import GuidingQuestion, RoundtableSession, Theme


@dataclass
class Tagged:
    themes: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    questions: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.themes) + len(self.sessions) + len(self.questions)


def _themes(**tag):
    return list(
        Theme.objects.filter(**tag)
        .select_related("edition__process")
        .order_by("-edition__year", "number")
    )


def _sessions(**tag):
    return list(
        RoundtableSession.objects.filter(status=SessionStatus.PUBLISHED, **tag)
        .select_related("edition__process")
        .order_by("-edition__year", "number")
    )


def _questions(**tag):
    return list(
        GuidingQuestion.objects.filter(session__status=SessionStatus.PUBLISHED, **tag)
        .select_related("session__edition__process")
        .order_by("-session__edition__year", "session__number", "position")
    )


def tagged_with_sdg_target(target) -> Tagged:
    """Themes, sessions and guiding questions tagged with an SDG target: three queries."""
    return Tagged(
        themes=_themes(sdg_targets=target),
        sessions=_sessions(sdg_targets=target),
        questions=_questions(sdg_targets=target),
    )


def tagged_with_sdg_goal(goal) -> Tagged:
    """Guiding questions tagged with the goal itself (the 2018 concept paper cites goals, e.g.
    SDG 11 in RT 1.1 Q14): one query. Items tagged with one of its targets are on the targets'
    pages."""
    return Tagged(questions=_questions(sdg_goals=goal))


def tagged_with_gcm_objective(objective) -> Tagged:
    """Themes and sessions tagged with a GCM objective: two queries."""
    return Tagged(
        themes=_themes(gcm_objectives=objective), sessions=_sessions(gcm_objectives=objective)
    )


def tagged_with_gcm_guiding_principle(principle) -> Tagged:
    """Guiding questions tagged with a GCM guiding principle: one query."""
    return Tagged(questions=_questions(gcm_guiding_principles=principle))


def tag_counts() -> dict[str, dict[int, int]]:
    """How many published sessions and questions and themes carry each SDG target, goal, GCM
    objective and guiding principle (for the reference index): a fixed number of queries."""
    counts: dict[str, dict[int, int]] = {
        "sdg_target": {},
        "sdg_goal": {},
        "gcm_objective": {},
        "gcm_guiding_principle": {},
    }

    def add(kind: str, ids) -> None:
        for pk in ids:
            counts[kind][pk] = counts[kind].get(pk, 0) + 1

    published = {"roundtablesession__status": SessionStatus.PUBLISHED}
    add("sdg_target", Theme.sdg_targets.through.objects.values_list("sdgtarget_id", flat=True))
    add(
        "sdg_target",
        RoundtableSession.sdg_targets.through.objects.filter(**published).values_list(
            "sdgtarget_id", flat=True
        ),
    )
    on_published_question = {"guidingquestion__session__status": SessionStatus.PUBLISHED}
    add(
        "sdg_target",
        GuidingQuestion.sdg_targets.through.objects.filter(**on_published_question).values_list(
            "sdgtarget_id", flat=True
        ),
    )
    add(
        "sdg_goal",
        GuidingQuestion.sdg_goals.through.objects.filter(**on_published_question).values_list(
            "sdggoal_id", flat=True
        ),
    )
    add(
        "gcm_objective",
        Theme.gcm_objectives.through.objects.values_list("gcmobjective_id", flat=True),
    )
    add(
        "gcm_objective",
        RoundtableSession.gcm_objectives.through.objects.filter(**published).values_list(
            "gcmobjective_id", flat=True
        ),
    )
    add(
        "gcm_guiding_principle",
        GuidingQuestion.gcm_guiding_principles.through.objects.filter(
            **on_published_question
        ).values_list("gcmguidingprinciple_id", flat=True),
    )
    return counts
