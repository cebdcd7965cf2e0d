"""A service request's life: drafted and submitted by a focal point (or entered by staff from
an e-mail), validated and published by the Marketplace team, matched, implemented, completed
or withdrawn (003 L8618-L8646, L8729-L8747). One function per transition; each keeps history
(who, when, before/after) through django-simple-history with a reason."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gfmd.common.errors import DomainError
from gfmd.governance.models import SupportUnitAssignment
from gfmd.governance.models.dated import active_on

from ..enums import NoticeKind, RequestStatus, ServiceType
from ..models import Marketplace, MarketplaceTeamMember, ServiceRequest
from .links import edition_sessions, sessions_by_number, themes_by_number
from .notifications import notify
from .tags import check_themes, gcm_objectives_by_number, sdg_targets_by_code

S = RequestStatus
ALLOWED = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.PUBLISHED, S.DRAFT, S.WITHDRAWN},
    S.PUBLISHED: {S.MATCHED, S.WITHDRAWN},
    S.MATCHED: {S.IN_IMPLEMENTATION, S.WITHDRAWN},
    S.IN_IMPLEMENTATION: {S.COMPLETED, S.WITHDRAWN},
    S.COMPLETED: set(),
    S.WITHDRAWN: set(),
}
CONTENT_FIELDS = (
    "title_en",
    "title_fr",
    "title_es",
    "description_en",
    "description_fr",
    "description_es",
)
# Many-to-many links, set after the request row exists (domain/links.py, domain/tags.py).
LINK_FIELDS = ("related_sessions", "gcm_objectives", "sdg_targets", "edition_themes")


def request_url(request: ServiceRequest) -> str:
    edition = request.marketplace.edition
    return reverse("marketplace:request", args=[edition.process.slug, edition.number, request.pk])


def staff_users(marketplace: Marketplace) -> list:
    """Support Unit staff of the edition's chairmanship today and the Marketplace team."""
    User = get_user_model()
    ids = set(
        MarketplaceTeamMember.objects.filter(marketplace=marketplace).values_list(
            "user_id", flat=True
        )
    )
    chairmanship_id = marketplace.edition.chairmanship_id
    if chairmanship_id:
        ids |= set(
            SupportUnitAssignment.objects.filter(
                active_on(timezone.localdate()),
                chairmanship_id=chairmanship_id,
                person__user__isnull=False,
            ).values_list("person__user_id", flat=True)
        )
    return list(User.objects.filter(pk__in=ids, is_active=True))


def owner_users(request: ServiceRequest) -> list:
    """The owner person's account and the accounts of the owner state's focal points."""
    from gfmd.governance.models import FocalPoint

    User = get_user_model()
    ids = set()
    if request.owner_person_id and request.owner_person.user_id:
        ids.add(request.owner_person.user_id)
    if request.owner_state_id:
        ids |= set(
            FocalPoint.objects.filter(
                active_on(timezone.localdate()),
                state_id=request.owner_state_id,
                person__user__isnull=False,
            ).values_list("person__user_id", flat=True)
        )
    return list(User.objects.filter(pk__in=ids, is_active=True))


def is_open_on(marketplace: Marketplace, day) -> bool:
    return (marketplace.opens_on is None or marketplace.opens_on <= day) and (
        marketplace.closes_on is None or marketplace.closes_on >= day
    )


def check_service_types(values) -> list[str]:
    known = set(ServiceType.values)
    chosen = [v for v in ServiceType.values if v in set(values or [])]
    unknown = [v for v in values or [] if v not in known]
    if unknown:
        raise DomainError(
            _("“%(value)s” is not a service type; choose among %(choices)s.")
            % {"value": str(unknown[0])[:30], "choices": ", ".join(ServiceType.values)},
            field="service_types",
        )
    if not chosen:
        raise DomainError(
            _("Choose at least one kind of service (advice, training, equipment…)."),
            field="service_types",
        )
    return chosen


def _next_reference(marketplace: Marketplace) -> str:
    Marketplace.objects.select_for_update().filter(pk=marketplace.pk).first()
    year = marketplace.edition.year
    taken = set(
        ServiceRequest.objects.filter(marketplace=marketplace).values_list("reference", flat=True)
    )
    number = len(taken) + 1
    while f"R-{year}-{number:03d}" in taken:
        number += 1
    return f"R-{year}-{number:03d}"


