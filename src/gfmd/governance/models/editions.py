"""Processes, their editions and who chairs them (Operating Modalities §1, 003 L9534-L9550)."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.enums import DatePrecision
from gfmd.common.models import Sourced, localized
from gfmd.directory.models import Organisation, Person, State

from ..enums import ChairFunction, ProcessKind
from .dated import Dated


class Process(Sourced):
    """The GFMD, or a Regional Consultative Process of the same shape."""

    slug = models.SlugField(_("slug"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=ProcessKind.choices)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="processes"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name_en"]
        verbose_name = _("process")
        verbose_name_plural = _("processes")

    def __str__(self) -> str:
        return self.acronym or self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Chairmanship(Sourced):
    """Who chairs one or more editions: one state, or co-chairs in phases (2017-2018)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="chairmanships")
    key = models.SlugField(_("key"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chairmanship")
        verbose_name_plural = _("chairmanships")

    def __str__(self) -> str:
        return localized(self, "name")


class Edition(Sourced):
    """One annual Forum (or an RCP's meeting cycle): its number, year, theme, host and Summit."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="editions")
    number = models.PositiveSmallIntegerField(_("number"))
    number_inferred = models.BooleanField(
        _("number inferred"),
        default=False,
        help_text=_("The ordinal is not stated by a source; it follows from its neighbours."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    year_end = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    theme_en = models.TextField(_("overarching theme (English)"), blank=True)
    theme_fr = models.TextField(_("overarching theme (French)"), blank=True)
    theme_es = models.TextField(_("overarching theme (Spanish)"), blank=True)
    host_state = models.ForeignKey(
        State, verbose_name=_("host state"), null=True, blank=True, on_delete=models.PROTECT
    )
    host_city = models.CharField(_("host city"), max_length=120, blank=True)
    summit_start = models.DateField(_("Summit starts"), null=True, blank=True)
    summit_start_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    summit_end = models.DateField(_("Summit ends"), null=True, blank=True)
    summit_end_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    chairmanship = models.ForeignKey(
        Chairmanship,
        verbose_name=_("chairmanship"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editions",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "number"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "number"],
                name="edition_unique_number_in_process",
                violation_error_message=_("This process already has an edition with this number."),
            ),
            models.CheckConstraint(
                condition=Q(summit_end__isnull=True)
                | Q(summit_start__isnull=True)
                | Q(summit_end__gte=models.F("summit_start")),
                name="edition_ends_after_start",
                violation_error_message=_("The Summit cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.process} {self.year} ({self.number})"

    @property
    def theme(self) -> str:
        return localized(self, "theme")

    @property
    def years_label(self) -> str:
        return f"{self.year}–{self.year_end}" if self.year_end else str(self.year)

    def reference_date(self) -> datetime.date:
        """The day its governance is read on by default: its Summit, else its year's end."""
        return self.summit_start or datetime.date(self.year_end or self.year, 12, 31)


class ChairTerm(Sourced, Dated):
    """A state holding (co-)chair of a chairmanship between two dates, in a phase."""

    chairmanship = models.ForeignKey(Chairmanship, on_delete=models.CASCADE, related_name="terms")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="chair_terms")
    phase = models.PositiveSmallIntegerField(_("phase"), default=1)
    is_lead = models.BooleanField(_("lead chair in this phase"), default=True)
    inferred = models.BooleanField(_("dates inferred"), default=False)
    history = HistoricalRecords()

    class Meta(Dated.Meta):
        ordering = ["phase", "-is_lead", "start"]
        verbose_name = _("chair term")
        verbose_name_plural = _("chair terms")

    def __str__(self) -> str:
        return f"{self.state} ({self.chairmanship})"


class ChairHolder(Sourced, Dated):
    """The person who holds the chair, or directs the Taskforce, for a while (002 L231-L236)."""

    chairmanship = models.ForeignKey(Chairmanship, on_delete=models.CASCADE, related_name="holders")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="chair_holdings")
    function = models.CharField(_("function"), max_length=30, choices=ChairFunction.choices)
    title = models.CharField(_("title"), max_length=250, blank=True)
    history = HistoricalRecords()

    class Meta(Dated.Meta):
        ordering = ["function", "start"]
        verbose_name = _("chair holder")
        verbose_name_plural = _("chair holders")

    def __str__(self) -> str:
        return f"{self.person} — {self.get_function_display()}"


class ChairCandidacy(Sourced):
    """A state's intention to chair an edition, communicated to the Troika; once the Troika and
    the Steering Group agree (or the next host is announced), the candidate is the forthcoming
    chair until it withdraws or is replaced (003 L9548-L9550; 002 L257-L261, L285-L286)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="candidacies")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="candidacies")
    communicated_on = models.DateField(_("communicated to the Troika on"), null=True, blank=True)
    communicated_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    troika_agreed = models.BooleanField(_("the Troika agreed"), default=False)
    steering_group_agreed = models.BooleanField(_("the Steering Group agreed"), default=False)
    accepted = models.BooleanField(
        _("accepted as forthcoming chair"),
        default=False,
        help_text=_("Agreed by the Troika and the Steering Group, or announced as next host."),
    )
    accepted_on = models.DateField(
        _("accepted on"), null=True, blank=True, help_text=_("Empty: accepted on a date not known.")
    )
    accepted_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    withdrawn_on = models.DateField(_("withdrawn or replaced on"), null=True, blank=True)
    withdrawn_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "accepted_on"]
        verbose_name = _("chair candidacy")
        verbose_name_plural = _("chair candidacies")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "state"],
                name="candidacy_unique_state_per_edition",
                violation_error_message=_("This state already has a candidacy for this edition."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.state} → {self.edition}"

    def is_accepted_on(self, day: datetime.date) -> bool:
        """Forthcoming chair on ``day``: accepted by then (an unknown date counts as before any
        day) and not yet withdrawn or replaced."""
        if not self.accepted or (self.accepted_on is not None and self.accepted_on > day):
            return False
        return self.withdrawn_on is None or self.withdrawn_on > day


class EditionObserver(models.Model):
    """An organisation invited as observer to an edition (003 L9510-L9513)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="observers")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "organisation"], name="observer_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.edition}"


class Handover(Sourced):
    """The chairmanship passes: the incoming Chair's Support Unit takes over the website and the
    archives; the outgoing staff keep read access (003 L820-L822, L9600-L9604)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="handovers")
    outgoing = models.ForeignKey(
        Chairmanship, on_delete=models.PROTECT, related_name="handed_over", null=True, blank=True
    )
    incoming = models.ForeignKey(Chairmanship, on_delete=models.PROTECT, related_name="taken_over")
    date = models.DateField(_("date of the handover"))
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "date"]
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        constraints = [
            models.UniqueConstraint(fields=["process", "date"], name="one_handover_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.outgoing or '—'} → {self.incoming} ({self.date.isoformat()})"
