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


# Background papers (docs/preparation.md, "Background papers"). Reading a paper's versions follows
# the library's access levels; the team's workspace (drafts, comments, checklist) is for the
# paper's team in the library, Support Unit staff of the edition and superusers.


@rules.predicate
def is_paper_team_member(user, paper) -> bool:
    """In the paper's team as the library holds it (kept in step by domain/papers.py)."""
    from gfmd.library.rules import is_team_member_of

    return paper is not None and is_team_member_of(user, paper.document)


@rules.predicate
def is_session_team_member(user, session) -> bool:
    """In the session's team for its paper before the paper exists (domain.papers.paper_team)."""
    from .domain.papers import paper_team

    if session is None or not user.is_authenticated:
        return False
    roles = roles_of(user)
    team = paper_team(session)
    return bool(
        (roles.person_id is not None and roles.person_id in team.person_ids)
        or roles.focal_point_state_ids & team.state_ids
        or roles.organisation_ids & team.organisation_ids
    )


works_on_paper = is_superuser | is_staff_of_edition | is_paper_team_member

rules.add_perm("preparation.view_paper", rules.always_allow)  # what it shows follows the levels
rules.add_perm("preparation.start_paper", can_prepare | is_session_team_member)
rules.add_perm("preparation.view_paper_drafts", works_on_paper)
rules.add_perm("preparation.add_paper_draft", works_on_paper)
rules.add_perm("preparation.comment_paper", works_on_paper)
rules.add_perm("preparation.tick_paper_checklist", works_on_paper)
rules.add_perm("preparation.set_paper_deadline", can_prepare)
rules.add_perm("preparation.publish_paper", can_prepare)