def _clean_content(data: dict) -> dict:
    cleaned = {k: (data.get(k) or "").strip() for k in CONTENT_FIELDS if k in data}
    if "title_en" in data and not cleaned.get("title_en"):
        raise DomainError(_("Give the request a title in English."), field="title_en")
    if "description_en" in data and not cleaned.get("description_en"):
        raise DomainError(_("Describe the request in English."), field="description_en")
    if "service_types" in data:
        cleaned["service_types"] = check_service_types(data["service_types"])
    if "themes" in data:
        cleaned["themes"] = check_themes(data["themes"])
    return cleaned


def _clean_links(data: dict, edition, *, include_drafts: bool) -> dict[str, list]:
    """Sessions and themes of the request's own edition, GCM objectives and SDG targets of the
    reference lists, each named by its number or code; anything else is refused."""
    links = {}
    if "related_sessions" in data:
        links["related_sessions"] = sessions_by_number(
            edition, data["related_sessions"], include_drafts=include_drafts
        )
    if "gcm_objectives" in data:
        links["gcm_objectives"] = gcm_objectives_by_number(data["gcm_objectives"])
    if "sdg_targets" in data:
        links["sdg_targets"] = sdg_targets_by_code(data["sdg_targets"])
    if "edition_themes" in data:
        links["edition_themes"] = themes_by_number(edition, data["edition_themes"])
    return links


def save_with_links(request: ServiceRequest, links: dict[str, list], reason: str) -> None:
    """The request's fields and links in one history entry: the links are set while history
    is paused (each add or remove would otherwise be an entry of its own), then one save
    records the whole state, links included."""
    if links:
        request.skip_history_when_saving = True
        try:
            for name, objects in links.items():
                getattr(request, name).set(objects)
        finally:
            del request.skip_history_when_saving
    request._change_reason = reason
    request.save()


def create_request(
    marketplace: Marketplace,
    *,
    owner_state,
    owner_person,
    created_by,
    by_staff: bool,
    received_by_email: bool = False,
    submit: bool = False,
    **content,
) -> ServiceRequest:
    """A focal point drafts (or submits) a request for their state while the Marketplace is
    open; staff enter a request received by e-mail at any time (after Brussels, "Governments
    seeking to post a new request … should contact the Marketplace Team by sending an e-mail",
    003 L8733-L8736)."""
    if owner_state is None:
        raise DomainError(_("Name the state that asks for the service."), field="owner_state")
    today = timezone.localdate()
    if not by_staff and not is_open_on(marketplace, today):
        raise DomainError(
            _(
                "The Marketplace is not open for new requests today. Send the request by e-mail "
                "to the Marketplace team (%(contact)s), who can enter it for you."
            )
            % {"contact": marketplace.contact_email or _("see the Marketplace page")}
        )
    data = {"service_types": [], "title_en": "", "description_en": "", **content}
    cleaned = _clean_content(data)
    links = _clean_links(data, marketplace.edition, include_drafts=by_staff)
    with transaction.atomic():
        request = ServiceRequest(
            marketplace=marketplace,
            reference=_next_reference(marketplace),
            owner_state=owner_state,
            owner_person=owner_person,
            created_by=created_by,
            received_by_email=received_by_email and by_staff,
            **cleaned,
        )
        request._change_reason = _("created")
        request.save()
        if any(links.values()):
            save_with_links(request, links, _("sessions and tags linked"))
        if submit:
            submit_request(request, created_by)
    return request


def update_request(
    request: ServiceRequest, user, *, include_drafts: bool = True, **content
) -> ServiceRequest:
    """Change a request's content and links. Someone who cannot see the draft sessions of the
    edition keeps the request's links to them (their form does not offer them)."""
    if request.status in (S.COMPLETED, S.WITHDRAWN):
        raise DomainError(_("A completed or withdrawn request cannot be changed."))
    edition = request.marketplace.edition
    cleaned = _clean_content(content)
    links = _clean_links(content, edition, include_drafts=include_drafts)
    if "related_sessions" in links and not include_drafts:
        visible = {s.pk for s in edition_sessions(edition, include_drafts=False)}
        kept = [s for s in request.related_sessions.all() if s.pk not in visible]
        links["related_sessions"] = links["related_sessions"] + kept
    with transaction.atomic():
        for name, value in cleaned.items():
            setattr(request, name, value)
        save_with_links(request, links, _("content changed"))
    return request


