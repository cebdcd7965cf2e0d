"""Tags of a service request: GCM objectives (A/RES/73/195) and SDG targets (A/RES/70/1) by
their public codes, checked against the reference lists of gfmd.reference (its data files),
and free themes."""

import csv
from functools import cache

from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.reference.importers import DATA_DIR

MAX_THEMES = 10
MAX_THEME_LENGTH = 80


@cache
def gcm_objectives() -> dict[int, dict[str, str]]:
    with (DATA_DIR / "gcm-objectives.csv").open(encoding="utf-8", newline="") as handle:
        return {int(row["objective"]): row for row in csv.DictReader(handle)}


@cache
def sdg_targets() -> dict[str, dict[str, str]]:
    with (DATA_DIR / "sdg-targets.csv").open(encoding="utf-8", newline="") as handle:
        return {row["target"]: row for row in csv.DictReader(handle)}


def check_gcm_objectives(values) -> list[int]:
    """Objective numbers 1-23, each once, in order."""
    result = set()
    for value in values or []:
        try:
            number = int(str(value).strip())
        except ValueError:
            number = None
        if number not in gcm_objectives():
            raise DomainError(
                _("“%(value)s” is not a GCM objective; use a number from 1 to 23.")
                % {"value": str(value)[:20]},
                field="gcm_objectives",
            )
        result.add(number)
    return sorted(result)


def check_sdg_targets(values) -> list[str]:
    """SDG target codes such as 10.7 or 8.8."""
    result = []
    for value in values or []:
        code = str(value).strip().lower()
        if code not in sdg_targets():
            raise DomainError(
                _("“%(value)s” is not an SDG target; use a code such as 10.7 or 8.8.")
                % {"value": str(value)[:20]},
                field="sdg_targets",
            )
        if code not in result:
            result.append(code)
    return result


def check_themes(values) -> list[str]:
    themes = []
    for value in values or []:
        theme = " ".join(str(value).split())
        if not theme:
            continue
        if len(theme) > MAX_THEME_LENGTH:
            raise DomainError(
                _("A theme has at most %(n)d characters.") % {"n": MAX_THEME_LENGTH},
                field="themes",
            )
        if theme not in themes:
            themes.append(theme)
    if len(themes) > MAX_THEMES:
        raise DomainError(_("Give at most %(n)d themes.") % {"n": MAX_THEMES}, field="themes")
    return themes


def gcm_label(number: int) -> str:
    row = gcm_objectives().get(number)
    return f"GCM {number}: {row['short_en']}" if row else f"GCM {number}"


def sdg_label(code: str) -> str:
    return f"SDG {code}"
