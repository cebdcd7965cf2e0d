"""Background papers: the team, drafts, comments, the checklist and publication
(003 L1025-L1046 for the papers and their teams, L1461-L1463 for their languages).

"In close coordination with the Taskforce, governments and in some cases experts/expert
organizations involved in the preparation of a session were required to produce a background
paper" (003 L1025-L1027). The paper lives in the library as a document of type "background
paper" about its session, at the "team" access level: its drafts are read by the team only, and
the version the Support Unit publishes becomes public (docs/library.md, "Access levels")."""

import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.governance.domain.checks import RuleWarning
from gfmd.library.domain.documents import (
    Upload,
    add_version,
    check_language,
    create_document,
    release_version,
    set_team,
)
from gfmd.library.enums import AccessLevel, DocumentType, FileKind, TextStatus, VersionStatus
from gfmd.library.models import DocumentFile, DocumentVersion

from ..enums import CHECKLIST_SOURCES, ChecklistItem, RoleKind, TeamStatus
from ..models import (
    BackgroundPaper,
    ChecklistTick,
    PaperComment,
    RoundtableSession,
    SessionRole,
    TeamMembership,
)

SOURCE_PAPER = "003 L1025-L1040"
# Who writes the paper beside the accepted states and organisations: the author and the chairs
# of the session (the 2007 chair of session 1.3 prepared its paper "in cooperation with the
# session team and the GFMD Taskforce", 003 L3226-L3228), and the roundtable's coordinator of
# the Chair's Taskforce ("The Taskforce and the teams ... complete the background papers",
# 003 L1042-L1044).
SESSION_ROLES_IN_TEAM = (RoleKind.BACKGROUND_PAPER_AUTHOR, RoleKind.CHAIR, RoleKind.CO_CHAIR)
ROUNDTABLE_ROLES_IN_TEAM = (RoleKind.ROUNDTABLE_COORDINATOR, RoleKind.BACKGROUND_PAPER_AUTHOR)
MAX_COMMENT_CHARS = 5000


@dataclass(frozen=True)
class PaperTeam:
    """The people a paper's team is made of, as the library's DocumentTeamMember rows hold them."""

    state_ids: frozenset[int]
    organisation_ids: frozenset[int]
    person_ids: frozenset[int]


def paper_team(session: RoundtableSession) -> PaperTeam:
    """The session's team for its paper: the accepted states (through their focal points) and
    organisations (through their contacts) of the team (003 L970-L973, L999-L1000), and the
    people who hold its paper-writing roles (``SESSION_ROLES_IN_TEAM``). A role held by a state
    and no named person brings that state's focal points. Support Unit staff of the edition need
    no row: the library lets them read every document of their process."""
    members = TeamMembership.objects.filter(session=session, status=TeamStatus.ACCEPTED)
    roles = SessionRole.objects.filter(
        Q(session=session, kind__in=SESSION_ROLES_IN_TEAM)
        | Q(roundtable_id=session.roundtable_id, kind__in=ROUNDTABLE_ROLES_IN_TEAM)
    )
    states, organisations, people = set(), set(), set()
    for state_id, organisation_id in members.values_list("state_id", "organisation_id"):
        if state_id:
            states.add(state_id)
        if organisation_id:
            organisations.add(organisation_id)
    for person_id, state_id, name in roles.values_list("person_id", "state_id", "name"):
        if person_id:
            people.add(person_id)
        elif state_id and not name:
            states.add(state_id)
    return PaperTeam(frozenset(states), frozenset(organisations), frozenset(people))


