import datetime

import pytest

from gfmd.common.errors import DomainError
from gfmd.governance.domain.handover import record_handover
from gfmd.governance.models import Chairmanship, ChairTerm, Edition
from gfmd.library.models import Document
from tests.helpers import support_unit_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def chairs(gfmd, state):
    ecuador = Chairmanship.objects.get(key="gfmd-2019-ecuador")
    successor = Chairmanship.objects.create(
        process=gfmd, key="synthetic-next", name_en="Next chair"
    )
    ChairTerm.objects.create(
        chairmanship=successor, state=state("GHA"), start=datetime.date(2020, 1, 1)
    )
    Edition.objects.create(process=gfmd, number=13, year=2020, chairmanship=successor)
    return ecuador, successor


def test_incoming_staff_edit_the_archives_from_the_handover_and_outgoing_staff_keep_reading(
    chairs, gfmd
):
    ecuador, successor = chairs
    outgoing_staff = support_unit_user("gfmd-2019-ecuador", email="out@example.test")
    incoming_staff = support_unit_user("synthetic-next", email="in@example.test")
    record_handover(ecuador, successor, datetime.date(2020, 1, 20))
    report = Document.objects.get(year=2010, type="report-of-proceedings")
    assert incoming_staff.has_perm("library.change_document", report)
    assert incoming_staff.has_perm(
        "governance.change_edition", Edition.objects.get(number=4, process=gfmd)
    )
    assert not outgoing_staff.has_perm("library.change_document", report)
    from gfmd.library.domain.access import readable_versions

    report.access_level = "support_unit"
    report.save()
    assert readable_versions(outgoing_staff).filter(document=report).exists()


def test_before_the_recorded_handover_the_outgoing_chair_is_still_in_office(chairs, gfmd):
    from gfmd.governance.domain.roles import chairmanship_in_office

    ecuador, successor = chairs
    record_handover(ecuador, successor, datetime.date(2020, 1, 20))
    assert chairmanship_in_office(gfmd.pk, datetime.date(2020, 1, 10)) == ecuador.pk
    assert chairmanship_in_office(gfmd.pk, datetime.date(2020, 1, 20)) == successor.pk


def test_a_chair_cannot_hand_over_to_itself(chairs):
    ecuador, _successor = chairs
    with pytest.raises(DomainError):
        record_handover(ecuador, ecuador, datetime.date(2020, 1, 20))
