"""Load the demo Marketplace of the 2007 edition (data/marketplace.toml): the Marketplace, its
hours and tables, 18 projects, the offers of the providers and 35 meetings, each with its
provenance; then "Schedule all" gives the meetings their grid. Loading twice changes nothing:
records are found by their keys and a grid already computed is kept."""

import datetime
import zoneinfo

from django.db import transaction

from gfmd.directory.models import Organisation
from gfmd.governance.models import Edition
from gfmd.marketplace.domain.scheduling import schedule_all
from gfmd.marketplace.domain.tags import gcm_objectives_by_number
from gfmd.marketplace.enums import MeetingStatus, RequestStatus
from gfmd.marketplace.models import Marketplace as MarketplaceModel
from gfmd.marketplace.models import (
    MarketplaceMeeting,
    Offer,
    ServiceRequest,
    Slot,
    Table,
)

from .common import day, provenance, read_data

UNNAMED_OWNER_NOTE = "The report does not name the government that asked for it."
OFFER_TEXT = (
    "Offer recorded for the demo: the report names the organisation and says that many "
    "projects received offers from more than one provider (003 L8722-L8725), not what each "
    "offered."
)


def load_marketplace(log=print) -> dict[str, int]:
    data = read_data("marketplace.toml")
    with transaction.atomic():
        marketplace = _marketplace(data["marketplace"])
        _hours(marketplace, data["hours"])
        providers = _providers(data["providers"])
        meetings = _projects(marketplace, data["requests"], providers)
    if MarketplaceMeeting.objects.filter(
        marketplace=marketplace, status=MeetingStatus.PLANNED, slot__isnull=True
    ).exists():
        report = schedule_all(marketplace, time_limit=5, workers=2, seed=0)
        log(f"  Marketplace 2007: {report.schedule.scheduled} meetings scheduled.")
    return {"marketplace_requests": len(data["requests"]), "marketplace_meetings": meetings}


def _marketplace(row: dict) -> MarketplaceModel:
    edition = Edition.objects.get(process__slug=row["process"], number=row["edition"])
    marketplace, _ = MarketplaceModel.objects.update_or_create(
        edition=edition,
        defaults={
            "opens_on": day(row.get("opens_on")),
            "opens_precision": row.get("opens_precision", "day"),
            "closes_on": day(row.get("closes_on")),
            "closes_precision": row.get("closes_precision", "day"),
            "time_zone": row.get("time_zone", "UTC"),
            "contact_email": row.get("contact_email", ""),
            **provenance(row),
        },
    )
    return marketplace


def _hours(marketplace, row: dict) -> None:
    zone = zoneinfo.ZoneInfo(marketplace.time_zone)
    step = datetime.timedelta(minutes=row["minutes"])
    for when in row["days"]:
        for first, last in row["periods"]:
            start = datetime.datetime.combine(
                day(when), datetime.time.fromisoformat(first), tzinfo=zone
            )
            end = datetime.datetime.combine(
                day(when), datetime.time.fromisoformat(last), tzinfo=zone
            )
            while start + step <= end:
                Slot.objects.update_or_create(
                    marketplace=marketplace,
                    starts_at=start,
                    defaults={"ends_at": start + step, **provenance({**row, "inferred": True})},
                )
                start += step
    for name in row["tables"]:
        Table.objects.update_or_create(
            marketplace=marketplace, name=name, defaults=provenance({**row, "inferred": True})
        )


def _providers(rows: list[dict]) -> dict[str, tuple[Organisation, dict]]:
    return {
        row["organisation"]: (Organisation.objects.get(name_en=row["organisation"]), row)
        for row in rows
    }


def _projects(marketplace, rows: list[dict], providers) -> int:
    year = marketplace.edition.year
    published = datetime.datetime(2007, 5, 17, 12, tzinfo=datetime.UTC)
    meeting_number = 0
    for index, row in enumerate(rows, start=1):
        request, _ = ServiceRequest.objects.update_or_create(
            marketplace=marketplace,
            reference=f"R-{year}-{index:03d}",
            defaults={
                "owner_state": None,
                "owner_not_named": True,
                "title_en": row["title_en"],
                "description_en": f"{row['title_en']}. {UNNAMED_OWNER_NOTE}",
                "service_types": row["service_types"],
                "status": RequestStatus.MATCHED,
                "published_at": published,
                **provenance(row),
            },
        )
        _link_objectives(request, row.get("gcm_objectives", []))
        for name in row["meetings_with"]:
            organisation, provider_row = providers[name]
            note = f"{provider_row['note']} Project key {row['key']}."
            Offer.objects.update_or_create(
                request=request,
                provider_organisation=organisation,
                defaults={
                    "contribution": OFFER_TEXT,
                    "resources_identified": False,
                    **provenance({**provider_row, "note": note}),
                },
            )
            meeting_number += 1
            MarketplaceMeeting.objects.update_or_create(
                marketplace=marketplace,
                reference=f"M-{meeting_number:03d}",
                defaults={
                    "request": request,
                    "provider_organisation": organisation,
                    "owner_party": request.owner_party,
                    "provider_party": f"organisation:{organisation.pk}",
                    "source_document": "003",
                    "source_lines": "L8662-L8668",
                    "source_note": ("One of the 35 one-hour meetings of 10-11 July 2007. " + note),
                },
            )
    return meeting_number


def _link_objectives(request, numbers) -> None:
    """The GCM objectives the data file names (inferred from the kind of project, as the
    request's source note says); set only when they differ, so a second load writes nothing."""
    objectives = gcm_objectives_by_number(numbers)
    if {o.pk for o in objectives} != set(request.gcm_objectives.values_list("pk", flat=True)):
        request.gcm_objectives.set(objectives)
