"""A large synthetic dataset for the benchmarks (bench/run.py), built with bulk inserts.

At scale 1: 30 editions of synthetic processes, with chairmanships, chair terms, chair holders,
candidacies, extended Troika rows, Steering Group memberships (30 per edition) and body
meetings; 5,000 organisations, 50,000 people with affiliations and 2,000 National Focal Point
terms; and the preparation of every edition (synthetic_preparation.py: 10 sessions and 100 team
memberships an edition, events, attendance, a survey with answers). Every count grows linearly
with the scale.

Everything generated says it is synthetic ("Synthetic RCP 3", "Synthetic Person 4567", e-mails
@example.invalid, provenance "synthetic") so that no invented fact is read as a fact about a
real state: the real State rows appear only as chairs, hosts and members inside the synthetic
processes, as the seat of synthetic organisations and as the state of synthetic focal points.
Running it again first removes the previous synthetic rows (found by their prefixes) and never
touches any other row.
"""

import datetime
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import cycle

from django.db import connection, models, transaction
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from gfmd.common.errors import DomainError
from gfmd.directory.enums import DevelopmentStatus, Language, OrganisationType
from gfmd.directory.models import Affiliation, Organisation, Person, State
from gfmd.governance.enums import Body, ChairFunction, LeftReason, ProcessKind
from gfmd.governance.models import (
    BodyDecision,
    BodyMeeting,
    ChairCandidacy,
    ChairHolder,
    Chairmanship,
    ChairTerm,
    Edition,
    EditionObserver,
    FocalPoint,
    FriendsOfTheForumMembership,
    Process,
    SteeringGroupMembership,
    SupportUnitAssignment,
    TroikaExtension,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupName,
)

from .synthetic_preparation import create_preparation, synthetic_preparation_rows

PROCESS_SLUG_PREFIX = "synthetic-rcp-"
ORGANISATION_PREFIX = "Synthetic Organisation "
PERSON_PREFIX = "Synthetic Person "
EMAIL_DOMAIN = "example.invalid"  # reserved (RFC 2606): no mail can ever reach anyone
PROVENANCE = {
    "source_document": "synthetic",
    "source_note": "Synthetic benchmark data (manage.py generate_dataset); not a fact.",
}

# Per unit of scale.
EDITIONS = 30
ORGANISATIONS = 5_000
PEOPLE = 50_000
FOCAL_POINT_TERMS = 2_000
# Per edition or process, whatever the scale.
EDITIONS_PER_PROCESS = 10
STEERING_GROUP_SIZE = 30
FIRST_YEAR = 2016
CO_CHAIRED_EVERY = 5  # every fifth edition has a co-chair, as in 2017-2018
WITHDRAWN_CANDIDACY_EVERY = 4  # every fourth edition had a candidate who withdrew
PAST_AFFILIATION_EVERY = 5  # every fifth person also worked somewhere else before

BATCH_SIZE = 2_000  # rows per INSERT (SQLite lowers it to its own parameter limit)
CHUNK_SIZE = 10_000  # people built in memory at a time, to keep the generator small


@dataclass(frozen=True)
class Sizes:
    editions: int
    organisations: int
    people: int
    focal_point_terms: int

    @property
    def processes(self) -> int:
        return math.ceil(self.editions / EDITIONS_PER_PROCESS)


def sizes(scale: float) -> Sizes:
    """How many rows of each kind ``scale`` asks for (at least one of each)."""
    if scale <= 0:
        raise DomainError("The scale must be greater than 0, for example 1 or 0.1.", field="scale")

    def scaled(per_unit: int) -> int:
        return max(1, round(per_unit * scale))

    return Sizes(
        editions=scaled(EDITIONS),
        organisations=scaled(ORGANISATIONS),
        people=scaled(PEOPLE),
        focal_point_terms=scaled(FOCAL_POINT_TERMS),
    )


