"""Permission predicates of the outcomes (STYLE: named predicates, one per role).

- Everyone reads the recommendations and their follow-up: they are the Forum's published
  outcomes ("An outcome report is prepared at the end of each Forum", 003 L9651-L9652), and
  their history.
- Support Unit staff of the edition (or of the chairmanship in office) record and change its
  recommendations, and report on any of them.
- A National Focal Point of a state that leads a recommendation reports on its follow-up
  (003 L9049-L9055, L9100-L9101); the domain checks which state the report is for.
"""

import rules

from gfmd.governance.domain.roles import roles_of
from gfmd.governance.models import Edition
from gfmd.governance.rules import is_focal_point, is_superuser
from gfmd.governance.rules import is_support_unit_staff_of_edition as _staff_of_edition


def edition_of(target) -> Edition | None:
    """The edition a recommendation, a follow-up report or an edition belongs to."""
    if target is None or isinstance(target, Edition):
        return target
    if hasattr(target, "recommendation"):
        return target.recommendation.edition
    return getattr(target, "edition", None)


@rules.predicate
def is_staff_of_edition(user, target) -> bool:
    """Support Unit staff of the edition the recommendation (or report) belongs to."""
    return _staff_of_edition(user, edition_of(target))


@rules.predicate
def is_focal_point_of_a_lead_state(user, recommendation) -> bool:
    """A National Focal Point of one of the governments that lead the recommendation."""
    if recommendation is None or not hasattr(recommendation, "lead_states"):
        return False
    own = roles_of(user).focal_point_state_ids
    return bool(own) and any(state.pk in own for state in recommendation.lead_states.all())


can_record = is_superuser | is_staff_of_edition

rules.add_perm("outcomes.view_outcomes", rules.always_allow)
rules.add_perm("outcomes.view_history", rules.always_allow)
rules.add_perm("outcomes.export", rules.always_allow)
rules.add_perm("outcomes.add_recommendation", can_record)
rules.add_perm("outcomes.change_recommendation", can_record)
rules.add_perm("outcomes.report_follow_up", can_record | is_focal_point_of_a_lead_state)
rules.add_perm("outcomes.view_own_follow_up", is_superuser | is_focal_point)
