"""Permission predicates of the preparation of a Forum (STYLE: named predicates).

- Everyone reads the published concept paper, the Team Matrix and the timeline.
- Support Unit staff of the edition's chairmanship (or of the chairmanship in office) draft
  sessions, accept or decline volunteers, publish sessions, run surveys and record meetings.
- A National Focal Point volunteers their own state and answers surveys for it (003 L938-L944).
- An organisation's contact volunteers it as partner (003 L999-L1000).
- Survey results: staff of the edition and the Steering Group of the process.
"""

import rules

from gfmd.governance.domain.roles import roles_of
from gfmd.governance.models import Edition
from gfmd.governance.rules import is_focal_point, is_organisation_contact, is_superuser
from gfmd.governance.rules import is_support_unit_staff_of_edition as _staff_of_edition


def edition_of(target) -> Edition | None:
    """The edition a session, survey, event, membership or edition belongs to."""
    if target is None or isinstance(target, Edition):
        return target
    if hasattr(target, "session"):
        return target.session.edition
    return getattr(target, "edition", None)


@rules.predicate
def is_staff_of_edition(user, target) -> bool:
    """Support Unit staff of the edition the target belongs to."""
    return _staff_of_edition(user, edition_of(target))


@rules.predicate
def is_steering_group_member_of_edition(user, target) -> bool:
    edition = edition_of(target)
    return edition is not None and edition.process_id in roles_of(user).steering_group_process_ids


@rules.predicate
def can_volunteer(user) -> bool:
    """Focal points volunteer their state; organisation contacts their organisation."""
    return is_focal_point(user) or is_organisation_contact(user)


can_prepare = is_superuser | is_staff_of_edition

rules.add_perm("preparation.view_agenda", rules.always_allow)
rules.add_perm("preparation.view_team_matrix", rules.always_allow)
rules.add_perm("preparation.view_timeline", rules.always_allow)
rules.add_perm("preparation.view_reference", rules.always_allow)
rules.add_perm("preparation.change_session", can_prepare)
rules.add_perm("preparation.publish_session", can_prepare)
rules.add_perm("preparation.decide_team", can_prepare)
rules.add_perm("preparation.volunteer", is_superuser | can_volunteer)
rules.add_perm("preparation.add_survey", can_prepare)
rules.add_perm("preparation.view_survey", rules.is_authenticated)
rules.add_perm("preparation.answer_survey", is_superuser | is_focal_point)
rules.add_perm("preparation.view_survey_results", can_prepare | is_steering_group_member_of_edition)
rules.add_perm("preparation.change_meetings", can_prepare)
