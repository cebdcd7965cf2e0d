"""The outcomes pages: grouping, filters, the non-binding label, the report form, the staff
forms (bad input: a message and nothing saved), a state's follow-up and the way in."""

import datetime

import pytest
from django.urls import reverse

from gfmd.outcomes.models import FollowUp, Recommendation

pytestmark = pytest.mark.django_db

EDITION_2010 = reverse("outcomes:edition", args=["gfmd", 4])


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_edition_page_groups_by_roundtable_and_session_and_links_to_sessions(client):
    html = page(client, EDITION_2010)
    assert "45 recommendations." in html
    assert html.index('id="s-1.1"') < html.index('id="s-1.2"') < html.index('id="s-3.3"')
    assert reverse("preparation:session", args=["gfmd", 4, "2.1"]) in html
    assert "non-binding" in html and "003 L529-L531" in html
    assert 'class="oc-status in_progress"' in html  # the Dubai workshop report
    assert "Lead: United Arab Emirates" in html


def test_horizontal_issues_and_the_forum_as_a_whole_come_after_the_roundtables(client):
    html = page(client, reverse("outcomes:edition", args=["gfmd", 1]))
    assert "54 recommendations." in html
    assert "Recommendations of the roundtable as a whole" in html  # RT 2's general one
    assert html.index("Horizontal issue: Root causes of migration") > html.index('id="s-3.4"')
    assert html.index('id="forum"') > html.index("Horizontal issue: Gender")


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"status": "in_progress"}, 1),
        ({"lead": "ARE"}, 1),
        ({"status": "implemented"}, 0),
        ({"status": "nonsense"}, 45),  # an unknown value is ignored, not an error
    ],
)
def test_filters(client, params, shown):
    html = page(client, EDITION_2010, **params)
    rows = html.count('<li id="recommendation-')
    assert rows == shown


def test_filters_by_horizon_and_lead_in_2007(client):
    html = page(client, reverse("outcomes:edition", args=["gfmd", 1]), horizon="long")
    assert html.count('<li id="recommendation-') == 1
    assert "migrant resource centres" in html
    html = page(client, reverse("outcomes:edition", args=["gfmd", 1]), lead="BGD")
    assert html.count('<li id="recommendation-') == 2


def test_an_htmx_filter_gets_the_list_only(client):
    response = client.get(EDITION_2010, {"status": "in_progress"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div id="recommendations">')
    assert "<html" not in html and html.count('<li id="recommendation-') == 1


def test_the_edition_page_links_to_its_outcomes(client):
    html = page(client, reverse("governance:edition", args=["gfmd", 4]))
    assert EDITION_2010 in html


def test_the_recommendation_page_shows_the_timeline_history_and_provenance(
    client, recommendation_of
):
    recommendation = recommendation_of(2010, "2.1", 1)
    html = page(client, recommendation.get_absolute_url())
    assert "Session 2.1, no. 1" in html
    assert "UAE held a workshop in Dubai early 2011" in html
    assert "January 2011" in html  # the report's date, as precise as the source
    assert "002 L1286-L1287, L1453" in html
    assert "system (data load)" in html  # history
    assert 'name="progress"' not in html  # no report form for the public


def report_url(recommendation) -> str:
    edition = recommendation.edition
    return reverse(
        "outcomes:report", args=[edition.process.slug, edition.number, recommendation.pk]
    )


def good_report(**fields) -> dict:
    return {
        "reported_on": "2011-06-01",
        "status": "in_progress",
        "progress": "50",
        "text_en": "A second workshop was held in Abu Dhabi with recruitment agencies.",
        **fields,
    }


def test_a_lead_states_focal_point_sees_the_form_and_reports(
    client, recommendation_of, uae_focal_point
):
    recommendation = recommendation_of(2010, "2.1", 1)
    client.force_login(uae_focal_point)
    assert 'name="progress"' in page(client, recommendation.get_absolute_url())
    response = client.post(report_url(recommendation), good_report())
    assert response.status_code == 302
    report = FollowUp.objects.get(recommendation=recommendation, progress=50)
    assert report.reporting_state.iso3 == "ARE" and report.author == uae_focal_point
    html = page(client, recommendation.get_absolute_url())
    assert "A second workshop was held" in html and "50 %" in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"progress": "150"}, "from 0 to 100"),
        ({"status": "implemented", "progress": "80"}, "100"),
        ({"reported_on": "2010-10-01"}, "before the Summit"),
        ({"text_en": ""}, "This field is required."),
        ({"document": "/documents/gfmd/1999/report/nothing/"}, "No library document"),
    ],
)
def test_bad_reports_show_a_message_and_save_nothing(
    client, recommendation_of, uae_focal_point, fields, message
):
    recommendation = recommendation_of(2010, "2.1", 1)
    before = FollowUp.objects.count()
    client.force_login(uae_focal_point)
    response = client.post(report_url(recommendation), good_report(**fields))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert FollowUp.objects.count() == before


def test_a_report_naming_a_speaker_from_the_floor_waits_for_confirmation(
    client, recommendation_of, mexico_staff
):
    recommendation = recommendation_of(2010, "2.1", 1)
    client.force_login(mexico_staff)
    text = "At the follow-up meeting Ghana argued that fees should be banned."
    response = client.post(report_url(recommendation), good_report(text_en=text))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chatham House Rule" in html and "Ghana argued that fees" in html
    assert not FollowUp.objects.filter(text_en=text).exists()
    response = client.post(
        report_url(recommendation), good_report(text_en=text, confirm_names="on")
    )
    assert response.status_code == 302
    assert FollowUp.objects.filter(text_en=text).exists()


