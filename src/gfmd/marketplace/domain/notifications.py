"""Telling people what happened: an in-app notice for each, and an e-mail at once or in a
daily digest, as each chose (the 2007 Marketplace was run by e-mail with the focal points,
003 L8618-L8628; peer tools send reminders, peer-systems.md §5.1)."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..enums import NotificationFrequency
from ..models import Notice, NotificationPreference

SUBJECT_PREFIX = "[GFMD Marketplace] "


def language_of(user) -> str:
    person = getattr(user, "person", None) if hasattr(user, "person") else None
    return getattr(person, "preferred_language", "") or settings.LANGUAGE_CODE


def notify(users, *, kind: str, template, params: dict | None = None, url="", marketplace=None):
    """A notice for each user (in their language); e-mailed after the transaction commits to
    those who want every e-mail. ``template`` is a lazy translatable string with %(name)s."""
    recipients = {u.pk: u for u in users if u is not None and u.is_active}
    if not recipients:
        return []
    notices = []
    for user in recipients.values():
        with translation.override(language_of(user)):
            text = str(template) % {k: str(v) for k, v in (params or {}).items()}
        notices.append(Notice(user=user, kind=kind, text=text, url=url, marketplace=marketplace))
    created = Notice.objects.bulk_create(notices)
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=recipients).values_list(
            "user_id", "frequency"
        )
    )
    now = [
        n.pk
        for n in created
        if chosen.get(n.user_id, NotificationFrequency.IMMEDIATE) == NotificationFrequency.IMMEDIATE
    ]
    if now:
        transaction.on_commit(lambda: send_notices(now))
    return created


def send_notices(notice_ids) -> int:
    """E-mail each notice on its own (immediate choice)."""
    sent = 0
    for notice in Notice.objects.filter(pk__in=notice_ids, emailed_at__isnull=True).select_related(
        "user"
    ):
        if notice.user.email:
            send_mail(
                SUBJECT_PREFIX + notice.text[:70],
                f"{notice.text}\n\n{notice.url}".strip(),
                None,
                [notice.user.email],
            )
            sent += 1
        Notice.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
    return sent


def send_digests(now: datetime.datetime | None = None) -> int:
    """One e-mail per user who chose the daily digest, with every notice not yet e-mailed.
    Returns the number of e-mails sent; running it twice sends nothing new."""
    now = now or timezone.now()
    daily = NotificationPreference.objects.filter(
        frequency=NotificationFrequency.DAILY
    ).values_list("user_id", flat=True)
    pending = (
        Notice.objects.filter(user_id__in=daily, emailed_at__isnull=True, created_at__lte=now)
        .select_related("user")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notice]] = {}
    for notice in pending:
        by_user.setdefault(notice.user_id, []).append(notice)
    for notices in by_user.values():
        user = notices[0].user
        with translation.override(language_of(user)):
            subject = SUBJECT_PREFIX + _("%(count)d new notices") % {"count": len(notices)}
        body = "\n\n".join(f"- {n.text}\n  {n.url}".rstrip() for n in notices)
        with transaction.atomic():
            if user.email:
                send_mail(subject, body, None, [user.email])
            Notice.objects.filter(pk__in=[n.pk for n in notices]).update(emailed_at=now)
    return len(by_user)


def choose_frequency(user, frequency: str) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"frequency": frequency}
    )
    return preference


def frequency_of(user) -> str:
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.frequency if preference else NotificationFrequency.IMMEDIATE
