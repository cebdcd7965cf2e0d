"""The funding page shows what the reader may see; the Support Unit's forms refuse bad input
with the message and save nothing."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from gfmd.finance.domain.budgets import add_line, create_budget, present_budget
from gfmd.finance.domain.contributions import record_contribution
from gfmd.finance.models import Budget, BudgetLine, CarryOver, Contribution, Expenditure

pytestmark = pytest.mark.django_db


def url(edition, name="funding", *args, language="en"):
    from django.utils import translation

    with translation.override(language):
        return reverse(f"finance:{name}", args=[edition.process.slug, edition.number, *args])


@pytest.fixture
def unpublished_2010(mexico_2010, state):
    """A synthetic pledge of Norway to 2010 that the Support Unit has not published."""
    return record_contribution(
        mexico_2010,
        contributor_kind="state",
        state=state("NOR"),
        contributor_name="Synthetic Norwegian pledge",
        kind="financial",
        amount=Decimal("7777.77"),
        currency="EUR",
    )


def test_the_edition_page_links_to_its_funding(client, mexico_2010):
    page = client.get(reverse("governance:edition", args=["gfmd", 4]))
    assert url(mexico_2010).encode() in page.content


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_public_sees_the_published_2010_budget_and_contributions(client, mexico_2010, language):
    page = client.get(url(mexico_2010, language=language))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Preliminary Draft Budget" in text
    assert "Financial assistance for participants from Least Developed Countries" in text
    assert "Argentina" in text and "UNICEF" in text
    assert page.context["page"].spending is None
    assert page.context["page"].history == []


def test_the_public_does_not_see_what_is_not_published(client, unpublished_2010, mexico_2010):
    text = client.get(url(mexico_2010)).content.decode()
    assert "Synthetic Norwegian pledge" not in text
    assert "Spending against the budget" not in text
    assert 'id="history-title"' not in text


def test_a_focal_point_sees_their_states_unpublished_contribution(
    client, unpublished_2010, mexico_2010, norway_focal_point, steering_group_member
):
    client.force_login(norway_focal_point)
    assert "Synthetic Norwegian pledge" in client.get(url(mexico_2010)).content.decode()
    client.force_login(steering_group_member)
    assert "Synthetic Norwegian pledge" not in client.get(url(mexico_2010)).content.decode()


def test_a_draft_budget_is_for_the_books_only(
    client, switzerland_2011, switzerland_staff, steering_group_member
):
    budget = create_budget(switzerland_2011, currency="CHF", title="Synthetic draft")
    add_line(budget, category="Taskforce", concept="Synthetic fees", amount=Decimal("10"))
    assert "Synthetic draft" not in client.get(url(switzerland_2011)).content.decode()
    client.force_login(steering_group_member)
    assert "Synthetic draft" not in client.get(url(switzerland_2011)).content.decode()
    present_budget(budget)
    text = client.get(url(switzerland_2011)).content.decode()
    assert "Synthetic draft" in text and "Synthetic fees" in text  # lines for the group
    client.logout()
    text = client.get(url(switzerland_2011)).content.decode()
    assert "Synthetic draft" not in text and "No budget of this edition is published" in text
    client.force_login(switzerland_staff)
    text = client.get(url(switzerland_2011)).content.decode()
    assert "Synthetic fees" in text and "Start a new budget version" in text


def test_staff_see_unpublished_records_spending_and_history(
    client, unpublished_2010, mexico_2010, mexico_staff
):
    client.force_login(mexico_staff)
    page = client.get(url(mexico_2010))
    text = page.content.decode()
    assert "Synthetic Norwegian pledge" in text and "not published" in text
    assert "Spending against the budget" in text
    assert "Publish 1 contribution" in text
    assert any("Synthetic Norwegian pledge" in e.subject for e in page.context["page"].history)


def test_a_published_summary_shows_categories_but_not_lines(client, switzerland_2011):
    from gfmd.finance.domain.budgets import publish_budget

    budget = create_budget(switzerland_2011, currency="CHF")
    add_line(budget, category="Synthetic category", concept="Hidden line", amount=Decimal("10"))
    present_budget(budget)
    publish_budget(budget)
    text = client.get(url(switzerland_2011)).content.decode()
    assert "Synthetic category" in text and "Hidden line" not in text


def test_the_budget_versions_switch_in_place_with_htmx(client, switzerland_2011, superuser):
    first = create_budget(switzerland_2011, currency="CHF", title="First synthetic")
    present_budget(first)
    create_budget(switzerland_2011, currency="CHF", title="Second synthetic")
    client.force_login(superuser)
    page = client.get(url(switzerland_2011) + "?version=2", HTTP_HX_REQUEST="true")
    assert page.status_code == 200
    assert page.context["page"].budget.title == "Second synthetic"
    assert b'hx-get="?version=1"' in page.content


# ---------------------------------------------------------------- the Support Unit's forms


def test_forms_are_for_those_who_keep_the_books(
    client, mexico_2010, norway_focal_point, ecuador_staff
):
    form = url(mexico_2010, "add_contribution")
    assert client.get(form).status_code == 302  # to sign in
    client.force_login(norway_focal_point)
    assert client.get(form).status_code == 403
    client.force_login(ecuador_staff)  # reads the archives, does not keep these books
    assert client.get(form).status_code == 403
    assert client.post(url(mexico_2010, "publish_contributions")).status_code == 403


def test_adding_a_line_with_a_negative_amount_shows_the_message_and_saves_nothing(
    client, draft_2011, switzerland_staff
):
    client.force_login(switzerland_staff)
    response = client.post(
        url(draft_2011.edition, "add_line", draft_2011.version),
        {"category": "Taskforce", "concept": "Refund", "amount": "-5"},
    )
    assert response.status_code == 400
    assert "An amount cannot be negative" in response.content.decode()
    assert not BudgetLine.objects.filter(concept="Refund").exists()
    response = client.post(
        url(draft_2011.edition, "add_line", draft_2011.version),
        {"category": "Taskforce", "concept": "Advisers", "amount": "250"},
    )
    assert response.status_code == 302
    assert BudgetLine.objects.get(concept="Advisers").amount == Decimal("250.00")


def test_a_contribution_in_an_unknown_currency_shows_the_message_and_saves_nothing(
    client, draft_2011, switzerland_staff
):
    client.force_login(switzerland_staff)
    data = {
        "contributor_kind": "other",
        "contributor_name": "Synthetic Foundation",
        "kind": "financial",
        "amount": "1000",
        "currency": "EURO",
        "status": "pledged",
        "earmarked": "on",
    }
    response = client.post(url(draft_2011.edition, "add_contribution"), data)
    assert response.status_code == 400
    assert "Unknown currency code" in response.content.decode()
    assert not Contribution.objects.filter(contributor_name="Synthetic Foundation").exists()
    response = client.post(url(draft_2011.edition, "add_contribution"), {**data, "currency": "eur"})
    assert response.status_code == 302
    saved = Contribution.objects.get(contributor_name="Synthetic Foundation")
    assert (saved.currency, saved.published_at) == ("EUR", None)


def test_an_expenditure_in_another_currency_without_a_rate_is_refused(
    client, draft_2011, switzerland_staff
):
    client.force_login(switzerland_staff)
    fees = draft_2011.lines.get(concept="Fees")
    data = {
        "budget_line": fees.pk,
        "amount": "100",
        "currency": "USD",
        "date": "2011-03-01",
        "description": "Taxi",
    }
    response = client.post(url(draft_2011.edition, "add_expenditure"), data)
    assert response.status_code == 400
    assert "give the exchange rate used" in response.content.decode()
    assert not Expenditure.objects.exists()
    response = client.post(
        url(draft_2011.edition, "add_expenditure"), {**data, "exchange_rate": "1.25"}
    )
    assert response.status_code == 302
    assert Expenditure.objects.get().converted_amount == Decimal("80.00")


def test_a_bad_budget_form_shows_the_message(client, switzerland_2011, switzerland_staff):
    client.force_login(switzerland_staff)
    response = client.post(
        url(switzerland_2011, "add_budget"),
        {"currency": "EUR", "contingency_percent": "150"},
    )
    assert response.status_code == 400
    assert "percentage from 0 to 100" in response.content.decode()
    assert not Budget.objects.filter(edition=switzerland_2011).exists()


def test_a_carry_over_to_the_wrong_chairmanship_is_refused(
    client, mexico_2010, mexico_staff, chairmanship
):
    client.force_login(mexico_staff)
    data = {
        "from_chairmanship": chairmanship("gfmd-2010-mexico").pk,
        "to_chairmanship": chairmanship("gfmd-2019-ecuador").pk,
        "amount": "5000",
        "currency": "EUR",
        "date": "2011-01-15",
    }
    response = client.post(url(mexico_2010, "add_carry_over"), data)
    assert response.status_code == 400
    assert "followed by Switzerland chairmanship 2011" in response.content.decode()
    assert not CarryOver.objects.exists()
    data["to_chairmanship"] = chairmanship("gfmd-2011-switzerland").pk
    assert client.post(url(mexico_2010, "add_carry_over"), data).status_code == 302
    text = client.get(url(mexico_2010)).content.decode()
    assert "Transferred to Switzerland chairmanship 2011" in text


def test_a_carry_over_between_others_is_refused(client, mexico_2010, superuser, chairmanship):
    """Superusers may; a staff member of neither side may not, even from their own page."""
    from tests.helpers import support_unit_user

    greece_staff = support_unit_user("gfmd-2009-greece", email="staff-greece@example.test")
    client.force_login(greece_staff)
    response = client.post(
        url(mexico_2010.__class__.objects.get(process__slug="gfmd", number=3), "add_carry_over"),
        {
            "from_chairmanship": chairmanship("gfmd-2010-mexico").pk,
            "to_chairmanship": chairmanship("gfmd-2011-switzerland").pk,
            "amount": "1",
            "currency": "EUR",
            "date": "2011-01-15",
        },
    )
    assert response.status_code == 400
    assert "neither chairmanship" in response.content.decode()
    assert not CarryOver.objects.exists()


def test_budget_actions_present_and_publish(client, draft_2011, switzerland_staff):
    client.force_login(switzerland_staff)
    action = url(draft_2011.edition, "budget_action", draft_2011.version)
    response = client.post(action, {"action": "publish"}, follow=True)
    assert "present it to the Steering Group or adopt it" in response.content.decode()
    assert Budget.objects.get(pk=draft_2011.pk).published_at is None
    client.post(action, {"action": "present", "day": "2011-02-01"})
    client.post(action, {"action": "publish_lines"})
    budget = Budget.objects.get(pk=draft_2011.pk)
    assert budget.status == "presented" and budget.presented_on == datetime.date(2011, 2, 1)
    assert budget.published_at is not None and budget.lines_published
    client.post(action, {"action": "revise"})
    assert Budget.objects.filter(edition=draft_2011.edition, version=2, status="draft").exists()


def test_publishing_the_contributions(client, draft_2011, switzerland_staff, state):
    record_contribution(
        draft_2011.edition,
        contributor_kind="state",
        state=state("FRA"),
        contributor_name="Synthetic French pledge",
        kind="financial",
        amount=Decimal("5"),
        currency="EUR",
    )
    client.force_login(switzerland_staff)
    response = client.post(url(draft_2011.edition, "publish_contributions"), follow=True)
    assert "1 contribution is published." in response.content.decode()
    client.logout()
    assert "Synthetic French pledge" in client.get(url(draft_2011.edition)).content.decode()


def test_editing_a_contribution_keeps_its_history(
    client, unpublished_2010, mexico_2010, mexico_staff
):
    client.force_login(mexico_staff)
    edit = url(mexico_2010, "edit_contribution", unpublished_2010.pk)
    form = client.get(edit)
    assert form.status_code == 200
    data = {
        "contributor_kind": "state",
        "state": unpublished_2010.state_id,
        "contributor_name": "Synthetic Norwegian pledge",
        "kind": "financial",
        "amount": "-1",
        "currency": "EUR",
        "status": "pledged",
    }
    response = client.post(edit, data)
    assert response.status_code == 400
    assert Contribution.objects.get(pk=unpublished_2010.pk).amount == Decimal("7777.77")
    assert client.post(edit, {**data, "amount": "8000"}).status_code == 302
    page = client.get(edit)
    assert "7,777.77" in page.content.decode() or "7777.77" in page.content.decode()


# ---------------------------------------------------------------- carry-over is in the accounts


@pytest.fixture
def carry_over_2010(chairmanship):
    from gfmd.finance.domain.carry_over import record_carry_over

    return record_carry_over(
        chairmanship("gfmd-2010-mexico"),
        chairmanship("gfmd-2011-switzerland"),
        amount=Decimal("4321.09"),
        currency="EUR",
        date=datetime.date(2011, 1, 15),
        note="Synthetic left-over funds",
    )


def test_the_public_focal_points_and_steering_group_do_not_see_carry_overs(
    client,
    carry_over_2010,
    mexico_2010,
    switzerland_2011,
    norway_focal_point,
    steering_group_member,
):
    for user in (None, norway_focal_point, steering_group_member):
        if user is not None:
            client.force_login(user)
        for edition in (mexico_2010, switzerland_2011):
            page = client.get(url(edition))
            text = page.content.decode()
            assert page.status_code == 200
            assert "Synthetic left-over funds" not in text and "4,321.09" not in text
            assert 'id="carry-over"' not in text
            assert page.context["page"].carry_overs_out == []
            assert page.context["page"].carry_overs_in == []


def test_staff_of_either_side_see_the_carry_over(
    client, carry_over_2010, mexico_2010, switzerland_2011, mexico_staff, switzerland_staff
):
    client.force_login(mexico_staff)
    text = client.get(url(mexico_2010)).content.decode()
    assert "Transferred to Switzerland chairmanship 2011" in text
    assert "Synthetic left-over funds" in text
    client.force_login(switzerland_staff)
    text = client.get(url(switzerland_2011)).content.decode()
    assert "Received from Mexico chairmanship 2010" in text
    # The receiving side reads this carry-over on the giver's page, not the giver's books.
    page = client.get(url(mexico_2010))
    assert page.context["page"].carry_overs_out == [carry_over_2010]
    assert "Spending against the budget" not in page.content.decode()


def test_staff_after_the_handover_still_see_the_carry_over(
    client, carry_over_2010, mexico_2010, mexico_staff, chairmanship
):
    from gfmd.governance.domain.handover import record_handover

    record_handover(
        chairmanship("gfmd-2010-mexico"),
        chairmanship("gfmd-2011-switzerland"),
        datetime.date(2010, 12, 1),
    )
    client.force_login(mexico_staff)
    text = client.get(url(mexico_2010)).content.decode()
    assert "Synthetic left-over funds" in text
    assert "Record a carry-over" not in text  # read only after the handover


# ---------------------------------------------------------------- malformed addresses and input


@pytest.mark.parametrize("version", ["²", "٣", "0", "-1", "abc", "99999999999999999999"])
def test_a_malformed_version_is_a_400_with_the_message(client, mexico_2010, version):
    page = client.get(url(mexico_2010), {"version": version})
    assert page.status_code == 400
    text = page.content.decode()
    assert "A budget version is a whole number from 1 to 32767" in text
    assert "Preliminary Draft Budget" in text  # the budget in force, still shown
    export = client.get(url(mexico_2010, "budget_export", "csv"), {"version": version})
    assert export.status_code == 404


def test_an_existing_version_is_still_read(client, mexico_2010):
    assert client.get(url(mexico_2010), {"version": "1"}).status_code == 200


@pytest.mark.parametrize(
    ("order", "message"),
    [
        (str(10**20), "less than or equal to 2147483647"),
        ("2147483648", "less than or equal to 2147483647"),
        ("-1", "greater than or equal to 0"),
        ("²", "Enter a whole number"),
    ],
)
def test_a_line_order_beyond_the_column_shows_the_message_and_saves_nothing(
    client, draft_2011, switzerland_staff, order, message
):
    client.force_login(switzerland_staff)
    response = client.post(
        url(draft_2011.edition, "add_line", draft_2011.version),
        {"category": "Taskforce", "concept": "Synthetic order", "amount": "1", "order": order},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BudgetLine.objects.filter(concept="Synthetic order").exists()
    fees = draft_2011.lines.get(concept="Fees")
    response = client.post(
        url(draft_2011.edition, "edit_line", fees.pk),
        {"category": "Taskforce", "concept": "Fees", "amount": "1000", "order": order},
    )
    assert response.status_code == 400
    assert BudgetLine.objects.get(pk=fees.pk).order == fees.order


def test_a_conversion_too_large_for_the_books_shows_the_message(
    client, draft_2011, switzerland_staff
):
    client.force_login(switzerland_staff)
    response = client.post(
        url(draft_2011.edition, "add_contribution"),
        {
            "contributor_kind": "other",
            "contributor_name": "Synthetic overflow",
            "kind": "financial",
            "amount": "99999999999999.99",
            "currency": "USD",
            "exchange_rate": "0.000001",
            "status": "pledged",
        },
    )
    assert response.status_code == 400
    assert "which the books cannot hold" in response.content.decode()
    assert not Contribution.objects.filter(contributor_name="Synthetic overflow").exists()


def test_two_new_versions_at_once_answer_400_not_500(
    client, draft_2011, switzerland_staff, monkeypatch
):
    """The second of two concurrent "new version" requests finds its number taken."""
    from gfmd.finance.domain.budgets import adopt_budget

    adopt_budget(draft_2011)
    monkeypatch.setattr("gfmd.finance.domain.budgets.next_version", lambda edition: 1)
    client.force_login(switzerland_staff)
    response = client.post(
        url(draft_2011.edition, "add_budget"), {"currency": "EUR", "contingency_percent": "0"}
    )
    assert response.status_code == 400
    assert "at the same moment" in response.content.decode()
    assert Budget.objects.filter(edition=draft_2011.edition).count() == 1