def generate(
    scale: float = 1, seed: int = 1, log: Callable[[str], None] = lambda message: None
) -> dict[str, int]:
    """Replace the synthetic dataset by a new one of ``scale``; the same seed gives the same data.

    Returns the number of rows created per model.
    """
    size = sizes(scale)
    states = list(State.objects.order_by("iso3"))
    if len(states) < STEERING_GROUP_SIZE:
        raise DomainError("Load the reference states first: manage.py load_reference.")
    if size.people < size.focal_point_terms + size.editions:
        raise DomainError("The scale is too small to give every focal point term its own person.")
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    with transaction.atomic():
        removed = clear()
        log(f"Removed {removed} previous synthetic rows.")
        organisation_ids = create_organisations(size, states, counts)
        log(f"{len(organisation_ids)} organisations.")
        person_ids = create_people(size, organisation_ids, counts)
        log(f"{len(person_ids)} people and {counts['affiliations']} affiliations.")
        create_focal_points(size, states, person_ids[: size.focal_point_terms], counts)
        log(f"{counts['focal_points']} focal point terms.")
        create_governance(size, states, person_ids[size.focal_point_terms :], rng, counts)
        log(f"{counts['editions']} editions of {counts['processes']} synthetic processes.")
        create_preparation(PROCESS_SLUG_PREFIX, organisation_ids, states, rng, counts, PROVENANCE)
        log(f"{counts['sessions']} sessions, {counts['team_memberships']} team memberships.")
    refresh_planner_statistics()
    return counts


# Removal -----------------------------------------------------------------------------------


def synthetic_rows() -> list[tuple[type[models.Model], Q]]:
    """Every synthetic row, model by model, dependent rows before the rows they point to.

    The roots are found by their prefix (process slug, organisation and person names); the rest
    by pointing to a root.
    """
    process_ids = Process.objects.filter(slug__startswith=PROCESS_SLUG_PREFIX).values("id")
    edition_ids = Edition.objects.filter(process_id__in=process_ids).values("id")
    chairmanship_ids = Chairmanship.objects.filter(process_id__in=process_ids).values("id")
    meeting_ids = BodyMeeting.objects.filter(process_id__in=process_ids).values("id")
    group_ids = WorkingGroup.objects.filter(process_id__in=process_ids).values("id")
    person_ids = Person.objects.filter(full_name__startswith=PERSON_PREFIX).values("id")
    organisation_ids = Organisation.objects.filter(name_en__startswith=ORGANISATION_PREFIX).values(
        "id"
    )
    of_process = Q(process_id__in=process_ids)
    of_chairmanship_or_person = Q(chairmanship_id__in=chairmanship_ids) | Q(
        person_id__in=person_ids
    )
    return [
        *synthetic_preparation_rows(edition_ids, meeting_ids),
        (ChairCandidacy, Q(edition_id__in=edition_ids)),
        (TroikaExtension, Q(edition_id__in=edition_ids)),
        (
            EditionObserver,
            Q(edition_id__in=edition_ids) | Q(organisation_id__in=organisation_ids),
        ),
        (BodyDecision, Q(meeting_id__in=meeting_ids)),
        (BodyMeeting, of_process),
        (
            WorkingGroupMember,
            Q(group_id__in=group_ids) | Q(organisation_id__in=organisation_ids),
        ),
        (WorkingGroupName, Q(group_id__in=group_ids)),
        (WorkingGroup, of_process),
        (SteeringGroupMembership, of_process),
        (FriendsOfTheForumMembership, of_process),
        (SupportUnitAssignment, of_chairmanship_or_person),
        (ChairHolder, of_chairmanship_or_person),
        (ChairTerm, Q(chairmanship_id__in=chairmanship_ids)),
        (Edition, of_process),
        (Chairmanship, of_process),
        (Process, Q(slug__startswith=PROCESS_SLUG_PREFIX)),
        (FocalPoint, Q(person_id__in=person_ids)),
        (Affiliation, Q(person_id__in=person_ids) | Q(organisation_id__in=organisation_ids)),
        (Person, Q(full_name__startswith=PERSON_PREFIX)),
        (Organisation, Q(name_en__startswith=ORGANISATION_PREFIX)),
    ]


def clear() -> int:
    """Delete every synthetic row and its history; returns how many rows were deleted.

    One DELETE per table: QuerySet.delete() would load each of hundreds of thousands of rows
    and write a history record for each through django-simple-history's signals.
    """
    rows = synthetic_rows()
    with transaction.atomic():
        detach_other_rows(rows)
        deleted = 0
        for model, condition in rows:
            # History first: its conditions read the live rows this loop deletes afterwards.
            if hasattr(model, "history"):
                history = model.history.filter(condition)
                deleted += history._raw_delete(history.db)
            live = model.objects.filter(condition)
            deleted += live._raw_delete(live.db)
    return deleted


