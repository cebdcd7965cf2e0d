"""Session teams: volunteering, acceptance, checks of a team's balance and of its roles, and
publication (003 L970-L1000, L990-L992, L1044-L1046; 002 L296-L298)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.directory.enums import DevelopmentStatus
from gfmd.governance.domain.checks import RuleWarning

from ..enums import Perspective, RoleKind, SessionStatus, TeamSeat, TeamStatus
from ..models import RoundtableSession, TeamMembership

SOURCE_BALANCE = "003 L990-L992"
SOURCE_ROLES = "003 L1044-L1046"
# Each required part and the role kinds that fill it ("chair/moderator, speaker, discussant and
# rapporteur", 003 L1044-L1046; "Panellist 1-3" stands for speakers, L3210-L3219).
REQUIRED_ROLES = (
    (RoleKind.CHAIR, {RoleKind.CHAIR, RoleKind.CO_CHAIR, RoleKind.MODERATOR}),
    (RoleKind.SPEAKER, {RoleKind.SPEAKER, RoleKind.PANELLIST}),
    (RoleKind.DISCUSSANT, {RoleKind.DISCUSSANT}),
    (RoleKind.RAPPORTEUR, {RoleKind.RAPPORTEUR}),
)


def volunteer(session, *, seat: str, user, state=None, organisation=None) -> TeamMembership:
    """A focal point volunteers their state (co-chair or team member), an organisation's contact
    volunteers it as partner; the Support Unit decides (003 L970-L973, L999-L1000)."""
    if (state is None) == (organisation is None):
        raise DomainError(_("Volunteer either a state or an organisation."), field="state")
    if state is not None and seat not in (TeamSeat.CO_CHAIR, TeamSeat.MEMBER):
        raise DomainError(_("A state volunteers as co-chair or team member."), field="seat")
    if organisation is not None:
        seat = TeamSeat.PARTNER
    existing = (
        session.team.filter(state=state)
        if state
        else session.team.filter(organisation=organisation)
    )
    if existing.exists():
        raise DomainError(
            _("%(who)s is already on the team of session %(number)s.")
            % {"who": state or organisation, "number": session.number},
            field="state" if state else "organisation",
        )
    position = session.team.filter(seat=seat).count() + 1
    try:
        with transaction.atomic():
            return TeamMembership.objects.create(
                session=session,
                state=state,
                organisation=organisation,
                seat=seat,
                status=TeamStatus.PROPOSED,
                position=position,
                volunteered_by=user if user and user.is_authenticated else None,
            )
    except IntegrityError:
        raise DomainError(_("This volunteer is already on the team."), field="state") from None


def decide(membership: TeamMembership, *, accept: bool, user, perspective=None) -> TeamMembership:
    """Support Unit staff accept or decline a volunteer, and may mark the perspective (origin or
    destination) the state brings to this team."""
    if perspective is not None and perspective not in Perspective.values:
        raise DomainError(_("Unknown perspective."), field="perspective")
    with transaction.atomic():
        locked = TeamMembership.objects.select_for_update().get(pk=membership.pk)
        locked.status = TeamStatus.ACCEPTED if accept else TeamStatus.DECLINED
        if perspective is not None:
            locked.perspective = perspective
        locked.decided_by = user if user and user.is_authenticated else None
        locked.save()
    return locked


def check_team(memberships: list[TeamMembership]) -> list[RuleWarning]:
    """Teams mix developed and developing countries and cover origin and destination
    perspectives (003 L990-L992). Warnings: the text describes practice, not a prohibition."""
    states = [m for m in memberships if m.state_id and m.status == TeamStatus.ACCEPTED]
    if not states:
        return []
    warnings = []
    statuses = {m.state.development_status for m in states}
    if not {DevelopmentStatus.DEVELOPING, DevelopmentStatus.DEVELOPED} <= statuses:
        warnings.append(
            RuleWarning(
                "team_development_balance",
                _(
                    "The team has no %(missing)s country; teams mix developing and developed "
                    "countries."
                )
                % {
                    "missing": _("developing")
                    if DevelopmentStatus.DEVELOPING not in statuses
                    else _("developed")
                },
                SOURCE_BALANCE,
            )
        )
    marked = {m.perspective for m in states}
    covers_origin = bool(marked & {Perspective.ORIGIN, Perspective.BOTH})
    covers_destination = bool(marked & {Perspective.DESTINATION, Perspective.BOTH})
    if not (covers_origin and covers_destination):
        warnings.append(
            RuleWarning(
                "team_origin_destination",
                _(
                    "No state of the team is marked as bringing the %(missing)s perspective; teams "
                    "cover origin and destination experiences."
                )
                % {"missing": _("origin") if not covers_origin else _("destination")},
                SOURCE_BALANCE,
            )
        )
    return warnings


def missing_roles(roles) -> list[str]:
    """The required roles (chair, speaker, discussant, rapporteur) nobody holds yet."""
    held = {role.kind for role in roles}
    return [str(RoleKind(part).label) for part, kinds in REQUIRED_ROLES if not held & kinds]


def check_roles(roles) -> list[RuleWarning]:
    missing = missing_roles(roles)
    if not missing:
        return []
    return [
        RuleWarning(
            "session_roles_missing",
            _("Not yet identified: %(roles)s.") % {"roles": ", ".join(missing)},
            SOURCE_ROLES,
        )
    ]


def publish_session(session: RoundtableSession) -> RoundtableSession:
    """Publish a session once its team has identified "a chair/moderator, speaker, discussant
    and rapporteur" (003 L1044-L1046); otherwise refuse, naming what is missing."""
    with transaction.atomic():
        locked = RoundtableSession.objects.select_for_update().get(pk=session.pk)
        missing = missing_roles(locked.roles.all())
        if missing:
            raise DomainError(
                _("Session %(number)s cannot be published: it has no %(roles)s yet.")
                % {"number": locked.number, "roles": ", ".join(missing)},
                field="status",
                code="roles_missing",
            )
        locked.status = SessionStatus.PUBLISHED
        locked.save()
    return locked
