"""Choices and source references of the Forum's funding, kept apart from the models to avoid
import cycles."""

from django.db import models
from django.utils.translation import gettext_lazy as _

SOURCE_BUDGET = "Operating Modalities §5, 003 L9613-L9616"
SOURCE_CARRY_OVER = "Operating Modalities §5, 003 L9616-L9618"
SOURCE_FUND = "Operating Modalities §5, 003 L9620-L9623"
SOURCE_DRAFT_BUDGET = "2010 Preliminary Draft Budget, 002 L2605-L2671"
SOURCE_CONTRIBUTIONS = "2010 International Contributions, 002 L2713-L2767"


class BudgetStatus(models.TextChoices):
    """A budget's life: the Chair drafts it, presents it to the Steering Group (002 L2611),
    it is adopted; a revision is a new version, which supersedes the earlier ones once it is
    presented or adopted."""

    DRAFT = "draft", _("draft")
    PRESENTED = "presented", _("presented to the Steering Group")
    ADOPTED = "adopted", _("adopted")
    SUPERSEDED = "superseded", _("superseded by a revision")


class ContributorKind(models.TextChoices):
    """Who contributes: the Chair-in-Office itself (its own resources, 003 L9614-L9615), a
    state, an organisation, or another contributor the directory does not hold."""

    CHAIR = "chair", _("the Chair-in-Office")
    STATE = "state", _("state")
    ORGANISATION = "organisation", _("organisation")
    OTHER = "other", _("other contributor")


class ContributionKind(models.TextChoices):
    """The 2010 report lists financial and non-financial contributions (002 L2720, L2748)."""

    FINANCIAL = "financial", _("financial")
    NON_FINANCIAL = "non_financial", _("non-financial")


class InKindType(models.TextChoices):
    """What a non-financial contribution gives, as the 2010 report names it (002 L2752-L2767)
    and the 2007 report's "human resources" (003 L661-L665)."""

    SECONDMENT = "secondment", _("secondment of staff")
    ADVISER = "adviser", _("international adviser")
    TECHNICAL_ASSISTANCE = "technical_assistance", _("technical assistance")
    LOGISTICS = "logistics", _("logistics assistance")
    VENUE = "venue", _("venue")
    RESEARCH = "research", _("research")
    OTHER = "other", _("other")


class ContributionStatus(models.TextChoices):
    PLEDGED = "pledged", _("pledged")
    RECEIVED = "received", _("received")
    WITHDRAWN = "withdrawn", _("withdrawn")
