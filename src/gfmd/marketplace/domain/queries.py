"""Reusable queries of the Marketplace pages and API, each in a fixed number of queries."""

from django.db.models import Count, Max, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gfmd.preparation.models import RoundtableSession, Theme
from gfmd.reference.models import GCMObjective, SDGTarget

from ..enums import OPEN_TO_VISITORS, MeetingStatus
from ..models import (
    MarketplaceMeeting,
    MeetingRequest,
    Message,
    Offer,
    ServiceRequest,
    Slot,
    Table,
)
from .roles import MarketplaceRoles

MEETING_RELATED = (
    "request__owner_state",
    "provider_state",
    "provider_organisation",
    "slot",
    "table",
    "outcome_form",
)


def marketplace_of(process: str, number: int):
    from ..models import Marketplace

    return get_object_or_404(
        Marketplace.objects.select_related("edition__process", "edition__chairmanship"),
        edition__process__slug=process,
        edition__number=number,
    )


def zone_of(marketplace):
    """The Forum's time zone (UTC if the name is unknown)."""
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(marketplace.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def visible_requests(marketplace, roles: MarketplaceRoles):
    """Staff see every request; others the published ones and their own."""
    requests = ServiceRequest.objects.filter(marketplace=marketplace)
    if roles.staff:
        return requests
    own = Q(owner_state_id__in=roles.focal_point_state_ids)
    if roles.person_id:
        own |= Q(owner_person_id=roles.person_id)
    return requests.filter(own | Q(status__in=OPEN_TO_VISITORS))


# What a request's sessions, themes and tags are read with: one query each, whatever the count.
LINKS_PREFETCH = (
    Prefetch("related_sessions", queryset=RoundtableSession.objects.order_by("number")),
    Prefetch("gcm_objectives", queryset=GCMObjective.objects.order_by("number")),
    Prefetch("sdg_targets", queryset=SDGTarget.objects.order_by("goal__number", "position")),
    Prefetch("edition_themes", queryset=Theme.objects.order_by("number")),
)


def requests_for_listing(
    marketplace,
    roles,
    *,
    status="",
    service_type="",
    search="",
    session="",
    gcm_objective=None,
    sdg_target="",
    theme=None,
):
    """Requests with their offer and provider counts (more than one provider is a
    coordination signal, 003 L8722-L8725), meeting count, sessions and tags; filtered by
    status, service, words, a session (its number), a GCM objective (its number), an SDG
    target (its code) or a theme of the edition (its number)."""
    requests = visible_requests(marketplace, roles)
    if status:
        requests = requests.filter(status=status)
    if session:
        requests = requests.filter(
            related_sessions__number=session, related_sessions__edition=marketplace.edition_id
        )
    if gcm_objective is not None:
        requests = requests.filter(gcm_objectives__number=gcm_objective)
    if sdg_target:
        requests = requests.filter(sdg_targets__code=sdg_target)
    if theme is not None:
        requests = requests.filter(
            edition_themes__number=theme, edition_themes__edition=marketplace.edition_id
        )
    if search:
        requests = requests.filter(
            Q(title_en__icontains=search)
            | Q(title_fr__icontains=search)
            | Q(title_es__icontains=search)
            | Q(reference__iexact=search)
        )
    standing = Q(offers__withdrawn_at__isnull=True)
    requests = (
        requests.select_related("owner_state", "owner_person", "marketplace__edition__process")
        .prefetch_related(*LINKS_PREFETCH)
        .annotate(
            offer_count=Count("offers", filter=standing, distinct=True),
            provider_count=Count("offers__provider_organisation", filter=standing, distinct=True)
            + Count("offers__provider_state", filter=standing, distinct=True),
            meeting_count=Count(
                "meetings", filter=~Q(meetings__status=MeetingStatus.CANCELLED), distinct=True
            ),
        )
        .order_by("reference")
    )
    rows = list(requests)
    if service_type:
        rows = [r for r in rows if service_type in r.service_types]
    return rows


def listing_filter_choices(marketplace, *, include_drafts: bool) -> dict[str, list]:
    """What the request list can be filtered by: the edition's sessions and themes, and the
    GCM objectives and SDG targets that requests of this Marketplace carry (four queries)."""
    from .links import edition_sessions, edition_themes, session_label, theme_label
    from .tags import gcm_label, sdg_label

    edition = marketplace.edition
    gcm_links = ServiceRequest.gcm_objectives.through.objects.filter(
        servicerequest__marketplace=marketplace
    )
    sdg_links = ServiceRequest.sdg_targets.through.objects.filter(
        servicerequest__marketplace=marketplace
    )
    return {
        "sessions": [
            (s.number, session_label(s))
            for s in edition_sessions(edition, include_drafts=include_drafts)
        ],
        "themes": [(str(t.number), theme_label(t)) for t in edition_themes(edition)],
        "gcm_objectives": [
            (str(o.number), gcm_label(o))
            for o in GCMObjective.objects.filter(
                pk__in=gcm_links.values("gcmobjective_id")
            ).order_by("number")
        ],
        "sdg_targets": [
            (t.code, sdg_label(t))
            for t in SDGTarget.objects.filter(pk__in=sdg_links.values("sdgtarget_id")).order_by(
                "goal__number", "position"
            )
        ],
    }


def request_detail(marketplace, pk: int) -> ServiceRequest:
    return get_object_or_404(
        ServiceRequest.objects.select_related(
            "owner_state", "owner_person", "marketplace__edition__process", "validated_by"
        ).prefetch_related(
            Prefetch(
                "offers",
                queryset=Offer.objects.select_related(
                    "provider_state", "provider_organisation", "made_by"
                ).order_by("created_at", "id"),
            ),
            Prefetch(
                "messages",
                queryset=Message.objects.filter(parent__isnull=True)
                .select_related("author", "hidden_by")
                .prefetch_related(
                    Prefetch(
                        "replies",
                        queryset=Message.objects.select_related("author", "hidden_by").order_by(
                            "created_at", "id"
                        ),
                    )
                )
                .order_by("created_at", "id"),
                to_attr="threads",
            ),
            Prefetch(
                "meeting_requests",
                queryset=MeetingRequest.objects.select_related(
                    "provider_state", "provider_organisation", "asked_by"
                ),
            ),
            Prefetch(
                "meetings",
                queryset=MarketplaceMeeting.objects.select_related(*MEETING_RELATED),
            ),
            "progress_posts__author",
            *LINKS_PREFETCH,
        ),
        marketplace=marketplace,
        pk=pk,
    )


def grid_of(marketplace) -> dict:
    """Slots x tables with the meetings in them, and the planned meetings without a place."""
    slots = list(Slot.objects.filter(marketplace=marketplace).order_by("starts_at"))
    tables = list(Table.objects.filter(marketplace=marketplace).order_by("name"))
    meetings = list(
        MarketplaceMeeting.objects.filter(marketplace=marketplace)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related(*MEETING_RELATED)
        .order_by("reference")
    )
    cell = {(m.slot_id, m.table_id): m for m in meetings if m.slot_id}
    rows = [(slot, [cell.get((slot.pk, table.pk)) for table in tables]) for slot in slots]
    unplaced = [m for m in meetings if m.slot_id is None and m.status == MeetingStatus.PLANNED]
    return {"slots": slots, "tables": tables, "rows": rows, "unplaced": unplaced}


def meetings_of(marketplace, roles: MarketplaceRoles):
    """The meetings a user is a party of (staff: all), with everything an agenda shows."""
    meetings = MarketplaceMeeting.objects.filter(marketplace=marketplace).exclude(
        status=MeetingStatus.CANCELLED
    )
    if not roles.staff:
        mine = Q(request__owner_state_id__in=roles.focal_point_state_ids)
        mine |= Q(provider_state_id__in=roles.state_ids)
        mine |= Q(provider_organisation_id__in=roles.organisation_ids)
        if roles.person_id:
            mine |= Q(request__owner_person_id=roles.person_id)
        meetings = meetings.filter(mine)
    return meetings.select_related(*MEETING_RELATED, "marketplace__edition__process").order_by(
        "slot__starts_at", "reference"
    )


def agenda_of(marketplace, roles: MarketplaceRoles) -> list[MarketplaceMeeting]:
    """A party's own agenda: its meetings, even for staff who also are a party."""
    own = MarketplaceRoles(
        False,
        roles.visitor,
        roles.owner_somewhere,
        roles.person_id,
        roles.focal_point_state_ids,
        roles.state_ids,
        roles.organisation_ids,
    )
    return list(meetings_of(marketplace, own))


def monitoring_rows(marketplace, now=None) -> list[dict]:
    """Per published request: the latest progress, months since it, offers, and whether any
    resources are identified (the 2007 funding gap, 003 L8717-L8722)."""
    now = now or timezone.now()
    requests = (
        ServiceRequest.objects.filter(marketplace=marketplace, status__in=OPEN_TO_VISITORS)
        .select_related("owner_state")
        .annotate(
            offer_count=Count("offers", filter=Q(offers__withdrawn_at__isnull=True), distinct=True),
            resourced_offers=Count(
                "offers",
                filter=Q(offers__withdrawn_at__isnull=True, offers__resources_identified=True),
                distinct=True,
            ),
            resourced_outcomes=Count(
                "meetings",
                filter=Q(meetings__outcome_form__resources_identified=True),
                distinct=True,
            ),
            resourced_posts=Count(
                "progress_posts", filter=Q(progress_posts__resources_identified=True), distinct=True
            ),
            last_post_at=Max("progress_posts__posted_at"),
            held=Count("meetings", filter=Q(meetings__status=MeetingStatus.HELD), distinct=True),
        )
        .prefetch_related("progress_posts")
        .order_by("reference")
    )
    rows = []
    for request in requests:
        posts = list(request.progress_posts.all())
        latest = posts[0] if posts else None
        resourced = bool(
            request.resourced_offers or request.resourced_outcomes or request.resourced_posts
        )
        rows.append(
            {
                "request": request,
                "latest": latest,
                "months_since": _months(request.last_post_at, now) if latest else None,
                "offer_count": request.offer_count,
                "held": request.held,
                "resources_identified": resourced,
                "funding_gap": request.offer_count > 0 and not resourced,
            }
        )
    return rows


def _months(then, now) -> int:
    return max(0, (now.year - then.year) * 12 + now.month - then.month - (now.day < then.day))
