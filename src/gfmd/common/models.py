"""What every capability needs: provenance of data from the sources, dates with a precision."""

from functools import lru_cache

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .enums import DatePrecision

CONTENT_LANGUAGES = ("en", "fr", "es")


class Sourced(models.Model):
    """Provenance of a record taken from the GFMD source documents (file prefix and line range)."""

    source_document = models.CharField(
        _("source document"), max_length=40, blank=True, help_text=_("e.g. 003 (the 2007 report)")
    )
    source_lines = models.CharField(_("source lines"), max_length=120, blank=True)
    source_note = models.TextField(_("note on the source"), blank=True)

    class Meta:
        abstract = True

    @property
    def provenance(self) -> str:
        if not self.source_document:
            return ""
        return f"{self.source_document} {self.source_lines}".strip()


def localized(obj, field: str, language: str | None = None) -> str:
    """The value of ``field`` in the active language, falling back to English when it is empty."""
    language = (language or get_language() or "en")[:2]
    if language not in CONTENT_LANGUAGES:
        language = "en"
    value = getattr(obj, f"{field}_{language}", "") or ""
    return value or getattr(obj, f"{field}_en", "") or ""


def date_with_precision(value, precision: str) -> str:
    """Render a date no more precisely than the source states it."""
    if value is None or precision == DatePrecision.TO_BE_CONFIRMED:
        return str(_("to be confirmed"))
    return formatted_date(value, precision, get_language())


@lru_cache(maxsize=4096)
def formatted_date(value, precision: str, language: str | None) -> str:
    """The date in the active ``language``'s format, remembered: pages list the same dates many
    times and Django's date formatting is slow (bench/run.py)."""
    from django.utils.formats import date_format

    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


def collation_key(text: str) -> str:
    """Sort key that ignores accents and case, so "Égypte" sorts with the E's in French."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
