"""Chair succession: "Countries interested in assuming the Chair of the Forum shall communicate
their intention to the Troika" (003 L9548-L9550); the Troika and the Steering Group agree to the
offer (002 L285-L286); the candidate then is the forthcoming chair and the Troika is formed
(003 L9542-L9546)."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.directory.models import State

from ..enums import Body
from ..models import ChairCandidacy, Chairmanship, ChairTerm, Edition


def communicate_candidacy(edition: Edition, state: State, day: datetime.date) -> ChairCandidacy:
    """Record that ``state`` told the Troika it wishes to chair ``edition``."""
    with transaction.atomic():
        if ChairCandidacy.objects.select_for_update().filter(edition=edition, state=state).exists():
            raise DomainError(
                _("%(state)s has already communicated its candidacy for this edition.")
                % {"state": state.name},
                field="state",
                code="unique",
            )
        accepted = edition.candidacies.filter(accepted=True, withdrawn_on__isnull=True).first()
        if accepted is not None:
            raise DomainError(
                _("%(state)s is already the forthcoming chair of this edition.")
                % {"state": accepted.state.name},
                field="state",
            )
        return ChairCandidacy.objects.create(edition=edition, state=state, communicated_on=day)


def record_agreement(candidacy: ChairCandidacy, body: str, day: datetime.date) -> ChairCandidacy:
    """The Troika or the Steering Group agrees; with both, the candidacy is accepted and the
    candidate becomes the chair of the edition (a chairmanship is created if none exists)."""
    if body not in (Body.TROIKA, Body.STEERING_GROUP):
        raise DomainError(
            _("Only the Troika and the Steering Group agree to a candidacy."), field="body"
        )
    with transaction.atomic():
        candidacy = ChairCandidacy.objects.select_for_update().get(pk=candidacy.pk)
        if candidacy.withdrawn_on is not None:
            raise DomainError(_("This candidacy was withdrawn."), field="body")
        if body == Body.TROIKA:
            candidacy.troika_agreed = True
        else:
            candidacy.steering_group_agreed = True
        if candidacy.troika_agreed and candidacy.steering_group_agreed and not candidacy.accepted:
            candidacy.accepted = True
            candidacy.accepted_on = day
            make_forthcoming_chair(candidacy.edition, candidacy.state)
        candidacy.save()
        return candidacy


def withdraw_candidacy(candidacy: ChairCandidacy, day: datetime.date) -> ChairCandidacy:
    """The candidate withdraws or is replaced: it is no longer the forthcoming chair, and the
    chair term its acceptance created goes (a withdrawn candidate never chaired)."""
    if candidacy.accepted_on and day < candidacy.accepted_on:
        raise DomainError(_("A candidacy cannot be withdrawn before it was accepted."), field="day")
    with transaction.atomic():
        candidacy.withdrawn_on = day
        candidacy.save()
        ChairTerm.objects.filter(
            chairmanship__editions__id=candidacy.edition_id, state=candidacy.state, inferred=True
        ).delete()
    return candidacy


def make_forthcoming_chair(edition: Edition, state: State) -> Chairmanship:
    if edition.chairmanship is not None and not edition.chairmanship.terms.exists():
        # A chairmanship left empty by a withdrawn candidate takes the new chair's name.
        edition.chairmanship.name_en = f"{state.name_en} chairmanship {edition.years_label}"
        edition.chairmanship.save()
    if edition.chairmanship is None:
        edition.chairmanship = Chairmanship.objects.create(
            process=edition.process,
            key=f"{edition.process.slug}-{edition.year}-{state.iso3.lower()}",
            name_en=f"{state.name_en} chairmanship {edition.years_label}",
        )
        edition.save()
    if not edition.chairmanship.terms.filter(state=state).exists():
        ChairTerm.objects.create(
            chairmanship=edition.chairmanship,
            state=state,
            start=datetime.date(edition.year, 1, 1),
            end=datetime.date(edition.year_end or edition.year, 12, 31),
            start_precision="year",
            end_precision="year",
            inferred=True,
        )
    return edition.chairmanship
