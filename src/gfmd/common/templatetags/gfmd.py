from django import template

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
