"""The Forum's recommendations and the reports on their follow-up (003 §2.3.1 "Follow-up",
L9033-L9101; the recommendation lists of 003 and 002; docs/outcomes.md).

Outcomes read preparation one way, as the Marketplace does: a recommendation names the
roundtable session or roundtable it comes from, with no reverse accessor (``related_name="+"``),
so nothing in preparation can reach the outcomes (docs/architecture.md, "Crossings")."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.enums import DatePrecision
from gfmd.common.models import Sourced, localized
from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Edition, WorkingGroup
from gfmd.library.models import Document
from gfmd.preparation.models import Roundtable, RoundtableSession

from .enums import COMPLETE, FollowUpStatus, Horizon, Level, Origin


class Recommendation(Sourced):
    """A recommendation or proposed action of a Forum, numbered within what it comes from: a
    roundtable session, a roundtable as a whole, a horizontal issue or the Forum as a whole.

    The GFMD produces "no negotiated outcomes or normative decisions" (003 L529-L531): its
    recommendations are non-binding (R2), and the pages say so."""

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="+", verbose_name=_("edition")
    )
    session = models.ForeignKey(
        RoundtableSession,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("roundtable session"),
    )
    roundtable = models.ForeignKey(
        Roundtable,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("roundtable"),
    )
    horizontal_issue_en = models.CharField(
        _("horizontal issue (English)"), max_length=200, blank=True
    )
    horizontal_issue_fr = models.CharField(
        _("horizontal issue (French)"), max_length=200, blank=True
    )
    horizontal_issue_es = models.CharField(
        _("horizontal issue (Spanish)"), max_length=200, blank=True
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text_en = models.TextField(_("text (English)"))
    text_fr = models.TextField(_("text (French)"), blank=True)
    text_es = models.TextField(_("text (Spanish)"), blank=True)
    addressees_en = models.TextField(
        _("addressed to (English)"),
        blank=True,
        help_text=_("As the text names them, e.g. “Interested governments”."),
    )
    addressees_fr = models.TextField(_("addressed to (French)"), blank=True)
    addressees_es = models.TextField(_("addressed to (Spanish)"), blank=True)
    actor_states = models.ManyToManyField(
        State, blank=True, related_name="+", verbose_name=_("states named as actors")
    )
    actor_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="+",
        verbose_name=_("organisations named as actors"),
    )
    lead_states = models.ManyToManyField(
        State,
        blank=True,
        related_name="+",
        verbose_name=_("lead governments"),
        help_text=_("Governments that volunteered to take it forward (003 L9049-L9055)."),
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, blank=True)
    horizon = models.CharField(_("horizon"), max_length=8, choices=Horizon.choices, blank=True)
    reporting_target_en = models.CharField(_("report to (English)"), max_length=300, blank=True)
    reporting_target_fr = models.CharField(_("report to (French)"), max_length=300, blank=True)
    reporting_target_es = models.CharField(_("report to (Spanish)"), max_length=300, blank=True)
    reporting_edition = models.ForeignKey(
        Edition,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("report at the edition"),
    )
    non_binding = models.BooleanField(
        _("non-binding"),
        default=True,
        help_text=_(
            "The GFMD produces no negotiated outcomes (003 L529-L531); a Regional Consultative "
            "Process decides for itself (002 L2188-L2190)."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[actor_states, actor_organisations, lead_states])

    class Meta:
        ordering = ["edition", "id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "number"],
                condition=Q(session__isnull=False),
                name="recommendation_number_once_in_session",
                violation_error_message=_(
                    "This session already has a recommendation with this number."
                ),
            ),
            models.UniqueConstraint(
                fields=["roundtable", "number"],
                condition=Q(session__isnull=True, roundtable__isnull=False),
                name="recommendation_number_once_in_roundtable",
                violation_error_message=_(
                    "This roundtable already has a recommendation with this number."
                ),
            ),
            models.UniqueConstraint(
                fields=["edition", "horizontal_issue_en", "number"],
                condition=Q(session__isnull=True, roundtable__isnull=True),
                name="recommendation_number_once_in_issue",
                violation_error_message=_(
                    "This horizontal issue (or the Forum as a whole) already has a "
                    "recommendation with this number."
                ),
            ),
            models.CheckConstraint(
                condition=Q(session__isnull=True) | Q(roundtable__isnull=False),
                name="recommendation_session_has_its_roundtable",
            ),
            models.CheckConstraint(
                condition=Q(roundtable__isnull=True) | Q(horizontal_issue_en=""),
                name="recommendation_one_origin",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="recommendation_number_from_one"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.short_text}"

    @property
    def text(self) -> str:
        return localized(self, "text")

    @property
    def short_text(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 90 else text[:89].rstrip() + "…"

    @property
    def addressees(self) -> str:
        return localized(self, "addressees")

    @property
    def horizontal_issue(self) -> str:
        return localized(self, "horizontal_issue")

    @property
    def reporting_target(self) -> str:
        return localized(self, "reporting_target")

    @property
    def origin(self) -> str:
        if self.session_id:
            return Origin.SESSION
        if self.roundtable_id:
            return Origin.ROUNDTABLE
        if self.horizontal_issue_en:
            return Origin.HORIZONTAL_ISSUE
        return Origin.EDITION

    @property
    def origin_label(self) -> str:
        """“Session 1.1”, “Roundtable 2”, the issue's name, or “The Forum as a whole”."""
        if self.session_id:
            return str(_("Session %(number)s") % {"number": self.session.number})
        if self.roundtable_id:
            return str(_("Roundtable %(number)s") % {"number": self.roundtable.number})
        if self.horizontal_issue_en:
            return self.horizontal_issue
        return str(_("The Forum as a whole"))

    @property
    def reference(self) -> str:
        """How the Forum's reports cite it: “Session 1.1, no. 2”."""
        return str(
            _("%(origin)s, no. %(number)s") % {"origin": self.origin_label, "number": self.number}
        )

    def get_absolute_url(self) -> str:
        edition = self.edition
        return reverse(
            "outcomes:recommendation", args=[edition.process.slug, edition.number, self.pk]
        )


