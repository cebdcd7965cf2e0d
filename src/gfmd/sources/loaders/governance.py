"""Load the governance facts of the sources (data/governance.toml): processes, editions,
chairmanships, candidacies, the extended Troika, the Steering Group, body meetings, working
groups, organisations and people, each with its provenance. Loading twice changes nothing."""

from django.db import transaction

from gfmd.directory.models import Affiliation, Organisation, Person, State
from gfmd.governance.enums import ChairFunction, WorkingGroupRole
from gfmd.governance.models import (
    BodyDecision,
    BodyMeeting,
    ChairCandidacy,
    ChairHolder,
    Chairmanship,
    ChairTerm,
    Edition,
    Process,
    SteeringGroupMembership,
    TroikaExtension,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupName,
)

from .common import dated, day, provenance, read_data

NAMES_FR_ES = {
    "gfmd": (
        "Forum mondial sur la migration et le développement",
        "Foro Mundial sobre Migración y Desarrollo",
    )
}
CHAIR_FUNCTIONS = {
    "Chair-in-Office": ChairFunction.CHAIR_IN_OFFICE,
    "Executive Director": ChairFunction.EXECUTIVE_DIRECTOR,
}


class Loader:
    def __init__(self, data: dict, log):
        self.data = data
        self.log = log
        self.states = {state.iso3: state for state in State.objects.all()}
        self.processes: dict[str, Process] = {}
        self.editions: dict[tuple[str, int], Edition] = {}
        self.chairmanships: dict[str, Chairmanship] = {}
        self.organisations: dict[str, Organisation] = {}
        self.people: dict[str, Person] = {}

    def state(self, code: str | None) -> State | None:
        return self.states[code] if code else None

    def run(self) -> dict[str, int]:
        self.load_organisations()
        self.load_processes()
        self.load_people()
        self.load_chairmanships()
        self.load_editions()
        self.load_chair_holders()
        self.load_candidacies()
        self.load_troika_extensions()
        self.load_steering_group()
        self.load_body_meetings()
        self.load_working_groups()
        return {name: len(rows) for name, rows in self.data.items()}

    def load_organisations(self):
        for row in self.data.get("organisations", []):
            organisation, _ = Organisation.objects.update_or_create(
                name_en=row["name_en"],
                defaults={
                    "acronym": row.get("acronym", ""),
                    "type": row["type"],
                    "global_migration_group_member": row.get(
                        "global_migration_group_member", False
                    ),
                    **provenance(row),
                },
            )
            self.organisations[row["name_en"]] = organisation
            if row.get("acronym"):
                self.organisations.setdefault(row["acronym"], organisation)

    def load_processes(self):
        for row in self.data["processes"]:
            name_fr, name_es = NAMES_FR_ES.get(row["slug"], ("", ""))
            organisation = self.organisations.get(row["name_en"]) or (
                self.organisations.get(row.get("acronym", "")) if row["kind"] == "rcp" else None
            )
            process, _ = Process.objects.update_or_create(
                slug=row["slug"],
                defaults={
                    "kind": row["kind"],
                    "name_en": row["name_en"],
                    "name_fr": name_fr,
                    "name_es": name_es,
                    "acronym": row.get("acronym", ""),
                    "organisation": organisation,
                    **provenance(row),
                },
            )
            self.processes[row["slug"]] = process

    def person(self, name: str, row: dict | None = None) -> Person:
        if name not in self.people:
            person = Person.objects.filter(full_name=name, user__isnull=True).first()
            if person is None:
                person = Person.objects.create(full_name=name, **provenance(row or {}))
            self.people[name] = person
        return self.people[name]

    def load_people(self):
        for row in self.data.get("people", []):
            person = self.person(row["name"], row)
            for field, value in provenance(row).items():
                setattr(person, field, value)
            person.save()
            target = (
                {"state": self.state(row.get("state"))}
                if row.get("state")
                else {"organisation": self.organisations.get(row.get("organisation", ""))}
            )
            if any(target.values()):
                Affiliation.objects.update_or_create(
                    person=person, **target, defaults={"function": row.get("function", "")[:250]}
                )

    def load_chairmanships(self):
        for row in self.data["chairmanships"]:
            chairmanship, _ = Chairmanship.objects.update_or_create(
                key=row["key"],
                defaults={
                    "process": self.processes[row["process"]],
                    "name_en": row["name_en"],
                    **provenance(row),
                },
            )
            self.chairmanships[row["key"]] = chairmanship
            for term in row["chairs"]:
                ChairTerm.objects.update_or_create(
                    chairmanship=chairmanship,
                    state=self.state(term["state"]),
                    phase=term.get("phase", 1),
                    defaults={
                        "is_lead": term.get("lead", True),
                        "inferred": term.get("inferred", False),
                        **dated(term, "start"),
                        **dated(term, "end"),
                        **provenance(term),
                    },
                )

    def load_editions(self):
        chair_of = {
            (row["process"], number): self.chairmanships[row["key"]]
            for row in self.data["chairmanships"]
            for number in row["editions"]
        }
        for row in self.data["editions"]:
            key = (row["process"], row["number"])
            edition, _ = Edition.objects.update_or_create(
                process=self.processes[row["process"]],
                number=row["number"],
                defaults={
                    "number_inferred": row.get("number_inferred", False),
                    "year": row["year"],
                    "theme_en": row.get("theme_en", ""),
                    "host_state": self.state(row.get("host_state")),
                    "host_city": row.get("host_city", ""),
                    **dated(row, "summit_start"),
                    **dated(row, "summit_end"),
                    "chairmanship": chair_of.get(key),
                    **provenance(row),
                },
            )
            self.editions[key] = edition

    def load_chair_holders(self):
        for row in self.data.get("chair_holders", []):
            ChairHolder.objects.update_or_create(
                chairmanship=self.chairmanships[row["chairmanship"]],
                person=self.person(row["person"], row),
                function=CHAIR_FUNCTIONS.get(row["function"], ChairFunction.OTHER),
                defaults={
                    "title": row.get("title", "")[:250],
                    **dated(row, "start"),
                    **dated(row, "end"),
                    **provenance(row),
                },
            )

    def load_candidacies(self):
        for row in self.data.get("candidacies", []):
            edition = self.editions.get((row["process"], row.get("edition")))
            if edition is None:
                self.log(
                    f"  candidacy of {row['state']} for {row.get('for_year')}: no edition number "
                    "can be derived from the sources; kept as a note on the extended Troika."
                )
                continue
            agreed_by = row.get("agreed_by", [])
            ChairCandidacy.objects.update_or_create(
                edition=edition,
                state=self.state(row["state"]),
                defaults={
                    "troika_agreed": "troika" in agreed_by,
                    "steering_group_agreed": "steering_group" in agreed_by,
                    # Accepted: agreed, announced, or designated and later replaced (002 L258).
                    "accepted": bool(row.get("agreed_on") or row.get("withdrawn_on")),
                    **dated(row, "agreed_on", "accepted_on", "accepted_precision"),
                    **dated(row, "withdrawn_on", precision_target="withdrawn_precision"),
                    **provenance(row),
                },
            )

    def load_troika_extensions(self):
        for row in self.data.get("troika_extensions", []):
            TroikaExtension.objects.update_or_create(
                edition=self.editions[(row["process"], row["edition"])],
                state=self.state(row["state"]),
                defaults={
                    **dated(row, "joined_on", "start", "start_precision"),
                    **dated(row, "left_on", "end", "end_precision"),
                    "left_reason": row.get("left_reason", ""),
                    **provenance(row),
                },
            )

    def load_steering_group(self):
        for row in self.data.get("steering_group_memberships", []):
            SteeringGroupMembership.objects.update_or_create(
                process=self.processes[row["process"]],
                state=self.state(row["state"]),
                start=day(row.get("start")),
                defaults={**dated(row, "end"), **dated(row, "start"), **provenance(row)},
            )

    def load_body_meetings(self):
        for row in self.data.get("body_meetings", []):
            meeting, _ = BodyMeeting.objects.update_or_create(
                process=self.processes[row["process"]],
                body=row["body"],
                number=row.get("number"),
                edition=self.editions.get((row["process"], row.get("edition"))),
                defaults={
                    **dated(row, "date"),
                    "city": row.get("city", ""),
                    "participants": row.get("participants"),
                    "participants_note": row.get("participants_note", ""),
                    "member_states": row.get("member_states"),
                    "chaired_by": ", ".join(row.get("chaired_by", [])),
                    "summary_en": row.get("summary_en", ""),
                    **provenance(row),
                },
            )
            for decision in row.get("decisions", []):
                BodyDecision.objects.update_or_create(
                    meeting=meeting,
                    text_en=decision["text_en"],
                    defaults={
                        "kind": decision["kind"],
                        "source_document": row.get("source", ""),
                        "source_lines": decision.get("lines", row.get("lines", "")),
                        "source_note": decision.get("note", ""),
                    },
                )

    def load_working_groups(self):
        for row in self.data.get("working_groups", []):
            group, _ = WorkingGroup.objects.update_or_create(
                key=row["key"],
                defaults={
                    "process": self.processes[row["process"]],
                    "mandate_en": row.get("mandate_en", ""),
                    "established_year": row.get("established_year"),
                    **provenance(row),
                },
            )
            for name in row["names"]:
                WorkingGroupName.objects.update_or_create(
                    group=group,
                    name_en=name["name_en"],
                    defaults={"from_year": name.get("from_year"), "to_year": name.get("to_year")},
                )
            for code in row.get("co_chairs", []):
                WorkingGroupMember.objects.update_or_create(
                    group=group,
                    state=self.state(code),
                    role=WorkingGroupRole.CO_CHAIR,
                    defaults=provenance(row),
                )


@transaction.atomic
def load_governance(log=print) -> dict[str, int]:
    return Loader(read_data("governance.toml"), log).run()
