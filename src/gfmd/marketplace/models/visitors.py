"""Visitors: potential providers invited to reach the owners' chat rooms (003 L8631-L8638).
Focal points of all states are visitors without an invitation (003 L8636-L8637): that is
derived from their focal point terms, never copied here."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.directory.models import Organisation, State

from .marketplace import Marketplace

ONE_PARTY = (Q(state__isnull=False) & Q(organisation__isnull=True)) | (
    Q(state__isnull=True) & Q(organisation__isnull=False)
)


class VisitorInvitation(models.Model):
    """An invitation link sent by e-mail; it expires. Only a digest of the secret is stored."""

    marketplace = models.ForeignKey(
        Marketplace, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    state = models.ForeignKey(
        State, verbose_name=_("for the state"), null=True, blank=True, on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("for the organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    token_digest = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("visitor invitation")
        verbose_name_plural = _("visitor invitations")
        constraints = [models.CheckConstraint(condition=ONE_PARTY, name="invitation_one_party")]

    def __str__(self) -> str:
        return f"{self.email} ({self.state or self.organisation})"


class Visitor(models.Model):
    """An invited visitor who accepted: a user who speaks for an organisation or a state."""

    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE, related_name="visitors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE)
    invitation = models.OneToOneField(
        VisitorInvitation, null=True, blank=True, on_delete=models.SET_NULL
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("visitor")
        verbose_name_plural = _("visitors")
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "user"], name="visitor_once"),
            models.CheckConstraint(condition=ONE_PARTY, name="visitor_one_party"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.state or self.organisation})"