def sync_paper_team(session: RoundtableSession) -> bool:
    """Keep the library's team of the session's paper equal to ``paper_team(session)``.

    Called when a paper is started, and by preparation/signals.py whenever a team membership or
    a session role is saved or deleted (a volunteer accepted or declined, a member removed, a
    role added), whoever writes it: the decision form, the API, the admin. Writes only when the
    team changed; returns whether it did."""
    paper = BackgroundPaper.objects.filter(session_id=session.pk).select_related("document").first()
    if paper is None:
        return False
    wanted = paper_team(session)
    current = PaperTeam(
        *(
            frozenset(v for v in paper.document.team.values_list(field, flat=True) if v)
            for field in ("state_id", "organisation_id", "person_id")
        )
    )
    if current == wanted:
        return False
    from gfmd.directory.models import Organisation, Person, State

    set_team(
        paper.document,
        states=State.objects.filter(pk__in=wanted.state_ids),
        organisations=Organisation.objects.filter(pk__in=wanted.organisation_ids),
        people=Person.objects.filter(pk__in=wanted.person_ids),
    )
    return True


def check_languages(codes) -> list[str]:
    languages = []
    for code in codes:
        language = check_language(code)
        if language not in languages:
            languages.append(language)
    if not languages:
        raise DomainError(_("Name at least one language of publication."), field="languages")
    return languages


def start_paper(
    session: RoundtableSession, *, user=None, title_en: str = "", languages=None
) -> BackgroundPaper:
    """Open the session's background paper: a library document of type background paper, about
    the session, read by its team (drafts never go public by accident), and its team filled in.
    One paper per session: a second start is refused."""
    if BackgroundPaper.objects.filter(session=session).exists():
        raise DomainError(
            _("Session %(number)s already has its background paper.") % {"number": session.number},
            field="session",
        )
    edition = session.edition
    languages = check_languages(languages) if languages is not None else None
    title = (title_en or "").strip() or (
        f"Background paper, session {session.number}: {session.title_en}"
    )
    with transaction.atomic():
        document = create_document(
            process=edition.process,
            edition=edition,
            year=edition.year,
            type=DocumentType.BACKGROUND_PAPER,
            slug=f"session-{session.number.replace('.', '-')}",
            title_en=title[:300],
            access_level=AccessLevel.TEAM,
            about_type=ContentType.objects.get_for_model(RoundtableSession),
            about_id=session.pk,
        )
        paper = BackgroundPaper.objects.create(
            session=session,
            document=document,
            created_by=user if user is not None and user.is_authenticated else None,
            **({"languages": languages} if languages else {}),
        )
        sync_paper_team(session)
    return paper


def add_draft(paper: BackgroundPaper, *, uploads: list[Upload], change_note="", user=None):
    """A new numbered draft of the paper, through the library (files checked by content and
    size there); it is read by the team only."""
    return add_version(
        paper.document,
        status=VersionStatus.DRAFT,
        uploads=uploads,
        change_note=change_note,
        author=getattr(user, "person", None) if user is not None else None,
        user=user,
        may_release=False,
    )


# ---------------------------------------------------------------------------- paragraphs


BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraphs_of(file: DocumentFile) -> list[str]:
    """The paragraphs of a file's extracted text, numbered from 1 by their place in the list.

    Word and OpenDocument files give one line per paragraph (library/domain/extraction.py); for
    plain text and PDF, paragraphs are blocks separated by a blank line, or lines when the text
    has no blank line. Whitespace inside a paragraph is collapsed; empty ones are skipped."""
    text = (file.text or "").replace("\r\n", "\n")
    if file.kind in (FileKind.DOCX, FileKind.ODT) or not BLANK_LINE.search(text):
        blocks = text.split("\n")
    else:
        blocks = BLANK_LINE.split(text)
    return [" ".join(block.split()) for block in blocks if block.strip()]


# ---------------------------------------------------------------------------- comments


def comment_round_is_open(paper: BackgroundPaper, now=None) -> bool:
    """Open until the deadline staff set (no deadline: open)."""
    return paper.comments_close_at is None or (now or timezone.now()) <= paper.comments_close_at


def set_comment_deadline(paper: BackgroundPaper, *, closes_at, user=None) -> BackgroundPaper:
    """Support Unit staff set, extend or clear (None) the comment round's deadline; the paper's
    history keeps each change."""
    with transaction.atomic():
        locked = BackgroundPaper.objects.select_for_update().get(pk=paper.pk)
        locked.comments_close_at = closes_at
        if user is not None and user.is_authenticated:
            locked._history_user = user
        locked.save(update_fields=["comments_close_at"])
    return locked


