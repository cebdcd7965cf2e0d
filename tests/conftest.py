import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the reference states and the source data, loaded once."""
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
        call_command("load_sources", verbosity=0)


@pytest.fixture
def gfmd(db):
    from gfmd.governance.models import Process

    return Process.objects.get(slug="gfmd")


@pytest.fixture
def edition(db):
    """Look up an edition of the GFMD by year: edition(2010)."""
    from gfmd.governance.models import Edition

    def lookup(year: int):
        return Edition.objects.select_related("process").get(process__slug="gfmd", year=year)

    return lookup


@pytest.fixture
def state(db):
    from gfmd.directory.models import State

    return lambda iso3: State.objects.get(iso3=iso3)


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a request for a French page leaves French active in the
    thread (LocaleMiddleware activates the page's language and nothing deactivates it), and a
    later test that reads a message directly would get it in French."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
