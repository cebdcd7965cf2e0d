"""Builders of Marketplace test data: an open Marketplace for a future edition, its people and
a request at any point of its life."""

import datetime
import itertools

from django.utils import timezone

from gfmd.directory.models import Organisation, State
from gfmd.governance.models import Chairmanship, Edition, Process
from gfmd.marketplace.domain import exchanges, meetings, requests
from gfmd.marketplace.enums import Side
from gfmd.marketplace.models import Marketplace, Slot, Table, Visitor
from tests.factories import PersonFactory, UserFactory
from tests.helpers import focal_point_user, support_unit_user

_numbers = itertools.count(40)


def open_marketplace(*, slots_past: int = 2, slots_future: int = 2, tables: int = 2):
    """A Marketplace open today for a new GFMD edition chaired by the 2019 chairmanship, with
    past slots (meetings there can be closed) and future ones."""
    number = next(_numbers)
    edition = Edition.objects.create(
        process=Process.objects.get(slug="gfmd"),
        number=number,
        year=2030 + number,
        chairmanship=Chairmanship.objects.get(key="gfmd-2019-ecuador"),
    )
    today = timezone.localdate()
    marketplace = Marketplace.objects.create(
        edition=edition,
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=30),
        contact_email="team@example.test",
    )
    base = timezone.now().replace(minute=0, second=0, microsecond=0)
    for index in range(slots_past):
        start = base - datetime.timedelta(days=1) + datetime.timedelta(hours=index)
        Slot.objects.create(
            marketplace=marketplace, starts_at=start, ends_at=start + datetime.timedelta(hours=1)
        )
    for index in range(slots_future):
        start = base + datetime.timedelta(days=1) + datetime.timedelta(hours=index)
        Slot.objects.create(
            marketplace=marketplace, starts_at=start, ends_at=start + datetime.timedelta(hours=1)
        )
    for index in range(tables):
        Table.objects.create(marketplace=marketplace, name=f"Table {index + 1}")
    return marketplace


class People:
    """The cast of a Marketplace: staff, an owner focal point (Ghana), an IOM visitor, an ILO
    visitor, a donor focal point (Belgium) and an outsider."""

    def __init__(self, marketplace, prefix: str = ""):
        self.marketplace = marketplace
        self.staff = support_unit_user("gfmd-2019-ecuador", email=f"{prefix}staff@example.test")
        self.owner = focal_point_user(
            State.objects.get(iso3="GHA"), email=f"{prefix}fp.gha@example.test"
        )
        self.donor = focal_point_user(
            State.objects.get(iso3="BEL"), email=f"{prefix}fp.bel@example.test"
        )
        self.iom = self.visitor(
            Organisation.objects.get(acronym="IOM"), f"{prefix}iom@example.test"
        )
        self.ilo = self.visitor(
            Organisation.objects.get(acronym="ILO"), f"{prefix}ilo@example.test"
        )
        self.outsider = UserFactory(email=f"{prefix}outsider@example.test")
        self.ghana = State.objects.get(iso3="GHA")
        self.iom_organisation = Organisation.objects.get(acronym="IOM")
        self.ilo_organisation = Organisation.objects.get(acronym="ILO")

    def visitor(self, organisation, email):
        user = UserFactory(email=email)
        PersonFactory(user=user)
        Visitor.objects.create(marketplace=self.marketplace, user=user, organisation=organisation)
        return user


def make_request(people: People, *, publish: bool = True, **content):
    data = {
        "title_en": "Training of immigration officers",
        "description_en": "A training programme for border officers.",
        "service_types": ["training"],
        **content,
    }
    request = requests.create_request(
        people.marketplace,
        owner_state=people.ghana,
        owner_person=people.owner.person,
        created_by=people.owner,
        by_staff=False,
        submit=publish,
        **data,
    )
    if publish:
        requests.publish_request(request, people.staff)
    return request


def iom_offer(people: People, request, **extra):
    return exchanges.make_offer(
        request,
        user=people.iom,
        organisation=people.iom_organisation,
        contribution=extra.pop("contribution", "Two trainers for a week."),
        **extra,
    )


def accepted_meeting(people: People, request=None, provider="iom"):
    """A published request, an offer by the provider, a meeting it asked for, accepted."""
    request = request or make_request(people)
    organisation = getattr(people, f"{provider}_organisation")
    user = getattr(people, provider)
    exchanges.make_offer(request, user=user, organisation=organisation, contribution="Help.")
    meeting_request = meetings.ask_for_meeting(
        request, user=user, side=Side.PROVIDER, organisation=organisation
    )
    return meetings.accept_meeting_request(meeting_request, people.owner)


def programme(marketplace, *, drafts=("1.3",)):
    """Themes 1 and 2 of the Marketplace's edition, roundtable 1 with sessions 1.1 and 1.2
    (published) and the draft ``drafts``: what preparation records before the Forum."""
    from gfmd.preparation.enums import SessionStatus
    from gfmd.preparation.models import Roundtable, RoundtableSession, Theme

    edition = marketplace.edition
    theme = Theme.objects.create(edition=edition, number=1, title_en="Labour mobility")
    Theme.objects.create(edition=edition, number=2, title_en="Diaspora and remittances")
    roundtable = Roundtable.objects.create(
        edition=edition, theme=theme, number="1", title_en="Skills and mobility"
    )
    sessions = {}
    for number, title in (("1.1", "Skills partnerships"), ("1.2", "Fair recruitment")):
        sessions[number] = RoundtableSession.objects.create(
            edition=edition,
            roundtable=roundtable,
            number=number,
            title_en=title,
            title_fr=f"{title} (fr)",
            status=SessionStatus.PUBLISHED,
        )
    for number in drafts:
        sessions[number] = RoundtableSession.objects.create(
            edition=edition, roundtable=roundtable, number=number, title_en="Draft session"
        )
    return sessions
