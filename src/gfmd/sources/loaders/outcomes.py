"""Load the recommendations of the 2007 and 2010 Forums from data/outcomes.toml, linked to the
sessions that preparation loads, and the follow-up reports a source states (one: the January
2011 Dubai workshop, 002 L1286-L1287, L1453). Idempotent; runs after load_preparation."""

import datetime

from django.db import transaction

from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Edition
from gfmd.outcomes.models import FollowUp, Recommendation
from gfmd.preparation.models import Roundtable, RoundtableSession

from .common import day, provenance, read_data


class OutcomesLoader:
    def __init__(self, data: dict, log):
        self.data, self.log = data, log
        self.editions = {e.number: e for e in Edition.objects.filter(process__slug="gfmd")}
        self.states = {s.iso3: s for s in State.objects.all()}
        self.organisations = {o.acronym: o for o in Organisation.objects.exclude(acronym="")}
        self.counts: dict[str, int] = {}

    def count(self, name: str, n: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + n

    def run(self) -> dict[str, int]:
        with transaction.atomic():
            recommendations = {}
            for row in self.data["recommendations"]:
                recommendation = self.load_recommendation(row)
                recommendations[self.key(row)] = recommendation
            for row in self.data.get("follow_ups", []):
                self.load_follow_up(row, recommendations[self.key(row)])
        return self.counts

    @staticmethod
    def key(row: dict) -> tuple:
        issue = row.get("issue", {}).get("en", "")
        return (row["edition"], row.get("session"), row.get("roundtable"), issue, row["number"])

    def origin(self, row: dict) -> dict:
        """The lookup of a recommendation where it comes from (see the model's constraints)."""
        edition = self.editions[row["edition"]]
        if row.get("session"):
            session = RoundtableSession.objects.select_related("roundtable").get(
                edition=edition, number=row["session"]
            )
            return {"session": session, "roundtable": session.roundtable}
        if row.get("roundtable"):
            roundtable = Roundtable.objects.get(edition=edition, number=row["roundtable"])
            return {"session": None, "roundtable": roundtable}
        return {
            "session": None,
            "roundtable": None,
            "horizontal_issue_en": row.get("issue", {}).get("en", ""),
        }

    def load_recommendation(self, row: dict) -> Recommendation:
        edition = self.editions[row["edition"]]
        origin = self.origin(row)
        issue = row.get("issue", {})
        lookup = {"edition": edition, "number": row["number"], **origin}
        if origin["session"] is not None:
            lookup = {"session": origin["session"], "number": row["number"]}
        recommendation, _created = Recommendation.objects.update_or_create(
            **lookup,
            defaults={
                "edition": edition,
                **origin,
                "horizontal_issue_en": issue.get("en", ""),
                "horizontal_issue_fr": issue.get("fr", ""),
                "horizontal_issue_es": issue.get("es", ""),
                "text_en": row["text_en"],
                "addressees_en": row.get("addressees_en", ""),
                "reporting_target_en": row.get("reporting_target_en", ""),
                "reporting_edition": self.editions.get(row.get("reporting_edition")),
                "level": row.get("level", ""),
                "horizon": row.get("horizon", ""),
                "non_binding": True,
                **provenance(row),
            },
        )
        recommendation.lead_states.set(self.states[c] for c in row.get("lead_states", []))
        recommendation.actor_states.set(self.states[c] for c in row.get("actor_states", []))
        recommendation.actor_organisations.set(
            self.organisations[a] for a in row.get("actor_organisations", [])
        )
        self.count("recommendations")
        return recommendation

    def load_follow_up(self, row: dict, recommendation: Recommendation) -> None:
        FollowUp.objects.update_or_create(
            recommendation=recommendation,
            source_document=row["source"],
            source_lines=row["lines"],
            defaults={
                "reported_on": day(row["reported_on"]),
                "reported_on_precision": row.get("reported_on_precision", "day"),
                "status": row["status"],
                "progress": row.get("progress"),
                "text_en": row["text_en"],
                "reporting_state": self.states.get(row.get("reporting_state")),
                **provenance(row),
            },
        )
        self.count("follow-up reports")


def load_outcomes(log=print) -> dict[str, int]:
    started = datetime.datetime.now()
    counts = OutcomesLoader(read_data("outcomes.toml"), log).run()
    log(f"outcomes loaded in {(datetime.datetime.now() - started).total_seconds():.1f}s")
    return counts
