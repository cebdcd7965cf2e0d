"""Reusable queries of the preparation pages, exports and API, each in a fixed number of
queries whatever the number of sessions, members or events."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from gfmd.governance.models import BodyMeeting, Edition

from ..enums import SessionStatus, TeamSeat, TeamStatus
from ..models import (
    GuidingQuestion,
    PreparatoryEvent,
    Roundtable,
    RoundtableSession,
    SessionRole,
    TeamMembership,
    Theme,
)


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


def state_session_teams(state) -> list[TeamMembership]:
    """Every session team a state has been on (accepted), across editions, newest first."""
    return list(
        TeamMembership.objects.filter(state=state, status=TeamStatus.ACCEPTED)
        .select_related("session__edition__process")
        .order_by("-session__edition__year", "session__number")
    )


def body_meetings_of_edition(edition: Edition):
    return (
        BodyMeeting.objects.filter(edition=edition)
        .select_related("process", "working_group")
        .prefetch_related(
            "decisions__subjects",
            "attendance__state",
            "attendance__organisation",
            "tabled__document__process",
        )
        .order_by("date", "body", "number")
    )


def preparatory_events_of(edition: Edition):
    return (
        PreparatoryEvent.objects.filter(edition=edition)
        .select_related("edition__process")
        .prefetch_related(
            "partners__chairmanship",
            "partners__state",
            "partners__organisation",
            Prefetch(
                "sessions_fed",
                queryset=RoundtableSession.objects.select_related("edition__process"),
            ),
            "attendance__state",
            "attendance__organisation",
            "tabled__document__process",
        )
        .order_by("date", "id")
    )
