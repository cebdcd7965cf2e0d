"""Offers, the conversation of a request, and progress posts (003 L8641-L8646, L8717-L8733)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gfmd.common.errors import DomainError

from ..enums import OPEN_FOR_OFFERS, NoticeKind, Side
from ..models import Message, Offer, ProgressPost, ServiceRequest
from .notifications import notify
from .requests import owner_users, request_url, staff_users

MAX_MESSAGE = 5000


def split_party(value: str, parties: list[tuple[str, object]]):
    """The (state, organisation) of a party value the user may speak for."""
    chosen = dict(parties).get(value)
    if chosen is None:
        raise DomainError(_("Choose whom you speak for."), field="provider")
    if value.startswith("state:"):
        return chosen, None
    return None, chosen


def make_offer(
    request: ServiceRequest,
    *,
    user,
    state=None,
    organisation=None,
    contribution: str,
    conditions: str = "",
    resources_identified: bool = False,
    resources_note: str = "",
) -> Offer:
    """A provider answers a request. One standing offer per provider and request; a second
    provider on the same request is shown to the owner and staff as a coordination signal
    (003 L8722-L8725)."""
    if request.status not in OPEN_FOR_OFFERS:
        raise DomainError(_("This request does not take offers now."))
    if not (contribution or "").strip():
        raise DomainError(_("Say what you can bring."), field="contribution")
    if state is not None and state.pk == request.owner_state_id:
        raise DomainError(_("A government cannot answer its own request."), field="provider")
    with transaction.atomic():
        ServiceRequest.objects.select_for_update().filter(pk=request.pk).first()
        standing = Offer.objects.filter(
            request=request,
            provider_state=state,
            provider_organisation=organisation,
            withdrawn_at__isnull=True,
        )
        if standing.exists():
            raise DomainError(
                _("%(provider)s has an offer on this request already; withdraw it to replace it.")
                % {"provider": state or organisation},
                field="provider",
            )
        offer = Offer.objects.create(
            request=request,
            provider_state=state,
            provider_organisation=organisation,
            contribution=contribution.strip(),
            conditions=(conditions or "").strip(),
            resources_identified=resources_identified,
            resources_note=(resources_note or "").strip()[:250],
            made_by=user,
        )
    notify(
        [u for u in owner_users(request) + staff_users(request.marketplace) if u != user],
        kind=NoticeKind.OFFER,
        template=gettext_lazy("%(provider)s made an offer on %(reference)s."),
        params={"provider": state or organisation, "reference": request.reference},
        url=request_url(request),
        marketplace=request.marketplace,
    )
    return offer


def withdraw_offer(offer: Offer, user) -> Offer:
    if offer.withdrawn_at:
        raise DomainError(_("This offer was withdrawn already."))
    offer.withdrawn_at = timezone.now()
    offer._change_reason = _("withdrawn")
    offer.save(update_fields=["withdrawn_at"])
    return offer


def post_message(request: ServiceRequest, *, author, body: str, parent: Message | None = None):
    """A message in the request's conversation; the owner and the thread's earlier authors are
    told (by e-mail at once or in their digest, as each chose)."""
    body = (body or "").strip()
    if not body:
        raise DomainError(_("Write a message."), field="body")
    if len(body) > MAX_MESSAGE:
        raise DomainError(
            _("A message has at most %(n)d characters.") % {"n": MAX_MESSAGE}, field="body"
        )
    if parent is not None and parent.request_id != request.pk:
        raise DomainError(_("You can only reply to a message of this request."), field="parent")
    if parent is not None and parent.parent_id:
        parent = parent.parent  # one level of replies keeps threads readable
    message = Message.objects.create(request=request, author=author, body=body, parent=parent)
    earlier = {
        m.author
        for m in Message.objects.filter(request=request)
        .exclude(author=None)
        .select_related("author")
    }
    recipients = {u.pk: u for u in [*owner_users(request), *earlier] if u != author}
    notify(
        recipients.values(),
        kind=NoticeKind.MESSAGE,
        template=gettext_lazy("%(author)s wrote on %(reference)s: %(excerpt)s"),
        params={"author": author, "reference": request.reference, "excerpt": body[:120]},
        url=request_url(request),
        marketplace=request.marketplace,
    )
    return message


def hide_message(message: Message, *, moderator, reason: str) -> Message:
    """Staff moderation: the message stays in the record, hidden from the conversation."""
    if not (reason or "").strip():
        raise DomainError(_("Say why the message is hidden."), field="reason")
    message.hidden_at = timezone.now()
    message.hidden_by = moderator
    message.hidden_reason = reason.strip()[:250]
    message._change_reason = _("hidden by a moderator")
    message.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    return message


def restore_message(message: Message, *, moderator) -> Message:
    message.hidden_at = None
    message.hidden_reason = ""
    message._change_reason = _("shown again by a moderator")
    message.save(update_fields=["hidden_at", "hidden_reason"])
    return message


def post_progress(
    request: ServiceRequest, *, author, side: str, body: str, resources_identified: bool = False
) -> ProgressPost:
    """Progress in implementing a project, by its owner or a provider (003 L8729-L8733)."""
    if side not in Side.values:
        raise DomainError(_("Say whether you post as the owner or as a provider."), field="side")
    if not (body or "").strip():
        raise DomainError(_("Describe the progress."), field="body")
    return ProgressPost.objects.create(
        request=request,
        author=author,
        side=side,
        body=body.strip(),
        resources_identified=resources_identified,
    )
