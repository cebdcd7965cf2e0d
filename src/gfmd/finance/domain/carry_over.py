"""Left-over funds from one Chair-in-Office to the one that succeeds it.

"Provisions for the possible transfer of left-over funds from one Chair-in-Office to the
succeeding Chair-in-Office must also be considered" (Operating Modalities §5, 003 L9616-L9618).
A carry-over goes only to the chairmanship that follows in the same process: the one of the
next numbered edition, or the incoming side of a handover governance recorded.
"""

from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.governance.models import Chairmanship, Edition, Handover

from ..enums import SOURCE_CARRY_OVER
from ..models import CarryOver
from .money import check_amount, check_currency


def successors(chairmanship: Chairmanship, editions=None, handovers=None) -> list[Chairmanship]:
    """The chairmanships that succeed ``chairmanship``: the chairmanship of the edition
    numbered one above its last edition (if it is another one), and the incoming side of
    any handover from it. Empty when neither is recorded (the GFMD's 7th to 9th editions are
    not in the sources)."""
    if editions is None:
        editions = list(
            Edition.objects.filter(process_id=chairmanship.process_id).select_related(
                "chairmanship"
            )
        )
    if handovers is None:
        handovers = list(Handover.objects.filter(outgoing=chairmanship).select_related("incoming"))
    found: dict[int, Chairmanship] = {}
    numbers = [e.number for e in editions if e.chairmanship_id == chairmanship.pk]
    if numbers:
        last = max(numbers)
        for edition in editions:
            if (
                edition.number == last + 1
                and edition.chairmanship_id
                and edition.chairmanship_id != chairmanship.pk
            ):
                found[edition.chairmanship_id] = edition.chairmanship
    for handover in handovers:
        if handover.outgoing_id == chairmanship.pk:
            found[handover.incoming_id] = handover.incoming
    return list(found.values())


def predecessors(chairmanship: Chairmanship, editions=None, handovers=None):
    """The chairmanships ``chairmanship`` succeeds (the mirror of ``successors``)."""
    if editions is None:
        editions = list(
            Edition.objects.filter(process_id=chairmanship.process_id).select_related(
                "chairmanship"
            )
        )
    if handovers is None:
        handovers = list(Handover.objects.filter(incoming=chairmanship).select_related("outgoing"))
    found: dict[int, Chairmanship] = {}
    numbers = [e.number for e in editions if e.chairmanship_id == chairmanship.pk]
    if numbers:
        first = min(numbers)
        for edition in editions:
            if (
                edition.number == first - 1
                and edition.chairmanship_id
                and edition.chairmanship_id != chairmanship.pk
            ):
                found[edition.chairmanship_id] = edition.chairmanship
    for handover in handovers:
        if handover.incoming_id == chairmanship.pk and handover.outgoing_id:
            found[handover.outgoing_id] = handover.outgoing
    return list(found.values())


def check_carry_over(from_chairmanship: Chairmanship, to_chairmanship: Chairmanship) -> None:
    """Refuse a transfer to any chairmanship but a successor in the same process."""
    if from_chairmanship.pk == to_chairmanship.pk:
        raise DomainError(
            _("A chairmanship does not carry funds over to itself."), field="to_chairmanship"
        )
    if from_chairmanship.process_id != to_chairmanship.process_id:
        raise DomainError(
            _("Funds are carried over within one process: %(to)s belongs to another.")
            % {"to": to_chairmanship},
            field="to_chairmanship",
        )
    following = successors(from_chairmanship)
    if not following:
        raise DomainError(
            _(
                "No chairmanship is recorded as following %(from)s: record the next edition "
                "with its chairmanship, or the handover, first (%(source)s)."
            )
            % {"from": from_chairmanship, "source": SOURCE_CARRY_OVER},
            field="to_chairmanship",
        )
    if to_chairmanship.pk not in {c.pk for c in following}:
        raise DomainError(
            _(
                "Left-over funds go to the succeeding Chair-in-Office: %(from)s is followed by "
                "%(following)s, not by %(to)s (%(source)s)."
            )
            % {
                "from": from_chairmanship,
                "following": ", ".join(str(c) for c in following),
                "to": to_chairmanship,
                "source": SOURCE_CARRY_OVER,
            },
            field="to_chairmanship",
        )


def record_carry_over(
    from_chairmanship: Chairmanship,
    to_chairmanship: Chairmanship,
    *,
    amount,
    currency: str,
    date,
    note: str = "",
) -> CarryOver:
    """Record the transfer, linked to the handover between the two chairmanships when
    governance recorded one (nothing of the handover is copied)."""
    checked_amount = check_amount(amount)
    checked_currency = check_currency(currency)
    if date is None:
        raise DomainError(_("Give the date of the transfer."), field="date")
    check_carry_over(from_chairmanship, to_chairmanship)
    handover = (
        Handover.objects.filter(outgoing=from_chairmanship, incoming=to_chairmanship)
        .order_by("date")
        .first()
    )
    return CarryOver.objects.create(
        from_chairmanship=from_chairmanship,
        to_chairmanship=to_chairmanship,
        handover=handover,
        amount=checked_amount,
        currency=checked_currency,
        date=date,
        note=(note or "").strip(),
    )
