"""An edition's Summit registration: when delegations may register and how many seats each has.

The 2007 Friends of the Forum decided "to limit the size of the delegations at the July meeting
to three delegates per government and two delegates per observer" (003 L1215-L1218). That was a
decision for one meeting, so each edition records its own caps and where they come from.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.common.models import formatted_date
from gfmd.governance.models import Edition

from ..enums import DelegationKind
from ..models import Delegation, SummitRegistration


def day_label(value: datetime.date | None) -> str:
    return formatted_date(value, "day", get_language()) if value else ""


def registration_of(edition: Edition) -> SummitRegistration | None:
    """The edition's registration settings, or None while the Support Unit has not set them."""
    return SummitRegistration.objects.filter(edition=edition).first()


def last_summit_day(edition: Edition) -> datetime.date | None:
    """The Summit's last day when a source dates it to the day (its first day otherwise)."""
    if edition.summit_end and edition.summit_end_precision == "day":
        return edition.summit_end
    if edition.summit_start and edition.summit_start_precision == "day":
        return edition.summit_start
    return None


@dataclass(frozen=True)
class Window:
    """The days a delegation may register: ``opens`` and ``closes`` included; None is open."""

    opens: datetime.date | None
    closes: datetime.date | None
    closes_with_summit: bool  # no closing date set: the Summit's last day closes it

    def is_open_on(self, day: datetime.date) -> bool:
        return (self.opens is None or self.opens <= day) and (
            self.closes is None or day <= self.closes
        )

    @property
    def label(self) -> str:
        if self.opens and self.closes:
            return _("from %(opens)s to %(closes)s") % {
                "opens": day_label(self.opens),
                "closes": day_label(self.closes),
            }
        if self.closes:
            return _("until %(closes)s") % {"closes": day_label(self.closes)}
        if self.opens:
            return _("from %(opens)s") % {"opens": day_label(self.opens)}
        return _("with no closing date")


def registration_window(edition: Edition, registration: SummitRegistration) -> Window:
    """Registration runs from ``opens_on`` to ``closes_on``. The sources give no registration
    dates; without a closing date the platform closes it after the Summit's last day, since a
    delegation registers to take part in it (docs/summit.md, "Choices")."""
    closes = registration.closes_on or last_summit_day(edition)
    return Window(registration.opens_on, closes, registration.closes_on is None and bool(closes))


def check_registration_open(
    edition: Edition,
    registration: SummitRegistration | None,
    *,
    by_staff: bool,
    day: datetime.date | None = None,
) -> None:
    """Refuse a change by a delegation outside the registration dates, naming them. Support Unit
    staff register and change delegations at any time (late registrations, corrections)."""
    if registration is None:
        raise DomainError(
            _(
                "The Support Unit has not opened registration for this Summit yet. Set up the "
                "registration dates and seats on the Summit staff page first."
            )
            if by_staff
            else _(
                "Registration for this Summit is not open yet: the Support Unit has not set it "
                "up. Ask the Support Unit when it opens."
            ),
            code="registration_closed",
        )
    if by_staff:
        return
    day = day or timezone.localdate()
    window = registration_window(edition, registration)
    if window.is_open_on(day):
        return
    if window.opens and day < window.opens:
        message = _(
            "Registration for this Summit opens on %(opens)s (it is open %(window)s). Come back "
            "then, or ask the Support Unit."
        ) % {"opens": day_label(window.opens), "window": window.label}
    else:
        message = _(
            "Registration for this Summit closed on %(closes)s (it was open %(window)s). Ask the "
            "Support Unit to register any change."
        ) % {"closes": day_label(window.closes), "window": window.label}
    raise DomainError(message, code="registration_closed")


def seats_of(kind: str, registration: SummitRegistration) -> int:
    """Seats of a government's or an observer's delegation (003 L1215-L1218 for 2007)."""
    if kind == DelegationKind.GOVERNMENT:
        return registration.seats_per_government
    return registration.seats_per_observer


def configure_registration(
    edition: Edition,
    *,
    opens_on: datetime.date | None,
    closes_on: datetime.date | None,
    seats_per_government: int,
    seats_per_observer: int,
    source: str = "",
    user=None,
) -> SummitRegistration:
    """Set up or change the edition's registration (Support Unit staff). Lowering a cap below a
    delegation that already has more members is refused, naming the delegation: the cap is
    checked with the delegations locked, as adding a member locks its delegation."""
    with transaction.atomic():
        list(
            Delegation.objects.select_for_update()
            .filter(edition=edition)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        check_registration_settings(
            edition,
            opens_on=opens_on,
            closes_on=closes_on,
            seats_per_government=seats_per_government,
            seats_per_observer=seats_per_observer,
        )
        registration = (
            SummitRegistration.objects.select_for_update().filter(edition=edition).first()
        )
        if registration is None:
            registration = SummitRegistration(edition=edition)
        registration.opens_on = opens_on
        registration.closes_on = closes_on
        registration.seats_per_government = seats_per_government
        registration.seats_per_observer = seats_per_observer
        registration.source = source
        if user is not None and user.is_authenticated:
            registration._history_user = user
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:  # set up by someone else at the same moment
            raise DomainError(
                _("Someone set up this registration at the same moment; reload the page.")
            ) from None
    return registration


def check_registration_settings(
    edition: Edition,
    *,
    opens_on: datetime.date | None,
    closes_on: datetime.date | None,
    seats_per_government: int,
    seats_per_observer: int,
) -> None:
    """Dates in order, at least one seat, and no cap below a delegation already registered with
    more members (named, so that staff know whom to ask)."""
    if opens_on and closes_on and closes_on < opens_on:
        raise DomainError(
            _("Registration cannot close (%(closes)s) before it opens (%(opens)s).")
            % {"closes": day_label(closes_on), "opens": day_label(opens_on)},
            field="closes_on",
        )
    for field, value in (
        ("seats_per_government", seats_per_government),
        ("seats_per_observer", seats_per_observer),
    ):
        if value is None or value < 1:
            raise DomainError(_("Each delegation has at least one seat."), field=field)
    largest = (
        Delegation.objects.filter(edition=edition)
        .annotate(members=Count("delegates"))
        .select_related("state", "organisation")
        .order_by("-members", "pk")
    )
    for field, cap, government in (
        ("seats_per_government", seats_per_government, True),
        ("seats_per_observer", seats_per_observer, False),
    ):
        over = largest.filter(state__isnull=not government).first()
        if over is not None and over.members > cap:
            raise DomainError(
                _(
                    "%(party)s's delegation already has %(count)d members; remove some before "
                    "lowering the seats to %(cap)d."
                )
                % {"party": over.party, "count": over.members, "cap": cap},
                field=field,
            )
