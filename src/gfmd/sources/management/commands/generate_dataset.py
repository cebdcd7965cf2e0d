import time

from django.core.management.base import BaseCommand, CommandError

from gfmd.common.errors import DomainError
from gfmd.sources.synthetic import generate


class Command(BaseCommand):
    help = (
        "Replace the synthetic benchmark dataset (synthetic processes, organisations, people, "
        "focal points) by one of --scale (1: 30 editions, 5,000 organisations, 50,000 people, "
        "2,000 focal point terms). Real rows are never touched. Load the states first "
        "(manage.py load_reference)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Size of the dataset (default 1; e.g. 10)."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed; the same seed gives the same data."
        )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        started = time.perf_counter()
        try:
            counts = generate(scale=options["scale"], seed=options["seed"], log=log)
        except DomainError as error:
            raise CommandError(error.message) from None
        if options["verbosity"]:
            summary = ", ".join(
                f"{count} {name.replace('_', ' ')}" for name, count in counts.items()
            )
            self.stdout.write(
                f"Synthetic dataset at scale {options['scale']:g} in "
                f"{time.perf_counter() - started:.1f} s: {summary}."
            )