def add_comment(
    paper: BackgroundPaper,
    *,
    version: DocumentVersion,
    text: str,
    user,
    language: str = "",
    paragraph: int | None = None,
    parent: PaperComment | None = None,
) -> PaperComment:
    """A comment on a version: general, on a paragraph of its file in ``language``, or a reply
    in a thread (a reply takes its parent's version and anchor). Refused after the comment
    round's deadline, with the date and what to do."""
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Write the comment."), field="text")
    if len(text) > MAX_COMMENT_CHARS:
        raise DomainError(
            _("A comment has at most %(n)s characters.") % {"n": MAX_COMMENT_CHARS}, field="text"
        )
    if version.document_id != paper.document_id:
        raise DomainError(_("This version is not a version of the paper."), field="version")
    if parent is not None:
        if parent.paper_id != paper.pk or parent.version_id != version.pk:
            raise DomainError(
                _("Reply within a thread of the same version of the paper."), field="parent"
            )
        language, paragraph = parent.language, parent.paragraph
    elif paragraph is not None:
        language = (language or "").strip().lower()
        file = DocumentFile.objects.filter(version=version, language=language).first()
        if file is None:
            raise DomainError(
                _("Version %(n)s has no file in “%(language)s”.")
                % {"n": version.number, "language": language[:8]},
                field="language",
            )
        if file.text_status == TextStatus.PENDING:
            raise DomainError(
                _(
                    "The text of this file is still being read; comment on the version in "
                    "general, or on a paragraph in a moment."
                ),
                field="paragraph",
            )
        count = len(paragraphs_of(file))
        if not 1 <= paragraph <= count:
            raise DomainError(
                _(
                    "There is no paragraph %(p)s: the %(language)s text of version %(n)s has "
                    "%(count)s paragraphs."
                )
                % {"p": paragraph, "language": language, "n": version.number, "count": count},
                field="paragraph",
            )
    else:
        language = ""
    with transaction.atomic():
        locked = BackgroundPaper.objects.select_for_update().get(pk=paper.pk)
        if not comment_round_is_open(locked):
            raise DomainError(
                _(
                    "The comment round closed on %(when)s; ask the Support Unit to extend the "
                    "deadline."
                )
                % {
                    "when": date_format(
                        timezone.localtime(locked.comments_close_at), "DATETIME_FORMAT"
                    )
                },
                field="text",
                code="comments_closed",
            )
        return PaperComment.objects.create(
            paper=locked,
            version=version,
            language=language,
            paragraph=paragraph,
            parent=parent,
            author=user if user is not None and user.is_authenticated else None,
            text=text,
        )


# ---------------------------------------------------------------------------- checklist


@dataclass(frozen=True)
class ChecklistLine:
    item: str
    label: str
    source: str
    tick: ChecklistTick | None


def checklist(paper: BackgroundPaper, ticks=None) -> list[ChecklistLine]:
    """The four items of the GFMD checklist with their source and who ticked them, when."""
    ticks = {t.item: t for t in (ticks if ticks is not None else paper.ticks.all())}
    return [
        ChecklistLine(item.value, str(item.label), CHECKLIST_SOURCES[item], ticks.get(item.value))
        for item in ChecklistItem
    ]


def set_tick(paper: BackgroundPaper, *, item: str, ticked: bool, user=None) -> bool:
    """Tick or untick an item of the checklist; returns whether it is ticked now."""
    if item not in ChecklistItem.values:
        raise DomainError(_("Unknown checklist item."), field="item")
    with transaction.atomic():
        BackgroundPaper.objects.select_for_update().get(pk=paper.pk)
        existing = ChecklistTick.objects.filter(paper=paper, item=item).first()
        who = user if user is not None and user.is_authenticated else None
        if ticked and existing is None:
            ChecklistTick.objects.create(
                paper=paper, item=item, ticked_by=who, ticked_at=timezone.now()
            )
        elif not ticked and existing is not None:
            if who is not None:
                existing._history_user = who
            existing.delete()
    return ticked


