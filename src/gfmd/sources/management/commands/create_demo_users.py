"""One demo account per role, for demo mode only. The people are fictitious; the roles they hold
come from data records (focal point term, Support Unit assignment, affiliation) like real ones."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from gfmd.directory.models import Affiliation, Organisation, Person, State
from gfmd.governance.enums import SupportFunction
from gfmd.governance.models import Edition, FocalPoint, SupportUnitAssignment

DEMO_PASSWORD = "demo-gfmd-platform"
DEMO_DOMAIN = "demo.gfmd.test"


class Command(BaseCommand):
    help = "Create one demo account per role (demo mode only) and print the logins."

    @transaction.atomic
    def handle(self, *args, **options):
        if not settings.GFMD_DEMO:
            raise CommandError("Demo accounts exist only in demo mode: set GFMD_DEMO=1.")
        latest = (
            Edition.objects.filter(process__slug="gfmd", chairmanship__isnull=False)
            .select_related("chairmanship")
            .order_by("-number")
            .first()
        )
        if latest is None:
            raise CommandError("Load the sources first: manage.py load_sources.")
        rows = [
            self.account(
                "support-unit",
                "Demo Support Unit Officer",
                f"Support Unit staff of the {latest.chairmanship}",
                lambda person: SupportUnitAssignment.objects.get_or_create(
                    chairmanship=latest.chairmanship,
                    person=person,
                    function=SupportFunction.STAFF,
                    defaults={"start": datetime.date(latest.year, 1, 1)},
                ),
            ),
            self.account(
                "focal-point-ghana",
                "Demo Focal Point (Ghana)",
                "National Focal Point of Ghana",
                lambda person: FocalPoint.objects.get_or_create(
                    state=State.objects.get(iso3="GHA"),
                    person=person,
                    defaults={"start": datetime.date(2010, 1, 1)},
                ),
            ),
            self.account(
                "focal-point-mexico",
                "Demo Focal Point (Mexico)",
                "National Focal Point of Mexico",
                lambda person: FocalPoint.objects.get_or_create(
                    state=State.objects.get(iso3="MEX"),
                    person=person,
                    defaults={"start": datetime.date(2010, 1, 1)},
                ),
            ),
            self.account(
                "iom-contact",
                "Demo Contact (IOM)",
                "Organisation contact of IOM",
                lambda person: Affiliation.objects.get_or_create(
                    person=person,
                    organisation=Organisation.objects.filter(acronym="IOM").first()
                    or Organisation.objects.order_by("id").first(),
                    defaults={"function": "Demo contact"},
                ),
            ),
            self.account(
                "operator", "Demo Platform Operator", "Platform operator (superuser)", None
            ),
        ]
        width = max(len(row[0]) for row in rows)
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for email, role in rows:
            self.stdout.write(f"  {email.ljust(width)}  {role}")

    def account(self, local_part, name, role, attach):
        User = get_user_model()
        email = f"{local_part}@{DEMO_DOMAIN}"
        user, _created = User.objects.get_or_create(
            email=email, defaults={"display_name": name, "is_demo_account": True}
        )
        user.is_demo_account = True
        if local_part == "operator":
            user.is_superuser = user.is_staff = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        person, _created = Person.objects.get_or_create(
            user=user, defaults={"full_name": name, "email": email}
        )
        if attach is not None:
            attach(person)
        return email, role