def detach_other_rows(rows: list[tuple[type[models.Model], Q]]) -> None:
    """Rows that are not synthetic but point to a synthetic row (a real meeting linked to a
    synthetic edition, a document of another capability): where the relation allows it
    (SET_NULL) the link is cleared, as Django would; otherwise nothing is deleted and the
    message says which rows to remove first."""
    synthetic = dict(rows)
    for model, condition in rows:
        doomed = model.objects.filter(condition).values("pk")
        for relation in model._meta.related_objects:
            if relation.many_to_many:
                through, name = relation.through, relation.field.m2m_reverse_field_name()
                pointing = through.objects.filter(**{f"{name}__in": doomed})
                if pointing.exists():
                    raise_attached(relation.related_model, model)
                continue
            other, name = relation.related_model, relation.field.name
            pointing = other._base_manager.filter(**{f"{name}__in": doomed})
            if other in synthetic:
                pointing = pointing.exclude(synthetic[other])
            if relation.on_delete is models.SET_NULL:
                pointing.update(**{name: None})
            elif pointing.exists():
                raise_attached(other, model)


def raise_attached(other: type[models.Model], model: type[models.Model]):
    raise DomainError(
        f"Some {other._meta.verbose_name_plural} that are not synthetic belong to synthetic "
        f"{model._meta.verbose_name_plural}; delete or move them first, then run the generator "
        "again. Nothing was deleted."
    )


# Directory ---------------------------------------------------------------------------------


def create_organisations(size: Sizes, states: list[State], counts: dict) -> list[int]:
    types = list(OrganisationType.values)
    organisations = [
        Organisation(
            name_en=f"{ORGANISATION_PREFIX}{number}",
            type=types[number % len(types)],
            based_in_id=states[number % len(states)].pk,
            website=f"https://organisation-{number}.{EMAIL_DOMAIN}/",
            **PROVENANCE,
        )
        for number in range(1, size.organisations + 1)
    ]
    created = Organisation.objects.bulk_create(organisations, batch_size=BATCH_SIZE)
    counts["organisations"] = len(created)
    return [organisation.pk for organisation in created]


def create_people(size: Sizes, organisation_ids: list[int], counts: dict) -> list[int]:
    """People in chunks, each with a current affiliation to a synthetic organisation (every
    fifth also with a past one)."""
    languages = list(Language.values)
    person_ids: list[int] = []
    counts["affiliations"] = 0
    for first in range(1, size.people + 1, CHUNK_SIZE):
        numbers = range(first, min(first + CHUNK_SIZE, size.people + 1))
        people = Person.objects.bulk_create(
            [
                Person(
                    full_name=f"{PERSON_PREFIX}{number}",
                    email=f"person.{number}@{EMAIL_DOMAIN}",
                    preferred_language=languages[number % len(languages)],
                    **PROVENANCE,
                )
                for number in numbers
            ],
            batch_size=BATCH_SIZE,
        )
        affiliations = []
        for number, person in zip(numbers, people, strict=True):
            affiliations.append(
                Affiliation(
                    person_id=person.pk,
                    organisation_id=organisation_ids[number % len(organisation_ids)],
                    function=f"Synthetic function {number % 50}",
                    start=datetime.date(2015 + number % 10, 1, 1),
                )
            )
            if number % PAST_AFFILIATION_EVERY == 0:
                affiliations.append(
                    Affiliation(
                        person_id=person.pk,
                        organisation_id=organisation_ids[number * 7 % len(organisation_ids)],
                        function="Synthetic former function",
                        start=datetime.date(2005 + number % 5, 1, 1),
                        end=datetime.date(2014, 12, 31),
                    )
                )
        Affiliation.objects.bulk_create(affiliations, batch_size=BATCH_SIZE)
        counts["affiliations"] += len(affiliations)
        person_ids += [person.pk for person in people]
    counts["people"] = len(person_ids)
    return person_ids


