"""Who exists: states, organisations, people and their affiliations."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import Sourced, localized

from .enums import DevelopmentStatus, Language, OrganisationType, UNStatus


class State(models.Model):
    """A UN Member or Observer State. Other ISO territories are not states here (Operating
    Modalities: the Forum is open to all States Members and Observers of the UN,
    003 L9510-L9513)."""

    iso3 = models.CharField(_("ISO 3166 alpha-3"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166 alpha-2"), max_length=2, unique=True)
    iso_numeric = models.CharField(_("ISO 3166 numeric"), max_length=3, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=120, blank=True)
    m49_region_code = models.CharField(_("M49 region code"), max_length=3)
    m49_region = models.CharField(_("M49 region"), max_length=60)
    m49_subregion_code = models.CharField(_("M49 sub-region code"), max_length=3)
    m49_subregion = models.CharField(_("M49 sub-region"), max_length=80)
    m49_intermediate_region_code = models.CharField(max_length=3, blank=True)
    m49_intermediate_region = models.CharField(max_length=80, blank=True)
    un_status = models.CharField(_("UN status"), max_length=10, choices=UNStatus.choices)
    un_member_since = models.PositiveSmallIntegerField(_("UN member since"), null=True, blank=True)
    development_status = models.CharField(
        _("development status"), max_length=10, choices=DevelopmentStatus.choices
    )
    development_status_source = models.CharField(
        _("source of the development status"), max_length=200
    )
    development_status_year = models.PositiveSmallIntegerField(_("year of the development status"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("state")
        verbose_name_plural = _("states")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Organisation(Sourced):
    name_en = models.CharField(_("name (English)"), max_length=250)
    name_fr = models.CharField(_("name (French)"), max_length=250, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=250, blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    type = models.CharField(_("type"), max_length=40, choices=OrganisationType.choices)
    global_migration_group_member = models.BooleanField(
        _("Global Migration Group member"), default=False
    )
    based_in = models.ForeignKey(
        State, verbose_name=_("based in"), null=True, blank=True, on_delete=models.SET_NULL
    )
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["name_en"], name="organisation_unique_english_name")
        ]

    def __str__(self) -> str:
        name = localized(self, "name")
        return f"{name} ({self.acronym})" if self.acronym else name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Person(Sourced):
    full_name = models.CharField(_("full name"), max_length=200)
    honorific = models.CharField(_("honorific"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return self.full_name


class Affiliation(models.Model):
    """A person works for a state or an organisation, in a function, between two dates."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE)
    function = models.CharField(_("function"), max_length=250, blank=True)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("to"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.CheckConstraint(
                condition=(Q(state__isnull=False) & Q(organisation__isnull=True))
                | (Q(state__isnull=True) & Q(organisation__isnull=False)),
                name="affiliation_with_state_or_organisation",
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True)
                | Q(start__isnull=True)
                | Q(end__gte=models.F("start")),
                name="affiliation_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.state or self.organisation}"
