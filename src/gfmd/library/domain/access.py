"""Who may read which document version (docs/library.md).

Levels, widest first: public; participants of the edition (governments through their focal
points and Support Unit staff; organisations invited as observers of that edition); Friends of
the Forum; Steering Group; the preparing team; Support Unit only. Support Unit staff of a
process read everything of it, including staff of past chairmanships after a handover (they keep
read access, issue 3); superusers read everything.
The same rules give a Q for document versions and one for search entries, so that pages, counts,
facets and snippets never show what a user may not read.
"""

from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce, NullIf

from gfmd.governance.domain.roles import roles_of, support_process_ids_ever
from gfmd.governance.models import EditionObserver

from ..enums import AccessLevel, VersionStatus
from ..models import Document, DocumentTeamMember, DocumentVersion

# Capabilities that know more about who takes part in an edition (the Summit's registered
# delegations) add a source here from their AppConfig.ready(), so that the library never imports
# them (docs/architecture.md). A source takes a user and returns a queryset of the ids of the
# editions that user takes part in, or None when it knows nothing of them.
PARTICIPATION_SOURCES: list = []


def register_participation_source(source) -> None:
    if source not in PARTICIPATION_SOURCES:
        PARTICIPATION_SOURCES.append(source)


def registered_editions(user, edition: str) -> Q | None:
    """The editions the registered sources say the user takes part in, as a filter on
    ``edition``; None when no source knows of any."""
    condition = None
    for source in PARTICIPATION_SOURCES:
        editions = source(user)
        if editions is not None:
            part = Q(**{f"{edition}__in": editions})
            condition = part if condition is None else condition | part
    return condition


def team_documents(user):
    """Ids of the documents whose preparing team includes the user (person, state, organisation)."""
    roles = roles_of(user)
    if roles.person_id is None:
        return DocumentTeamMember.objects.none().values("document_id")
    return DocumentTeamMember.objects.filter(
        Q(person_id=roles.person_id)
        | Q(state_id__in=roles.focal_point_state_ids)
        | Q(organisation_id__in=roles.organisation_ids)
    ).values("document_id")


def participants(user, *, level: str, edition: str) -> Q:
    """Who takes part in an edition.

    The Forum is "open to all States Members and Observers of the United Nations" and "UN
    agencies and other international and regional bodies may be invited as observers" (Operating
    Modalities, 003 L9510-L9513): a government role (a focal point acting for a state, Support
    Unit staff, a Steering Group member's focal point) takes part in every edition; an
    organisation's contact takes part in the editions its organisation is invited to as an
    observer, and reads the participants' documents of the process that belong to no edition.
    Anyone a registered source names (a delegate registered for an edition's Summit) takes part
    in that edition.
    """
    roles = roles_of(user)
    if (
        roles.focal_point_state_ids
        or roles.support_chairmanship_ids
        or roles.steering_group_process_ids
    ):
        return Q(**{level: AccessLevel.PARTICIPANTS})
    editions = registered_editions(user, edition)
    if roles.organisation_ids:
        observed = EditionObserver.objects.filter(
            organisation_id__in=roles.organisation_ids
        ).values("edition_id")
        editions = (
            (editions or Q())
            | Q(**{f"{edition}__isnull": True})
            | Q(**{f"{edition}__in": observed})
        )
    if editions is None:
        return Q(pk__in=[])
    return Q(**{level: AccessLevel.PARTICIPANTS}) & editions


def visibility(user, *, level: str, process: str, document: str, edition: str) -> Q:
    """A filter on any model that exposes an access level and the ids of a process, a
    document and an edition."""
    if user.is_authenticated and user.is_superuser:
        return Q()
    allowed = Q(**{level: AccessLevel.PUBLIC})
    if not user.is_authenticated:
        return allowed
    roles = roles_of(user)
    allowed |= participants(user, level=level, edition=edition)
    friends = roles.friends_process_ids | roles.steering_group_process_ids
    if friends:
        allowed |= Q(**{level: AccessLevel.FRIENDS_OF_THE_FORUM, f"{process}__in": friends})
    if roles.steering_group_process_ids:
        allowed |= Q(
            **{
                level: AccessLevel.STEERING_GROUP,
                f"{process}__in": roles.steering_group_process_ids,
            }
        )
    allowed |= Q(**{level: AccessLevel.TEAM, f"{document}__in": team_documents(user)})
    support = support_process_ids_ever(user)
    if support:
        allowed |= Q(**{f"{process}__in": support})
    return allowed


def with_effective_level(versions):
    """Annotate versions with the level that applies: their own, else the team's for a draft,
    else the document's."""
    return versions.annotate(
        effective_level=Coalesce(
            NullIf(F("access_level"), Value("")),
            Case(
                When(status=VersionStatus.DRAFT, then=Value(AccessLevel.TEAM)),
                default=F("document__access_level"),
                output_field=CharField(),
            ),
            output_field=CharField(),
        )
    )


def readable_versions(user):
    return with_effective_level(DocumentVersion.objects.all()).filter(
        visibility(
            user,
            level="effective_level",
            process="document__process_id",
            document="document_id",
            edition="document__edition_id",
        )
    )


def readable_records(user):
    """Documents known only by reference — the sources name them, the library holds no file
    (the 2010 Preliminary Draft Budget, a 2007 background paper) — that the user may read: with
    no version, the document's own level decides."""
    return Document.objects.filter(versions__isnull=True).filter(
        visibility(
            user,
            level="access_level",
            process="process_id",
            document="id",
            edition="edition_id",
        )
    )


def can_read_version(user, version: DocumentVersion) -> bool:
    return readable_versions(user).filter(pk=version.pk).exists()


def latest_readable_version(user, document, language: str | None = None):
    """The newest version the user may read (with a file in ``language`` if given)."""
    versions = readable_versions(user).filter(document=document)
    if language:
        versions = versions.filter(files__language=language)
    return versions.order_by("-number").first()
