"""Whose books these are: the Support Unit of the edition's chairmanship keeps them while its
Chair is in office, and keeps reading them after the handover.

"Financial contributions are paid to a fund administered by the Chair-in-Office" (003
L9620-L9621): the fund is the chairmanship's own, so the staff of the chairmanship in office
for the process read an earlier Chair's books (they keep the archives, 003 L9600-L9604) but do
not change them. Roles are read from the data on the day, as governance reads them."""

import datetime

from django.utils import timezone

from gfmd.governance.domain.roles import roles_of
from gfmd.governance.models import Handover, SupportUnitAssignment


def served_chairmanship_ids(user) -> frozenset[int]:
    """Chairmanships the user has served as Support Unit staff, past assignments included;
    cached on the user object for the request."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_gfmd_finance_served", None)
    if cached is None:
        cached = frozenset(
            SupportUnitAssignment.objects.filter(person__user=user).values_list(
                "chairmanship_id", flat=True
            )
        )
        user._gfmd_finance_served = cached
    return cached


def handed_over(chairmanship_id: int, day: datetime.date, cache: dict | None = None) -> bool:
    """Whether the chairmanship handed over to its successor on or before ``day``."""
    key = (chairmanship_id, day)
    if cache is not None and key in cache:
        return cache[key]
    result = Handover.objects.filter(outgoing_id=chairmanship_id, date__lte=day).exists()
    if cache is not None:
        cache[key] = result
    return result


def keeps_the_books(user, chairmanship_id: int | None, day: datetime.date | None = None) -> bool:
    """Support Unit staff assigned to the chairmanship on ``day``, before its handover."""
    if chairmanship_id is None:
        return False
    if chairmanship_id not in roles_of(user, day).support_chairmanship_ids:
        return False
    cache = user.__dict__.setdefault("_gfmd_finance_handovers", {})
    return not handed_over(chairmanship_id, day or timezone.localdate(), cache)


def managed_chairmanship_ids(user, day: datetime.date | None = None) -> frozenset[int]:
    """The chairmanships whose books the user keeps on ``day`` (the admin's scope)."""
    day = day or timezone.localdate()
    return frozenset(
        c for c in roles_of(user, day).support_chairmanship_ids if keeps_the_books(user, c, day)
    )


def readable_edition_filter(user):
    """A filter on editions whose books the user reads: of a chairmanship they served, or of a
    process whose chairmanship in office they serve (the admin's scope)."""
    from django.db.models import Q

    from gfmd.governance.domain.roles import chairmanship_in_office
    from gfmd.governance.models import Chairmanship

    served = served_chairmanship_ids(user)
    assigned = roles_of(user).support_chairmanship_ids
    day = timezone.localdate()
    processes = set(
        Chairmanship.objects.filter(pk__in=assigned).values_list("process_id", flat=True)
    )
    in_office = {p for p in processes if chairmanship_in_office(p, day) in assigned}
    return Q(chairmanship_id__in=served) | Q(process_id__in=in_office)