def test_others_may_not_report(client, recommendation_of, ghana_focal_point):
    recommendation = recommendation_of(2010, "2.1", 1)
    client.force_login(ghana_focal_point)
    assert client.post(report_url(recommendation), good_report()).status_code == 403
    client.logout()
    assert client.post(report_url(recommendation), good_report()).status_code == 302  # sign in
    assert not FollowUp.objects.filter(progress=50).exists()


ADD_2010 = reverse("outcomes:add", args=["gfmd", 4])


def test_staff_record_a_recommendation(client, mexico_staff, state):
    from gfmd.preparation.models import RoundtableSession

    session = RoundtableSession.objects.get(edition__year=2010, number="3.2")
    client.force_login(mexico_staff)
    assert page(client, ADD_2010)
    response = client.post(
        ADD_2010,
        {
            "session": session.pk,
            "text_en": "Map climate-induced displacement.",
            "lead_states": [state("BGD").pk],
            "level": "multilateral",
            "non_binding": "on",
            "source_document": "999",
        },
    )
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(text_en="Map climate-induced displacement.")
    assert (recommendation.number, recommendation.level) == (4, "multilateral")
    assert response["Location"] == recommendation.get_absolute_url()


def test_a_bad_recommendation_form_shows_why_and_saves_nothing(client, mexico_staff):
    from gfmd.preparation.models import RoundtableSession

    session = RoundtableSession.objects.get(edition__year=2010, number="3.2")
    client.force_login(mexico_staff)
    before = Recommendation.objects.count()
    response = client.post(
        ADD_2010,
        {"session": session.pk, "horizontal_issue_en": "Gender", "text_en": "Two origins."},
    )
    assert response.status_code == 400
    assert "comes from one place" in response.content.decode()
    response = client.post(ADD_2010, {"text_en": "Binding.", "source_note": "x"})
    assert response.status_code == 400
    assert "non-binding" in response.content.decode()  # unticked: refused for the GFMD
    assert Recommendation.objects.count() == before


def test_only_staff_open_the_staff_forms(client, uae_focal_point, recommendation_of):
    client.force_login(uae_focal_point)
    assert client.get(ADD_2010).status_code == 403
    recommendation = recommendation_of(2010, "2.1", 1)
    edit = reverse("outcomes:edit", args=["gfmd", 4, recommendation.pk])
    assert client.get(edit).status_code == 403


def test_staff_correct_a_recommendation_and_history_shows_it(
    client, mexico_staff, recommendation_of, state
):
    recommendation = recommendation_of(2010, "3.1", 2)
    edit = reverse("outcomes:edit", args=["gfmd", 4, recommendation.pk])
    client.force_login(mexico_staff)
    form_page = page(client, edit)
    assert "Establish a clearing house" in form_page
    response = client.post(
        edit,
        {
            "session": recommendation.session_id,
            "number": "2",
            "text_en": recommendation.text_en,
            "horizon": "medium",
            "lead_states": [state("CHE").pk],
            "non_binding": "on",
        },
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.horizon == "medium"
    html = page(client, recommendation.get_absolute_url())
    assert "staff-mexico@example.test" in html  # who changed it
    assert "lead governments: — → Switzerland" in html


def test_a_states_follow_up_page_lists_what_it_leads_and_what_awaits_a_report(client):
    html = page(client, reverse("outcomes:state", args=["BGD"]))
    assert html.count("Session 1.3, no.") >= 2
    assert "Awaiting a report" in html and "no report yet" in html
    html = page(client, reverse("outcomes:state", args=["are"]))  # case does not matter
    assert "Session 2.1, no. 1" in html
    assert client.get(reverse("outcomes:state", args=["XXX"])).status_code == 404


def test_a_recent_report_takes_a_recommendation_off_the_awaiting_list(
    client, recommendation_of, belgium_staff
):
    from gfmd.outcomes.domain.follow_up import report_follow_up

    recommendation = recommendation_of(2007, "1.3", 1)
    report_follow_up(
        recommendation,
        user=belgium_staff,
        reported_on=datetime.date.today(),
        status="in_progress",
        progress=30,
        text_en="Study under way.",
    )
    html = page(client, reverse("outcomes:state", args=["BGD"]))
    awaiting = html[html.index("Awaiting a report") : html.index("Led by this government")]
    assert "Session 1.3, no. 1" not in awaiting and "Session 1.3, no. 2" in awaiting


def test_a_focal_point_is_taken_to_their_states_follow_up(client, uae_focal_point):
    client.force_login(uae_focal_point)
    response = client.get(reverse("outcomes:mine"))
    assert response.status_code == 302
    assert response["Location"] == reverse("outcomes:state", args=["ARE"])
    assert "Follow-up of my state" in page(client, EDITION_2010)


def test_pages_are_translated(client):
    html = page(client, reverse("outcomes:edition", args=["gfmd", 4]).replace("/en/", "/fr/"))
    assert 'lang="fr"' in html


def test_a_saved_recommendation_naming_a_speaker_is_saved_with_a_warning(client, mexico_staff):
    client.force_login(mexico_staff)
    text = "Mexico stated that data on climate migration should be shared."
    response = client.post(ADD_2010, {"text_en": text, "non_binding": "on"}, follow=True)
    assert response.status_code == 200
    assert Recommendation.objects.filter(text_en=text).exists()
    assert "Chatham House Rule" in response.content.decode()
