"""The production configuration passes Django's deployment checks with no warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_reports_nothing(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' conftest allows async-unsafe ORM use in the test process only.
        if key
        not in {"GFMD_TESTING", "GFMD_DEMO", "DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="gfmd.example.org",
        GFMD_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_serving_without_a_secret_key_is_refused(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"GFMD_TESTING", "GFMD_DEMO", "DEBUG", "SECRET_KEY"}
    }
    env["GFMD_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", "import gfmd.wsgi"],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr
