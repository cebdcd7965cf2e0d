from .concept import GuidingQuestion, Roundtable, RoundtableSession, Theme
from .meetings import (
    DecisionSubject,
    EventPartner,
    MeetingAttendance,
    PreparatoryEvent,
    TabledDocument,
)
from .surveys import (
    AnswerChoice,
    Survey,
    SurveyAnswer,
    SurveyChoice,
    SurveyQuestion,
    SurveyResponse,
)
from .teams import SessionRole, TeamMembership

__all__ = [
    "AnswerChoice",
    "DecisionSubject",
    "EventPartner",
    "GuidingQuestion",
    "MeetingAttendance",
    "PreparatoryEvent",
    "Roundtable",
    "RoundtableSession",
    "SessionRole",
    "Survey",
    "SurveyAnswer",
    "SurveyChoice",
    "SurveyQuestion",
    "SurveyResponse",
    "TabledDocument",
    "TeamMembership",
    "Theme",
]
