from django import template

from ..domain.money import money as format_money

register = template.Library()


@register.simple_tag
def money(amount, currency=""):
    """{% money line.amount budget.currency %}: "1,748,255.00 EUR" in the page's language;
    "unknown" when the amount is not known."""
    return format_money(amount, currency)


@register.simple_tag
def in_kind_label(value: str) -> str:
    """The label of what a non-financial contribution gives."""
    from ..enums import InKindType

    try:
        return str(InKindType(value).label)
    except ValueError:
        return value
