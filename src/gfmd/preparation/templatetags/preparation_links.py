from django import template

from gfmd.library.models import Document

from ..domain.meetings import subject_url as _subject_url

register = template.Library()


@register.filter
def subject_url(record) -> str:
    """{{ subject.subject|subject_url }}: the page of what a decision refers to, or "". Documents
    are not linked here: whether the reader may open one is decided on the meeting's page."""
    if record is None or isinstance(record, Document):
        return ""
    return _subject_url(record)
