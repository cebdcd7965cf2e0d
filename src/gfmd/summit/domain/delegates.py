"""Members of a delegation: the seat cap, one head, one registration per person and Summit, and
the room each member sits in.

- "three delegates per government and two delegates per observer" (Friends of the Forum,
  27 March 2007; 003 L1215-L1218; rule R14): a hard limit, per edition (SummitRegistration).
- "Heads of delegations and their executives were invited to attend the plenary session in the
  main room. Other participants attended the session in the listening room" (003 L1527-L1530;
  rule R16).
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gfmd.common.errors import DomainError
from gfmd.directory.models import Person

from ..enums import DelegateRole, DelegationKind, DelegationStatus, Room
from ..models import Delegate, Delegation
from .delegations import check_may_take_part, is_invited_observer
from .registration import check_registration_open, registration_of, seats_of


def room_of(role: str) -> Room:
    """Heads of delegation and their executives sit in the main room, every other member in the
    listening room (003 L1527-L1530)."""
    if role in (DelegateRole.HEAD, DelegateRole.EXECUTIVE):
        return Room.MAIN
    return Room.LISTENING


def person_for(full_name: str, email: str, *, user=None) -> Person:
    """The directory's person with this e-mail (case ignored), or a new person. The e-mail is
    what identifies a delegate across delegations; the directory's spelling of the name wins."""
    email = (email or "").strip()
    full_name = " ".join((full_name or "").split())
    if not email:
        raise DomainError(_("Give the delegate's e-mail address."), field="email")
    person = Person.objects.filter(email__iexact=email).order_by("pk").first()
    if person is not None:
        return person
    if not full_name:
        raise DomainError(_("Give the delegate's full name."), field="full_name")
    # An account with this e-mail and no directory entry yet is the delegate's own: linking it
    # lets them sign in as a participant of the edition (library access, docs/summit.md).
    account = (
        get_user_model()
        .objects.filter(email__iexact=email, person__isnull=True)
        .order_by("pk")
        .first()
    )
    person = Person(
        full_name=full_name,
        email=email,
        user=account,
        source_note="Registered as a Summit delegate.",
    )
    if user is not None and user.is_authenticated:
        person._history_user = user
    person.save()
    return person


def _cap_message(delegation: Delegation, count: int, registration) -> str:
    source = f" ({registration.source})" if registration.source else ""
    if delegation.kind == DelegationKind.GOVERNMENT:
        text = ngettext(
            "%(party)s's delegation already has %(count)d delegate, the most a government may "
            "register for this Summit%(source)s.",
            "%(party)s's delegation already has %(count)d delegates, the most a government may "
            "register for this Summit%(source)s.",
            count,
        )
    else:
        text = ngettext(
            "%(party)s's delegation already has %(count)d delegate, the most an observer may "
            "register for this Summit%(source)s.",
            "%(party)s's delegation already has %(count)d delegates, the most an observer may "
            "register for this Summit%(source)s.",
            count,
        )
    return text % {"party": delegation.party, "count": count, "source": source}


def _lock(delegation: Delegation) -> Delegation:
    return (
        Delegation.objects.select_for_update(of=("self",))
        .select_related("edition", "state", "organisation")
        .get(pk=delegation.pk)
    )


def _back_to_submitted(locked: Delegation, user, by_staff: bool) -> None:
    """A change by the delegation after confirmation goes back to the Support Unit."""
    if locked.status == DelegationStatus.CONFIRMED and not by_staff:
        locked.status = DelegationStatus.SUBMITTED
        if user is not None and user.is_authenticated:
            locked._history_user = user
        locked._change_reason = _("changed by the delegation after its confirmation")
        locked.save()


def add_delegate(
    delegation: Delegation,
    *,
    full_name: str,
    email: str,
    role: str,
    function: str = "",
    institution: str = "",
    user=None,
    by_staff: bool = False,
    day: datetime.date | None = None,
) -> Delegate:
    """Register a person in a delegation, in one transaction with the delegation locked
    (``select_for_update``), so that two members added at once cannot pass the seat cap.

    Refused, with nothing saved: outside the registration dates (except for staff); a withdrawn
    delegation; an observer no longer invited; a full delegation (003 L1215-L1218); a second
    head of delegation; a person already registered in a delegation to the same Summit."""
    if role not in DelegateRole.values:
        raise DomainError(_("Choose head of delegation, executive or delegate."), field="role")
    with transaction.atomic():
        locked = _lock(delegation)
        if locked.status == DelegationStatus.WITHDRAWN:
            raise DomainError(
                _("%(party)s's delegation is withdrawn; register it again to add members.")
                % {"party": locked.party}
            )
        registration = registration_of(locked.edition)
        check_registration_open(locked.edition, registration, by_staff=by_staff, day=day)
        if locked.organisation_id and not is_invited_observer(locked.edition, locked.organisation):
            check_may_take_part(locked.edition, organisation=locked.organisation)
        members = list(locked.delegates.select_related("person"))
        cap = seats_of(locked.kind, registration)
        if len(members) >= cap:
            raise DomainError(_cap_message(locked, len(members), registration))
        head = next((m for m in members if m.role == DelegateRole.HEAD), None)
        if role == DelegateRole.HEAD and head is not None:
            raise DomainError(
                _(
                    "%(party)s's delegation already has a head of delegation, %(head)s. Remove "
                    "them first, or register this person as executive or delegate."
                )
                % {"party": locked.party, "head": head.person},
                field="role",
            )
        person = person_for(full_name, email, user=user)
        elsewhere = (
            Delegate.objects.select_for_update(of=("self",))
            .filter(edition=locked.edition, person=person)
            .select_related("delegation__state", "delegation__organisation")
            .first()
        )
        if elsewhere is not None:
            same = elsewhere.delegation_id == locked.pk
            raise DomainError(
                _("%(person)s is already a member of this delegation.") % {"person": person}
                if same
                else _(
                    "%(person)s is already registered in the delegation of %(other)s to this "
                    "Summit; a person is registered once per Summit. Remove them from that "
                    "delegation first."
                )
                % {"person": person, "other": elsewhere.delegation.party},
                field="email",
            )
        delegate = Delegate(
            delegation=locked,
            edition=locked.edition,
            person=person,
            role=role,
            function=function.strip(),
            institution=institution.strip(),
            added_by=user if user is not None and user.is_authenticated else None,
        )
        if user is not None and user.is_authenticated:
            delegate._history_user = user
        try:
            with transaction.atomic():
                delegate.save()
        except IntegrityError:  # the same head or person registered at the same moment
            raise DomainError(
                _(
                    "%(person)s or a head of delegation was registered at the same moment; reload "
                    "the page and check the delegation."
                )
                % {"person": person},
                field="email",
            ) from None
        _back_to_submitted(locked, user, by_staff)
    return delegate


def remove_delegate(
    delegate: Delegate,
    *,
    user=None,
    by_staff: bool = False,
    day: datetime.date | None = None,
) -> Delegate:
    """Remove a member from a delegation (its history keeps that they were registered).
    Outside the registration dates only the Support Unit removes members."""
    with transaction.atomic():
        locked = _lock(delegate.delegation)
        check_registration_open(
            locked.edition, registration_of(locked.edition), by_staff=by_staff, day=day
        )
        member = (
            Delegate.objects.select_related("person")
            .filter(pk=delegate.pk, delegation=locked)
            .first()
        )
        if member is None:
            raise DomainError(_("This person is no longer a member of the delegation."))
        if user is not None and user.is_authenticated:
            member._history_user = user
        member.delete()
        _back_to_submitted(locked, user, by_staff)
    return member
