"""What the record of a meeting adds to governance's body meetings and to preparatory events:
who attended, which documents were tabled, and what a decision refers to (002 L289-L308,
L2606-L2610; 003 L1090-L1299). Support Unit staff record them; each change keeps its history.

A decision's subject is a typed link (a theme, a roundtable, a session, a library document, a
working group, an edition) with a label, or a label alone when nothing recorded matches it
(the Common Space, the Platform for Partnerships).
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.directory.models import Organisation
from gfmd.governance.models import BodyDecision, BodyMeeting, Edition, WorkingGroup
from gfmd.library.models import Document

from ..models import (
    DecisionSubject,
    MeetingAttendance,
    PreparatoryEvent,
    Roundtable,
    RoundtableSession,
    TabledDocument,
    Theme,
)

# What a decision may refer to, in the order a form offers them.
SUBJECT_MODELS = (Theme, Roundtable, RoundtableSession, Document, WorkingGroup, Edition)


def owner_of(meeting) -> dict:
    """The foreign key that ties a record to a body meeting or to a preparatory event."""
    if isinstance(meeting, BodyMeeting):
        return {"body_meeting": meeting}
    if isinstance(meeting, PreparatoryEvent):
        return {"event": meeting}
    raise DomainError(_("Attendance is recorded for a body meeting or a preparatory event."))


def _lock(meeting) -> None:
    type(meeting).objects.select_for_update().filter(pk=meeting.pk).get()


def record_attendance(meeting, *, states=(), organisations=(), provenance=None) -> dict:
    """Record the states and organisations present; those already recorded are reported, not
    doubled. Refused when nothing new is given."""
    states, organisations = list(states or []), list(organisations or [])
    if not states and not organisations:
        raise DomainError(_("Choose at least one state or organisation."), field="states")
    owner = owner_of(meeting)
    with transaction.atomic():
        _lock(meeting)
        present = MeetingAttendance.objects.filter(**owner)
        state_ids = set(present.exclude(state=None).values_list("state_id", flat=True))
        organisation_ids = set(
            present.exclude(organisation=None).values_list("organisation_id", flat=True)
        )
        new = [s for s in states if s.pk not in state_ids] + [
            o for o in organisations if o.pk not in organisation_ids
        ]
        already = [s for s in states if s.pk in state_ids] + [
            o for o in organisations if o.pk in organisation_ids
        ]
        if not new:
            raise DomainError(
                _("Already recorded as present: %(who)s.")
                % {"who": ", ".join(str(x) for x in already)},
                field="states",
            )
        created = [
            MeetingAttendance.objects.create(
                **owner,
                state=who if who in states else None,
                organisation=who if who in organisations else None,
                **(provenance or {}),
            )
            for who in new
        ]
    return {"created": created, "already": already}


def remove_attendance(attendance: MeetingAttendance) -> None:
    attendance.delete()


def organisation_by_name(text: str) -> Organisation:
    """An organisation named by its acronym or its English name, exactly (case aside)."""
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Name the organisation."), field="organisation")
    found = list(Organisation.objects.filter(Q(acronym__iexact=text) | Q(name_en__iexact=text))[:2])
    if len(found) != 1:
        raise DomainError(
            _(
                "No single organisation is called “%(name)s”; give its acronym or its full name as "
                "the directory writes it."
            )
            % {"name": text[:80]},
            field="organisation",
        )
    return found[0]


def table_document(meeting, document: Document, *, provenance=None) -> TabledDocument:
    """A library document tabled at the meeting, once."""
    owner = owner_of(meeting)
    with transaction.atomic():
        _lock(meeting)
        if TabledDocument.objects.filter(**owner, document=document).exists():
            raise DomainError(
                _("“%(document)s” is already recorded as tabled at this meeting.")
                % {"document": document},
                field="document",
            )
        return TabledDocument.objects.create(**owner, document=document, **(provenance or {}))


def untable_document(tabled: TabledDocument) -> None:
    tabled.delete()


def add_decision_subject(
    decision: BodyDecision, *, subject=None, label_en: str = "", provenance=None
) -> DecisionSubject:
    """What a decision refers to: a record of the platform (its name is the label unless one is
    given) or a label alone. The same record is linked once per decision."""
    label_en = (label_en or "").strip()
    if subject is None and not label_en:
        raise DomainError(
            _("Choose what the decision refers to, or describe it in a few words."),
            field="subject",
        )
    if subject is not None and not isinstance(subject, SUBJECT_MODELS):
        raise DomainError(_("A decision cannot refer to this kind of record."), field="subject")
    with transaction.atomic():
        BodyMeeting.objects.select_for_update().filter(pk=decision.meeting_id).get()
        link = {}
        if subject is not None:
            link = {
                "subject_type": ContentType.objects.get_for_model(subject),
                "subject_id": subject.pk,
            }
            if DecisionSubject.objects.filter(decision=decision, **link).exists():
                raise DomainError(
                    _("The decision already refers to %(subject)s.") % {"subject": subject},
                    field="subject",
                )
        elif DecisionSubject.objects.filter(
            decision=decision, subject_type=None, label_en__iexact=label_en
        ).exists():
            raise DomainError(
                _("The decision already refers to “%(label)s”.") % {"label": label_en},
                field="label_en",
            )
        return DecisionSubject.objects.create(
            decision=decision,
            label_en=(label_en or str(subject))[:300],
            **link,
            **(provenance or {}),
        )


def remove_decision_subject(subject: DecisionSubject) -> None:
    subject.delete()


# Choices and addresses -------------------------------------------------------------------


def subject_key(record) -> str:
    """ "preparation.theme:12": a record named in a form field or an API body."""
    return f"{record._meta.app_label}.{record._meta.model_name}:{record.pk}"


def subject_from_key(key: str):
    """The record a subject key names, if it is of a kind a decision may refer to."""
    try:
        label, pk = (key or "").split(":")
        app_label, model_name = label.split(".")
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
        pk = int(pk)
    except (ValueError, ContentType.DoesNotExist):
        model = None
    if model not in SUBJECT_MODELS:
        raise DomainError(
            _("Choose a theme, roundtable, session, document, working group or edition."),
            field="subject",
        )
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist:
        raise DomainError(_("This record no longer exists."), field="subject") from None


def subject_choices(meeting) -> list[tuple[str, list[tuple[str, str]]]]:
    """The records a decision of this meeting may refer to, grouped by kind: the concept paper
    of its edition, the documents of its edition (or of its process and year), the working
    groups of its process, and the edition itself. Five queries."""
    edition = meeting.edition
    groups = []
    if edition is not None:
        groups.append(
            (
                _("Themes"),
                [(subject_key(t), str(t)) for t in Theme.objects.filter(edition=edition)],
            )
        )
        groups.append(
            (
                _("Roundtables"),
                [(subject_key(r), str(r)) for r in Roundtable.objects.filter(edition=edition)],
            )
        )
        groups.append(
            (
                _("Sessions"),
                [
                    (subject_key(s), str(s))
                    for s in RoundtableSession.objects.filter(edition=edition).order_by("number")
                ],
            )
        )
    documents = Document.objects.filter(process_id=meeting.process_id)
    if edition is not None:
        documents = documents.filter(Q(edition=edition) | Q(edition=None, year=edition.year))
    groups.append(
        (
            _("Documents"),
            [(subject_key(d), f"{d.year} — {d}") for d in documents.order_by("-year", "slug")],
        )
    )
    groups.append(
        (
            _("ad hoc Working Groups"),
            [
                (subject_key(g), str(g))
                for g in WorkingGroup.objects.filter(process_id=meeting.process_id)
                .prefetch_related("names")
                .order_by("key")
            ],
        )
    )
    if edition is not None:
        groups.append((_("Edition"), [(subject_key(edition), str(edition))]))
    return [(label, options) for label, options in groups if options]


def subject_url(record) -> str:
    """The page of what a decision refers to, when it has one ("" otherwise). Expects the
    record's edition and process to be loaded (see ``meeting_records``)."""
    if isinstance(record, Theme | Roundtable):
        edition = record.edition
        anchor = f"#theme-{record.number}" if isinstance(record, Theme) else ""
        return reverse("preparation:agenda", args=[edition.process.slug, edition.number]) + anchor
    if isinstance(record, RoundtableSession | Document):
        return record.get_absolute_url()
    if isinstance(record, Edition):
        return reverse("governance:edition", args=[record.process.slug, record.number])
    return ""


