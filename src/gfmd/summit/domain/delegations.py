"""Delegations to a Summit: who may take part, registration, confirmation and withdrawal.

The Forum is "open to all States Members and Observers of the United Nations. UN agencies and
other international and regional bodies may be invited as observers" (Operating Modalities,
003 L9510-L9513; rule R1 of the 2007 analysis).
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.directory.enums import UNStatus
from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Edition, EditionObserver

from ..enums import DelegateRole, DelegationStatus
from ..models import Delegation
from .registration import check_registration_open, registration_of


def _record_user(record, user, reason: str = "") -> None:
    if user is not None and user.is_authenticated:
        record._history_user = user
    if reason:
        record._change_reason = reason


def is_invited_observer(edition: Edition, organisation: Organisation) -> bool:
    return EditionObserver.objects.filter(edition=edition, organisation=organisation).exists()


def check_may_take_part(
    edition: Edition, *, state: State | None = None, organisation: Organisation | None = None
) -> None:
    """A delegation is a UN Member or Observer State's, or an organisation's that holds an
    observer invitation to this edition (003 L9510-L9513)."""
    if (state is None) == (organisation is None):
        raise DomainError(
            _("Register the delegation of either a state or an organisation."), field="state"
        )
    if state is not None and state.un_status not in UNStatus.values:
        raise DomainError(
            _(
                "%(state)s is not a UN Member or Observer State; the Forum is open to the States "
                "Members and Observers of the United Nations (003 L9510-L9512)."
            )
            % {"state": state},
            field="state",
        )
    if organisation is not None and not is_invited_observer(edition, organisation):
        raise DomainError(
            _(
                "%(organisation)s is not invited as an observer to this edition. Organisations "
                "take part as observers once the Support Unit invites them (003 L9512-L9513)."
            )
            % {"organisation": organisation},
            field="organisation",
        )


def _already_registered(delegation: Delegation) -> DomainError:
    return DomainError(
        _("%(party)s's delegation to this Summit is already registered (%(status)s).")
        % {"party": delegation.party, "status": delegation.get_status_display()},
        field="state" if delegation.state_id else "organisation",
        code="exists",
    )


def register_delegation(
    edition: Edition,
    *,
    state: State | None = None,
    organisation: Organisation | None = None,
    user=None,
    by_staff: bool = False,
    day: datetime.date | None = None,
) -> Delegation:
    """Register a state's or an invited organisation's delegation, as submitted; the Support
    Unit confirms it. A withdrawn delegation registered again is submitted again, so that its
    history stays in one record. Outside the registration dates only staff register."""
    check_may_take_part(edition, state=state, organisation=organisation)
    check_registration_open(edition, registration_of(edition), by_staff=by_staff, day=day)
    party = {"state": state} if state is not None else {"organisation": organisation}
    with transaction.atomic():
        existing = Delegation.objects.select_for_update().filter(edition=edition, **party).first()
        if existing is not None:
            if existing.status != DelegationStatus.WITHDRAWN:
                raise _already_registered(existing)
            existing.status = DelegationStatus.SUBMITTED
            _record_user(existing, user, _("registered again after its withdrawal"))
            existing.save()
            return existing
        delegation = Delegation(
            edition=edition,
            registered_by=user if user is not None and user.is_authenticated else None,
            **party,
        )
        _record_user(delegation, user)
        try:
            with transaction.atomic():
                delegation.save()
        except IntegrityError:  # registered at the same moment by someone else
            raise _already_registered(Delegation.objects.get(edition=edition, **party)) from None
    return delegation


def confirm_delegation(delegation: Delegation, *, user=None) -> Delegation:
    """The Support Unit confirms a submitted delegation. It needs a head of delegation, who sits
    in the main room (003 L1527-L1529); an observer's needs its invitation still standing."""
    with transaction.atomic():
        locked = (
            Delegation.objects.select_for_update(of=("self",))
            .select_related("edition", "state", "organisation")
            .get(pk=delegation.pk)
        )
        if locked.status == DelegationStatus.WITHDRAWN:
            raise DomainError(
                _("%(party)s's delegation is withdrawn; register it again before confirming it.")
                % {"party": locked.party},
                field="status",
            )
        if locked.status == DelegationStatus.CONFIRMED:
            return locked
        if not locked.delegates.filter(role=DelegateRole.HEAD).exists():
            raise DomainError(
                _(
                    "%(party)s's delegation has no head of delegation yet; add one before "
                    "confirming it."
                )
                % {"party": locked.party},
                field="status",
            )
        if locked.organisation_id and not is_invited_observer(locked.edition, locked.organisation):
            check_may_take_part(locked.edition, organisation=locked.organisation)
        locked.status = DelegationStatus.CONFIRMED
        _record_user(locked, user)
        locked.save()
    return locked


def withdraw_delegation(delegation: Delegation, *, user=None, reason: str = "") -> Delegation:
    """The Support Unit withdraws a delegation (it no longer comes, or should not have been
    registered). Its members stay recorded, so the history shows who was registered; a person
    must be removed from it before registering with another delegation of the same Summit."""
    with transaction.atomic():
        locked = (
            Delegation.objects.select_for_update(of=("self",))
            .select_related("state", "organisation")
            .get(pk=delegation.pk)
        )
        if locked.status == DelegationStatus.WITHDRAWN:
            raise DomainError(
                _("%(party)s's delegation is already withdrawn.") % {"party": locked.party},
                field="status",
            )
        locked.status = DelegationStatus.WITHDRAWN
        _record_user(locked, user, reason.strip()[:100])
        locked.save()
    return locked
