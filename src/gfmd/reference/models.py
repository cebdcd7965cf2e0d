"""Public reference lists the platform tags content with: the SDG goals and targets (2030 Agenda,
A/RES/70/1) and the GCM objectives and guiding principles (A/RES/73/195)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gfmd.common.models import localized


class SDGGoal(models.Model):
    number = models.PositiveSmallIntegerField(_("goal"), unique=True)
    short_en = models.CharField(max_length=120)
    short_fr = models.CharField(max_length=120, blank=True)
    short_es = models.CharField(max_length=120, blank=True)
    title_en = models.TextField()
    title_fr = models.TextField(blank=True)
    title_es = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")

    def __str__(self) -> str:
        return f"SDG {self.number}: {localized(self, 'short')}"


class SDGTarget(models.Model):
    code = models.CharField(_("target"), max_length=8, unique=True)
    goal = models.ForeignKey(SDGGoal, on_delete=models.PROTECT, related_name="targets")
    position = models.PositiveSmallIntegerField(default=0)
    title_en = models.TextField()
    title_fr = models.TextField(blank=True)
    title_es = models.TextField(blank=True)

    class Meta:
        ordering = ["goal__number", "position"]
        verbose_name = _("SDG target")

    def __str__(self) -> str:
        return f"SDG {self.code}"

    @property
    def title(self) -> str:
        return localized(self, "title")


class GCMObjective(models.Model):
    number = models.PositiveSmallIntegerField(_("objective"), unique=True)
    short_en = models.CharField(max_length=120)
    short_fr = models.CharField(max_length=120, blank=True)
    short_es = models.CharField(max_length=120, blank=True)
    title_en = models.TextField()
    title_fr = models.TextField(blank=True)
    title_es = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")

    def __str__(self) -> str:
        return f"GCM {self.number}: {localized(self, 'short')}"

    @property
    def title(self) -> str:
        return localized(self, "title")


class GCMGuidingPrinciple(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    title_en = models.CharField(max_length=200)
    title_fr = models.CharField(max_length=200, blank=True)
    title_es = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return localized(self, "title")
