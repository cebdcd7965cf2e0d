"""Bilateral meetings: asked for by either side, accepted or declined by the other, expiring
when nobody answers; after the meeting, the Outcome Form both sides fill (003 L8662-L8683).

A pending request holds no slot and no table: slots are given only by "Schedule all" to
accepted meetings, so an unanswered request blocks nobody (the complaint against peer tools,
peer-systems.md §5.3)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gfmd.common.errors import DomainError
from gfmd.governance.models import FocalPoint
from gfmd.governance.models.dated import active_on

from ..enums import (
    OPEN_FOR_OFFERS,
    MeetingRequestStatus,
    MeetingStatus,
    NoticeKind,
    RequestStatus,
    Side,
)
from ..models import (
    MarketplaceMeeting,
    MeetingRequest,
    OutcomeForm,
    ServiceRequest,
    Visitor,
)
from .notifications import notify
from .requests import owner_users, request_url
from .roles import is_owner, marketplace_roles, speaks_for

OUTCOME_FIELDS = ("outcome", "proposed_follow_up", "issues_to_be_resolved", "resources_identified")


def provider_users(marketplace, *, state_id=None, organisation_id=None) -> list:
    """Who speaks for a provider: its visitors, and the focal points of a provider state."""
    User = get_user_model()
    ids = set(
        Visitor.objects.filter(
            marketplace=marketplace, state_id=state_id, organisation_id=organisation_id
        ).values_list("user_id", flat=True)
    )
    if state_id:
        ids |= set(
            FocalPoint.objects.filter(
                active_on(timezone.localdate()), state_id=state_id, person__user__isnull=False
            ).values_list("person__user_id", flat=True)
        )
    return list(User.objects.filter(pk__in=ids, is_active=True))


def side_of(user, thing) -> str | None:
    """The side ``user`` is on for a meeting or meeting request: owner, provider or none."""
    roles = marketplace_roles(user, thing.request.marketplace)
    if is_owner(roles, thing.request):
        return Side.OWNER
    if speaks_for(
        roles, state_id=thing.provider_state_id, organisation_id=thing.provider_organisation_id
    ):
        return Side.PROVIDER
    return None


def meeting_url(meeting: MarketplaceMeeting) -> str:
    edition = meeting.marketplace.edition
    return reverse("marketplace:meeting", args=[edition.process.slug, edition.number, meeting.pk])


def ask_for_meeting(
    request: ServiceRequest, *, user, side: str, state=None, organisation=None, offer=None, note=""
) -> MeetingRequest:
    """Either side asks; the owner names the provider through one of its offers."""
    if request.status not in OPEN_FOR_OFFERS:
        raise DomainError(_("Meetings can be asked for published requests only."))
    if side == Side.OWNER:
        if offer is None or offer.request_id != request.pk or offer.withdrawn_at:
            raise DomainError(_("Choose the offer whose provider you want to meet."), field="offer")
        state, organisation = offer.provider_state, offer.provider_organisation
    elif (state is None) == (organisation is None):
        raise DomainError(_("Choose whom you speak for."), field="provider")
    marketplace = request.marketplace
    with transaction.atomic():
        ServiceRequest.objects.select_for_update().filter(pk=request.pk).first()
        pending = MeetingRequest.objects.filter(
            request=request,
            provider_state=state,
            provider_organisation=organisation,
            status=MeetingRequestStatus.PENDING,
            expires_at__gt=timezone.now(),
        )
        if pending.exists():
            raise DomainError(_("A meeting request between these parties waits for an answer."))
        planned = MarketplaceMeeting.objects.filter(
            request=request,
            provider_state=state,
            provider_organisation=organisation,
            status=MeetingStatus.PLANNED,
        )
        if planned.exists():
            raise DomainError(_("These parties have a planned meeting on this request already."))
        meeting_request = MeetingRequest.objects.create(
            request=request,
            provider_state=state,
            provider_organisation=organisation,
            offer=offer,
            asked_by=user,
            asked_by_side=side,
            note=(note or "").strip()[:2000],
            expires_at=timezone.now()
            + datetime.timedelta(hours=marketplace.meeting_request_expiry_hours),
        )
    other = (
        provider_users(
            marketplace,
            state_id=getattr(state, "pk", None),
            organisation_id=getattr(organisation, "pk", None),
        )
        if side == Side.OWNER
        else owner_users(request)
    )
    notify(
        other,
        kind=NoticeKind.MEETING_REQUEST,
        template=gettext_lazy(
            "%(who)s asks for a meeting on %(reference)s; answer before %(expires)s."
        ),
        params={
            "who": request.owner_label if side == Side.OWNER else (state or organisation),
            "reference": request.reference,
            "expires": f"{meeting_request.expires_at:%Y-%m-%d %H:%M} UTC",
        },
        url=request_url(request),
        marketplace=marketplace,
    )
    return meeting_request


def _locked_pending(meeting_request: MeetingRequest, now) -> MeetingRequest:
    locked = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
    if locked.status == MeetingRequestStatus.PENDING and locked.expires_at <= now:
        raise DomainError(_("This meeting request has expired; ask for a new one."))
    if locked.status != MeetingRequestStatus.PENDING:
        raise DomainError(
            _("This meeting request was answered already (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    return locked


def _next_meeting_reference(marketplace) -> str:
    taken = set(
        MarketplaceMeeting.objects.filter(marketplace=marketplace).values_list(
            "reference", flat=True
        )
    )
    number = len(taken) + 1
    while f"M-{number:03d}" in taken:
        number += 1
    return f"M-{number:03d}"


def accept_meeting_request(meeting_request: MeetingRequest, user) -> MarketplaceMeeting:
    """The other side accepts: a meeting to schedule exists; a published request is matched."""
    now = timezone.now()
    with transaction.atomic():
        locked = _locked_pending(meeting_request, now)
        request = ServiceRequest.objects.select_for_update().get(pk=locked.request_id)
        marketplace = request.marketplace
        locked.status = MeetingRequestStatus.ACCEPTED
        locked.answered_at, locked.answered_by = now, user
        locked._change_reason = _("accepted")
        locked.save()
        meeting = MarketplaceMeeting.objects.create(
            marketplace=marketplace,
            request=request,
            meeting_request=locked,
            reference=_next_meeting_reference(marketplace),
            provider_state=locked.provider_state,
            provider_organisation=locked.provider_organisation,
            owner_party=request.owner_party,
            provider_party=locked.provider_party,
        )
        if request.status == RequestStatus.PUBLISHED:
            request.status = RequestStatus.MATCHED
            request._change_reason = _("matched: a meeting was agreed")
            request.save(update_fields=["status"])
    meeting_request.status = locked.status
    _tell_both(
        meeting,
        gettext_lazy("Meeting %(meeting)s on %(reference)s is agreed; staff will give it a slot."),
    )
    return meeting


def decline_meeting_request(meeting_request: MeetingRequest, user, note: str = ""):
    with transaction.atomic():
        locked = _locked_pending(meeting_request, timezone.now())
        locked.status = MeetingRequestStatus.DECLINED
        locked.answered_at, locked.answered_by = timezone.now(), user
        locked._change_reason = _("declined: %(note)s") % {"note": (note or "—")[:200]}
        locked.save()
    notify(
        [locked.asked_by],
        kind=NoticeKind.MEETING_REQUEST,
        template=gettext_lazy("Your meeting request on %(reference)s was declined."),
        params={"reference": locked.request.reference},
        url=request_url(locked.request),
        marketplace=locked.request.marketplace,
    )
    return locked


def expire_meeting_requests(now: datetime.datetime | None = None) -> int:
    """Pending requests past their time expire for both sides; they held nothing, so nothing
    is freed. Returns how many expired."""
    now = now or timezone.now()
    expired = 0
    overdue = MeetingRequest.objects.filter(
        status=MeetingRequestStatus.PENDING, expires_at__lte=now
    ).select_related("request__marketplace__edition__process", "asked_by")
    for meeting_request in overdue:
        with transaction.atomic():
            locked = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
            if locked.status != MeetingRequestStatus.PENDING:
                continue
            locked.status = MeetingRequestStatus.EXPIRED
            locked._change_reason = _("expired without an answer")
            locked.save(update_fields=["status"])
        expired += 1
        notify(
            [meeting_request.asked_by],
            kind=NoticeKind.MEETING_REQUEST,
            template=gettext_lazy("Your meeting request on %(reference)s expired unanswered."),
            params={"reference": meeting_request.request.reference},
            url=request_url(meeting_request.request),
            marketplace=meeting_request.request.marketplace,
        )
    return expired


def meeting_users(meeting: MarketplaceMeeting) -> list:
    owners = owner_users(meeting.request)
    providers = provider_users(
        meeting.marketplace,
        state_id=meeting.provider_state_id,
        organisation_id=meeting.provider_organisation_id,
    )
    return list({u.pk: u for u in owners + providers}.values())


def _tell_both(meeting: MarketplaceMeeting, template, **params):
    notify(
        meeting_users(meeting),
        kind=NoticeKind.MEETING,
        template=template,
        params={"meeting": meeting.reference, "reference": meeting.request.reference, **params},
        url=meeting_url(meeting),
        marketplace=meeting.marketplace,
    )


def _check_started(meeting: MarketplaceMeeting, now) -> None:
    if meeting.slot_id is None or meeting.slot.starts_at > now:
        raise DomainError(_("The meeting has not taken place yet: it has no past slot."))


def save_outcome_form(meeting: MarketplaceMeeting, *, user, side: str, **content) -> OutcomeForm:
    """One side fills or corrects the joint Outcome Form and confirms it; if the content
    changed, the other side is asked to confirm again."""
    if side not in Side.values:
        raise DomainError(_("Only the two sides of the meeting fill its Outcome Form."))
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.HELD):
        raise DomainError(_("This meeting did not take place; it has no Outcome Form."))
    now = timezone.now()
    _check_started(meeting, now)
    for name in ("outcome", "proposed_follow_up"):
        if not (content.get(name) or "").strip():
            raise DomainError(_("This field is required."), field=name)
    values = {
        "outcome": content["outcome"].strip(),
        "proposed_follow_up": content["proposed_follow_up"].strip(),
        "issues_to_be_resolved": (content.get("issues_to_be_resolved") or "").strip(),
        "resources_identified": bool(content.get("resources_identified")),
    }
    other = Side.PROVIDER if side == Side.OWNER else Side.OWNER
    with transaction.atomic():
        form = OutcomeForm.objects.select_for_update().filter(meeting=meeting).first()
        if form is None:
            form = OutcomeForm(meeting=meeting, **values)
        elif any(getattr(form, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(form, name, value)
            setattr(form, f"{other}_confirmed_by", None)
            setattr(form, f"{other}_confirmed_at", None)
        setattr(form, f"{side}_confirmed_by", user)
        setattr(form, f"{side}_confirmed_at", now)
        form._change_reason = _("confirmed by the %(side)s") % {"side": Side(side).label}
        form.save()
    if not form.confirmed_by_both:
        _tell_both(
            meeting,
            gettext_lazy("The Outcome Form of meeting %(meeting)s waits for the other side."),
        )
    return form


def close_meeting(meeting: MarketplaceMeeting, *, user, status: str) -> MarketplaceMeeting:
    """Record what happened. Held needs the Outcome Form confirmed by both sides; a no-show
    can be recorded once the slot has begun; a cancellation at any time."""
    if status not in (
        MeetingStatus.HELD,
        MeetingStatus.NO_SHOW_OWNER,
        MeetingStatus.NO_SHOW_PROVIDER,
        MeetingStatus.CANCELLED,
    ):
        raise DomainError(_("Choose what happened to the meeting."), field="status")
    now = timezone.now()
    with transaction.atomic():
        locked = MarketplaceMeeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status != MeetingStatus.PLANNED:
            raise DomainError(
                _("This meeting is closed already (%(status)s).")
                % {"status": locked.get_status_display()}
            )
        if status != MeetingStatus.CANCELLED:
            _check_started(locked, now)
        if status == MeetingStatus.HELD:
            form = OutcomeForm.objects.filter(meeting=locked).first()
            if form is None or not form.confirmed_by_both:
                raise DomainError(
                    _(
                        "A meeting is closed as held only with its Outcome Form, filled and "
                        "confirmed by both sides."
                    ),
                    field="status",
                    code="outcome_form_missing",
                )
        locked.status = status
        locked.locked = False if status == MeetingStatus.CANCELLED else locked.locked
        locked.closed_at, locked.closed_by = now, user
        locked._change_reason = MeetingStatus(status).label
        locked.save()
    meeting.status = locked.status
    return locked
