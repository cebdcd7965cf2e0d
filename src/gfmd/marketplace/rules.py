"""Permission predicates of the Marketplace (STYLE: named predicates, one per role).

Only signed-in owners, visitors and staff see the Marketplace ("Access to the Marketplace
website was password-protected", 003 L8639):

- staff: Support Unit staff of the edition, or a Marketplace team member they named;
- visitor: every National Focal Point (003 L8636-L8637) and every invited visitor who accepted;
- owner of a request: its owner person or a focal point of its owner state;
- provider of an offer: someone who speaks for the offer's state or organisation;
- party of a meeting: the owner side or the provider side of it.
"""

import rules

from gfmd.governance.rules import is_superuser, is_support_unit_staff_of_edition

from .domain.roles import is_owner, marketplace_roles, speaks_for
from .enums import (
    EDITABLE_BY_OWNER,
    OPEN_FOR_OFFERS,
    OPEN_TO_VISITORS,
    MeetingRequestStatus,
    Side,
)
from .models import Marketplace


def _marketplace_of(obj):
    """The Marketplace an object belongs to (a Marketplace, a request, an offer, a meeting)."""
    if obj is None:
        return None
    for path in ("marketplace", "request.marketplace"):
        target = obj
        try:
            for name in path.split("."):
                target = getattr(target, name)
        except AttributeError:
            continue
        return target
    return obj if isinstance(obj, Marketplace) else None


def _roles(user, obj):
    return marketplace_roles(user, _marketplace_of(obj))


@rules.predicate
def is_marketplace_staff(user, obj) -> bool:
    return _roles(user, obj).staff


@rules.predicate
def is_marketplace_visitor(user, obj) -> bool:
    return _roles(user, obj).visitor


@rules.predicate
def enters_marketplace(user, obj) -> bool:
    return _roles(user, obj).enters


@rules.predicate
def is_focal_point_visitor(user, obj) -> bool:
    return bool(_roles(user, obj).focal_point_state_ids)


@rules.predicate
def is_request_owner(user, request) -> bool:
    return request is not None and is_owner(_roles(user, request), request)


@rules.predicate
def request_is_open_to_visitors(user, request) -> bool:
    return request is not None and request.status in OPEN_TO_VISITORS


@rules.predicate
def request_takes_offers(user, request) -> bool:
    return request is not None and request.status in OPEN_FOR_OFFERS


@rules.predicate
def request_is_editable_by_owner(user, request) -> bool:
    return request is not None and request.status in EDITABLE_BY_OWNER


@rules.predicate
def speaks_for_a_provider(user, obj) -> bool:
    return _roles(user, obj).speaks_for_a_party


@rules.predicate
def is_provider_of_offer(user, offer) -> bool:
    return offer is not None and speaks_for(
        _roles(user, offer),
        state_id=offer.provider_state_id,
        organisation_id=offer.provider_organisation_id,
    )


@rules.predicate
def is_provider_on_request(user, request) -> bool:
    """Speaks for a provider that made an offer on this request."""
    if request is None:
        return False
    roles = _roles(user, request)
    return any(
        speaks_for(roles, state_id=o.provider_state_id, organisation_id=o.provider_organisation_id)
        for o in request.offers.all()
    )


def _is_provider_side(user, thing) -> bool:
    return speaks_for(
        _roles(user, thing),
        state_id=thing.provider_state_id,
        organisation_id=thing.provider_organisation_id,
    )


@rules.predicate
def is_party_of_meeting(user, meeting) -> bool:
    if meeting is None:
        return False
    return is_owner(_roles(user, meeting), meeting.request) or _is_provider_side(user, meeting)


@rules.predicate
def is_party_of_meeting_request(user, meeting_request) -> bool:
    if meeting_request is None:
        return False
    roles = _roles(user, meeting_request)
    return is_owner(roles, meeting_request.request) or _is_provider_side(user, meeting_request)


@rules.predicate
def answers_meeting_request(user, meeting_request) -> bool:
    """The side that did not ask, while the request waits for an answer."""
    if meeting_request is None or meeting_request.status != MeetingRequestStatus.PENDING:
        return False
    if meeting_request.asked_by_side == Side.OWNER:
        return _is_provider_side(user, meeting_request)
    return is_owner(_roles(user, meeting_request), meeting_request.request)


is_staff = is_superuser | is_marketplace_staff
sees_request = is_staff | is_request_owner | (enters_marketplace & request_is_open_to_visitors)

rules.add_perm("marketplace.open_marketplace", is_superuser | is_support_unit_staff_of_edition)
rules.add_perm("marketplace.enter", enters_marketplace)
rules.add_perm("marketplace.manage", is_staff)
rules.add_perm("marketplace.add_request", is_staff | is_focal_point_visitor)
rules.add_perm("marketplace.view_request", sees_request)
rules.add_perm(
    "marketplace.change_request", is_staff | (is_request_owner & request_is_editable_by_owner)
)
rules.add_perm("marketplace.submit_request", is_request_owner | is_staff)
rules.add_perm("marketplace.validate_request", is_staff)
rules.add_perm("marketplace.follow_up_request", is_staff | is_request_owner)
rules.add_perm(
    "marketplace.add_offer",
    is_marketplace_visitor & speaks_for_a_provider & request_takes_offers & ~is_request_owner,
)
rules.add_perm("marketplace.withdraw_offer", is_provider_of_offer | is_staff)
rules.add_perm(
    "marketplace.add_message",
    sees_request & (is_staff | request_is_open_to_visitors | is_request_owner),
)
rules.add_perm("marketplace.moderate", is_staff)
rules.add_perm(
    "marketplace.ask_meeting",
    request_takes_offers & (is_request_owner | (is_marketplace_visitor & speaks_for_a_provider)),
)
rules.add_perm("marketplace.view_meeting_request", is_staff | is_party_of_meeting_request)
rules.add_perm("marketplace.answer_meeting_request", answers_meeting_request)
rules.add_perm("marketplace.view_meeting", is_staff | is_party_of_meeting)
rules.add_perm("marketplace.fill_outcome", is_party_of_meeting)
rules.add_perm("marketplace.close_meeting", is_staff | is_party_of_meeting)
rules.add_perm("marketplace.add_progress", is_request_owner | is_provider_on_request)
rules.add_perm("marketplace.view_agenda", enters_marketplace)
rules.add_perm("marketplace.use_notices", rules.is_authenticated)
# The invitation link and the calendar feed carry their own secret; without a valid one the
# view sends the visitor to sign in like every other Marketplace address.
rules.add_perm("marketplace.use_secret_link", rules.always_allow)
