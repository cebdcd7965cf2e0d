"""Choices and constants of the Summit: delegations, their members' roles and the rooms."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# "to limit the size of the delegations at the July meeting to three delegates per government
# and two delegates per observer" (Friends of the Forum, 27 March 2007; 003 L1215-L1218). A
# decision for 2007, so each edition's registration may set other caps.
DEFAULT_SEATS_PER_GOVERNMENT = 3
DEFAULT_SEATS_PER_OBSERVER = 2

SOURCE_CAPS = "003 L1215-L1218"
SOURCE_ROOMS = "003 L1525-L1530"
SOURCE_PARTICIPATION = "Operating Modalities, 003 L9510-L9513"


class DelegationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    CONFIRMED = "confirmed", _("confirmed")
    WITHDRAWN = "withdrawn", _("withdrawn")


class DelegationKind(models.TextChoices):
    """A state's delegation is a government's; an invited organisation's is an observer's."""

    GOVERNMENT = "government", _("government")
    OBSERVER = "observer", _("observer")


class DelegateRole(models.TextChoices):
    HEAD = "head", _("head of delegation")
    EXECUTIVE = "executive", _("executive (accompanies the head)")
    DELEGATE = "delegate", _("delegate")


class Room(models.TextChoices):
    """The plenary rooms of 2007: "Heads of delegations and their executives were invited to
    attend the plenary session in the main room. Other participants attended the session in the
    listening room" (003 L1527-L1530)."""

    MAIN = "main", _("main room")
    LISTENING = "listening", _("listening room")


ROLE_ORDER = {DelegateRole.HEAD: 0, DelegateRole.EXECUTIVE: 1, DelegateRole.DELEGATE: 2}
