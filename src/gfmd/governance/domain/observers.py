"""Observers of an edition: "UN agencies and other international and regional bodies may be
invited as observers" (Operating Modalities, 003 L9510-L9513; also L9588-L9590)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.directory.enums import OrganisationType
from gfmd.directory.models import Organisation

from ..models import Edition, EditionObserver
from .checks import RuleWarning

SOURCE_OBSERVERS = "Operating Modalities, 003 L9510-L9513"

# The bodies the Operating Modalities name: UN agencies, other international and regional bodies.
INTERNATIONAL_BODIES = frozenset(
    {
        OrganisationType.UN_AGENCY,
        OrganisationType.OTHER_IGO,
        OrganisationType.REGIONAL_ORGANISATION,
        OrganisationType.REGIONAL_CONSULTATIVE_PROCESS,
    }
)


def observers_of(edition: Edition) -> list[EditionObserver]:
    """The edition's observers by organisation name (one query)."""
    return list(
        EditionObserver.objects.filter(edition=edition)
        .select_related("organisation")
        .order_by("organisation__name_en")
    )


def invite_observer(edition: Edition, organisation: Organisation, *, user=None) -> EditionObserver:
    """Record that ``organisation`` is invited as an observer of ``edition`` (history kept)."""
    if EditionObserver.objects.filter(edition=edition, organisation=organisation).exists():
        raise DomainError(
            _("%(organisation)s is already an observer of this edition.")
            % {"organisation": organisation},
            field="organisation",
        )
    observer = EditionObserver(edition=edition, organisation=organisation)
    if user is not None and user.is_authenticated:
        observer._history_user = user
    try:
        with transaction.atomic():
            observer.save()
    except IntegrityError:  # invited at the same moment by someone else
        raise DomainError(
            _("%(organisation)s is already an observer of this edition.")
            % {"organisation": organisation},
            field="organisation",
        ) from None
    return observer


def withdraw_observer(edition: Edition, observer_id: int, *, user=None) -> Organisation:
    """Remove an observer from the edition; the history keeps that it was one."""
    observer = (
        EditionObserver.objects.filter(edition=edition, pk=observer_id)
        .select_related("organisation")
        .first()
    )
    if observer is None:
        raise DomainError(_("This organisation is not an observer of this edition."))
    if user is not None and user.is_authenticated:
        observer._history_user = user
    observer.delete()
    return observer.organisation


def check_observers(observers: list[EditionObserver]) -> list[RuleWarning]:
    """Organisations that are not UN agencies or other international or regional bodies: a
    warning, since the modalities say who "may be invited", not who may not."""
    return [
        RuleWarning(
            "observer_type",
            _(
                "%(organisation)s is a %(type)s; the Operating Modalities invite UN agencies and "
                "other international and regional bodies as observers."
            )
            % {
                "organisation": observer.organisation,
                "type": observer.organisation.get_type_display(),
            },
            SOURCE_OBSERVERS,
        )
        for observer in observers
        if observer.organisation.type not in INTERNATIONAL_BODIES
    ]
