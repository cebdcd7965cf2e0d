"""The finance capability depends on the spine only (directory, governance, the library,
common); no other capability imports it (docs/architecture.md)."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "gfmd"
SPINE = {"common", "directory", "governance", "library", "finance"}
OTHERS = ("library", "preparation", "marketplace", "summit", "reference", "outcomes")


def imported_apps(folder: Path) -> set[str]:
    apps = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                parts = node.module.split(".")
                if parts[0] == "gfmd" and len(parts) > 1:
                    apps.add(parts[1])
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    parts = alias.name.split(".")
                    if parts[0] == "gfmd" and len(parts) > 1:
                        apps.add(parts[1])
    return apps


def test_finance_imports_only_the_spine():
    assert imported_apps(SRC / "finance") <= SPINE


def test_no_other_capability_imports_finance():
    for name in OTHERS:
        folder = SRC / name
        if folder.exists():
            assert "finance" not in imported_apps(folder), name
