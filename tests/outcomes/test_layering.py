"""Outcomes read preparation one way, as the Marketplace does; preparation and the spine
(library, governance, directory) never import the outcomes (docs/architecture.md)."""

import ast
from pathlib import Path

import gfmd

SOURCE = Path(gfmd.__file__).resolve().parent


def gfmd_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
            modules |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") in ("get_model", "import_module")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            modules.add(str(node.args[0].value).replace("outcomes", "gfmd.outcomes", 1))
    return {m for m in modules if m.startswith("gfmd.")}


def test_preparation_and_the_spine_never_import_the_outcomes():
    offenders = [
        f"{path.relative_to(SOURCE)}: {module}"
        for folder in ("preparation", "library", "governance", "directory")
        for path in (SOURCE / folder).rglob("*.py")
        for module in gfmd_imports(path)
        if module == "gfmd.outcomes" or module.startswith("gfmd.outcomes.")
    ]
    assert offenders == []


def test_preparation_templates_do_not_link_to_the_outcomes():
    offenders = [
        str(path.relative_to(SOURCE))
        for folder in ("preparation", "library", "directory")
        for path in (SOURCE / folder).rglob("*.html")
        if "'outcomes:" in path.read_text(encoding="utf-8")
        or '"outcomes:' in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_outcomes_read_only_preparations_models_and_the_spine():
    allowed = (
        "gfmd.common",
        "gfmd.directory",
        "gfmd.governance",
        "gfmd.library.models",
        "gfmd.library.enums",
        "gfmd.preparation.models",
        "gfmd.outcomes",
    )
    offenders = [
        f"{path.relative_to(SOURCE)}: {module}"
        for path in (SOURCE / "outcomes").rglob("*.py")
        for module in gfmd_imports(path)
        if not module.startswith(allowed)
    ]
    assert offenders == []
    assert "gfmd.preparation.models" in gfmd_imports(SOURCE / "outcomes" / "models.py")


def test_the_check_would_see_such_an_import(tmp_path):
    module = tmp_path / "views.py"
    module.write_text(
        "from gfmd.outcomes.models import Recommendation\n"
        "import gfmd.outcomes.domain.queries\n"
        "apps.get_model('outcomes', 'FollowUp')\n"
    )
    assert {
        "gfmd.outcomes.models",
        "gfmd.outcomes.domain.queries",
        "gfmd.outcomes",
    } <= gfmd_imports(module)
