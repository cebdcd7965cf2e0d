"""The foundation benchmark: server time, SQL queries and memory of the public pages and API lists.

For each database (SQLite in a temporary directory; PostgreSQL too when DATABASE_URL names one,
as `make bench` does through scripts/with-postgres.sh) and each scale (1 and 10), it migrates a
fresh database, loads the reference states and the sources, times `generate_dataset --scale N`,
then starts one real gunicorn sync worker on a free 127.0.0.1 port and requests every page a
fixed number of times. Server time and query count come from the Server-Timing header that
ServerTimingMiddleware adds when GFMD_SERVER_TIMING=1; peak memory is the worker's VmHWM.

Run from the repository root: `make bench`, or `.venv/bin/python bench/run.py` (SQLite only).
The table is printed as Markdown and written to bench/results/latest.md.

Targets (the issue of the foundation benchmark): the query count of a page does not grow with
the scale; p95 under 50 ms for every page at scale 10 on PostgreSQL; the worker stays under
300 MB resident; the generator builds scale 10 in under 10 minutes.
"""

import argparse
import contextlib
import datetime
import http.client
import math
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.md"
PYTHON = sys.executable
HOST = "127.0.0.1"

SYNTHETIC_EDITION = "synthetic-rcp-2/5"  # exists from scale 0.5 up (ten editions a process)
PAGES = [
    "/en/",
    "/en/editions/",
    "/en/editions/gfmd/",
    "/en/editions/synthetic-rcp-2/",
    "/en/editions/gfmd/4/",
    "/en/editions/gfmd/4/governance/",
    f"/en/editions/{SYNTHETIC_EDITION}/",
    f"/en/editions/{SYNTHETIC_EDITION}/governance/",
    "/en/states/",
    "/en/states/MEX/",
    "/en/organisations/",
    "/en/organisations/?page=50",
    "/en/organisations/1/",  # the first organisation the sources name
    "/api/v1/states",
    "/api/v1/states/MEX",
    "/api/v1/organisations",
    "/api/v1/organisations/1",
    "/api/v1/editions",
    "/api/v1/editions?process=gfmd",
    "/api/v1/editions/gfmd/4",
    f"/api/v1/editions/{SYNTHETIC_EDITION}",
]

P95_TARGET_MS = 50
RSS_TARGET_MB = 300
GENERATOR_TARGET_S = 600
SERVER_START_TIMEOUT_S = 60
REQUEST_TIMEOUT_S = 60
TIMING = re.compile(r'total;dur=(?P<total>[\d.]+), db;dur=(?P<db>[\d.]+);desc="(?P<queries>\d+)"')


@dataclass
class Row:
    page: str
    database: str
    scale: float
    p50: float
    p95: float
    queries: int
    queries_varied: bool
    peak_rss_mb: float


@dataclass
class Generation:
    database: str
    scale: float
    seconds: float
    summary: str
    load_average: float = float("nan")  # 1-minute load average after the measurements


