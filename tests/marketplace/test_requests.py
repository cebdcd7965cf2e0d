"""A request's life: every transition, its history, and the rules that refuse."""

import datetime

import pytest
from django.utils import timezone

from gfmd.common.errors import DomainError
from gfmd.marketplace.domain import requests
from gfmd.marketplace.domain.tags import (
    check_themes,
    gcm_objectives_by_number,
    sdg_targets_by_code,
)
from gfmd.marketplace.enums import RequestStatus
from gfmd.marketplace.models import Notice, ServiceRequest
from tests.marketplace.helpers import make_request

pytestmark = pytest.mark.django_db


def test_a_focal_point_drafts_and_submits_and_staff_are_told(people):
    request = make_request(people, publish=False)
    assert request.status == RequestStatus.DRAFT
    assert request.reference.startswith(f"R-{people.marketplace.edition.year}-")
    requests.submit_request(request, people.owner)
    assert request.status == RequestStatus.SUBMITTED and request.submitted_at
    assert Notice.objects.filter(user=people.staff, text__contains=request.reference).exists()


def test_every_transition_in_order_keeps_history(people):
    request = make_request(people, publish=False)
    requests.submit_request(request, people.owner)
    requests.publish_request(request, people.staff)
    assert request.validated_by == people.staff
    requests.mark_matched(request, people.owner)
    requests.start_implementation(request, people.owner)
    requests.complete_request(request, people.owner)
    statuses = list(
        ServiceRequest.history.filter(id=request.pk)
        .order_by("history_date", "history_id")
        .values_list("status", flat=True)
    )
    assert statuses == [
        "draft",
        "submitted",
        "published",
        "matched",
        "in_implementation",
        "completed",
    ]
    reasons = ServiceRequest.history.filter(id=request.pk).values_list(
        "history_change_reason", flat=True
    )
    assert "validated and published" in reasons


def test_staff_return_a_request_with_a_note_and_the_owner_is_told(people):
    request = make_request(people, publish=False)
    requests.submit_request(request, people.owner)
    with pytest.raises(DomainError, match="Say what the owner should change"):
        requests.return_to_owner(request, people.staff, "")
    requests.return_to_owner(request, people.staff, "Add a budget.")
    assert request.status == RequestStatus.DRAFT
    assert Notice.objects.filter(user=people.owner, text__contains="Add a budget.").exists()


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("draft", requests.publish_request),
        ("draft", requests.mark_matched),
        ("published", requests.complete_request),
        ("completed", requests.withdraw_request),
        ("withdrawn", requests.submit_request),
    ],
)
def test_transitions_out_of_order_are_refused(people, status, action):
    request = make_request(people, publish=False)
    ServiceRequest.objects.filter(pk=request.pk).update(status=status)
    request.refresh_from_db()
    with pytest.raises(DomainError, match="cannot become"):
        action(request, people.staff)
    request.refresh_from_db()
    assert request.status == status


def test_withdraw_from_any_open_status(people):
    request = make_request(people)
    requests.withdraw_request(request, people.owner)
    assert request.status == RequestStatus.WITHDRAWN


def test_a_closed_marketplace_takes_requests_from_staff_only(people):
    marketplace = people.marketplace
    marketplace.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    marketplace.save()
    with pytest.raises(DomainError, match="not open for new requests"):
        make_request(people, publish=False)
    by_email = requests.create_request(
        marketplace,
        owner_state=people.ghana,
        owner_person=None,
        created_by=people.staff,
        by_staff=True,
        received_by_email=True,
        title_en="Received by e-mail",
        description_en="Entered by the team.",
        service_types=["advice"],
    )
    assert by_email.received_by_email


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ({"title_en": ""}, "title_en"),
        ({"description_en": "  "}, "description_en"),
        ({"service_types": []}, "service_types"),
        ({"service_types": ["cash"]}, "service_types"),
        ({"gcm_objectives": ["24"]}, "gcm_objectives"),
        ({"sdg_targets": ["10.99"]}, "sdg_targets"),
    ],
)
def test_bad_content_names_the_field_and_saves_nothing(people, content, field):
    before = ServiceRequest.objects.count()
    with pytest.raises(DomainError) as error:
        make_request(people, publish=False, **content)
    assert error.value.field == field
    assert ServiceRequest.objects.count() == before


def test_tags_are_looked_up_in_the_reference_tables():
    assert [o.number for o in gcm_objectives_by_number(["23", 5, "5"])] == [5, 23]
    targets = sdg_targets_by_code(["10.7", " 8.8 ", "10.7", "10.A"])
    assert [t.code for t in targets] == ["10.7", "8.8", "10.a"]
    assert check_themes(["labour  mobility", "", "labour mobility"]) == ["labour mobility"]
    for bad in (["0"], ["24"], ["eleven"]):
        with pytest.raises(DomainError, match="is not a GCM objective") as error:
            gcm_objectives_by_number(bad)
        assert error.value.field == "gcm_objectives"
    with pytest.raises(DomainError, match="“10.99” is not an SDG target"):
        sdg_targets_by_code(["10.99"])
    with pytest.raises(DomainError):
        check_themes(["x" * 81])
