"""Reusable queries of the preparation pages, exports and API, each in a fixed number of
queries whatever the number of sessions, members or events."""

from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import Prefetch
from django.utils.translation import get_language

from gfmd.governance.models import BodyMeeting, Edition

from ..enums import SessionStatus, TeamSeat, TeamStatus
from ..models import (
    EventPartner,
    GuidingQuestion,
    PreparatoryEvent,
    Roundtable,
    RoundtableSession,
    SessionRole,
    TeamMembership,
    Theme,
)
from .meetings import attendance_in_order, meeting_records, tabled_in_order


def edition_by_address(process: str, number: int) -> Edition:
    return Edition.objects.select_related("process", "chairmanship").get(
        process__slug=process, number=number
    )


def sessions_with_everything(queryset=None):
    """Sessions with their questions, tags, continuity, team and roles prefetched."""
    queryset = queryset if queryset is not None else RoundtableSession.objects.all()
    return queryset.select_related("edition__process", "roundtable__theme").prefetch_related(
        Prefetch(
            "guiding_questions",
            queryset=GuidingQuestion.objects.prefetch_related(
                "sdg_targets", "sdg_goals", "gcm_guiding_principles"
            ),
        ),
        "sdg_targets",
        "gcm_objectives",
        Prefetch(
            "builds_on",
            queryset=RoundtableSession.objects.select_related("edition__process"),
        ),
        Prefetch(
            "team",
            queryset=TeamMembership.objects.select_related("state", "organisation").order_by(
                "seat", "position", "id"
            ),
        ),
        Prefetch("roles", queryset=SessionRole.objects.select_related("state", "organisation")),
    )


def agenda(edition: Edition, *, include_drafts: bool) -> list[Theme]:
    """Themes → roundtables → sessions of an edition, with everything the agenda shows."""
    sessions = RoundtableSession.objects.filter(edition=edition).order_by("number")
    if not include_drafts:
        sessions = sessions.filter(status=SessionStatus.PUBLISHED)
    return list(
        Theme.objects.filter(edition=edition)
        .prefetch_related(
            "sdg_targets",
            "gcm_objectives",
            Prefetch(
                "roundtables",
                queryset=Roundtable.objects.order_by("number").prefetch_related(
                    Prefetch(
                        "roles",
                        queryset=SessionRole.objects.select_related("state", "organisation"),
                    ),
                    Prefetch("sessions", queryset=sessions_with_everything(sessions)),
                ),
            ),
        )
        .order_by("number")
    )


def session_by_number(edition: Edition, number: str) -> RoundtableSession:
    return sessions_with_everything(
        RoundtableSession.objects.filter(edition=edition, number=number)
    ).get()


@dataclass
class MatrixRow:
    """One row of the Roundtable Session Team Matrix (002 Annex 5, L2779-L2787)."""

    session: RoundtableSession
    co_chairs: list = field(default_factory=list)
    members: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    proposed: list = field(default_factory=list)


def team_matrix(edition: Edition) -> list[MatrixRow]:
    """Sessions × co-chairs, government team members and international organisations of the
    accepted team members, with the volunteers still waiting for a decision: two queries."""
    sessions = (
        RoundtableSession.objects.filter(edition=edition)
        .select_related("roundtable")
        .prefetch_related(
            Prefetch(
                "team",
                queryset=TeamMembership.objects.exclude(status=TeamStatus.DECLINED)
                .select_related("state", "organisation")
                .order_by("position", "id"),
            )
        )
        .order_by("number")
    )
    rows = []
    for session in sessions:
        row = MatrixRow(session)
        for member in session.team.all():
            if member.status == TeamStatus.PROPOSED:
                row.proposed.append(member)
            elif member.seat == TeamSeat.CO_CHAIR:
                row.co_chairs.append(member)
            elif member.seat == TeamSeat.MEMBER:
                row.members.append(member)
            else:
                row.organisations.append(member)
        rows.append(row)
    return rows


def state_session_teams(state) -> list[dict]:
    return session_teams_of(state=state)


def organisation_session_teams(organisation) -> list[dict]:
    return session_teams_of(organisation=organisation)


