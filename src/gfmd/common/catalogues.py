"""Compile the gettext catalogues (.po → .mo) with polib, so no GNU gettext is needed to build.

Runs without Django settings: ``python -m gfmd.common.catalogues``.
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> int:
    """Compile every catalogue whose .mo is missing or older than its .po; return how many."""
    compiled = 0
    for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        compiled += 1
    return compiled


if __name__ == "__main__":
    print(f"Catalogues compiled: {compile_catalogues()}.")
