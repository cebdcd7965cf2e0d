"""The chairmanship passes from one Chair to the next (003 L820-L822, L9600-L9604)."""

import datetime

from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError

from ..models import Chairmanship, Handover


def record_handover(
    outgoing: Chairmanship | None, incoming: Chairmanship, day: datetime.date, note: str = ""
) -> Handover:
    """From ``day`` the incoming Chair's Support Unit edits the website content and the archives;
    the outgoing staff keep read access."""
    if outgoing is not None and outgoing.pk == incoming.pk:
        raise DomainError(_("A chairmanship cannot hand over to itself."), field="incoming")
    if outgoing is not None and outgoing.process_id != incoming.process_id:
        raise DomainError(
            _("Both chairmanships must belong to the same process."), field="incoming"
        )
    if Handover.objects.filter(process_id=incoming.process_id, date=day).exists():
        raise DomainError(_("A handover is already recorded on that day."), field="date")
    return Handover.objects.create(
        process_id=incoming.process_id, outgoing=outgoing, incoming=incoming, date=day, note=note
    )
