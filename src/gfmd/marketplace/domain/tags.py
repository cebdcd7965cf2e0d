"""Tags of a service request: GCM objectives (A/RES/73/195) by number and SDG targets
(A/RES/70/1) by code, looked up in the reference tables of gfmd.reference (spine data, loaded
by `manage.py load_reference`); and free themes."""

from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError
from gfmd.common.models import localized
from gfmd.reference.models import GCMObjective, SDGTarget

MAX_THEMES = 10
MAX_THEME_LENGTH = 80
LABEL_LENGTH = 90


def _gcm_number(value) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def gcm_objectives_by_number(values) -> list[GCMObjective]:
    """The GCM objectives named by their numbers (1-23), each once, in order; an unknown number
    is refused with the range to use."""
    numbers = []
    for value in values or []:
        number = _gcm_number(value)
        if number is None or not 1 <= number <= 32767:
            numbers.append((value, None))
        else:
            numbers.append((value, number))
    found = {
        o.number: o
        for o in GCMObjective.objects.filter(number__in=[n for _v, n in numbers if n is not None])
    }
    for value, number in numbers:
        if number not in found:
            raise DomainError(
                _("“%(value)s” is not a GCM objective; use a number from 1 to 23.")
                % {"value": str(value)[:20]},
                field="gcm_objectives",
            )
    return [found[n] for n in sorted({n for _v, n in numbers})]


def sdg_targets_by_code(values) -> list[SDGTarget]:
    """The SDG targets named by their codes (10.7, 8.8, 10.c), each once, in the order given."""
    codes = []
    for value in values or []:
        code = str(value).strip().lower()
        if code not in codes:
            codes.append(code)
    found = {t.code: t for t in SDGTarget.objects.filter(code__in=codes)}
    for code in codes:
        if code not in found:
            raise DomainError(
                _("“%(value)s” is not an SDG target; use a code such as 10.7 or 8.8.")
                % {"value": code[:20]},
                field="sdg_targets",
            )
    return [found[c] for c in codes]


def check_themes(values) -> list[str]:
    """Free themes (words the owner chooses), at most ten, each once."""
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


def _shorten(text: str) -> str:
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1].rstrip() + "…"


def gcm_label(objective: GCMObjective) -> str:
    """“GCM 11 — Manage borders …” in the active language (English when not translated)."""
    return f"GCM {objective.number} — {_shorten(localized(objective, 'short'))}"


def sdg_label(target: SDGTarget) -> str:
    return f"SDG {target.code} — {_shorten(localized(target, 'title'))}"


def gcm_choices() -> list[tuple[str, str]]:
    return [(str(o.number), gcm_label(o)) for o in GCMObjective.objects.order_by("number")]


def sdg_choices() -> list[tuple[str, str]]:
    return [(t.code, sdg_label(t)) for t in SDGTarget.objects.order_by("goal__number", "position")]
