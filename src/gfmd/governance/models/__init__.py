from .bodies import (
    BodyDecision,
    BodyMeeting,
    FriendsOfTheForumMembership,
    SteeringGroupMembership,
    TroikaExtension,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupName,
)
from .editions import (
    ChairCandidacy,
    ChairHolder,
    Chairmanship,
    ChairTerm,
    Edition,
    EditionObserver,
    Handover,
    Process,
)
from .roles import FocalPoint, SupportUnitAssignment

__all__ = [
    "BodyDecision",
    "BodyMeeting",
    "ChairCandidacy",
    "ChairHolder",
    "ChairTerm",
    "Chairmanship",
    "Edition",
    "EditionObserver",
    "FocalPoint",
    "FriendsOfTheForumMembership",
    "Handover",
    "Process",
    "SteeringGroupMembership",
    "SupportUnitAssignment",
    "TroikaExtension",
    "WorkingGroup",
    "WorkingGroupMember",
    "WorkingGroupName",
]
