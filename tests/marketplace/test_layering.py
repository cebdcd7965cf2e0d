"""The Marketplace reads preparation (the sessions and themes a request links to); preparation
never reads the Marketplace (docs/architecture.md, "Crossings"). A wrong import would fail here
before it tangled the two capabilities."""

import ast
from pathlib import Path

import gfmd

SOURCE = Path(gfmd.__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
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
            modules.add(str(node.args[0].value).replace("marketplace", "gfmd.marketplace", 1))
    return modules


def test_preparation_does_not_import_the_marketplace():
    offenders = [
        f"{path.relative_to(SOURCE)}: {module}"
        for path in (SOURCE / "preparation").rglob("*.py")
        for module in imported_modules(path)
        if module == "gfmd.marketplace" or module.startswith("gfmd.marketplace.")
    ]
    assert offenders == []


def test_preparation_templates_do_not_link_to_the_marketplace():
    offenders = [
        str(path.relative_to(SOURCE))
        for path in (SOURCE / "preparation").rglob("*.html")
        if "'marketplace:" in path.read_text(encoding="utf-8")
        or '"marketplace:' in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_check_would_see_such_an_import(tmp_path):
    module = tmp_path / "views.py"
    module.write_text(
        "from gfmd.marketplace.models import ServiceRequest\n"
        "import gfmd.marketplace.domain.links\n"
        "apps.get_model('marketplace', 'ServiceRequest')\n"
    )
    assert {
        "gfmd.marketplace.models",
        "gfmd.marketplace.domain.links",
        "gfmd.marketplace",
    } <= imported_modules(module)


def test_the_marketplace_does_read_preparation():
    """The dependency exists, in one direction: the request's links and their checks."""
    assert "gfmd.preparation.models" in imported_modules(
        SOURCE / "marketplace" / "models" / "requests.py"
    )
    assert "gfmd.preparation.models" in imported_modules(
        SOURCE / "marketplace" / "domain" / "links.py"
    )
