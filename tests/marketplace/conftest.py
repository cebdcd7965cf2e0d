import pytest

from tests.marketplace.helpers import People, open_marketplace


@pytest.fixture
def marketplace(db):
    return open_marketplace()


@pytest.fixture
def people(marketplace):
    return People(marketplace)


@pytest.fixture
def demo(db):
    from gfmd.marketplace.models import Marketplace

    return Marketplace.objects.select_related("edition__process").get(
        edition__process__slug="gfmd", edition__number=1
    )


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Test accounts need no slow key derivation."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
