from django.core.management.base import BaseCommand

from gfmd.directory.interfaces.importers import import_states


class Command(BaseCommand):
    help = "Load the reference data: the 193 UN Member States and 2 Observer States."

    def handle(self, *args, **options):
        created, updated = import_states()
        self.stdout.write(f"States: {created} created, {updated} updated.")
