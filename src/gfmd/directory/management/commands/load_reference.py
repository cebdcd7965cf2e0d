from django.core.management.base import BaseCommand

from gfmd.directory.interfaces.importers import import_states
from gfmd.reference.importers import import_reference_lists


class Command(BaseCommand):
    help = (
        "Load the reference data: the 193 UN Member States and 2 Observer States, the SDG goals "
        "and targets, the GCM objectives and guiding principles. Idempotent."
    )

    def handle(self, *args, **options):
        created, updated = import_states()
        counts = import_reference_lists()
        if options["verbosity"]:
            self.stdout.write(f"States: {created} created, {updated} updated.")
            self.stdout.write(", ".join(f"{count} {name}" for name, count in counts.items()) + ".")
