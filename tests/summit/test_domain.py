"""The rules of registration: who may take part, dates, the seat cap, one head, one
registration per person and Summit, rooms, confirmation and withdrawal."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.models.query import QuerySet
from django.utils import timezone

from gfmd.common.errors import DomainError
from gfmd.directory.models import Person
from gfmd.summit.domain.delegates import add_delegate, remove_delegate, room_of
from gfmd.summit.domain.delegations import (
    confirm_delegation,
    register_delegation,
    withdraw_delegation,
)
from gfmd.summit.domain.registration import (
    check_registration_open,
    configure_registration,
    registration_of,
    registration_window,
)
from gfmd.summit.models import Delegate, Delegation

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def member(delegation, n: int, role: str = "delegate", **extra):
    return add_delegate(
        delegation,
        full_name=f"Synthetic Delegate {n}",
        email=f"delegate{n}@example.test",
        role=role,
        **extra,
    )


def test_a_focal_point_registers_a_submitted_delegation(mexico_2010, state, mexico_focal_point):
    delegation = register_delegation(mexico_2010, state=state("MEX"), user=mexico_focal_point)
    assert (delegation.status, delegation.kind) == ("submitted", "government")
    assert delegation.registered_by == mexico_focal_point


def test_a_state_registers_once_per_edition(mexico_2010, state):
    register_delegation(mexico_2010, state=state("MEX"))
    with pytest.raises(DomainError, match="Mexico's delegation to this Summit is already") as error:
        register_delegation(mexico_2010, state=state("MEX"))
    assert error.value.field == "state"
    assert Delegation.objects.filter(edition=mexico_2010, state__iso3="MEX").count() == 1


def test_the_database_refuses_a_second_delegation_of_a_state(mexico_2010, state):
    Delegation.objects.create(edition=mexico_2010, state=state("MEX"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.create(edition=mexico_2010, state=state("MEX"))


def test_the_database_refuses_a_delegation_of_nobody_or_of_both(
    mexico_2010, state, observer_organisation
):
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.create(edition=mexico_2010)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.create(
            edition=mexico_2010, state=state("MEX"), organisation=observer_organisation
        )


def test_a_state_that_is_not_a_un_member_or_observer_is_refused(mexico_2010, state):
    territory = state("MEX")
    territory.un_status = ""  # as a territory the directory does not know as a state would be
    with pytest.raises(DomainError, match="not a UN Member or Observer State") as error:
        register_delegation(mexico_2010, state=territory)
    assert error.value.field == "state"
    assert not Delegation.objects.filter(edition=mexico_2010).exists()


def test_an_organisation_needs_an_observer_invitation(
    mexico_2010, observer_organisation, uninvited_organisation
):
    with pytest.raises(DomainError, match="not invited as an observer") as error:
        register_delegation(mexico_2010, organisation=uninvited_organisation)
    assert error.value.field == "organisation"
    delegation = register_delegation(mexico_2010, organisation=observer_organisation)
    assert delegation.kind == "observer"


def test_registration_closed_refuses_a_focal_point_and_names_the_dates(
    mexico_2010, state, mexico_focal_point
):
    configure_registration(
        mexico_2010,
        opens_on=datetime.date(2010, 6, 1),
        closes_on=datetime.date(2010, 10, 15),
        seats_per_government=3,
        seats_per_observer=2,
    )
    with pytest.raises(DomainError, match="closed on Oct. 15, 2010") as error:
        register_delegation(mexico_2010, state=state("MEX"), user=mexico_focal_point)
    assert "June 1, 2010" in error.value.message
    assert not Delegation.objects.filter(edition=mexico_2010).exists()
    # Staff still register, late registrations included.
    delegation = register_delegation(mexico_2010, state=state("MEX"), by_staff=True)
    member(delegation, 1, by_staff=True)
    with pytest.raises(DomainError, match="closed on Oct. 15, 2010"):
        member(delegation, 2)


def test_registration_not_yet_open_names_the_opening_day(mexico_2010, state):
    opens = TODAY + datetime.timedelta(days=10)
    configure_registration(
        mexico_2010,
        opens_on=opens,
        closes_on=None,
        seats_per_government=3,
        seats_per_observer=2,
    )
    with pytest.raises(DomainError, match="opens on"):
        register_delegation(mexico_2010, state=state("MEX"))


def test_without_registration_set_up_nobody_registers(edition, state):
    forum = edition(2019)
    assert registration_of(forum) is None
    with pytest.raises(DomainError, match="not open yet"):
        register_delegation(forum, state=state("ECU"))
    with pytest.raises(DomainError, match="Set up the registration"):
        register_delegation(forum, state=state("ECU"), by_staff=True)


def test_without_a_closing_date_registration_closes_with_the_summit(edition):
    forum = edition(2010)  # Summit 8-11 November 2010
    registration = configure_registration(
        forum, opens_on=None, closes_on=None, seats_per_government=3, seats_per_observer=2
    )
    window = registration_window(forum, registration)
    assert window.closes == datetime.date(2010, 11, 11) and window.closes_with_summit
    assert window.is_open_on(datetime.date(2010, 11, 11))
    assert not window.is_open_on(datetime.date(2010, 11, 12))
    with pytest.raises(DomainError, match="closed on Nov. 11, 2010"):
        check_registration_open(forum, registration, by_staff=False, day=datetime.date(2011, 1, 1))


def test_the_cap_refuses_a_fourth_government_delegate_and_saves_nothing(mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    member(delegation, 1, role="head")
    member(delegation, 2)
    member(delegation, 3)
    people = Person.objects.count()
    with pytest.raises(DomainError) as error:
        member(delegation, 4)
    assert error.value.message == (
        "Mexico's delegation already has 3 delegates, the most a government may register for "
        "this Summit (Synthetic decision for the tests)."
    )
    assert delegation.delegates.count() == 3
    assert Person.objects.count() == people  # the new person was not kept either


def test_an_observer_has_two_seats(mexico_2010, observer_organisation):
    delegation = register_delegation(mexico_2010, organisation=observer_organisation)
    member(delegation, 1, role="head")
    member(delegation, 2)
    with pytest.raises(DomainError, match="the most an observer may register"):
        member(delegation, 3)


def test_the_cap_follows_the_edition_settings(mexico_2010, state):
    configure_registration(
        mexico_2010, opens_on=None, closes_on=None, seats_per_government=1, seats_per_observer=1
    )
    delegation = register_delegation(mexico_2010, state=state("MEX"), by_staff=True)
    member(delegation, 1, role="head", by_staff=True)
    with pytest.raises(DomainError, match="already has 1 delegate, the most a government"):
        member(delegation, 2, by_staff=True)


def test_the_cap_is_checked_with_the_delegation_locked(mexico_2010, state, monkeypatch):
    """Two members added at once cannot both pass the cap: the delegation row is locked
    (select_for_update) before the members are counted, in one transaction."""
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    locked = []
    original = QuerySet.select_for_update

    def spy(queryset, *args, **kwargs):
        locked.append((queryset.model, transaction.get_connection().in_atomic_block))
        return original(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", spy)
    member(delegation, 1)
    assert locked[0] == (Delegation, True)


def test_lowering_a_cap_below_a_delegation_is_refused_naming_it(mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    member(delegation, 1, role="head")
    member(delegation, 2)
    with pytest.raises(DomainError, match="Mexico's delegation already has 2 members") as error:
        configure_registration(
            mexico_2010,
            opens_on=None,
            closes_on=None,
            seats_per_government=1,
            seats_per_observer=2,
        )
    assert error.value.field == "seats_per_government"
    assert registration_of(mexico_2010).seats_per_government == 3


def test_registration_dates_in_order(mexico_2010):
    with pytest.raises(DomainError, match="cannot close") as error:
        configure_registration(
            mexico_2010,
            opens_on=datetime.date(2010, 9, 1),
            closes_on=datetime.date(2010, 8, 1),
            seats_per_government=3,
            seats_per_observer=2,
        )
    assert error.value.field == "closes_on"


def test_a_second_head_of_delegation_is_refused(mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    member(delegation, 1, role="head")
    with pytest.raises(DomainError, match="already has a head of delegation, Synthetic Delegate 1"):
        member(delegation, 2, role="head")
    assert delegation.delegates.count() == 1


def test_the_database_refuses_a_second_head(mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    head = member(delegation, 1, role="head")
    other = Person.objects.create(full_name="Synthetic Other")
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegate.objects.create(
            delegation=delegation, edition=mexico_2010, person=other, role="head"
        )
    assert head.role == "head"


def test_a_person_registers_once_per_summit_and_the_message_names_the_delegation(
    mexico_2010, state
):
    mexico = register_delegation(mexico_2010, state=state("MEX"))
    ghana = register_delegation(mexico_2010, state=state("GHA"))
    member(mexico, 1)
    with pytest.raises(DomainError, match="already registered in the delegation of Mexico") as e:
        add_delegate(
            ghana, full_name="Another spelling", email="DELEGATE1@example.test", role="delegate"
        )
    assert e.value.field == "email"
    assert not ghana.delegates.exists()
    with pytest.raises(DomainError, match="already a member of this delegation"):
        member(mexico, 1)


def test_the_database_refuses_a_person_in_two_delegations_of_a_summit(mexico_2010, state):
    mexico = register_delegation(mexico_2010, state=state("MEX"))
    ghana = register_delegation(mexico_2010, state=state("GHA"))
    delegate = member(mexico, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegate.objects.create(
            delegation=ghana, edition=mexico_2010, person=delegate.person, role="delegate"
        )


def test_the_same_person_may_come_to_another_summit(mexico_2010, edition, state):
    mexico = register_delegation(mexico_2010, state=state("MEX"))
    first = member(mexico, 1)
    forum = edition(2019)
    configure_registration(
        forum, opens_on=None, closes_on=None, seats_per_government=3, seats_per_observer=2
    )
    again = member(register_delegation(forum, state=state("MEX"), by_staff=True), 1, by_staff=True)
    assert again.person == first.person


def test_an_existing_person_is_found_by_e_mail(mexico_2010, state):
    known = Person.objects.create(full_name="Synthetic Known Person", email="known@example.test")
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    delegate = add_delegate(
        delegation, full_name="S. K. Person", email=" Known@Example.test ", role="delegate"
    )
    assert delegate.person == known


def test_rooms_follow_the_role():
    assert room_of("head") == "main"
    assert room_of("executive") == "main"
    assert room_of("delegate") == "listening"


def test_confirmation_needs_a_head_of_delegation(mexico_2010, state, mexico_staff):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    member(delegation, 1)
    with pytest.raises(DomainError, match="no head of delegation yet"):
        confirm_delegation(delegation, user=mexico_staff)
    member(delegation, 2, role="head")
    assert confirm_delegation(delegation, user=mexico_staff).status == "confirmed"


def test_a_change_by_the_delegation_after_confirmation_goes_back_to_the_support_unit(
    mexico_2010, state
):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    member(delegation, 1, role="head")
    confirm_delegation(delegation)
    member(delegation, 2, by_staff=True)
    delegation.refresh_from_db()
    assert delegation.status == "confirmed"  # staff changes keep the confirmation
    added = member(delegation, 3)
    delegation.refresh_from_db()
    assert delegation.status == "submitted"
    confirm_delegation(delegation)
    remove_delegate(added)
    delegation.refresh_from_db()
    assert delegation.status == "submitted"


def test_a_withdrawn_delegation_takes_no_member_and_may_register_again(mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    member(delegation, 1, role="head")
    withdraw_delegation(delegation, reason="Not coming")
    with pytest.raises(DomainError, match="withdrawn"):
        member(delegation, 2)
    with pytest.raises(DomainError, match="withdrawn; register it again"):
        confirm_delegation(delegation)
    with pytest.raises(DomainError, match="already withdrawn"):
        withdraw_delegation(delegation)
    again = register_delegation(mexico_2010, state=state("MEX"))
    assert again.pk == delegation.pk and again.status == "submitted"


def test_an_observer_whose_invitation_is_withdrawn_adds_no_member(
    mexico_2010, observer_organisation
):
    from gfmd.governance.models import EditionObserver

    delegation = register_delegation(mexico_2010, organisation=observer_organisation)
    EditionObserver.objects.filter(edition=mexico_2010).delete()
    with pytest.raises(DomainError, match="not invited as an observer"):
        member(delegation, 1)


def test_removing_a_member_is_refused_to_a_delegation_after_closing(mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    delegate = member(delegation, 1)
    configure_registration(
        mexico_2010,
        opens_on=datetime.date(2010, 6, 1),
        closes_on=datetime.date(2010, 10, 15),
        seats_per_government=3,
        seats_per_observer=2,
    )
    with pytest.raises(DomainError, match="closed"):
        remove_delegate(delegate)
    assert delegation.delegates.count() == 1
    remove_delegate(delegate, by_staff=True)
    assert not delegation.delegates.exists()


def test_an_unknown_role_is_refused(mexico_2010, state):
    delegation = register_delegation(mexico_2010, state=state("MEX"))
    with pytest.raises(DomainError) as error:
        member(delegation, 1, role="minister")
    assert error.value.field == "role"
