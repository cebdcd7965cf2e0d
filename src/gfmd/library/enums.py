from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    """The kinds of documents the GFMD produces (003 L799-L822; gfmd.org's document library)."""

    CONCEPT_PAPER = "concept-paper", _("concept paper")
    THEMES_CONCEPT_PAPER = "themes-concept-paper", _("themes concept paper")
    BACKGROUND_PAPER = "background-paper", _("background paper")
    WORKING_PAPER = "working-paper", _("working paper")
    CONCEPT_NOTE = "concept-note", _("concept note")
    INFORMATION_NOTE = "information-note", _("information note")
    TERMS_OF_REFERENCE = "terms-of-reference", _("terms of reference")
    REPORT_OF_PROCEEDINGS = "report-of-proceedings", _("report of the proceedings")
    RAPPORTEUR_REPORT = "rapporteur-report", _("rapporteur report")
    STATEMENT = "statement", _("statement")
    SPEECH = "speech", _("speech")
    BUDGET = "budget", _("budget")
    FINANCIAL_REPORT = "financial-report", _("financial report")
    OUTCOME_FORM = "outcome-form", _("outcome form")
    AGENDA = "agenda", _("agenda")
    LIST_OF_PARTICIPANTS = "list-of-participants", _("list of participants")
    OTHER = "other", _("other")


class AccessLevel(models.TextChoices):
    """Who may read a document or a version, from the widest to the narrowest audience.

    The 2007 website had a public part and a password-protected part for the Friends of the
    Forum (003 L799-L822); drafts of background papers stay with the team preparing them.
    """

    PUBLIC = "public", _("public")
    PARTICIPANTS = "participants", _("participants of the edition")
    FRIENDS_OF_THE_FORUM = "friends", _("Friends of the Forum")
    STEERING_GROUP = "steering_group", _("Steering Group")
    TEAM = "team", _("the preparing team only")
    SUPPORT_UNIT = "support_unit", _("Support Unit only")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    FINAL = "final", _("final")


class TextStatus(models.TextChoices):
    PENDING = "pending", _("being indexed")
    INDEXED = "indexed", _("indexed")
    NO_TEXT = "no_text", _("no searchable text")


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (DOCX)"
    ODT = "odt", "OpenDocument (ODT)"
    TXT = "txt", _("plain text")
    PNG = "png", "PNG"
    JPEG = "jpeg", "JPEG"
    GIF = "gif", "GIF"
    WEBP = "webp", "WebP"
