import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.helpers import support_unit_user

pytestmark = pytest.mark.django_db
URL = "/en/accounts/sign-in/"


def sign_in(client, email, password, **extra):
    return client.post(URL, {"username": email, "password": password, **extra})


def test_sign_in_by_email_and_password(client):
    UserFactory(email="someone@example.test")
    response = sign_in(client, "Someone@Example.test", "correct horse battery")
    assert response.status_code == 302
    assert client.get("/en/").context["user"].is_authenticated


def test_wrong_password_gets_a_clear_message(client):
    UserFactory(email="someone@example.test")
    response = sign_in(client, "someone@example.test", "wrong")
    assert response.status_code == 400
    assert "The e-mail address or the password is not right" in response.content.decode()
    assert not client.get("/en/").context["user"].is_authenticated


def test_repeated_failures_lock_the_account_for_a_while(client):
    UserFactory(email="target@example.test")
    for _ in range(5):
        sign_in(client, "target@example.test", "guess")
    response = sign_in(client, "target@example.test", "correct horse battery")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not client.get("/en/").context["user"].is_authenticated


def test_demo_accounts_sign_in_only_in_demo_mode(client):
    UserFactory(email="demo@demo.gfmd.test", is_demo_account=True)
    with override_settings(GFMD_DEMO=False):
        assert sign_in(client, "demo@demo.gfmd.test", "correct horse battery").status_code == 400
    with override_settings(GFMD_DEMO=True):
        assert sign_in(client, "demo@demo.gfmd.test", "correct horse battery").status_code == 302


def test_staff_turn_on_two_factor_and_then_need_the_code(client):
    staff = support_unit_user("gfmd-2019-ecuador")
    client.force_login(staff)
    page = client.get("/en/accounts/two-factor/")
    assert page.status_code == 200 and "data:image/svg+xml;base64," in page.content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert client.post("/en/accounts/two-factor/", {"token": "000000"}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code throttles the next try; the test does not wait
    code = f"{totp(device.bin_key):06d}"
    assert client.post("/en/accounts/two-factor/", {"token": code}).status_code == 302
    assert TOTPDevice.objects.get(user=staff).confirmed
    client.logout()
    response = sign_in(client, staff.email, "correct horse battery")
    assert response.status_code == 400
    assert "enter the code from your app" in response.content.decode()
    device.refresh_from_db()
    device.last_t = -1
    device.throttle_reset(commit=False)
    device.save()
    response = sign_in(
        client, staff.email, "correct horse battery", otp_token=f"{totp(device.bin_key):06d}"
    )
    assert response.status_code == 302


def test_two_factor_setup_is_for_staff(client):
    client.force_login(UserFactory())
    assert client.get("/en/accounts/two-factor/").status_code == 403


def test_sign_in_does_not_redirect_to_another_site(client):
    UserFactory(email="someone@example.test")
    response = sign_in(
        client, "someone@example.test", "correct horse battery", next="https://evil.example/"
    )
    assert response["Location"] == "/en/"
