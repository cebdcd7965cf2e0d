"""Choices of the preparation of a Forum, kept apart from the models to avoid import cycles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class TeamSeat(models.TextChoices):
    """The columns of the Roundtable Session Team Matrix (002 L2779-L2787)."""

    CO_CHAIR = "co_chair", _("co-chair")
    MEMBER = "member", _("government team member")
    PARTNER = "partner", _("international organisation or partner")


class TeamStatus(models.TextChoices):
    PROPOSED = "proposed", _("volunteered, awaiting the Support Unit")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")


class Perspective(models.TextChoices):
    """Marked by Support Unit staff per team: the sources do not classify states as countries of
    origin or destination (003 L990-L992 asks teams to cover both)."""

    UNKNOWN = "", _("not marked")
    ORIGIN = "origin", _("country of origin")
    DESTINATION = "destination", _("country of destination")
    BOTH = "both", _("origin and destination")


class RoleKind(models.TextChoices):
    """Session roles in the order the reports list them (003 L1044-L1046; 002 L851-L881)."""

    CHAIR = "chair", _("chair")
    CO_CHAIR = "co_chair", _("co-chair")
    MODERATOR = "moderator", _("moderator")
    SPEAKER = "speaker", _("speaker")
    PANELLIST = "panellist", _("panellist")
    DISCUSSANT = "discussant", _("discussant")
    RAPPORTEUR = "rapporteur", _("rapporteur")
    GENERAL_RAPPORTEUR = "general_rapporteur", _("general rapporteur of the roundtable")
    NOTE_TAKER = "note_taker", _("note-taker")
    ROUNDTABLE_COORDINATOR = "coordinator", _("roundtable coordinator (Chair's Taskforce)")
    BACKGROUND_PAPER_AUTHOR = "paper_author", _("background paper author")


ROLE_ORDER = {kind: index for index, kind in enumerate(RoleKind.values)}


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("single choice")
    MULTIPLE = "multiple", _("multiple choice")
    RANKING = "ranking", _("ranking")
    TEXT = "text", _("text")
    NUMBER = "number", _("number")


class SurveyKind(models.TextChoices):
    THEMATIC = "thematic", _("thematic survey of governments")
    SESSION = "session", _("session survey of focal points")
    RCP = "rcp", _("survey of Regional Consultative Processes")
    ASSESSMENT = "assessment", _("assessment questionnaire")


class EventKind(models.TextChoices):
    THEMATIC_WORKSHOP = "thematic_workshop", _("thematic workshop")
    REGIONAL_WORKSHOP = "regional_workshop", _("regional workshop")
    SIDE_EVENT = "side_event", _("side event")
    PREPARATORY_MEETING = "preparatory_meeting", _("preparatory meeting")


class PartnerRole(models.TextChoices):
    ORGANISER = "organiser", _("organiser")
    SUPPORTER = "supporter", _("supporting partner")
    IMPLEMENTER = "implementer", _("implementing partner")


class StakeholderType(models.TextChoices):
    """Who an event invites (000 L7-L8, L30-L31)."""

    NATIONAL_GOVERNMENTS = "national_governments", _("national governments")
    LOCAL_GOVERNMENTS = "local_governments", _("local and regional governments")
    INTERNATIONAL_ORGANISATIONS = "international_organisations", _("international organisations")
    CIVIL_SOCIETY = "civil_society", _("civil society")
    ACADEMIA = "academia", _("academia")
    PRIVATE_SECTOR = "private_sector", _("private sector")
    REGIONAL_STAKEHOLDERS = "regional_stakeholders", _("regional stakeholders")


class ChecklistItem(models.TextChoices):
    """What a background paper covers, as the 2007 report describes the papers (003 L1029-L1040).

    The report describes practice ("included", "encouraged", "asked", "listed"); the one
    requirement it states is that a session's team produce a paper (L1025-L1028). The checklist
    therefore warns at publication and never blocks (domain/papers.check_checklist)."""

    NATIONAL_EXPERIENCES = (
        "national_experiences",
        _("National experiences, placed in the current debate on the issues"),
    )
    BROADER_PERSPECTIVE = (
        "broader_perspective",
        _(
            "A broader perspective: developing and developed countries', origin and destination "
            "countries' experiences"
        ),
    )
    INNOVATIVE_INITIATIVES = (
        "innovative_initiatives",
        _(
            "The most innovative initiatives and proposals for practical outcomes (models, "
            "partnerships, best practices, knowledge gaps)"
        ),
    )
    PROPOSED_RECOMMENDATIONS = (
        "proposed_recommendations",
        _("Proposed recommendations and concrete outcomes to submit to the participants"),
    )


# Where each checklist item comes from in the 2007 report (003).
CHECKLIST_SOURCES = {
    ChecklistItem.NATIONAL_EXPERIENCES: "003 L1029-L1031",
    ChecklistItem.BROADER_PERSPECTIVE: "003 L1031-L1035",
    ChecklistItem.INNOVATIVE_INITIATIVES: "003 L1035-L1038",
    ChecklistItem.PROPOSED_RECOMMENDATIONS: "003 L1038-L1040",
}
