"""The Summit depends on the spine (directory, governance, the library, common) only; the spine
and the other capabilities never import it (docs/architecture.md)."""

import ast
from pathlib import Path

import gfmd

SOURCE = Path(gfmd.__file__).resolve().parent
SPINE = ("gfmd.common", "gfmd.directory", "gfmd.governance", "gfmd.library", "gfmd.summit")


def gfmd_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return {m for m in modules if m.startswith("gfmd.")}


def test_the_summit_imports_only_the_spine():
    offenders = [
        f"{path.relative_to(SOURCE)}: {module}"
        for path in (SOURCE / "summit").rglob("*.py")
        for module in gfmd_imports(path)
        if not module.startswith(SPINE)
    ]
    assert offenders == []


def test_the_library_and_the_marketplace_do_not_import_the_summit():
    offenders = [
        f"{path.relative_to(SOURCE)}: {module}"
        for folder in ("library", "marketplace", "preparation", "directory", "governance")
        for path in (SOURCE / folder).rglob("*.py")
        for module in gfmd_imports(path)
        if module.startswith("gfmd.summit")
    ]
    assert offenders == []


def test_the_check_would_see_such_an_import(tmp_path):
    module = tmp_path / "views.py"
    module.write_text("from gfmd.summit.models import Delegation\nimport gfmd.library.models\n")
    assert gfmd_imports(module) == {"gfmd.summit.models", "gfmd.library.models"}