def check_checklist(lines: list[ChecklistLine]) -> list[RuleWarning]:
    """Unticked items warn at publication: the report describes what the papers covered, it
    does not forbid a paper that covers less (003 L1029-L1040; see ChecklistItem)."""
    return [
        RuleWarning(
            "paper_checklist_unticked",
            _("Not ticked: %(item)s.") % {"item": line.label},
            line.source,
        )
        for line in lines
        if line.tick is None
    ]


# ---------------------------------------------------------------------------- publication


def languages_of(paper: BackgroundPaper, version: DocumentVersion) -> tuple[list[str], list[str]]:
    """The paper's languages that the version has a file in, and those it lacks."""
    present = {f.language for f in version.files.all()}
    return (
        [code for code in paper.languages if code in present],
        [code for code in paper.languages if code not in present],
    )


def publication_warnings(paper, version, lines, now=None) -> list[RuleWarning]:
    """What staff are told before and after publishing: unticked checklist items, languages of
    publication without a file, a comment round still open."""
    warnings = check_checklist(lines)
    if version is not None:
        missing = languages_of(paper, version)[1]
        if missing:
            warnings.append(
                RuleWarning(
                    "paper_languages_missing",
                    _("Version %(n)s has no file in: %(languages)s.")
                    % {"n": version.number, "languages": ", ".join(missing)},
                    "003 L1461-L1463",
                )
            )
    if paper.comments_close_at is not None and comment_round_is_open(paper, now):
        warnings.append(
            RuleWarning(
                "paper_comments_open",
                _("The comment round is still open until %(when)s.")
                % {
                    "when": date_format(
                        timezone.localtime(paper.comments_close_at), "DATETIME_FORMAT"
                    )
                },
                SOURCE_PAPER,
            )
        )
    return warnings


def publish_paper(
    paper: BackgroundPaper, *, number: int | None = None, user=None
) -> tuple[DocumentVersion, list[RuleWarning]]:
    """Support Unit staff publish a version of the paper (the newest by default): it becomes the
    final version, public, with its files in every language it has (003 L1461-L1463: the 2007
    papers were translated into the meeting's languages; L3226-L3228: "available on the GFMD
    website"). Earlier and later drafts stay with the team. Refused when there is no version,
    when the version has no file in a language of publication, or when it is already public;
    the checklist and missing languages only warn."""
    versions = list(
        DocumentVersion.objects.filter(document_id=paper.document_id)
        .prefetch_related("files")
        .order_by("number")
    )
    if not versions:
        raise DomainError(
            _("There is no version to publish yet: the team uploads a draft first."),
            field="version",
        )
    if number is None:
        version = versions[-1]
    else:
        version = next((v for v in versions if v.number == number), None)
        if version is None:
            raise DomainError(_("The paper has no version %(n)s.") % {"n": number}, field="version")
    present = languages_of(paper, version)[0]
    if not present:
        raise DomainError(
            _(
                "Version %(n)s has no file in a language of publication (%(languages)s); add the "
                "text in at least one of them first."
            )
            % {"n": version.number, "languages": ", ".join(paper.languages)},
            field="version",
        )
    if version.status == VersionStatus.FINAL and version.access_level == AccessLevel.PUBLIC:
        raise DomainError(
            _("Version %(n)s is already published.") % {"n": version.number}, field="version"
        )
    warnings = publication_warnings(paper, version, checklist(paper))
    released = release_version(version, access_level=AccessLevel.PUBLIC, user=user)
    return released, warnings


def published_version(paper: BackgroundPaper, versions) -> DocumentVersion | None:
    """The newest public final version among ``versions``."""
    finals = [
        v
        for v in versions
        if v.status == VersionStatus.FINAL
        and (getattr(v, "effective_level", None) or v.effective_access_level) == AccessLevel.PUBLIC
    ]
    return max(finals, key=lambda v: v.number) if finals else None
