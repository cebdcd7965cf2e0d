from .marketplace import (
    Marketplace,
    MarketplaceTeamMember,
    Slot,
    Table,
    Unavailability,
)
from .meetings import MarketplaceMeeting, MeetingRequest, OutcomeForm
from .notices import CalendarToken, Notice, NotificationPreference
from .requests import Message, Offer, ProgressPost, ServiceRequest, party_key
from .visitors import Visitor, VisitorInvitation

__all__ = [
    "CalendarToken",
    "Marketplace",
    "MarketplaceMeeting",
    "MarketplaceTeamMember",
    "MeetingRequest",
    "Message",
    "Notice",
    "NotificationPreference",
    "Offer",
    "OutcomeForm",
    "ProgressPost",
    "ServiceRequest",
    "Slot",
    "Table",
    "Unavailability",
    "Visitor",
    "VisitorInvitation",
    "party_key",
]
