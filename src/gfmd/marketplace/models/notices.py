"""What the Marketplace tells a user: in-app notices (also e-mailed, at once or in a digest),
the user's choice of e-mail, and the secret of their calendar feed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import NoticeKind, NotificationFrequency
from .marketplace import Marketplace


class Notice(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="marketplace_notices"
    )
    marketplace = models.ForeignKey(Marketplace, null=True, on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices)
    text = models.TextField(_("notice"))
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notice")
        indexes = [models.Index(fields=["user", "emailed_at"])]

    def __str__(self) -> str:
        return self.text[:60]


class NotificationPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="marketplace_preference"
    )
    frequency = models.CharField(
        _("e-mail me"),
        max_length=10,
        choices=NotificationFrequency.choices,
        default=NotificationFrequency.IMMEDIATE,
    )

    def __str__(self) -> str:
        return f"{self.user}: {self.frequency}"


class CalendarToken(models.Model):
    """The secret in a user's iCalendar feed address; calendar programs cannot sign in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="marketplace_calendar"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user}"
