from django import template
from django.utils.translation import get_language_info

from gfmd.common.models import date_with_precision, localized

register = template.Library()


@register.filter
def tr(obj, field: str) -> str:
    """{{ edition|tr:"theme" }}: the field in the active language, falling back to English."""
    return localized(obj, field)


@register.simple_tag
def dated(value, precision="day") -> str:
    return date_with_precision(value, precision)


@register.filter
def source_ref(obj) -> str:
    return getattr(obj, "provenance", "")


@register.filter
def language_name(code: str) -> str:
    """{{ "fr"|language_name }}: the language's name in the active language ("French",
    "français"...), or the code itself for a language Django does not name."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