def session_teams_of(**member) -> list[dict]:
    """Every session team a state or organisation has been on (accepted), across editions,
    newest first, as rows of what its page shows: a state that joined teams over many editions
    has hundreds of them, so rows are read as tuples with their labels and addresses built once
    (bench/run.py)."""
    from django.urls import reverse

    from gfmd.common.models import CONTENT_LANGUAGES

    language = (get_language() or "en")[:2]
    language = language if language in CONTENT_LANGUAGES else "en"
    seats = {value: str(label) for value, label in TeamSeat.choices}
    address = (
        reverse("preparation:session", args=["PROCESS", 999999, "SESSION"])
        .replace("PROCESS", "{process}")
        .replace("999999", "{number}")
        .replace("SESSION", "{session}")
    )
    rows = (
        TeamMembership.objects.filter(status=TeamStatus.ACCEPTED, **member)
        .order_by("-session__edition__year", "session__number")
        .values_list(
            "seat",
            "session__number",
            "session__title_en",
            f"session__title_{language}",
            "session__edition__number",
            "session__edition__year",
            "session__edition__year_end",
            "session__edition__process__slug",
            "session__edition__process__acronym",
            "session__edition__process__name_en",
            f"session__edition__process__name_{language}",
        )
    )
    return [
        {
            "url": address.format(process=quote(slug), number=number, session=quote(session)),
            "process": acronym or name or name_en,
            "years": f"{year}–{year_end}" if year_end else str(year),
            "number": session,
            "title": title or title_en,
            "seat": seats.get(seat, seat),
        }
        for (
            seat,
            session,
            title_en,
            title,
            number,
            year,
            year_end,
            slug,
            acronym,
            name_en,
            name,
        ) in rows
    ]


def body_meetings_of_edition(edition: Edition):
    """An edition's body meetings with their decisions (and what each refers to), attendance
    and tabled documents (domain/meetings.meeting_records)."""
    return meeting_records(BodyMeeting.objects.filter(edition=edition)).order_by(
        "date", "body", "number"
    )


def preparatory_events_of(edition: Edition):
    return (
        PreparatoryEvent.objects.filter(edition=edition)
        .select_related("edition__process")
        .prefetch_related(
            Prefetch(
                "partners",
                queryset=EventPartner.objects.select_related(
                    "chairmanship", "state", "organisation"
                ),
            ),
            Prefetch(
                "sessions_fed",
                queryset=RoundtableSession.objects.select_related("edition__process"),
            ),
            Prefetch("attendance", queryset=attendance_in_order()),
            Prefetch("tabled", queryset=tabled_in_order()),
        )
        .order_by("date", "id")
    )


def paper_by_session(edition: Edition, number: str):
    """The background paper of an edition's session, with what every paper page needs."""
    from ..models import BackgroundPaper

    return BackgroundPaper.objects.select_related(
        "session__edition__process",
        "session__edition__chairmanship",
        "document__process",
        "document__edition",
    ).get(session__edition=edition, session__number=number)


def paper_versions(user, paper) -> list:
    """The paper's versions the user may read (library access levels), newest first, with
    author and files (without their text): two queries."""
    from django.db.models import Prefetch

    from gfmd.library.domain.access import readable_versions
    from gfmd.library.models import DocumentFile

    return list(
        readable_versions(user)
        .filter(document_id=paper.document_id)
        .select_related("author", "created_by")
        .prefetch_related(Prefetch("files", queryset=DocumentFile.objects.defer("text")))
        .order_by("-number")
    )


def paper_workspace(paper, version, *, language: str, paragraph: int | None, thread: bool):
    """The team's view of one version: its paragraphs in ``language`` with their comment counts,
    comment counts per version, the checklist, and the thread asked for (a paragraph's, or the
    general one when ``thread`` and no paragraph): a fixed number of queries."""
    from django.db.models import Count

    from gfmd.library.models import DocumentFile

    from ..models import PaperComment
    from .papers import checklist, paragraphs_of

    lines = checklist(paper, list(paper.ticks.select_related("ticked_by")))
    per_version = dict(
        PaperComment.objects.filter(paper=paper)
        .values_list("version_id")
        .annotate(n=Count("id"))
        .values_list("version_id", "n")
    )
    workspace = {"checklist": lines, "comments_per_version": per_version}
    if version is None:
        return workspace
    file = DocumentFile.objects.filter(version=version, language=language).first()
    counts = dict(
        PaperComment.objects.filter(version=version, language=language)
        .values_list("paragraph")
        .annotate(n=Count("id"))
        .values_list("paragraph", "n")
    )
    general = PaperComment.objects.filter(version=version, paragraph__isnull=True).count()
    paragraphs = [
        {"number": n, "text": text, "comments": counts.get(n, 0)}
        for n, text in enumerate(paragraphs_of(file) if file else [], 1)
    ]
    workspace.update(
        file=file,
        paragraphs=paragraphs,
        general_count=general,
        thread=comment_thread(version, language, paragraph) if thread or paragraph else None,
    )
    return workspace


def comment_thread(version, language: str, paragraph: int | None) -> list:
    """The comments of one anchor as trees (each comment's ``children`` are its replies), oldest
    first: one query whatever the depth."""
    from ..models import PaperComment

    comments = PaperComment.objects.filter(version=version).select_related("author")
    if paragraph is None:
        comments = comments.filter(paragraph__isnull=True)
    else:
        comments = comments.filter(language=language, paragraph=paragraph)
    comments = list(comments.order_by("created_at", "id"))
    by_parent: dict = {}
    for comment in comments:
        by_parent.setdefault(comment.parent_id, []).append(comment)
    for comment in comments:
        comment.children = by_parent.get(comment.pk, [])
    return by_parent.get(None, [])
