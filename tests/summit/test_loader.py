"""The demo data: the 2007 edition's registration with the caps of 003 L1215-L1218."""

import pytest
from django.core.management import call_command

from gfmd.summit.domain.registration import registration_window
from gfmd.summit.models import Delegation, SummitRegistration

pytestmark = pytest.mark.django_db


def test_the_2007_caps_come_from_the_report(edition):
    forum = edition(2007)
    registration = SummitRegistration.objects.get(edition=forum)
    assert (registration.seats_per_government, registration.seats_per_observer) == (3, 2)
    assert "003 L1215-L1218" in registration.source
    window = registration_window(forum, registration)
    assert window.opens is None and str(window.closes) == "2007-07-11"
    assert not Delegation.objects.exists()  # the sources name no delegation's members


def test_loading_again_changes_nothing(edition):
    registration = SummitRegistration.objects.get(edition=edition(2007))
    history = registration.history.count()
    call_command("load_sources", verbosity=0)
    assert SummitRegistration.objects.count() == 1
    assert registration.history.count() == history


def test_the_loader_restores_what_the_report_states(edition):
    registration = SummitRegistration.objects.get(edition=edition(2007))
    registration.seats_per_government = 5
    registration.save()
    call_command("load_sources", verbosity=0)
    registration.refresh_from_db()
    assert registration.seats_per_government == 3
