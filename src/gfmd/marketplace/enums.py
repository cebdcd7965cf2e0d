"""Choices of the Marketplace (003 L8594-L8747; issue 5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    """A service request's life: the focal point drafts and submits it, the Marketplace team
    validates and publishes it (003 L8630-L8631), offers and meetings match it, its
    implementation is monitored (003 L8746-L8747)."""

    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for validation")
    PUBLISHED = "published", _("published")
    MATCHED = "matched", _("matched")
    IN_IMPLEMENTATION = "in_implementation", _("in implementation")
    COMPLETED = "completed", _("completed")
    WITHDRAWN = "withdrawn", _("withdrawn")


OPEN_TO_VISITORS = (
    RequestStatus.PUBLISHED,
    RequestStatus.MATCHED,
    RequestStatus.IN_IMPLEMENTATION,
    RequestStatus.COMPLETED,
)
OPEN_FOR_OFFERS = (RequestStatus.PUBLISHED, RequestStatus.MATCHED, RequestStatus.IN_IMPLEMENTATION)
EDITABLE_BY_OWNER = (RequestStatus.DRAFT, RequestStatus.SUBMITTED)


class ServiceType(models.TextChoices):
    """ "requests for advice, training, equipment, capacity building, project development and
    other initiatives" (003 L8600-L8603)."""

    ADVICE = "advice", _("advice")
    TRAINING = "training", _("training")
    EQUIPMENT = "equipment", _("equipment")
    CAPACITY_BUILDING = "capacity_building", _("capacity building")
    PROJECT_DEVELOPMENT = "project_development", _("project development")
    OTHER = "other", _("other initiative")


class Side(models.TextChoices):
    OWNER = "owner", _("owner")
    PROVIDER = "provider", _("provider")


class MeetingRequestStatus(models.TextChoices):
    PENDING = "pending", _("waiting for an answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    EXPIRED = "expired", _("expired")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    NO_SHOW_OWNER = "no_show_owner", _("the owner did not come")
    NO_SHOW_PROVIDER = "no_show_provider", _("the provider did not come")
    CANCELLED = "cancelled", _("cancelled")


CLOSED_MEETING_STATUSES = (
    MeetingStatus.HELD,
    MeetingStatus.NO_SHOW_OWNER,
    MeetingStatus.NO_SHOW_PROVIDER,
    MeetingStatus.CANCELLED,
)


class NotificationFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("an e-mail for each message")
    DAILY = "daily", _("one digest e-mail a day")
    NONE = "none", _("no e-mail (notices on the site only)")


class NoticeKind(models.TextChoices):
    MESSAGE = "message", _("new message")
    OFFER = "offer", _("new offer")
    MEETING_REQUEST = "meeting_request", _("meeting request")
    MEETING = "meeting", _("meeting")
    MOVED = "moved", _("meeting moved")
    REQUEST = "request", _("service request")


# A pending meeting request expires after this many hours unless the Marketplace says otherwise.
DEFAULT_MEETING_REQUEST_EXPIRY_HOURS = 72
INVITATION_VALIDITY_DAYS = 30