def create_focal_points(
    size: Sizes, states: list[State], person_ids: list[int], counts: dict
) -> None:
    """Focal point terms spread over every state, one after the other from 2007; the last term
    of each state is still running."""
    per_state = math.ceil(size.focal_point_terms / len(states))
    first_day, last_day = datetime.date(2007, 1, 1), datetime.date(2025, 12, 31)
    length = (last_day - first_day) // per_state
    focal_points = []
    for index, person_id in enumerate(person_ids):
        state, turn = states[index % len(states)], index // len(states)
        start = first_day + turn * length
        is_last = index + len(states) >= len(person_ids)
        focal_points.append(
            FocalPoint(
                state_id=state.pk,
                person_id=person_id,
                title="Synthetic National Focal Point",
                start=start,
                end=None if is_last else start + length - datetime.timedelta(days=1),
                **PROVENANCE,
            )
        )
    FocalPoint.objects.bulk_create(focal_points, batch_size=BATCH_SIZE)
    counts["focal_points"] = len(focal_points)


# Governance --------------------------------------------------------------------------------


def create_with_history(model: type[models.Model], objects: list, counts: dict, name: str):
    """Governance rows keep their history like real ones (the governance pages read it)."""
    created = bulk_create_with_history(objects, model, batch_size=BATCH_SIZE)
    counts[name] = counts.get(name, 0) + len(created)
    return created


def chair_rotation(states: list[State], rng: random.Random) -> dict[str, Iterator[State]]:
    """Chairs alternate between developed and developing countries (003 L9547-L9548)."""
    rotation = {}
    for status in DevelopmentStatus.values:
        group = [state for state in states if state.development_status == status] or states
        rng.shuffle(group)
        rotation[status] = cycle(group)
    return rotation


