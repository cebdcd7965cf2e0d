"""Permission predicates of governance (STYLE: named predicates, one per role).

- Support Unit staff of the Chair-in-Office administer an edition (003 L9600-L9609).
- A National Focal Point acts for their state (003 L938-L944).
- Steering Group and Friends of the Forum members see protected material of their body.
- The public sees what is published.
"""

import rules
from django.utils import timezone

from .domain.roles import chairmanship_in_office, roles_of
from .models import Edition, Process


@rules.predicate
def is_support_unit_staff(user) -> bool:
    return roles_of(user).is_support_unit_staff


@rules.predicate
def is_support_unit_staff_of_edition(user, edition: Edition | None) -> bool:
    """Staff of the edition's own chairmanship, or of the chairmanship in office today for its
    process (the incoming Chair's staff take over the website and the archives, 003 L820-L822,
    L9600-L9604)."""
    if edition is None:
        return False
    assigned = roles_of(user).support_chairmanship_ids
    if not assigned:
        return False
    if edition.chairmanship_id in assigned:
        return True
    return is_support_unit_staff_of_process(user, edition.process)


@rules.predicate
def is_support_unit_staff_of_process(user, process: Process | None) -> bool:
    """Staff of the chairmanship in office for ``process``; without a process (a form not yet
    filled in), staff of any chairmanship — the process is checked once it is known."""
    assigned = roles_of(user).support_chairmanship_ids
    if not assigned:
        return False
    if process is None:
        return True
    return chairmanship_in_office(process.pk, timezone.localdate()) in assigned


@rules.predicate
def is_focal_point(user) -> bool:
    return bool(roles_of(user).focal_point_state_ids)


@rules.predicate
def is_focal_point_of(user, state) -> bool:
    return state is not None and state.pk in roles_of(user).focal_point_state_ids


@rules.predicate
def is_steering_group_member(user, process: Process | None = None) -> bool:
    ids = roles_of(user).steering_group_process_ids
    return bool(ids) if process is None else process.pk in ids


@rules.predicate
def is_friend_of_the_forum(user, process: Process | None = None) -> bool:
    ids = roles_of(user).friends_process_ids
    return bool(ids) if process is None else process.pk in ids


@rules.predicate
def is_organisation_contact(user, organisation=None) -> bool:
    ids = roles_of(user).organisation_ids
    return bool(ids) if organisation is None else organisation.pk in ids


is_superuser = rules.is_superuser
can_administer_edition = is_superuser | is_support_unit_staff_of_edition
can_administer_process = is_superuser | is_support_unit_staff_of_process

rules.add_perm("governance.view_edition", rules.always_allow)
rules.add_perm("governance.view_process", rules.always_allow)
rules.add_perm("governance.view_history", rules.always_allow)
# Creating editions and chairmanships: staff of the process's chairmanship in office; the API
# checks the process named in the request (rules without an object grant the form to any staff).
rules.add_perm("governance.add_edition", is_superuser | is_support_unit_staff_of_process)
rules.add_perm("governance.change_edition", can_administer_edition)
rules.add_perm("governance.add_chairmanship", is_superuser | is_support_unit_staff_of_process)
rules.add_perm("governance.add_membership", can_administer_process)
rules.add_perm("governance.use_admin", is_superuser | is_support_unit_staff)
rules.add_perm("governance.view_steering_group_material", is_superuser | is_steering_group_member)
rules.add_perm(
    "governance.view_friends_material",
    is_superuser | is_friend_of_the_forum | is_steering_group_member,
)
rules.add_perm("governance.act_for_state", is_superuser | is_focal_point_of)
