"""Load the five source documents themselves into the library, as the documents they are, with
their editions and types (issue 3, "Demo"). The files are read from ../shared/sources."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from gfmd.governance.models import Edition, Process
from gfmd.library.domain.documents import Upload, add_version, create_document
from gfmd.library.models import Document

SOURCES_DIR = Path(
    getattr(settings, "GFMD_SOURCES_DIR", settings.PROJECT_DIR.parent / "shared" / "sources")
)

SOURCE_DOCUMENTS = [
    {
        "file": "003_dacc9fc2062a1cc2.txt",
        "process": "gfmd",
        "edition": 1,
        "year": 2007,
        "type": "report-of-proceedings",
        "slug": "report-of-the-proceedings",
        "title_en": "Report of the first meeting of the Global Forum on Migration and Development, "
        "Brussels, 9-11 July 2007",
        "summary_en": "Preparation (thematic survey, teams), Civil Society Day, Governmental Days, "
        "the twelve roundtable sessions, the Marketplace, follow-up, and the Operating "
        "Modalities as annex.",
        "date": None,
        "lines": "L1-L4",
    },
    {
        "file": "002_b86e28c3b98769a4.txt",
        "process": "gfmd",
        "edition": 4,
        "year": 2010,
        "type": "report-of-proceedings",
        "slug": "report-of-the-proceedings",
        "title_en": "Report of the Proceedings of the Fourth Meeting of the Global Forum on "
        "Migration and Development, Puerto Vallarta, Mexico, 8-11 November 2010",
        "summary_en": "Preparatory process, Civil Society Days, Common Space, roundtables and "
        "their recommendations, Platform for Partnerships, Future of the Forum, annexes.",
        "date": None,
        "lines": "L1-L14",
    },
    {
        "file": "001_b8e1bd6fb1467084.txt",
        "process": "gfmd",
        "edition": 11,
        "year": 2018,
        "type": "concept-paper",
        "slug": "concept-paper",
        "title_en": "GFMD 2018 Concept Paper: Honouring international commitments to unlock the "
        "potential of all migrants for development",
        "summary_en": "Second phase of the Germany-Morocco co-chairmanship: themes, roundtables "
        "1.1-3.2 with expected outcomes and guiding questions, Common Space, Business Mechanism, "
        "Civil Society Days, Future of the Forum and Platform for Partnerships.",
        "date": None,
        "lines": "L1-L30",
    },
    {
        "file": "000_b7432ccb6d0ced5f.txt",
        "process": "gfmd",
        "edition": 12,
        "year": 2019,
        "type": "information-note",
        "slug": "regional-workshop-kingston",
        "title_en": 'Regional workshop "Harnessing Migration for Rural Development", Kingston, '
        "Jamaica, 14-15 August 2019",
        "summary_en": "Second of four regional workshops of the Ecuadorian GFMD 2019 "
        "Chairmanship, supported by the EU through MIEUX, implemented by ICMPD.",
        "date": datetime.date(2019, 8, 14),
        "lines": "L1-L8",
    },
    {
        "file": "004_4d0abab83911d28b.txt",
        "process": "gfmd",
        "edition": None,
        "year": 2013,
        "type": "working-paper",
        "slug": "rcp-global-meeting-breakout-group-mainstreaming",
        "title_en": "Fourth Global Meeting of Chairs and Secretariats of Regional Consultative "
        "Processes on Migration: break-out group on mainstreaming migration into development "
        "frameworks",
        "summary_en": "Guiding questions on migration-development interlinkages, Migration "
        "Profiles and regional economic bodies, ahead of the second High-level Dialogue.",
        "date": None,
        "lines": "L1-L5",
        "note": "Year inferred: the meeting prepared the second High-level Dialogue (2013), which "
        "the document does not date (004 L3-L5).",
    },
]


@transaction.atomic
def load_library(log=print) -> dict[str, int]:
    if not SOURCES_DIR.is_dir():
        log(f"  the source documents are not at {SOURCES_DIR}; library not loaded.")
        return {"documents": 0}
    loaded = 0
    for spec in SOURCE_DOCUMENTS:
        process = Process.objects.get(slug=spec["process"])
        edition = (
            Edition.objects.get(process=process, number=spec["edition"])
            if spec["edition"]
            else None
        )
        document = Document.objects.filter(
            process=process, year=spec["year"], type=spec["type"], slug=spec["slug"]
        ).first()
        if document is None:
            document = create_document(
                process=process,
                edition=edition,
                year=spec["year"],
                type=spec["type"],
                slug=spec["slug"],
                title_en=spec["title_en"],
                summary_en=spec["summary_en"],
                date=spec["date"],
                source_document=spec["file"][:3],
                source_lines=spec["lines"],
                source_note=spec.get("note", ""),
            )
        if not document.versions.exists():
            text = (SOURCES_DIR / spec["file"]).read_bytes()
            add_version(
                document,
                status="final",
                uploads=[Upload("en", ContentFile(text, name=spec["file"]))],
                change_note="Plain-text extraction of the public document (shared/sources).",
            )
        loaded += 1
    return {"documents": loaded}