def log(message: str) -> None:
    print(message, flush=True)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def bench_environment(database_url: str, var_dir: Path) -> dict[str, str]:
    """Production settings (DEBUG off, manifest static files), plain HTTP on 127.0.0.1."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"GFMD_TESTING", "GFMD_DEMO", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DATABASE_URL=database_url,
        GFMD_VAR_DIR=str(var_dir),
        DEBUG="0",
        SECRET_KEY="benchmark-only-secret-key-" + "b" * 40,
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        GFMD_SERVER_TIMING="1",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], *arguments: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout.strip()


@contextlib.contextmanager
def postgres_database(server_url: str, name: str):
    """A fresh database on the throw-away server, dropped afterwards."""
    import psycopg
    from psycopg import sql

    def execute(statement):
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(statement)

    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    execute(drop)
    execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))
    finally:
        execute(drop)


@contextlib.contextmanager
def sqlite_database(directory: Path, name: str):
    path = directory / f"{name}.sqlite3"
    try:
        yield f"sqlite:///{path}"
    finally:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()


def settle(database: str, database_url: str) -> None:
    """After a bulk load PostgreSQL's autovacuum would visit the new tables while pages are
    measured; vacuum and analyse them first, as a server would have done by then."""
    if database == "postgresql":
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as connection:
            connection.execute("VACUUM (ANALYZE)")


def worker_pid(master_pid: int) -> int | None:
    """The gunicorn worker: the child process of the master."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            # The command name may hold spaces; the parent pid is the second field after it.
            if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
                return int(entry.name)
    return None


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextlib.contextmanager
def server(env: dict[str, str], log_path: Path):
    """One gunicorn sync worker, as in production; stopped (TERM, then KILL) on the way out."""
    port = free_port()
    with log_path.open("w") as log_file:
        process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "--config=gunicorn.conf.py",
                "--workers=1",
                "--worker-class=sync",
                f"--bind={HOST}:{port}",
                "--timeout=120",
                "--log-level=warning",
                "gfmd.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT_S
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"gunicorn stopped; see {log_path}")
                with contextlib.suppress(OSError), socket.create_connection((HOST, port), 1):
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start in time; see {log_path}")
                time.sleep(0.2)
            worker = None
            while worker is None and time.monotonic() < deadline:
                worker = worker_pid(process.pid)
                time.sleep(0.1)
            yield port, worker
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)


def request(port: int, path: str) -> tuple[float, float, int]:
    """Server time (ms), client time (ms) and SQL query count of one GET."""
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Language": "en"})
        response = connection.getresponse()
        response.read()
        client = (time.perf_counter() - started) * 1000
    finally:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path} answered {response.status}, expected 200")
    timing = TIMING.search(response.getheader("Server-Timing", ""))
    if timing is None:
        raise RuntimeError(f"GET {path} has no Server-Timing header (GFMD_SERVER_TIMING=1?)")
    return float(timing["total"]), client, int(timing["queries"])


def measure(port: int, worker: int | None, database: str, scale: float, args) -> list[Row]:
    rows = []
    for path in PAGES:
        for _ in range(args.warm_up):
            request(port, path)
        samples = [request(port, path) for _ in range(args.requests)]
        server_times = [sample[0] for sample in samples]
        queries = {sample[2] for sample in samples}
        rows.append(
            Row(
                page=path,
                database=database,
                scale=scale,
                p50=percentile(server_times, 0.5),
                p95=percentile(server_times, 0.95),
                queries=max(queries),
                queries_varied=len(queries) > 1,
                peak_rss_mb=peak_rss_mb(worker) if worker else float("nan"),
            )
        )
        row = rows[-1]
        log(
            f"  {path:45} p50 {row.p50:7.1f} ms  p95 {row.p95:7.1f} ms  "
            f"{row.queries:4d} queries  peak RSS {row.peak_rss_mb:6.1f} MB"
        )
    return rows


def run_one(database: str, database_url: str, scale: float, var_dir: Path, args):
    env = bench_environment(database_url, var_dir)
    log(f"\n{database}, scale {scale:g}: migrate, load_reference, load_sources")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_reference", "-v0")
    manage(env, "load_sources", "-v0")
    started = time.perf_counter()
    summary = manage(env, "generate_dataset", f"--scale={scale:g}", f"--seed={args.seed}")
    generation = Generation(database, scale, time.perf_counter() - started, summary)
    log(f"  generate_dataset --scale {scale:g}: {generation.seconds:.1f} s")
    log(f"  {summary}")
    settle(database, database_url)
    with server(env, var_dir / f"gunicorn-{database}-{scale:g}.log") as (port, worker):
        rows = measure(port, worker, database, scale, args)
    generation.load_average = os.getloadavg()[0]
    return generation, rows


