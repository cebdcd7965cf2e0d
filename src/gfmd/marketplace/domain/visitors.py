"""Inviting visitors: "Invitations to register were sent to intergovernmental organizations,
international development banks and selected members of the business and civil society
communities" (003 L8633-L8636). The link expires; only its digest is stored."""

import datetime
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.directory.models import Affiliation, Person

from ..enums import INVITATION_VALIDITY_DAYS
from ..models import Marketplace, MarketplaceTeamMember, Visitor, VisitorInvitation
from .roles import forget_roles


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_visitor(
    marketplace: Marketplace,
    *,
    email: str,
    invited_by,
    state=None,
    organisation=None,
    valid_days: int = INVITATION_VALIDITY_DAYS,
    send: bool = True,
) -> tuple[VisitorInvitation, str]:
    """Create an invitation for someone who will speak for ``state`` or ``organisation``; send
    the link by e-mail. Returns the invitation and the secret (shown once to staff)."""
    email = (email or "").strip().lower()
    if not email:
        raise DomainError(_("Give the e-mail address to invite."), field="email")
    if (state is None) == (organisation is None):
        raise DomainError(
            _("Name either the organisation or the state the visitor speaks for, not both."),
            field="organisation",
        )
    if not 1 <= valid_days <= 180:
        raise DomainError(_("An invitation is valid for 1 to 180 days."), field="valid_days")
    if Visitor.objects.filter(marketplace=marketplace, user__email__iexact=email).exists():
        raise DomainError(_("%(email)s is a visitor already.") % {"email": email}, field="email")
    token = secrets.token_urlsafe(32)
    invitation = VisitorInvitation.objects.create(
        marketplace=marketplace,
        email=email,
        state=state,
        organisation=organisation,
        token_digest=digest(token),
        invited_by=invited_by,
        expires_at=timezone.now() + datetime.timedelta(days=valid_days),
    )
    if send:
        link = reverse("marketplace:join", args=[token])
        transaction.on_commit(
            lambda: send_mail(
                _("Invitation to the GFMD Marketplace"),
                _(
                    "You are invited to the Marketplace of %(edition)s as a visitor for "
                    "%(party)s. Open %(link)s before %(expires)s to join."
                )
                % {
                    "edition": marketplace.edition,
                    "party": state or organisation,
                    "link": link,
                    "expires": f"{invitation.expires_at:%Y-%m-%d}",
                },
                None,
                [email],
            )
        )
    return invitation, token


def invitation_for(token: str) -> VisitorInvitation | None:
    """The valid (not expired, not revoked, not used) invitation with this secret, or None."""
    if not token or len(token) > 100:
        return None
    return (
        VisitorInvitation.objects.select_related(
            "marketplace__edition__process", "organisation", "state"
        )
        .filter(
            token_digest=digest(token),
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )


def accept_invitation(invitation: VisitorInvitation, user) -> Visitor:
    """The signed-in user becomes a visitor for the invitation's state or organisation; they
    get a directory person (and an affiliation) if they had none."""
    with transaction.atomic():
        locked = VisitorInvitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at or locked.revoked_at or locked.expires_at <= timezone.now():
            raise DomainError(
                _("This invitation was used, revoked or has expired; ask for another.")
            )
        person = Person.objects.filter(user=user).first()
        if person is None:
            person = Person.objects.create(
                full_name=user.display_name or user.email, email=user.email, user=user
            )
        Affiliation.objects.get_or_create(
            person=person, state=locked.state, organisation=locked.organisation
        )
        try:
            with transaction.atomic():
                visitor = Visitor.objects.create(
                    marketplace=locked.marketplace,
                    user=user,
                    state=locked.state,
                    organisation=locked.organisation,
                    invitation=locked,
                )
        except IntegrityError:
            raise DomainError(_("You are a visitor of this Marketplace already.")) from None
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
    forget_roles(user)
    return visitor


def join_with_new_account(invitation: VisitorInvitation, *, display_name: str, password: str):
    """Someone without an account joins: the account is made for the invited e-mail."""
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise DomainError(
            _("An account exists for %(email)s: sign in first, then open the link again.")
            % {"email": invitation.email}
        )
    with transaction.atomic():
        user = User.objects.create_user(
            invitation.email, password, display_name=(display_name or "").strip()[:200]
        )
        accept_invitation(invitation, user)
    return user


def revoke_invitation(invitation: VisitorInvitation) -> VisitorInvitation:
    if invitation.accepted_at:
        raise DomainError(_("This invitation was accepted already; it cannot be revoked."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def add_team_member(marketplace: Marketplace, *, email: str, added_by) -> MarketplaceTeamMember:
    """Support Unit staff name someone to run the Marketplace with them."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=(email or "").strip()).first()
    if user is None:
        raise DomainError(
            _("No account uses %(email)s; the person needs an account first.")
            % {"email": (email or "")[:100]},
            field="email",
        )
    member, created = MarketplaceTeamMember.objects.get_or_create(
        marketplace=marketplace, user=user, defaults={"added_by": added_by}
    )
    if not created:
        raise DomainError(_("%(user)s is in the team already.") % {"user": user}, field="email")
    forget_roles(user)
    return member
