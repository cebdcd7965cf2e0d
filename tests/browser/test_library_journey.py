"""Issue 3, "Done when": Support Unit staff upload a team-only draft of a background paper,
publish a final version in English and French, rename it; the old address still works; an
anonymous visitor finds it by a French word and does not find the draft."""

from playwright.sync_api import expect

from gfmd.governance.models import Edition
from tests.helpers import support_unit_user
from tests.library.files import pdf_bytes


def pdf(name, text):
    return {"name": name, "mimeType": "application/pdf", "buffer": pdf_bytes(text)}


def sign_in(page, email):
    page.goto("/en/accounts/sign-in/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".who")).to_have_text(email)


def test_background_paper_from_team_draft_to_public_final(page, browser, live_server):
    support_unit_user("gfmd-2019-ecuador", email="staff@example.test")
    quito = Edition.objects.get(process__slug="gfmd", number=12)
    sign_in(page, "staff@example.test")

    page.goto("/documents/gfmd/new/")
    page.locator("select[name=edition]").select_option(str(quito.pk))
    page.locator("select[name=type]").select_option("background-paper")
    page.locator("input[name=title_en]").fill("Rural migration background paper")
    page.locator("select[name=status]").select_option("draft")
    page.locator("input[name=team_states]").fill("GHA")
    page.locator("input[name=file_en]").set_input_files(
        pdf("draft.pdf", "Brouillon about pangolins")
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rural migration background paper")
    old_address = page.url
    expect(page.locator("td[data-status]").first).to_have_text("indexed")

    page.get_by_role("link", name="Add a version").click()
    page.locator("select[name=status]").select_option("final")
    page.locator("input[name=file_en]").set_input_files(
        pdf("final-en.pdf", "Migrant workers and rural areas")
    )
    page.locator("input[name=file_fr]").set_input_files(
        pdf("final-fr.pdf", "Les travailleurs migrants ruraux")
    )
    page.get_by_role("button", name="Save").click()
    expect(page.locator("table").first).to_contain_text("fr")

    page.locator("input[name=slug]").fill("rural-migration")
    page.locator("form[action$='rename/'] button").click()
    expect(page).to_have_url(
        live_server.url + "/documents/gfmd/2019/background-paper/rural-migration/"
    )

    visitor = browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    visitor.goto(old_address)
    expect(visitor).to_have_url(
        live_server.url + "/documents/gfmd/2019/background-paper/rural-migration/"
    )
    visitor.goto("/documents/?q=travailleur")
    expect(visitor.locator("ol.results")).to_contain_text("Rural migration background paper")
    visitor.goto("/documents/?q=brouillon")
    expect(visitor.locator("ol.results")).not_to_contain_text("Rural migration")
    assert visitor.goto(old_address + "v1/").status == 404
