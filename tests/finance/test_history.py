"""Every change to the budget, contributions, expenditures and carry-over keeps its history
(who, when, before → after), publication included."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from gfmd.finance.domain.budgets import present_budget, publish_budget, update_line
from gfmd.finance.domain.carry_over import record_carry_over
from gfmd.finance.domain.contributions import publish_contributions, record_contribution
from gfmd.finance.domain.queries import funding_history
from gfmd.finance.domain.spending import record_expenditure, update_expenditure

pytestmark = pytest.mark.django_db


def test_each_record_keeps_its_changes(draft_2011, chairmanship):
    line = draft_2011.lines.get(concept="Fees")
    update_line(line, amount=Decimal("1200"))
    assert [h.amount for h in line.history.order_by("history_date")] == [
        Decimal("1000.00"),
        Decimal("1200.00"),
    ]
    expenditure = record_expenditure(
        line, amount=Decimal("5"), currency="EUR", date=datetime.date(2011, 3, 1), description="A"
    )
    update_expenditure(expenditure, amount=Decimal("6"))
    assert expenditure.history.count() == 2
    carry_over = record_carry_over(
        chairmanship("gfmd-2010-mexico"),
        chairmanship("gfmd-2011-switzerland"),
        amount=Decimal("10"),
        currency="EUR",
        date=datetime.date(2011, 1, 1),
    )
    assert carry_over.history.get().history_type == "+"


def test_publication_is_recorded_with_its_reason(draft_2011):
    present_budget(draft_2011)
    publish_budget(draft_2011)
    contribution = record_contribution(
        draft_2011.edition,
        contributor_kind="other",
        contributor_name="Synthetic donor",
        kind="financial",
        amount=Decimal("1"),
        currency="EUR",
    )
    publish_contributions(draft_2011.edition)
    entries = funding_history(draft_2011.edition)
    reasons = [e.reason for e in entries]
    assert "Summary published." in reasons and "Published." in reasons
    assert "Presented to the Steering Group." in reasons
    published = next(e for e in entries if e.reason == "Published.")
    assert published.subject.endswith("Synthetic donor")
    assert contribution.history.latest().published_at is not None


def test_the_history_names_who_changed_what(client, draft_2011, switzerland_staff):
    client.force_login(switzerland_staff)
    line = draft_2011.lines.get(concept="Venue")
    edit = reverse("finance:edit_line", args=["gfmd", 5, line.pk])
    client.post(edit, {"category": "Logistics", "concept": "Venue", "amount": "2500"})
    page = client.get(reverse("finance:funding", args=["gfmd", 5]))
    entry = next(e for e in page.context["page"].history if e.kind == "~")
    # Named as a person, never by the e-mail address (common/history.public_name).
    assert entry.who in {switzerland_staff.display_name, switzerland_staff.person.full_name} - {""}
    assert switzerland_staff.email not in entry.who
    assert ("amount", "2000.00", "2500.00") in entry.changes
