"""Load the Summit registration settings the sources state (data/summit.toml): the 2007 caps of
three delegates per government and two per observer (003 L1215-L1218). No delegation is loaded:
the sources name no delegation's members. Loading twice changes nothing, not even the history."""

from django.db import transaction

from gfmd.governance.models import Edition
from gfmd.summit.models import SummitRegistration

from .common import day, read_data

FIELDS = ("opens_on", "closes_on", "seats_per_government", "seats_per_observer", "source")


def load_summit(log=print) -> dict[str, int]:
    data = read_data("summit.toml")
    with transaction.atomic():
        for row in data["registrations"]:
            _registration(row)
    log(f"  Summit registrations: {len(data['registrations'])}.")
    return {"summit_registrations": len(data["registrations"])}


def _registration(row: dict) -> SummitRegistration:
    edition = Edition.objects.get(process__slug=row["process"], number=row["edition"])
    values = {
        "opens_on": day(row.get("opens_on")),
        "closes_on": day(row.get("closes_on")),
        "seats_per_government": row["seats_per_government"],
        "seats_per_observer": row["seats_per_observer"],
        "source": row["source"],
    }
    registration = SummitRegistration.objects.filter(edition=edition).first()
    if registration is None:
        return SummitRegistration.objects.create(edition=edition, **values)
    if any(getattr(registration, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(registration, name, value)
        registration.save()
    return registration
