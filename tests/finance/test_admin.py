"""Funding in the admin: staff see the books they read and change those they keep, with the
domain's checks; versions, status and publication are read only there."""

import datetime
from decimal import Decimal

import pytest
from django.utils.html import escape

from gfmd.finance.domain.budgets import present_budget
from gfmd.finance.domain.carry_over import record_carry_over
from gfmd.finance.domain.contributions import record_contribution
from gfmd.finance.models import Budget, Contribution
from tests.helpers import support_unit_user

pytestmark = pytest.mark.django_db

MODELS = ["budget", "budgetline", "contribution", "expenditure", "carryover"]


@pytest.fixture
def pledge_2011(draft_2011, state):
    return record_contribution(
        draft_2011.edition,
        contributor_kind="state",
        state=state("NOR"),
        contributor_name="Synthetic admin pledge",
        kind="financial",
        amount=Decimal("10"),
        currency="EUR",
    )


def contribution_form(contribution, **changes):
    data = {
        "edition": contribution.edition_id,
        "contributor_kind": contribution.contributor_kind,
        "state": contribution.state_id,
        "organisation": "",
        "contributor_name": contribution.contributor_name,
        "kind": contribution.kind,
        "amount": str(contribution.amount),
        "currency": contribution.currency,
        "exchange_rate": "",
        "rate_note": "",
        "in_kind_types": "[]",
        "description": "",
        "purpose": "",
        "earmarked": "on",
        "status": contribution.status,
        "pledged_on": "",
        "received_on": "",
    }
    data.update(changes)
    return data


def test_every_changelist_loads_for_staff(client, pledge_2011, switzerland_staff):
    client.force_login(switzerland_staff)
    for model in MODELS:
        assert client.get(f"/admin/finance/{model}/").status_code == 200, model
    listing = client.get("/admin/finance/contribution/").content.decode()
    assert "Synthetic admin pledge" in listing
    assert "Argentina" not in listing  # 2010's books are not Switzerland's
    url = f"/admin/finance/contribution/{pledge_2011.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.get(url.replace("change/", "history/")).status_code == 200


def test_the_admin_checks_a_contribution_and_saves_nothing_bad(
    client, pledge_2011, switzerland_staff
):
    client.force_login(switzerland_staff)
    url = f"/admin/finance/contribution/{pledge_2011.pk}/change/"
    response = client.post(url, contribution_form(pledge_2011, currency="XYZ"))
    assert response.status_code == 200
    assert "Unknown currency code" in response.content.decode()
    assert Contribution.objects.get(pk=pledge_2011.pk).currency == "EUR"
    response = client.post(
        url, contribution_form(pledge_2011, currency="USD", exchange_rate="1.25", amount="50")
    )
    assert response.status_code == 302
    saved = Contribution.objects.get(pk=pledge_2011.pk)
    assert (saved.currency, saved.converted_amount) == ("USD", Decimal("40.00"))


def test_a_presented_budget_keeps_its_figures_in_the_admin(client, draft_2011, switzerland_staff):
    present_budget(draft_2011)
    client.force_login(switzerland_staff)
    url = f"/admin/finance/budget/{draft_2011.pk}/change/"
    response = client.post(
        url,
        {
            "title": "",
            "exchange_rate_note": "",
            "note": "",
            "currency": "EUR",
            "contingency_percent": "10",
            "stated_total": "",
            "own_resources": "",
            "external_funding": "",
        },
    )
    assert response.status_code == 200
    assert "keeps its figures" in response.content.decode()
    assert Budget.objects.get(pk=draft_2011.pk).contingency_percent == Decimal("5.00")


def test_readers_see_but_do_not_change(client, pledge_2011, ecuador_staff, norway_focal_point):
    client.force_login(ecuador_staff)  # the chairmanship in office reads the archives
    url = f"/admin/finance/contribution/{pledge_2011.pk}/change/"
    assert "Synthetic admin pledge" in client.get("/admin/finance/contribution/").content.decode()
    response = client.post(url, contribution_form(pledge_2011, amount="99"))
    assert response.status_code == 403
    assert Contribution.objects.get(pk=pledge_2011.pk).amount == Decimal("10.00")
    client.force_login(norway_focal_point)
    response = client.get("/admin/finance/contribution/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# ------------------------------------------------ history pages keep the same scope


@pytest.fixture
def mauritius_staff(db):
    """Staff of a chairmanship that neither gave, received nor is in office (6th GFMD)."""
    return support_unit_user("gfmd-2012-mauritius", email="staff-mauritius@example.test")


@pytest.fixture
def carry_over_2010(chairmanship):
    return record_carry_over(
        chairmanship("gfmd-2010-mexico"),
        chairmanship("gfmd-2011-switzerland"),
        amount=Decimal("1234.56"),
        currency="EUR",
        date=datetime.date(2011, 1, 15),
        note="Synthetic carry-over",
    )


def history_urls(record) -> list[str]:
    model = record._meta.model_name
    version = record.history.latest().history_id
    return [
        f"/admin/finance/{model}/{record.pk}/history/",
        f"/admin/finance/{model}/{record.pk}/history/{version}/",
    ]


def test_history_pages_are_refused_outside_the_books_one_reads(
    client, mexico_2010, carry_over_2010, switzerland_staff, mauritius_staff, mexico_staff
):
    """Argentina's 2010 contribution, the 2010 budget and a 2010 carry-over: Switzerland's
    staff do not read Mexico's books, Mauritius's staff neither side of the carry-over."""
    argentina = Contribution.objects.get(edition=mexico_2010, state__iso3="ARG")
    budget = Budget.objects.filter(edition=mexico_2010).first()
    cases = [
        (argentina, switzerland_staff),
        (budget, switzerland_staff),
        (carry_over_2010, mauritius_staff),
    ]
    for record, outsider in cases:
        text = escape(str(record))
        for url in history_urls(record):
            client.force_login(outsider)
            response = client.get(url)
            assert response.status_code in (403, 404), url
            assert text not in response.content.decode(), url
            client.force_login(mexico_staff)
            response = client.get(url)
            assert response.status_code == 200, url
            assert text in response.content.decode(), url


def test_the_receiving_side_reads_the_history_of_its_carry_over(
    client, carry_over_2010, switzerland_staff
):
    client.force_login(switzerland_staff)
    for url in history_urls(carry_over_2010):
        assert client.get(url).status_code == 200, url


def test_a_history_page_never_saves_a_past_version(
    client, pledge_2011, ecuador_staff, switzerland_staff, mauritius_staff
):
    """django-simple-history saved a valid POST after checking only the view permission: a
    reader of the archives (or anyone, before the scope) could rewrite the books from there."""
    version = pledge_2011.history.latest().history_id
    url = f"/admin/finance/contribution/{pledge_2011.pk}/history/{version}/"
    data = contribution_form(pledge_2011, amount="99")
    client.force_login(ecuador_staff)  # reads the archives, does not keep them
    assert client.get(url).status_code == 200
    for user in (ecuador_staff, mauritius_staff, switzerland_staff):
        client.force_login(user)
        assert client.post(url, data).status_code == 403
    assert Contribution.objects.get(pk=pledge_2011.pk).amount == Decimal("10.00")


@pytest.mark.parametrize("tail", ["abc/history/", "²/history/", "1/history/²/", "x/history/1/"])
def test_a_malformed_history_address_is_a_404(client, superuser, tail):
    client.force_login(superuser)
    assert client.get(f"/admin/finance/contribution/{tail}").status_code == 404
