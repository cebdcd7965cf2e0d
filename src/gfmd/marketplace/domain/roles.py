"""Who someone is in a Marketplace, read from the data: Support Unit staff of the edition or a
Marketplace team member they named; a visitor (every National Focal Point is one without an
invitation, 003 L8636-L8637; others through an accepted invitation); the parties they speak
for (their focal point states, the state or organisation of their visitor record)."""

from dataclasses import dataclass

from gfmd.governance.domain.roles import roles_of
from gfmd.governance.rules import is_support_unit_staff_of_edition

from ..models import Marketplace, MarketplaceTeamMember, ServiceRequest, Visitor


@dataclass(frozen=True)
class MarketplaceRoles:
    staff: bool
    visitor: bool
    owner_somewhere: bool
    person_id: int | None
    focal_point_state_ids: frozenset[int]
    state_ids: frozenset[int]  # the states they speak for (focal point or visitor record)
    organisation_ids: frozenset[int]  # the organisations of their visitor records

    @property
    def enters(self) -> bool:
        return self.staff or self.visitor or self.owner_somewhere

    @property
    def speaks_for_a_party(self) -> bool:
        return bool(self.state_ids or self.organisation_ids)


NOBODY = MarketplaceRoles(False, False, False, None, frozenset(), frozenset(), frozenset())


def marketplace_roles(user, marketplace: Marketplace | None) -> MarketplaceRoles:
    """Roles in ``marketplace`` today, cached on the user object for the request."""
    if marketplace is None or user is None or not user.is_authenticated:
        return NOBODY
    cache_key = f"_gfmd_marketplace_roles_{marketplace.pk}"
    cached = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    governance = roles_of(user)
    staff = (
        user.is_superuser
        or is_support_unit_staff_of_edition(user, marketplace.edition)
        or MarketplaceTeamMember.objects.filter(marketplace=marketplace, user=user).exists()
    )
    visits = list(
        Visitor.objects.filter(marketplace=marketplace, user=user).values_list(
            "state_id", "organisation_id"
        )
    )
    visitor_states = {state for state, _ in visits if state}
    organisations = {organisation for _, organisation in visits if organisation}
    owner_somewhere = bool(governance.person_id) and (
        ServiceRequest.objects.filter(
            marketplace=marketplace, owner_person_id=governance.person_id
        ).exists()
    )
    roles = MarketplaceRoles(
        staff=staff,
        visitor=bool(governance.focal_point_state_ids) or bool(visits),
        owner_somewhere=owner_somewhere,
        person_id=governance.person_id,
        focal_point_state_ids=governance.focal_point_state_ids,
        state_ids=frozenset(governance.focal_point_state_ids | visitor_states),
        organisation_ids=frozenset(organisations),
    )
    setattr(user, cache_key, roles)
    return roles


def forget_roles(user) -> None:
    """Drop cached roles after a change (an accepted invitation, a new team member)."""
    for name in [
        n for n in vars(user) if n.startswith(("_gfmd_marketplace_roles_", "_gfmd_roles_"))
    ]:
        delattr(user, name)


def speaks_for(roles: MarketplaceRoles, *, state_id=None, organisation_id=None) -> bool:
    if state_id:
        return state_id in roles.state_ids
    return bool(organisation_id) and organisation_id in roles.organisation_ids


def is_owner(roles: MarketplaceRoles, request: ServiceRequest) -> bool:
    """The owner person, or a focal point of the owner state (focal points act for their
    state, 003 L938-L944)."""
    if roles.person_id and request.owner_person_id == roles.person_id:
        return True
    return bool(request.owner_state_id) and request.owner_state_id in roles.focal_point_state_ids


def provider_parties(roles: MarketplaceRoles) -> list[tuple[str, object]]:
    """The parties a user may speak for as a provider: (party value, state or organisation)."""
    from gfmd.directory.models import Organisation, State

    parties = [
        (f"organisation:{o.pk}", o)
        for o in Organisation.objects.filter(pk__in=roles.organisation_ids).order_by("name_en")
    ]
    parties += [
        (f"state:{s.pk}", s)
        for s in State.objects.filter(pk__in=roles.state_ids).order_by("name_en")
    ]
    return parties
