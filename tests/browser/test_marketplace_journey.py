"""The Marketplace journey of issue 5 in a real browser: a focal point posts a request, staff
publish it, an IOM visitor offers, writes and asks for a meeting, the owner accepts, staff
schedule all, both see the meeting in their agenda and fill the Outcome Form; removing the slot
that holds the meeting is refused with a message naming it; anonymous visitors are sent to
sign in."""

import re

from playwright.sync_api import expect

from gfmd.marketplace.models import MarketplaceMeeting, OutcomeForm, ServiceRequest
from tests.marketplace.helpers import People, open_marketplace, programme

PASSWORD = "correct horse battery"


def signed_in(browser, live_server, email):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto("/en/accounts/sign-in/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".who")).to_have_text(email)
    return page


def test_request_offer_meeting_schedule_agenda_and_outcome(page, browser, live_server):
    # Only past slots: the meeting has taken place by the time the Outcome Form is filled.
    marketplace = open_marketplace(slots_past=2, slots_future=0, tables=1)
    people = People(marketplace)
    programme(marketplace)
    number = marketplace.edition.number
    home = f"/en/marketplace/gfmd/{number}/"

    # Anonymous: the sign-in page, for the Marketplace and for its grid.
    for address in (home, f"{home}grid/", f"{home}requests/"):
        page.goto(address)
        expect(page).to_have_url(re.compile(r"/accounts/sign-in/"))

    owner = signed_in(browser, live_server, people.owner.email)
    owner.get_by_role("link", name="Marketplace", exact=True).first.click()
    owner.get_by_role("link", name=re.compile(str(marketplace.edition.year))).click()
    owner.get_by_role("link", name="Post a request").click()
    owner.get_by_label("Title (English)").fill("Training of immigration officers")
    owner.get_by_label("Description (English)").fill("Border officers, two weeks, in Accra.")
    owner.get_by_label("training", exact=True).check()
    owner.get_by_label("SDG targets").select_option("10.7")
    owner.get_by_label("1.1 — Skills partnerships").check()
    owner.get_by_role("button", name="Save the request").click()
    expect(owner.get_by_test_id("request-status")).to_have_text("submitted for validation")
    expect(owner.get_by_test_id("request-tags")).to_contain_text("SDG 10.7")
    owner.get_by_test_id("related-sessions").get_by_role("link", name=re.compile("^1.1")).click()
    expect(owner.get_by_role("heading", level=1)).to_contain_text("Skills partnerships")
    owner.go_back()
    request = ServiceRequest.objects.get(marketplace=marketplace)
    request_url = f"{home}requests/{request.pk}/"

    staff = signed_in(browser, live_server, people.staff.email)
    staff.goto(request_url)
    staff.get_by_role("button", name="Validate and publish").click()
    expect(staff.get_by_test_id("request-status")).to_have_text("published")

    iom = signed_in(browser, live_server, people.iom.email)
    iom.goto(request_url)
    iom.get_by_label("What you can bring").fill("Two trainers and the curriculum.")
    iom.get_by_role("button", name="Send the offer").click()
    expect(iom.locator("#offers").locator("xpath=following-sibling::table[1]")).to_contain_text(
        "International Organization for Migration"
    )
    iom.get_by_label("Your message").fill("Could we meet in Brussels?")
    iom.get_by_role("button", name="Send the message").click()
    expect(iom.locator(".mp-thread")).to_contain_text("Could we meet in Brussels?")
    iom.get_by_role("button", name="Ask for a meeting").click()
    expect(iom.locator(".messages")).to_contain_text("waits for an answer")

    owner.goto(request_url)
    expect(owner.locator(".mp-thread")).to_contain_text("Could we meet in Brussels?")
    owner.get_by_role("button", name="Accept the meeting").click()
    expect(owner.locator(".messages")).to_contain_text("agreed")
    meeting = MarketplaceMeeting.objects.get(request=request)

    staff.goto(f"{home}grid/")
    staff.get_by_role("button", name="Schedule all").click()
    report = staff.get_by_test_id("schedule-report")
    expect(report).to_contain_text("Proven upper bound")
    expect(staff.locator(".mp-grid")).to_contain_text(meeting.reference)
    meeting.refresh_from_db()
    assert meeting.slot is not None

    for party in (owner, iom):
        party.goto(f"{home}agenda/")
        expect(party.get_by_test_id("agenda")).to_contain_text(meeting.reference)
        expect(party.get_by_test_id("agenda")).to_contain_text(str(meeting.slot))

    outcome = {
        "Outcome of the meeting": "Curriculum agreed; trainers identified.",
        "Proposed follow-up": "IOM sends a project outline in September.",
        "Issues to be resolved": "Funding of the travel costs.",
    }
    for party, button in (
        (owner, "Save and confirm as the owner"),
        (iom, "Save and confirm as the provider"),
    ):
        party.goto(f"{home}meetings/{meeting.pk}/")
        for label, text in outcome.items():
            party.get_by_label(label).fill(text)
        party.get_by_role("button", name=button).click()
    expect(iom.locator(".messages")).to_contain_text("confirmed by both sides")
    assert OutcomeForm.objects.get(meeting=meeting).confirmed_by_both
    iom.get_by_label("What happened").select_option("held")
    iom.get_by_role("button", name="Record").click()
    expect(iom.get_by_test_id("meeting-status")).to_have_text("held")

    staff.goto(f"{home}grid/")
    staff.get_by_role("button", name=f"Remove slot {meeting.slot}").click()
    expect(staff.get_by_role("alert")).to_contain_text(meeting.reference)
    expect(staff.get_by_role("alert")).to_contain_text("Move or cancel them first")
    for other in (owner, staff, iom):
        other.context.close()
