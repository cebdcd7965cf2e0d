"""Issue 4, "Done when": Ghana volunteers for 2010 session 1.1, the Support Unit accepts, the
Team Matrix and its XLSX export show Ghana; a focal point answers a survey once; the 2018
roundtables show their guiding questions; publishing without a rapporteur is refused."""

import io

from openpyxl import load_workbook
from playwright.sync_api import expect

from gfmd.directory.models import State
from gfmd.governance.models import Edition
from gfmd.preparation.domain.surveys import create_survey
from gfmd.preparation.models import RoundtableSession, SessionRole
from tests.helpers import focal_point_user, support_unit_user


def sign_in(page, email):
    page.context.clear_cookies()
    page.goto("/en/accounts/sign-in/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".who")).to_have_text(email)


def test_preparing_a_forum(page):
    ghana = State.objects.get(iso3="GHA")
    focal_point_user(ghana, email="fp.ghana@example.test")
    support_unit_user("gfmd-2010-mexico", email="staff.mexico@example.test")
    support_unit_user("gfmd-2019-ecuador", email="staff.ecuador@example.test")
    survey = create_survey(
        edition=Edition.objects.get(process__slug="gfmd", number=12),
        kind="thematic",
        title_en="Priorities for 2019",
        questions=[{"kind": "ranking", "text_en": "Rank the themes", "choices": ["A", "B"]}],
        user=None,
    )

    # A focal point of Ghana volunteers for 2010 session 1.1.
    sign_in(page, "fp.ghana@example.test")
    page.goto("/en/editions/gfmd/4/sessions/1.1/")
    page.locator("form.volunteer select[name=state]").select_option(label="Ghana")
    page.locator("form.volunteer select[name=seat]").select_option("member")
    page.get_by_role("button", name="Volunteer").click()
    expect(page.locator(".messages")).to_contain_text("Ghana volunteered for session 1.1")

    # ... answers the survey once, and cannot answer twice.
    page.goto(f"/en/surveys/{survey.pk}/")
    page.locator("select[name=state]").select_option(label="Ghana")
    page.locator("form.survey select").nth(1).select_option(label="B")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator(".messages")).to_contain_text("the answer of Ghana is recorded")
    page.locator("select[name=state]").select_option(label="Ghana")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator(".errorlist")).to_contain_text("already answered")

    # Support Unit staff accept; the matrix shows Ghana; the XLSX export contains it.
    sign_in(page, "staff.mexico@example.test")
    page.goto("/en/editions/gfmd/4/sessions/1.1/")
    page.locator("tr[data-member=GHA]").get_by_role("button", name="Accept").click()
    expect(page.locator("tr[data-member=GHA]")).to_contain_text("accepted")
    page.goto("/en/editions/gfmd/4/team-matrix/")
    expect(page.locator("#matrix-1\\.1")).to_contain_text("Ghana")
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX").click()
    with open(download.value.path(), "rb") as handle:
        sheet = load_workbook(io.BytesIO(handle.read())).active
    assert "Ghana" in sheet["D2"].value

    # The 2018 roundtables show their guiding questions.
    page.goto("/en/editions/gfmd/11/roundtables/")
    expect(page.locator("#session-3\\.2 .guiding-questions li")).to_have_count(7)
    expect(
        page.get_by_text("How should we define resilience in a migration context?")
    ).to_be_visible()

    # Publishing a session without a rapporteur is refused, naming the missing role.
    session = RoundtableSession.objects.get(edition__number=12, number="3.2")
    for kind in ("chair", "speaker", "discussant"):
        SessionRole.objects.create(session=session, kind=kind, name=f"Named {kind}")
    sign_in(page, "staff.ecuador@example.test")
    page.goto("/en/editions/gfmd/12/sessions/3.2/")
    page.get_by_role("button", name="Publish the session").click()
    expect(page.locator(".messages")).to_contain_text("it has no rapporteur yet")
