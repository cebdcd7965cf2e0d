from .concept import GuidingQuestion, Roundtable, RoundtableSession, Theme
from .meetings import (
    DecisionSubject,
    EventPartner,
    MeetingAttendance,
    PreparatoryEvent,
    TabledDocument,
)
from .papers import BackgroundPaper, ChecklistTick, PaperComment
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
    "BackgroundPaper",
    "ChecklistTick",
    "DecisionSubject",
    "EventPartner",
    "GuidingQuestion",
    "MeetingAttendance",
    "PaperComment",
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
