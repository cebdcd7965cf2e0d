"""The preparation benchmark: the Team Matrix (page and XLSX export), the timeline and the survey
results of a synthetic edition, at a given scale of the synthetic dataset.

For each database (PostgreSQL when DATABASE_URL names one, as `make bench` does through
scripts/with-postgres.sh; otherwise SQLite in a temporary directory) it migrates a fresh
database, loads the reference states and the sources, times `generate_dataset --scale N`
(sources/synthetic.py; at scale 10: 300 editions, 3,000 sessions, 30,000 team memberships),
then requests each page through Django's test client: a few warm-up requests, then a fixed
number of timed ones. It reports the SQL query count of one request (and whether it is the
same for a smaller edition of the same shape, i.e. does not grow with the data), and the p50
and p95 of the server-side time.

Run from the repository root: `make bench`, or `.venv/bin/python bench/preparation.py --scale 1`.
Targets (issue 4): p95 < 100 ms for the pages and < 2 s for the exports, at scale 10 on
PostgreSQL. The table is printed as Markdown and written to bench/results/preparation.md.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "preparation.md"
PAGE_TARGET_MS = 100
EXPORT_TARGET_MS = 2000


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gfmd.settings")
    os.environ["GFMD_TESTING"] = "1"
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host name and a fast password hasher


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def staff_of(edition):
    """A Support Unit staff account of the edition's chairmanship (who may read the results)."""
    import datetime

    from tests.factories import SupportUnitAssignmentFactory, UserFactory

    user = UserFactory(email=f"bench.staff.{edition.pk}@example.invalid")
    SupportUnitAssignmentFactory(
        person__user=user, chairmanship=edition.chairmanship, start=datetime.date(2000, 1, 1)
    )
    return user


def pages_of(edition) -> list[tuple[str, str, bool]]:
    """(label, address, is an export) of the pages measured for an edition."""
    from django.urls import reverse

    from gfmd.preparation.models import Survey

    args = [edition.process.slug, edition.number]
    survey = Survey.objects.filter(edition=edition).order_by("id").first()
    return [
        ("Team Matrix page", reverse("preparation:team_matrix", args=args), False),
        (
            "Team Matrix XLSX",
            reverse("preparation:team_matrix_export", args=[*args, "xlsx"]),
            True,
        ),
        ("Timeline page", reverse("preparation:timeline", args=args), False),
        ("Survey results page", reverse("preparation:survey_results", args=[survey.pk]), False),
    ]


def measure(client, url: str, repeat: int) -> tuple[int, list[float]]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        assert client.get(url).status_code == 200, url
    reset_queries()  # each request empties the log: count from an empty one
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    queries = len(captured)  # now: the log it reads is emptied by the next request
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    return queries, timings


def run_one(database_url: str, scale: float, repeat: int) -> list[str]:
    """Everything for one database, in a child process so that it gets a fresh Django."""
    setup_django(database_url)
    from django.core.management import call_command
    from django.test import Client

    from gfmd.governance.models import Edition
    from gfmd.sources.synthetic import generate

    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    call_command("load_sources", verbosity=0)
    started = time.perf_counter()
    counts = generate(scale=scale)
    generated = time.perf_counter() - started
    editions = list(
        Edition.objects.filter(process__slug__startswith="synthetic-rcp-")
        .select_related("process", "chairmanship")
        .order_by("id")
    )
    # An edition in the middle of the dataset, and the first one for the query-count check.
    edition, first = editions[len(editions) // 2], editions[0]
    engine = "postgresql" if database_url.startswith("postgres") else "sqlite"
    staffs = {e.pk: staff_of(e) for e in (edition, first)}
    rows = []
    for (label, url, export), (_l, first_url, _e) in zip(
        pages_of(edition), pages_of(first), strict=True
    ):
        client = Client()
        client.force_login(staffs[edition.pk] if "results" in url else _anyone())
        queries, timings = measure(client, url, repeat)
        client.force_login(staffs[first.pk] if "results" in first_url else _anyone())
        first_queries, _t = measure(client, first_url, 1)
        target = EXPORT_TARGET_MS if export else PAGE_TARGET_MS
        p95 = percentile(timings, 95)
        rows.append(
            f"| {label} | {engine} | {scale:g} | {queries}"
            f"{'' if queries == first_queries else f' (≠ {first_queries})'} | {len(timings)} "
            f"| {percentile(timings, 50):.1f} | {p95:.1f} | < {target} | "
            f"{'yes' if p95 < target else 'NO'} |"
        )
    rows.append(
        f"<!-- {engine}: generate_dataset --scale {scale:g} in {generated:.0f} s: "
        f"{counts['editions']:,} editions, {counts['sessions']:,} sessions, "
        f"{counts['team_memberships']:,} team memberships, "
        f"{counts['survey_responses']:,} survey responses; measured on {edition} -->"
    )
    return rows


_READER_EMAILS = iter(f"bench.reader{n}@example.invalid" for n in range(10_000))


def _anyone():
    """A signed-in visitor without a role (the pages are public; signed in as most readers)."""
    from tests.factories import UserFactory

    return UserFactory(email=next(_READER_EMAILS))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        for row in run_one(args.child, args.scale, args.repeat):
            print(row)
        return
    with tempfile.TemporaryDirectory() as folder:
        target = os.environ.get("DATABASE_URL", "")
        if not target.startswith("postgres"):
            target = f"sqlite:///{folder}/bench.sqlite3"
        started = time.perf_counter()
        output = subprocess.run(
            [
                sys.executable,
                __file__,
                "--scale",
                str(args.scale),
                "--repeat",
                str(args.repeat),
                "--child",
                target,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "GFMD_VAR_DIR": folder},
        )
        if output.returncode:
            print(output.stderr[-3000:], file=sys.stderr)
            raise SystemExit(output.returncode)
        rows = output.stdout.strip().splitlines()
        print(
            f"{target.split(':')[0]} done in {time.perf_counter() - started:.0f} s", file=sys.stderr
        )
    table = [
        "## Preparation benchmark",
        "",
        "Server-side time through Django's test client (no network), after 3 warm-up requests.",
        "",
        "| Page | Database | Scale | Queries | n | p50 ms | p95 ms | Target ms | Met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
        *[r for r in rows if r.startswith("|")],
        "",
        *[r.removeprefix("<!-- ").removesuffix(" -->") for r in rows if r.startswith("<!--")],
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(table) + "\n")
    print("\n".join(table))


if __name__ == "__main__":
    main()
