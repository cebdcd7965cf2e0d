"""The outcomes in the admin: staff see their editions' records, changes pass the page's
checks, follow-up reports are read only."""

import pytest

from gfmd.outcomes.models import Recommendation
from gfmd.preparation.models import RoundtableSession

pytestmark = pytest.mark.django_db


def test_staff_see_the_recommendations_of_their_edition_only(
    client, mexico_staff, recommendation_of
):
    client.force_login(mexico_staff)
    for model in ("recommendation", "followup"):
        assert client.get(f"/admin/outcomes/{model}/").status_code == 200, model
    mine, other = recommendation_of(2010, "2.1", 1), recommendation_of(2007, "1.1", 1)
    for url in (
        f"/admin/outcomes/recommendation/{mine.pk}/change/",
        f"/admin/outcomes/recommendation/{mine.pk}/history/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get(f"/admin/outcomes/recommendation/{other.pk}/change/").status_code in (
        302,
        403,
        404,
    )
    assert client.get("/admin/outcomes/followup/add/").status_code == 403


def test_a_change_in_the_admin_passes_the_same_checks(client, mexico_staff, recommendation_of):
    recommendation = recommendation_of(2010, "2.1", 2)
    client.force_login(mexico_staff)
    other_session = RoundtableSession.objects.get(edition__year=2007, number="1.1")
    response = client.post(
        f"/admin/outcomes/recommendation/{recommendation.pk}/change/",
        {
            "edition": recommendation.edition_id,
            "session": other_session.pk,
            "number": 2,
            "text_en": recommendation.text_en,
            "non_binding": "on",
            "follow_ups-TOTAL_FORMS": "0",
            "follow_ups-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200  # the form again, with the message
    assert "another edition" in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.session.edition.year == 2010


def test_others_are_kept_out_of_the_admin(client, uae_focal_point):
    client.force_login(uae_focal_point)
    response = client.get("/admin/outcomes/recommendation/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Recommendation.objects.exists()


def test_a_past_version_is_shown_and_never_saved_back(client, mexico_staff, recommendation_of):
    """django-simple-history would write a past version's values to the record after checking
    only the view permission; the platform's HistoryAdmin refuses (directory/admin.py)."""
    from gfmd.outcomes.models import FollowUp

    report = FollowUp.objects.get(recommendation=recommendation_of(2010, "2.1", 1))
    version = report.history.order_by("-history_id").first()
    client.force_login(mexico_staff)
    address = f"/admin/outcomes/followup/{report.pk}/history/{version.history_id}/"
    assert client.get(address).status_code == 200  # staff read their edition's reports
    before = report.history.count()
    response = client.post(address, {"text_en": "Rewritten through the history form."})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.history.count() == before and "Rewritten" not in report.text_en