def subject_prefetch(prefix: str = "") -> GenericPrefetch:
    """Load every decision subject's record with what its label and address need: one query
    per kind of record."""
    return GenericPrefetch(
        f"{prefix}subject",
        [
            Theme.objects.select_related("edition__process"),
            Roundtable.objects.select_related("edition__process"),
            RoundtableSession.objects.select_related("edition__process"),
            Document.objects.select_related("process"),
            WorkingGroup.objects.prefetch_related("names"),
            Edition.objects.select_related("process"),
        ],
    )


def meeting_records(queryset):
    """Body meetings with their decisions (and what each refers to), attendance and tabled
    documents, in a fixed number of queries."""
    return queryset.select_related("process", "edition__process", "working_group").prefetch_related(
        Prefetch(
            "decisions",
            queryset=BodyDecision.objects.prefetch_related(
                Prefetch(
                    "subjects",
                    queryset=DecisionSubject.objects.prefetch_related(subject_prefetch()),
                )
            ),
        ),
        Prefetch("attendance", queryset=attendance_in_order()),
        Prefetch("tabled", queryset=tabled_in_order()),
    )


def attendance_in_order():
    """States by name, then organisations by name (the same on SQLite and PostgreSQL)."""
    return MeetingAttendance.objects.select_related("state", "organisation").order_by(
        F("state__name_en").asc(nulls_last=True), "organisation__name_en", "id"
    )


def tabled_in_order():
    return TabledDocument.objects.select_related("document__process").order_by(
        "document__year", "document__slug"
    )


def readable_document_ids(user, documents) -> set[int]:
    """Which of these documents the user may open (the library's access levels): one query.
    A document known only by reference, without a file, is never linked."""
    from gfmd.library.domain.queries import readable_documents

    ids = {d.pk for d in documents}
    if not ids:
        return set()
    return set(readable_documents(user).filter(pk__in=ids).values_list("pk", flat=True))


def meeting_history(meeting):
    """The history tables of what was recorded for a meeting (gfmd.common.history)."""
    owner = {f"{name}_id": value.pk for name, value in owner_of(meeting).items()}
    querysets = [
        MeetingAttendance.history.filter(**owner),
        TabledDocument.history.filter(**owner),
    ]
    if isinstance(meeting, BodyMeeting):
        querysets.append(
            DecisionSubject.history.filter(
                decision_id__in=BodyDecision.objects.filter(meeting=meeting).values("pk")
            )
        )
    return querysets
