from django.core.management.base import BaseCommand

from gfmd.sources.loaders.finance import load_finance
from gfmd.sources.loaders.governance import load_governance
from gfmd.sources.loaders.library import load_library
from gfmd.sources.loaders.marketplace import load_marketplace
from gfmd.sources.loaders.meeting_records import load_meeting_records
from gfmd.sources.loaders.outcomes import load_outcomes
from gfmd.sources.loaders.preparation import load_preparation
from gfmd.sources.loaders.summit import load_summit


class Command(BaseCommand):
    help = (
        "Load what the five GFMD source documents state (../shared/sources), with provenance "
        "(document and line) on each record. Idempotent: loading again changes nothing."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        counts = load_governance(log)
        counts.update(load_marketplace(log))
        counts.update(load_library(log))
        counts.update(load_preparation(log))
        counts.update(load_meeting_records(log))
        counts.update(load_outcomes(log))
        counts.update(load_summit(log))
        counts.update(load_finance(log))
        if options["verbosity"]:
            summary = ", ".join(
                f"{count} {name.replace('_', ' ')}" for name, count in counts.items()
            )
            self.stdout.write(f"Sources loaded: {summary}.")
