"""Who may read which document version (docs/library.md).

Levels, widest first: public; participants of the edition (until Summit registration exists:
anyone signed in who holds a GFMD role); Friends of the Forum; Steering Group; the preparing team;
Support Unit only. Support Unit staff of a process read everything of it, including staff of past
chairmanships after a handover (they keep read access, issue 3); superusers read everything.
The same rules give a Q for document versions and one for search entries, so that pages, counts,
facets and snippets never show what a user may not read.
"""

from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce, NullIf

from gfmd.governance.domain.roles import roles_of, support_process_ids_ever

from ..enums import AccessLevel, VersionStatus
from ..models import DocumentTeamMember, DocumentVersion


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


def visibility(user, *, level: str, process: str, document: str) -> Q:
    """A filter on any model that exposes an access level, a process id and a document id."""
    if user.is_authenticated and user.is_superuser:
        return Q()
    allowed = Q(**{level: AccessLevel.PUBLIC})
    if not user.is_authenticated:
        return allowed
    roles = roles_of(user)
    has_role = bool(
        roles.focal_point_state_ids
        or roles.organisation_ids
        or roles.support_chairmanship_ids
        or roles.steering_group_process_ids
    )
    if has_role:
        allowed |= Q(**{level: AccessLevel.PARTICIPANTS})
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
            user, level="effective_level", process="document__process_id", document="document_id"
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
