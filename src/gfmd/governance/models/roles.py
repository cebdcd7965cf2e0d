"""Who acts for whom: Support Unit and Taskforce staff serve a chairmanship (003 L9600-L9609;
001 L816-L823); National Focal Points act for their state (003 L938-L946, L9523-L9525)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gfmd.common.models import Sourced
from gfmd.directory.models import Person, State

from ..enums import SupportFunction
from .dated import Dated
from .editions import Chairmanship


class SupportUnitAssignment(Sourced, Dated):
    chairmanship = models.ForeignKey(
        Chairmanship, on_delete=models.CASCADE, related_name="support_staff"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="support_assignments")
    function = models.CharField(_("function"), max_length=30, choices=SupportFunction.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta(Dated.Meta):
        ordering = ["function", "person__full_name"]
        verbose_name = _("Support Unit assignment")
        verbose_name_plural = _("Support Unit assignments")

    def __str__(self) -> str:
        return f"{self.person} — {self.get_function_display()} ({self.chairmanship})"


class FocalPoint(Sourced, Dated):
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="focal_points")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="focal_point_terms")
    title = models.CharField(_("title"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta(Dated.Meta):
        ordering = ["state__name_en", "start"]
        verbose_name = _("National Focal Point")
        verbose_name_plural = _("National Focal Points")

    def __str__(self) -> str:
        return f"{self.person} ({self.state.iso3})"
