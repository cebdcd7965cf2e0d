from django.core.management.base import BaseCommand

from gfmd.marketplace.domain.meetings import expire_meeting_requests


class Command(BaseCommand):
    help = (
        "Expire the Marketplace meeting requests nobody answered in time and tell who asked. "
        "Run it every few minutes (cron); a late answer is refused anyway."
    )

    def handle(self, *args, **options):
        expired = expire_meeting_requests()
        if options["verbosity"]:
            self.stdout.write(f"Meeting requests expired: {expired}.")
