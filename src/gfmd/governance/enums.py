from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessKind(models.TextChoices):
    GFMD = "gfmd", _("Global Forum on Migration and Development")
    RCP = "rcp", _("Regional Consultative Process on Migration")


class Body(models.TextChoices):
    """The bodies of the Operating Modalities (003 L9534-L9609)."""

    TROIKA = "troika", _("Troika")
    STEERING_GROUP = "steering_group", _("Steering Group")
    FRIENDS_OF_THE_FORUM = "friends_of_the_forum", _("Friends of the Forum")
    WORKING_GROUP = "working_group", _("ad hoc Working Group")


class ChairFunction(models.TextChoices):
    CHAIR_IN_OFFICE = "chair_in_office", _("Chair-in-Office")
    EXECUTIVE_DIRECTOR = "executive_director", _("Executive Director")
    OTHER = "other", _("other")


class SupportFunction(models.TextChoices):
    HEAD = "head", _("Head of the Support Unit")
    STAFF = "staff", _("Support Unit staff")
    TASKFORCE = "taskforce", _("Chair's Taskforce member")
    ROUNDTABLE_COORDINATOR = "roundtable_coordinator", _("Roundtable coordinator")
    ADVISER = "adviser", _("international adviser")


class LeftReason(models.TextChoices):
    WITHDREW = "withdrew", _("withdrew")
    REPLACED = "replaced", _("replaced")


class DecisionKind(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    APPROVED = "approved", _("approved")
    ENDORSED = "endorsed", _("endorsed")
    AGREED = "agreed", _("agreed")
    DECIDED = "decided", _("decided")


class WorkingGroupRole(models.TextChoices):
    CO_CHAIR = "co_chair", _("co-chair")
    MEMBER = "member", _("member")
    OBSERVER = "observer", _("observer")


class TroikaPosition(models.TextChoices):
    OUTGOING = "outgoing", _("outgoing chair")
    IN_OFFICE = "in_office", _("Chair-in-Office")
    FORTHCOMING = "forthcoming", _("forthcoming chair")
