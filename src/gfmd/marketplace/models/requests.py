"""Service requests, the offers that answer them, their conversation and progress posts
(003 L8604-L8608, L8626-L8646, L8717-L8733)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import Sourced, localized
from gfmd.directory.models import Organisation, Person, State
from gfmd.preparation.models import RoundtableSession, Theme
from gfmd.reference.models import GCMObjective, SDGTarget

from ..enums import RequestStatus, ServiceType, Side
from .marketplace import Marketplace


def party_key(*, state_id=None, organisation_id=None, unnamed: str = "") -> str:
    """The scheduler's name of a party: a state's delegation, an organisation, or the owner of
    a request whose government the source does not name."""
    if state_id:
        return f"state:{state_id}"
    if organisation_id:
        return f"organisation:{organisation_id}"
    return f"unnamed:{unnamed}"


class ServiceRequest(Sourced):
    """What a government asks for. The form "indicated which government representative acted
    as “owner” for the purposes of the posting" (003 L8626-L8628)."""

    marketplace = models.ForeignKey(
        Marketplace, on_delete=models.CASCADE, related_name="service_requests"
    )
    reference = models.CharField(_("reference"), max_length=20)
    owner_state = models.ForeignKey(
        State, verbose_name=_("owner state"), null=True, blank=True, on_delete=models.PROTECT
    )
    owner_not_named = models.BooleanField(
        _("owner not named by the source"),
        default=False,
        help_text=_("Demo data: the report describes the request but not which state made it."),
    )
    owner_person = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_service_requests",
    )
    title_en = models.CharField(_("title (English)"), max_length=250)
    title_fr = models.CharField(_("title (French)"), max_length=250, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=250, blank=True)
    description_en = models.TextField(_("description (English)"))
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    service_types = models.JSONField(_("services asked for"), default=list)
    # Tags from the public reference lists (gfmd.reference): GCM objectives (A/RES/73/195) and
    # SDG targets (A/RES/70/1); the API and exports name them by their codes.
    gcm_objectives = models.ManyToManyField(
        GCMObjective, blank=True, related_name="service_requests", verbose_name=_("GCM objectives")
    )
    sdg_targets = models.ManyToManyField(
        SDGTarget, blank=True, related_name="service_requests", verbose_name=_("SDG targets")
    )
    # Links into the preparation of the same edition (domain/links.py checks the edition). The
    # Marketplace reads preparation, never the other way round: no reverse accessor.
    edition_themes = models.ManyToManyField(
        Theme, blank=True, related_name="+", verbose_name=_("themes of the Forum")
    )
    related_sessions = models.ManyToManyField(
        RoundtableSession,
        blank=True,
        related_name="+",
        verbose_name=_("related roundtable sessions"),
    )
    themes = models.JSONField(_("other themes"), default=list, blank=True)
    links_note = models.TextField(
        _("sessions and tags as first written, not matched"),
        blank=True,
        help_text=_(
            "Kept when the free-text sessions and the tag codes became links: what matched no "
            "session of the edition or no entry of the reference lists."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    received_by_email = models.BooleanField(_("received by e-mail"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    history = HistoricalRecords(
        m2m_fields=[gcm_objectives, sdg_targets, edition_themes, related_sessions]
    )

    class Meta:
        ordering = ["marketplace", "reference"]
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        constraints = [
            models.UniqueConstraint(
                fields=["marketplace", "reference"], name="service_request_unique_reference"
            ),
            models.CheckConstraint(
                condition=Q(owner_state__isnull=False) | Q(owner_not_named=True),
                name="service_request_has_an_owner_state",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def owner_party(self) -> str:
        return party_key(state_id=self.owner_state_id, unnamed=f"request-{self.pk}")

    @property
    def owner_label(self) -> str:
        if self.owner_state_id:
            return self.owner_state.name
        return str(_("Requesting government (not named in the report)"))

    def service_type_labels(self) -> list[str]:
        labels = dict(ServiceType.choices)
        return [str(labels.get(code, code)) for code in self.service_types]


class ProviderParty(models.Model):
    """An offer, meeting request or meeting comes from a state (a donor government) or an
    organisation (international organisations, banks, companies, 003 L8633-L8636)."""

    provider_state = models.ForeignKey(
        State, verbose_name=_("provider state"), null=True, blank=True, on_delete=models.PROTECT
    )
    provider_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("provider organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=(Q(provider_state__isnull=False) & Q(provider_organisation__isnull=True))
                | (Q(provider_state__isnull=True) & Q(provider_organisation__isnull=False)),
                name="%(app_label)s_%(class)s_one_provider",
            )
        ]

    @property
    def provider(self):
        return self.provider_state or self.provider_organisation

    @property
    def provider_party(self) -> str:
        return party_key(
            state_id=self.provider_state_id, organisation_id=self.provider_organisation_id
        )


class Offer(Sourced, ProviderParty):
    """A provider's answer to a request: what it can bring, on which conditions, and whether
    the resources are identified (the 2007 funding gap, 003 L8717-L8720)."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="offers")
    contribution = models.TextField(_("what the provider can bring"))
    conditions = models.TextField(_("conditions"), blank=True)
    resources_identified = models.BooleanField(_("resources identified"), default=False)
    resources_note = models.CharField(_("resources"), max_length=250, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("made on"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta(ProviderParty.Meta):
        ordering = ["request", "created_at", "id"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def __str__(self) -> str:
        return f"{self.provider} → {self.request.reference}"


class Message(models.Model):
    """A message in a request's conversation ("chat rooms of project owners", 003 L8631-L8633);
    a reply names its parent. Staff can hide a message; it stays in the record."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="messages")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.CharField(_("why it was hidden"), max_length=250, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["request", "created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"


class ProgressPost(models.Model):
    """After the Forum, "Project owners and project providers are encouraged to continue to post
    messages on the website regarding progress" (003 L8729-L8733)."""

    request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="progress_posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    side = models.CharField(_("posted by the"), max_length=10, choices=Side.choices)
    body = models.TextField(_("progress"))
    resources_identified = models.BooleanField(_("resources identified"), default=False)
    posted_at = models.DateTimeField(_("posted"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["request", "-posted_at", "-id"]
        verbose_name = _("progress post")
        verbose_name_plural = _("progress posts")

    def __str__(self) -> str:
        return f"{self.request.reference} {self.posted_at:%Y-%m-%d}"