def targets(rows: list[Row], generations: list[Generation], scales: list[float]) -> list[str]:
    """What missed a target, one line each."""
    missed = []
    by_key = {(row.page, row.database, row.scale): row for row in rows}
    smallest, largest = min(scales), max(scales)
    for row in rows:
        if row.scale == largest and smallest != largest:
            small = by_key.get((row.page, row.database, smallest))
            if small is not None and row.queries > small.queries:
                missed.append(
                    f"{row.page} on {row.database}: {small.queries} queries at scale "
                    f"{smallest:g}, {row.queries} at scale {largest:g}"
                )
        if row.queries_varied:
            missed.append(
                f"{row.page} on {row.database} at scale {row.scale:g}: query count varied"
            )
        if row.database == "postgresql" and row.scale == largest and row.p95 >= P95_TARGET_MS:
            missed.append(
                f"{row.page} on postgresql at scale {row.scale:g}: p95 {row.p95:.1f} ms "
                f"(target < {P95_TARGET_MS} ms)"
            )
    for database in sorted({row.database for row in rows}):
        peak = max(row.peak_rss_mb for row in rows if row.database == database)
        if peak >= RSS_TARGET_MB:
            missed.append(f"worker on {database}: peak RSS {peak:.0f} MB (target < 300 MB)")
    for generation in generations:
        if generation.scale >= 10 and generation.seconds >= GENERATOR_TARGET_S:
            missed.append(
                f"generator on {generation.database} at scale {generation.scale:g}: "
                f"{generation.seconds:.0f} s (target < {GENERATOR_TARGET_S} s)"
            )
    return missed


def markdown(rows: list[Row], generations: list[Generation], missed: list[str]) -> str:
    lines = [
        f"## Foundation benchmark ({datetime.date.today().isoformat()}, {os.cpu_count()} CPUs)",
        "",
        "One gunicorn sync worker; server time from the Server-Timing header "
        "(Django, middleware and templates included); peak RSS is the worker's VmHWM so far.",
        "",
        "| Page | Database | Scale | p50 ms | p95 ms | Queries | Peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        queries = f"{row.queries}{'*' if row.queries_varied else ''}"
        lines.append(
            f"| `{row.page}` | {row.database} | {row.scale:g} | {row.p50:.1f} | {row.p95:.1f} "
            f"| {queries} | {row.peak_rss_mb:.0f} |"
        )
    lines += [
        "",
        "| Generator | Scale | Seconds | Load average after the measurements |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {g.database} | {g.scale:g} | {g.seconds:.1f} | {g.load_average:.2f} |"
        for g in generations
    ]
    lines += ["", "Missed targets:" if missed else "Every target met."]
    lines += [f"- {line}" for line in missed]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--requests", type=int, default=50, help="measured requests per page")
    parser.add_argument("--warm-up", type=int, default=5, help="requests per page not measured")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--databases",
        nargs="+",
        choices=["sqlite", "postgresql"],
        default=["sqlite", "postgresql"],
        help="PostgreSQL is measured only when DATABASE_URL names a PostgreSQL server",
    )
    args = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL", "")
    databases = [
        database
        for database in args.databases
        if database == "sqlite" or server_url.startswith(("postgres://", "postgresql://"))
    ]
    if "postgresql" in args.databases and "postgresql" not in databases:
        log(
            "DATABASE_URL names no PostgreSQL server: measuring SQLite only (make bench does both)."
        )

    started = time.perf_counter()
    generations, rows = [], []
    with tempfile.TemporaryDirectory(prefix="gfmd-bench-") as temporary:
        var_dir = Path(temporary)
        log("collectstatic (manifest storage, as in production)")
        manage(
            bench_environment(f"sqlite:///{var_dir / 'static.sqlite3'}", var_dir),
            "collectstatic",
            "--noinput",
            "-v0",
        )
        for database in databases:
            for scale in args.scales:
                name = f"gfmd_bench_scale_{scale:g}".replace(".", "_")
                opened = (
                    postgres_database(server_url, name)
                    if database == "postgresql"
                    else sqlite_database(var_dir, name)
                )
                with opened as database_url:
                    generation, measured = run_one(database, database_url, scale, var_dir, args)
                generations.append(generation)
                rows += measured

    missed = targets(rows, generations, args.scales)
    report = markdown(rows, generations, missed)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report)
    log(f"\n{report}")
    log(f"Written to {RESULTS.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
