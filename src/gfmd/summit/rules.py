"""Permission predicates of the Summit registration (STYLE: named predicates).

- Everyone sees which delegations take part and how many they are (by M49 region and
  development status), never the names of their members.
- A National Focal Point registers and changes their own state's delegation (003 L938-L944).
- An organisation's contact registers and changes their organisation's delegation, when the
  organisation is invited as observer to the edition (003 L9510-L9513).
- Support Unit staff of the edition (governance ``can_administer_edition``) register any
  delegation, confirm and withdraw delegations, set up registration and export the members.
- Members' names and e-mails: staff, and those who act for that delegation.
"""

import rules

from gfmd.governance.domain.roles import roles_of
from gfmd.governance.models import Edition
from gfmd.governance.rules import can_administer_edition

from .domain.queries import acts_for, invited_organisations
from .models import Delegate, Delegation


def edition_of(target) -> Edition | None:
    """The edition a delegation, member or edition belongs to."""
    if target is None or isinstance(target, Edition):
        return target
    if isinstance(target, Delegate):
        return target.delegation.edition
    return getattr(target, "edition", None)


def delegation_of(target) -> Delegation | None:
    if isinstance(target, Delegate):
        return target.delegation
    return target if isinstance(target, Delegation) else None


@rules.predicate
def is_staff_of_edition(user, target) -> bool:
    """Support Unit staff of the target's edition (or a superuser), as governance decides."""
    edition = edition_of(target)
    return edition is not None and can_administer_edition.test(user, edition)


@rules.predicate
def acts_for_delegation(user, target) -> bool:
    """Focal point of the delegation's state, or contact of its organisation; the delegation may
    be one not saved yet (the one being registered)."""
    delegation = delegation_of(target)
    return delegation is not None and acts_for(delegation, roles_of(user))


@rules.predicate
def may_register_for_edition(user, edition) -> bool:
    """A focal point (for their state), or the contact of an organisation invited as observer
    to the edition."""
    if not isinstance(edition, Edition):
        return False
    roles = roles_of(user)
    if roles.focal_point_state_ids:
        return True
    return bool(roles.organisation_ids) and (
        invited_organisations(edition, roles.organisation_ids).exists()
    )


manages_summit = is_staff_of_edition

rules.add_perm("summit.view_registration", rules.always_allow)
rules.add_perm("summit.view_delegation", rules.always_allow)  # what it shows follows the roles
rules.add_perm("summit.view_delegates", manages_summit | acts_for_delegation)
rules.add_perm("summit.register", manages_summit | may_register_for_edition)
rules.add_perm("summit.register_delegation", manages_summit | acts_for_delegation)
rules.add_perm("summit.change_delegation", manages_summit | acts_for_delegation)
rules.add_perm("summit.confirm_delegation", manages_summit)
rules.add_perm("summit.withdraw_delegation", manages_summit)
rules.add_perm("summit.manage_registration", manages_summit)