class FollowUp(Sourced):
    """A dated report on a recommendation's follow-up, by a focal point of a lead state or by
    Support Unit staff: "governments and institutions would brief the Friends of the Forum, the
    Steering Group and the Troika at regular intervals" (003 L9089-L9094).

    The recommendation's status is its latest report's (domain/progress.py)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="follow_ups"
    )
    reported_on = models.DateField(_("date of the report"))
    reported_on_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    status = models.CharField(_("status"), max_length=12, choices=FollowUpStatus.choices)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        null=True,
        blank=True,
        help_text=_("0 to 100; empty only for reports taken from a source that gives no figure."),
    )
    text_en = models.TextField(_("report (English)"))
    text_fr = models.TextField(_("report (French)"), blank=True)
    text_es = models.TextField(_("report (Spanish)"), blank=True)
    reporting_state = models.ForeignKey(
        State,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reported for"),
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("carried by the working group"),
    )
    document = models.ForeignKey(
        Document,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
    )
    later_session = models.ForeignKey(
        RoundtableSession,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("taken up in the session"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation", "reported_on", "id"]
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=COMPLETE),
                name="follow_up_progress_at_most_100",
                violation_error_message=_("Progress is a whole number from 0 to 100."),
            ),
            models.CheckConstraint(
                condition=~Q(status=FollowUpStatus.IMPLEMENTED)
                | Q(progress__isnull=True)
                | Q(progress=COMPLETE),
                name="follow_up_implemented_is_complete",
                violation_error_message=_("The progress of an implemented recommendation is 100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.reported_on.isoformat()})"

    @property
    def text(self) -> str:
        return localized(self, "text")
