"""Load the preparation of the 2007, 2010, 2018 and 2019 Forums from data/preparation.toml
(issue 4, "Demo"): themes, roundtables, sessions with guiding questions and tags, session teams
and roles, the 2007 thematic survey's figures and the preparatory events. Idempotent."""

import datetime

from django.db import transaction

from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Chairmanship, Edition
from gfmd.library.models import Document
from gfmd.preparation.enums import QuestionKind, SessionStatus, TeamSeat, TeamStatus
from gfmd.preparation.models import (
    EventPartner,
    GuidingQuestion,
    PreparatoryEvent,
    Roundtable,
    RoundtableSession,
    SessionRole,
    Survey,
    SurveyChoice,
    SurveyQuestion,
    TeamMembership,
    Theme,
)
from gfmd.reference.models import GCMGuidingPrinciple, SDGGoal, SDGTarget

from .common import day, provenance, read_data


def _sourced(row: dict, parent: dict | None = None) -> dict:
    """A nested row inherits its parent's document; its own lines and note."""
    merged = {"source": (parent or {}).get("source", ""), **row}
    return provenance(merged)


class PreparationLoader:
    def __init__(self, data: dict, log):
        self.data, self.log = data, log
        self.editions = {e.number: e for e in Edition.objects.filter(process__slug="gfmd")}
        self.states = {s.iso3: s for s in State.objects.all()}
        self.organisations = {o.acronym: o for o in Organisation.objects.exclude(acronym="")}
        self.counts: dict[str, int] = {}

    def count(self, name: str, n: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + n

    def organisation(self, acronym: str) -> Organisation:
        return self.organisations[acronym]

    def run(self) -> dict[str, int]:
        with transaction.atomic():
            themes = self.load_themes()
            roundtables = self.load_roundtables(themes)
            sessions = self.load_sessions(roundtables)
            self.load_surveys()
            self.load_events(sessions)
            self.load_papers(sessions)
        return self.counts

    def load_themes(self) -> dict:
        themes = {}
        for row in self.data["themes"]:
            edition = self.editions[row["edition"]]
            theme, _created = Theme.objects.update_or_create(
                edition=edition,
                number=row["number"],
                defaults={"title_en": row["title_en"], **provenance(row)},
            )
            theme.sdg_targets.set(SDGTarget.objects.filter(code__in=row.get("sdg_targets", [])))
            themes[(row["edition"], row["number"])] = theme
            self.count("themes")
        return themes

    def load_roles(self, owner: dict, rows: list, parent: dict) -> None:
        SessionRole.objects.filter(**owner).delete()
        SessionRole.objects.bulk_create(
            SessionRole(
                **owner,
                kind=role["kind"],
                position=position,
                name=role.get("name", ""),
                affiliation=role.get("affiliation", ""),
                state=self.states.get(role.get("state")),
                organisation=self.organisations.get(role.get("org")),
                **_sourced(role, parent),
            )
            for position, role in enumerate(rows, 1)
        )
        self.count("session roles", len(rows))

    def load_roundtables(self, themes: dict) -> dict:
        roundtables = {}
        for row in self.data["roundtables"]:
            roundtable, _created = Roundtable.objects.update_or_create(
                edition=self.editions[row["edition"]],
                number=row["number"],
                defaults={
                    "theme": themes[(row["edition"], row["theme"])],
                    "title_en": row["title_en"],
                    **provenance(row),
                },
            )
            self.load_roles({"roundtable": roundtable}, row.get("roles", []), row)
            roundtables[(row["edition"], row["number"])] = roundtable
            self.count("roundtables")
        return roundtables

    def load_sessions(self, roundtables: dict) -> dict:
        sessions = {}
        for row in self.data["sessions"]:
            roundtable = roundtables[(row["edition"], row["roundtable"])]
            perspectives = set(row.get("perspectives", []))
            session, _created = RoundtableSession.objects.update_or_create(
                edition=roundtable.edition,
                number=row["number"],
                defaults={
                    "roundtable": roundtable,
                    "title_en": row["title_en"],
                    "description_en": row.get("description_en", ""),
                    "expected_outcomes_en": row.get("expected_outcomes_en", ""),
                    "human_rights": "human_rights" in perspectives,
                    "gender": "gender" in perspectives,
                    "whole_of_government": "whole_of_government" in perspectives,
                    "whole_of_society": "whole_of_society" in perspectives,
                    "status": row.get("status", SessionStatus.PUBLISHED),
                    **provenance(row),
                },
            )
            self.load_questions(session, row)
            self.load_team(session, row)
            self.load_roles({"session": session}, row.get("roles", []), row)
            sessions[(row["edition"], row["number"])] = session
            self.count("sessions")
        return sessions

    def load_questions(self, session, row: dict) -> None:
        session.guiding_questions.all().delete()
        for position, question in enumerate(row.get("questions", []), 1):
            saved = GuidingQuestion.objects.create(
                session=session,
                position=position,
                text_en=question["text_en"],
                **_sourced(question, row),
            )
            if question.get("sdg_goals"):
                saved.sdg_goals.set(SDGGoal.objects.filter(number__in=question["sdg_goals"]))
            if question.get("gcm_guiding_principles"):
                saved.gcm_guiding_principles.set(
                    GCMGuidingPrinciple.objects.filter(
                        number__in=question["gcm_guiding_principles"]
                    )
                )
            self.count("guiding questions")

    def load_team(self, session, row: dict) -> None:
        session.team.all().delete()
        team_row = {
            "source": row["source"],
            "lines": row.get("team_lines", row["lines"]),
            "note": row.get("team_note", ""),
        }
        seats = [
            *((TeamSeat.CO_CHAIR, self.states[c], None) for c in row.get("co_chairs", [])),
            *((TeamSeat.MEMBER, self.states[c], None) for c in row.get("members", [])),
            *((TeamSeat.PARTNER, None, self.organisation(a)) for a in row.get("organisations", [])),
        ]
        members = []
        for position, (seat, state, organisation) in enumerate(seats, 1):
            note = team_row["note"]
            if organisation is not None and row.get("organisations_note"):
                note = f"{note} {row['organisations_note']}".strip()
            members.append(
                TeamMembership(
                    session=session,
                    seat=seat,
                    state=state,
                    organisation=organisation,
                    status=TeamStatus.ACCEPTED,
                    position=position,
                    **provenance({**team_row, "note": note}),
                )
            )
        TeamMembership.objects.bulk_create(members)
        self.count("team memberships", len(members))

    def load_surveys(self) -> None:
        for row in self.data["surveys"]:
            survey, _created = Survey.objects.update_or_create(
                edition=self.editions[row["edition"]],
                title_en=row["title_en"],
                defaults={
                    "kind": row["kind"],
                    "reported_recipients": row.get("reported_recipients", ""),
                    "reported_responses": row.get("reported_responses"),
                    "reported_with_priorities": row.get("reported_with_priorities"),
                    "reported_as_of": day(row.get("reported_as_of")),
                    **provenance(row),
                },
            )
            question, _created = SurveyQuestion.objects.update_or_create(
                survey=survey,
                position=1,
                defaults={"kind": QuestionKind.RANKING, "text_en": row["question"]},
            )
            question.choices.all().delete()
            SurveyChoice.objects.bulk_create(
                SurveyChoice(
                    question=question,
                    position=position,
                    label_en=choice["label_en"],
                    **_sourced(choice, row),
                )
                for position, choice in enumerate(row["choices"], 1)
            )
            self.count("surveys")

    def load_events(self, sessions: dict) -> None:
        for row in self.data["events"]:
            start = day(row.get("date"))
            event, _created = PreparatoryEvent.objects.update_or_create(
                edition=self.editions[row["edition"]],
                title_en=row["title_en"],
                defaults={
                    "kind": row["kind"],
                    "date": start,
                    "date_precision": row.get("date_precision", "day"),
                    "end_date": day(row.get("end_date")),
                    "tentative": row.get("tentative", False),
                    "city": row.get("city", ""),
                    "series_position": row.get("series_position"),
                    "series_size": row.get("series_size"),
                    "stakeholder_types": row.get("stakeholder_types", []),
                    "description_en": row.get("description_en", ""),
                    "feeds_note": row.get("feeds_note", ""),
                    **provenance(row),
                },
            )
            event.sessions_fed.set(
                sessions[(row["edition"], n)] for n in row.get("sessions_fed", [])
            )
            event.partners.all().delete()
            for partner in row.get("partners", []):
                EventPartner.objects.create(
                    event=event,
                    role=partner["role"],
                    chairmanship=Chairmanship.objects.filter(
                        key=partner.get("chairmanship")
                    ).first(),
                    organisation=self.organisations.get(partner.get("org")),
                    **_sourced(partner, row),
                )
            if row.get("documents"):
                self.table_documents(event, row)
            self.count("preparatory events")

    def table_documents(self, event, row: dict) -> None:
        from gfmd.preparation.models import TabledDocument

        documents = Document.objects.filter(edition=event.edition, slug__in=row["documents"])
        event.tabled.all().delete()
        for document in documents:
            TabledDocument.objects.create(event=event, document=document, **provenance(row))

    def load_papers(self, sessions: dict) -> None:
        """Background papers the sources name: a public library record without a file (the
        annexes are not in the sources), about its session, its team the session's team."""
        from django.contrib.contenttypes.models import ContentType

        from gfmd.library.domain.documents import create_document
        from gfmd.library.enums import AccessLevel, DocumentType
        from gfmd.preparation.domain.papers import sync_paper_team
        from gfmd.preparation.models import BackgroundPaper

        for row in self.data.get("papers", []):
            session = sessions[(row["edition"], row["session"])]
            edition = session.edition
            address = {
                "process": edition.process,
                "year": edition.year,
                "type": DocumentType.BACKGROUND_PAPER,
                "slug": row["slug"],
            }
            document = Document.objects.filter(**address).first()
            if document is None:
                document = create_document(
                    **address,
                    edition=edition,
                    title_en=row["title_en"],
                    access_level=AccessLevel.PUBLIC,
                    about_type=ContentType.objects.get_for_model(RoundtableSession),
                    about_id=session.pk,
                    **provenance(row),
                )
            BackgroundPaper.objects.update_or_create(
                session=session,
                defaults={"document": document, "languages": row["languages"], **provenance(row)},
            )
            sync_paper_team(session)
            self.count("background papers")


def load_preparation(log=print) -> dict[str, int]:
    started = datetime.datetime.now()
    counts = PreparationLoader(read_data("preparation.toml"), log).run()
    log(f"preparation loaded in {(datetime.datetime.now() - started).total_seconds():.1f}s")
    return counts
