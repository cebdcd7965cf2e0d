from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from gfmd.common.catalogues import compile_catalogues


class Command(BaseCommand):
    help = "Compile the gettext catalogues (.po → .mo) with polib; only those that changed."

    def handle(self, *args, **options):
        compiled = sum(compile_catalogues(Path(path)) for path in settings.LOCALE_PATHS)
        self.stdout.write(f"Catalogues compiled: {compiled}.")
