import re

from playwright.sync_api import expect

from gfmd.directory.models import State
from tests.helpers import focal_point_user


def test_focal_point_reads_the_2010_edition_in_french(page):
    focal_point_user(State.objects.get(iso3="GHA"), email="fp.ghana@example.test")
    page.goto("/en/accounts/sign-in/")
    page.get_by_label("E-mail").fill("fp.ghana@example.test")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".who")).to_have_text("fp.ghana@example.test")

    page.get_by_role("button", name="français").click()
    expect(page).to_have_url(re.compile(r"/fr/$"))
    page.get_by_role("link", name="Éditions").first.click()
    page.get_by_role("link", name="4", exact=True).click()

    expect(page.get_by_test_id("chairs")).to_contain_text("Mexique")
    troika = page.locator(".troika").first
    expect(troika.locator("li").nth(0)).to_contain_text("Grèce")
    expect(troika.locator("li").nth(1)).to_contain_text("Mexique")
    expect(troika.locator("li").nth(2)).to_contain_text("Suisse")

    # Before October 2010 the forthcoming chair was Spain (002 L257-L261).
    page.locator("input[name=as_of]").fill("2010-09-30")
    page.get_by_role("button", name=re.compile("Afficher")).click()
    expect(page.locator(".troika").first.locator("li").nth(2)).to_contain_text("Espagne")


def test_bad_sign_in_shows_a_message(page):
    page.goto("/fr/accounts/sign-in/")
    page.locator("#id_username").fill("nobody@example.test")
    page.locator("#id_password").fill("wrong")
    page.locator("form.stacked button[type=submit]").click()
    expect(page.get_by_role("alert")).to_be_visible()