def create_governance(
    size: Sizes, states: list[State], person_ids: list[int], rng: random.Random, counts: dict
) -> None:
    processes = create_with_history(
        Process,
        [
            Process(
                slug=f"{PROCESS_SLUG_PREFIX}{number}",
                kind=ProcessKind.RCP,
                name_en=f"Synthetic RCP {number}",
                **PROVENANCE,
            )
            for number in range(1, size.processes + 1)
        ],
        counts,
        "processes",
    )
    # (process, number in the process) of every edition, ten per process.
    plan = [
        (processes[index // EDITIONS_PER_PROCESS], index % EDITIONS_PER_PROCESS + 1)
        for index in range(size.editions)
    ]
    rotation = chair_rotation(states, rng)
    statuses = DevelopmentStatus.values
    chairs: list[list[State]] = []
    for index, (_process, number) in enumerate(plan):
        lead_status = statuses[index % 2]
        lead = next(rotation[lead_status])
        if number % CO_CHAIRED_EVERY == 0:
            chairs.append([lead, next(rotation[statuses[(index + 1) % 2]])])
        else:
            chairs.append([lead])

    chairmanships = create_with_history(
        Chairmanship,
        [
            Chairmanship(
                process=process,
                key=f"{process.slug}-{number}",
                name_en=f"Synthetic chairmanship {number} of {process.name_en}",
                **PROVENANCE,
            )
            for process, number in plan
        ],
        counts,
        "chairmanships",
    )
    editions = create_with_history(
        Edition,
        [
            Edition(
                process=process,
                number=number,
                year=FIRST_YEAR + number - 1,
                theme_en=f"Synthetic theme {number} of {process.name_en}",
                host_state=edition_chairs[0],
                host_city=f"Synthetic City {index + 1}",
                summit_start=datetime.date(FIRST_YEAR + number - 1, 11, 10),
                summit_end=datetime.date(FIRST_YEAR + number - 1, 11, 12),
                chairmanship=chairmanship,
                **PROVENANCE,
            )
            for index, ((process, number), edition_chairs, chairmanship) in enumerate(
                zip(plan, chairs, chairmanships, strict=True)
            )
        ],
        counts,
        "editions",
    )
    create_with_history(
        ChairTerm,
        [
            ChairTerm(
                chairmanship=chairmanship,
                state=state,
                start=datetime.date(edition.year, 1, 1),
                end=datetime.date(edition.year, 12, 31),
                is_lead=position == 0,
                **PROVENANCE,
            )
            for edition, chairmanship, edition_chairs in zip(
                editions, chairmanships, chairs, strict=True
            )
            for position, state in enumerate(edition_chairs)
        ],
        counts,
        "chair_terms",
    )
    create_with_history(
        ChairHolder,
        [
            ChairHolder(
                chairmanship=chairmanship,
                person_id=person_id,
                function=ChairFunction.CHAIR_IN_OFFICE,
                title="Synthetic Chair-in-Office",
                start=datetime.date(edition.year, 1, 1),
                end=datetime.date(edition.year, 12, 31),
                **PROVENANCE,
            )
            for edition, chairmanship, person_id in zip(
                editions, chairmanships, person_ids, strict=False
            )
        ],
        counts,
        "chair_holders",
    )
    create_with_history(
        ChairCandidacy, candidacies(editions, chairs, states, rng), counts, "candidacies"
    )
    create_with_history(
        TroikaExtension,
        [
            TroikaExtension(
                edition=edition,
                state=rng.choice([state for state in states if state not in edition_chairs]),
                start=datetime.date(edition.year, 1, 1),
                end=datetime.date(edition.year, 12, 31),
                left_reason=LeftReason.WITHDREW if edition.number % 3 == 0 else "",
                **PROVENANCE,
            )
            for edition, edition_chairs in zip(editions, chairs, strict=True)
        ],
        counts,
        "troika_extensions",
    )
    create_with_history(
        SteeringGroupMembership,
        [
            SteeringGroupMembership(
                process_id=edition.process_id,
                state=state,
                start=datetime.date(edition.year, 1, 1),
                end=datetime.date(edition.year, 12, 31),
                **PROVENANCE,
            )
            for edition in editions
            for state in sorted(rng.sample(states, STEERING_GROUP_SIZE), key=lambda s: s.iso3)
        ],
        counts,
        "steering_group_memberships",
    )
    create_with_history(BodyMeeting, body_meetings(editions), counts, "body_meetings")


def candidacies(editions, chairs, states, rng) -> list[ChairCandidacy]:
    """The lead chair of each edition was accepted as forthcoming chair before the previous
    Summit; every fourth edition also had a candidate who withdrew."""
    rows = []
    for edition, edition_chairs in zip(editions, chairs, strict=True):
        rows.append(
            ChairCandidacy(
                edition=edition,
                state=edition_chairs[0],
                communicated_on=datetime.date(edition.year - 1, 6, 1),
                troika_agreed=True,
                steering_group_agreed=True,
                accepted=True,
                accepted_on=datetime.date(edition.year - 1, 9, 15),
                **PROVENANCE,
            )
        )
        if edition.number % WITHDRAWN_CANDIDACY_EVERY == 0:
            rows.append(
                ChairCandidacy(
                    edition=edition,
                    state=rng.choice([state for state in states if state not in edition_chairs]),
                    communicated_on=datetime.date(edition.year - 1, 1, 15),
                    troika_agreed=True,
                    steering_group_agreed=True,
                    accepted=True,
                    accepted_on=datetime.date(edition.year - 1, 3, 1),
                    withdrawn_on=datetime.date(edition.year - 1, 7, 1),
                    **PROVENANCE,
                )
            )
    return rows


# (body, month, day) of the meetings of each edition's year: the Friends of the Forum meet
# twice between two Summits (003 L9594-L9596).
MEETINGS = [
    (Body.TROIKA, 1, 20),
    (Body.STEERING_GROUP, 2, 15),
    (Body.FRIENDS_OF_THE_FORUM, 3, 15),
    (Body.FRIENDS_OF_THE_FORUM, 6, 15),
    (Body.STEERING_GROUP, 9, 15),
]


def body_meetings(editions: list[Edition]) -> list[BodyMeeting]:
    numbers: dict[tuple[int, str], int] = {}
    rows = []
    for edition in editions:
        for body, month, day in MEETINGS:
            key = (edition.process_id, body)
            numbers[key] = numbers.get(key, 0) + 1
            rows.append(
                BodyMeeting(
                    process_id=edition.process_id,
                    edition=edition,
                    body=body,
                    number=numbers[key],
                    date=datetime.date(edition.year, month, day),
                    city=f"Synthetic City {numbers[key]}",
                    participants=40 + numbers[key] % 60,
                    summary_en="Synthetic meeting: no such meeting took place.",
                    **PROVENANCE,
                )
            )
    return rows


def refresh_planner_statistics() -> None:
    """After a bulk load the query planner's statistics are stale until the next automatic
    analysis; refresh them so that the first pages read are planned as they will be later."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
