from django.core.management.base import BaseCommand

from gfmd.marketplace.domain.notifications import send_digests


class Command(BaseCommand):
    help = (
        "Send one e-mail to each user who chose the daily digest, with every Marketplace notice "
        "not e-mailed yet. Run it once a day (cron); running it twice sends nothing new."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        if options["verbosity"]:
            self.stdout.write(f"Marketplace digests sent: {sent}.")
