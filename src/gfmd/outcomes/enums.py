"""Choices of the Forum's outcomes, kept apart from the models to avoid import cycles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """Where a recommendation is implemented: "some of these proposals are in the realm of
    national policy and can be unilaterally implemented, others will require bilateral and/or
    multilateral action" (003 L4450-L4453). Empty: the source does not say."""

    NOT_STATED = "", _("not stated")
    NATIONAL = "national", _("national (unilateral)")
    BILATERAL = "bilateral", _("bilateral")
    MULTILATERAL = "multilateral", _("multilateral")


class Horizon(models.TextChoices):
    """ "Where legislation is required, implementation will be over the long term; if not, it can
    be for the medium or short term" (003 L4453-L4455). Empty: the source does not say."""

    NOT_STATED = "", _("not stated")
    SHORT = "short", _("short term")
    MEDIUM = "medium", _("medium term")
    LONG = "long", _("long term")


class FollowUpStatus(models.TextChoices):
    """Where a recommendation stands, as its latest follow-up report says. The sources name no
    vocabulary; these four words are the platform's (docs/outcomes.md, "Choices")."""

    PROPOSED = "proposed", _("proposed")
    IN_PROGRESS = "in_progress", _("in progress")
    IMPLEMENTED = "implemented", _("implemented")
    NOT_PURSUED = "not_pursued", _("not pursued")


class Origin(models.TextChoices):
    """What a recommendation comes from (derived from its links, never stored)."""

    SESSION = "session", _("roundtable session")
    ROUNDTABLE = "roundtable", _("roundtable as a whole")
    HORIZONTAL_ISSUE = "horizontal_issue", _("horizontal issue")
    EDITION = "edition", _("the Forum as a whole")


# A report at 100 % must say "implemented" and "implemented" means 100 %.
COMPLETE = 100
# Not pursued: no longer aimed at, so left out of the mean of progress (docs/outcomes.md).
OUT_OF_THE_MEAN = {FollowUpStatus.NOT_PURSUED}
