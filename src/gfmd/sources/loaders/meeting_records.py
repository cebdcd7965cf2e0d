"""Load the record of body meetings from data/meeting_records.toml: documents known by
reference, attendance, documents tabled and what decisions refer to (issue 4, "Demo"). Runs
after the governance, library and preparation loaders, whose records it links. Idempotent:
the rows of each meeting named in the file are replaced by the file's."""

from django.db import transaction

from gfmd.directory.models import Organisation, State
from gfmd.governance.models import BodyDecision, BodyMeeting, Edition, Process
from gfmd.library.domain.documents import create_document
from gfmd.library.models import Document
from gfmd.preparation.models import DecisionSubject, MeetingAttendance, TabledDocument, Theme

from .common import provenance, read_data


def _sourced(row: dict, parent: dict) -> dict:
    return provenance({"source": parent.get("source", ""), **row})


class MeetingRecordsLoader:
    def __init__(self, data: dict):
        self.data = data
        self.process = Process.objects.get(slug="gfmd")
        self.editions = {e.number: e for e in Edition.objects.filter(process=self.process)}
        self.documents: dict[str, Document] = {}
        self.counts = {"documents known by reference": 0, "attendance": 0, "tabled": 0}
        self.counts["decision subjects"] = 0

    def run(self) -> dict[str, int]:
        with transaction.atomic():
            for row in self.data.get("documents", []):
                self.load_document(row)
            for row in self.data.get("meetings", []):
                self.load_meeting(row)
        return self.counts

    def load_document(self, row: dict) -> None:
        edition = self.editions[row["edition"]]
        document = Document.objects.filter(
            process=self.process, year=row["year"], type=row["type"], slug=row["slug"]
        ).first()
        fields = {
            "title_en": row["title_en"],
            "summary_en": row.get("summary_en", ""),
            **provenance(row),
        }
        if document is None:
            document = create_document(
                process=self.process,
                edition=edition,
                year=row["year"],
                type=row["type"],
                slug=row["slug"],
                **fields,
            )
        else:
            for name, value in fields.items():
                setattr(document, name, value)
            document.save()
        self.documents[row["slug"]] = document
        self.counts["documents known by reference"] += 1

    def document(self, slug: str) -> Document:
        if slug not in self.documents:
            self.documents[slug] = Document.objects.get(process=self.process, slug=slug)
        return self.documents[slug]

    def load_meeting(self, row: dict) -> None:
        meeting = BodyMeeting.objects.get(
            process=self.process,
            edition=self.editions[row["edition"]],
            body=row["body"],
            number=row["number"],
        )
        MeetingAttendance.objects.filter(body_meeting=meeting).delete()
        for group in row.get("attendance", []):
            for code in group.get("states", []):
                MeetingAttendance.objects.create(
                    body_meeting=meeting, state=State.objects.get(iso3=code), **_sourced(group, row)
                )
                self.counts["attendance"] += 1
            for name in group.get("organisations", []):
                MeetingAttendance.objects.create(
                    body_meeting=meeting,
                    organisation=Organisation.objects.get(name_en=name),
                    **_sourced(group, row),
                )
                self.counts["attendance"] += 1
        TabledDocument.objects.filter(body_meeting=meeting).delete()
        for tabled in row.get("tabled", []):
            TabledDocument.objects.create(
                body_meeting=meeting,
                document=self.document(tabled["document"]),
                **_sourced(tabled, row),
            )
            self.counts["tabled"] += 1
        decisions = list(BodyDecision.objects.filter(meeting=meeting))
        DecisionSubject.objects.filter(decision__in=decisions).delete()
        for subject in row.get("subjects", []):
            [decision] = [d for d in decisions if d.text_en.startswith(subject["decision"])]
            record = self.subject(subject, meeting.edition)
            DecisionSubject.objects.create(
                decision=decision,
                subject=record,
                label_en=subject.get("label_en") or str(record),
                **_sourced(subject, row),
            )
            self.counts["decision subjects"] += 1

    def subject(self, row: dict, edition):
        """The record a subject row links to: a document, a theme of the meeting's edition, an
        edition; None for a label alone."""
        if "document" in row:
            return self.document(row["document"])
        if "theme" in row:
            return Theme.objects.get(edition=edition, number=row["theme"])
        if "edition" in row:
            return self.editions[row["edition"]]
        return None


def load_meeting_records(log=print) -> dict[str, int]:
    return MeetingRecordsLoader(read_data("meeting_records.toml")).run()