def _transition(request: ServiceRequest, target: str, reason: str) -> ServiceRequest:
    with transaction.atomic():
        current = ServiceRequest.objects.select_for_update().get(pk=request.pk)
        if target not in ALLOWED[current.status]:
            raise DomainError(
                _("A request that is %(current)s cannot become %(target)s.")
                % {"current": current.get_status_display(), "target": S(target).label},
                field="status",
                code="transition",
            )
        request.status = target
        request._change_reason = reason
        request.save(update_fields=["status", "submitted_at", "published_at", "validated_by"])
    return request


def submit_request(request: ServiceRequest, user) -> ServiceRequest:
    """The owner sends the draft to the Marketplace team for validation."""
    request.submitted_at = timezone.now()
    _transition(request, S.SUBMITTED, _("submitted for validation"))
    notify(
        staff_users(request.marketplace),
        kind=NoticeKind.REQUEST,
        template=gettext_lazy("Request %(reference)s “%(title)s” waits for validation."),
        params={"reference": request.reference, "title": request.title},
        url=request_url(request),
        marketplace=request.marketplace,
    )
    return request


def publish_request(request: ServiceRequest, user) -> ServiceRequest:
    """Staff validate a submitted request and publish it to the visitors (003 L8630-L8631)."""
    request.published_at = timezone.now()
    request.validated_by = user
    _transition(request, S.PUBLISHED, _("validated and published"))
    _tell_owner(request, gettext_lazy("Your request %(reference)s is published."))
    return request


def return_to_owner(request: ServiceRequest, user, note: str) -> ServiceRequest:
    """Staff send a submitted request back to its owner with what to change."""
    if not (note or "").strip():
        raise DomainError(_("Say what the owner should change."), field="note")
    _transition(request, S.DRAFT, _("returned to the owner: %(note)s") % {"note": note[:200]})
    _tell_owner(
        request,
        gettext_lazy("Your request %(reference)s was returned: %(note)s"),
        note=note[:500],
    )
    return request


def mark_matched(request: ServiceRequest, user) -> ServiceRequest:
    return _transition(request, S.MATCHED, _("matched with a provider"))


def start_implementation(request: ServiceRequest, user) -> ServiceRequest:
    return _transition(request, S.IN_IMPLEMENTATION, _("implementation started"))


def complete_request(request: ServiceRequest, user) -> ServiceRequest:
    return _transition(request, S.COMPLETED, _("completed"))


def withdraw_request(request: ServiceRequest, user) -> ServiceRequest:
    return _transition(request, S.WITHDRAWN, _("withdrawn"))


def _tell_owner(request, template, **params):
    notify(
        owner_users(request),
        kind=NoticeKind.REQUEST,
        template=template,
        params={"reference": request.reference, **params},
        url=request_url(request),
        marketplace=request.marketplace,
    )


TRANSITIONS = {
    "submit": submit_request,
    "publish": publish_request,
    "match": mark_matched,
    "implement": start_implementation,
    "complete": complete_request,
    "withdraw": withdraw_request,
}
# Which permission each transition needs (rules.py).
TRANSITION_PERMISSIONS = {
    "submit": "marketplace.submit_request",
    "publish": "marketplace.validate_request",
    "return": "marketplace.validate_request",
    "match": "marketplace.follow_up_request",
    "implement": "marketplace.follow_up_request",
    "complete": "marketplace.follow_up_request",
    "withdraw": "marketplace.follow_up_request",
}


def apply_transition(request: ServiceRequest, action: str, user, note: str = ""):
    if action == "return":
        return return_to_owner(request, user, note)
    if action not in TRANSITIONS:
        raise DomainError(_("Unknown action “%(action)s”.") % {"action": action[:30]})
    return TRANSITIONS[action](request, user)
