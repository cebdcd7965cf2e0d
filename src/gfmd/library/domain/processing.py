from django.db import transaction

from ..enums import TextStatus
from ..models import DocumentFile
from .extraction import extract_text


def extract_file_text(file_id: int) -> tuple[int | None, str]:
    """Read the stored file's text (outside the request) and record the outcome."""
    file = DocumentFile.objects.select_related("version").filter(pk=file_id).first()
    if file is None:
        return None, "missing"
    try:
        with file.file.open("rb") as handle:
            extracted = extract_text(file.kind, handle)
    except OSError as error:
        file.text, file.text_status, file.text_problem = "", TextStatus.NO_TEXT, str(error)[:250]
    else:
        file.text = extracted.text
        file.text_status = extracted.status
        file.text_problem = extracted.problem[:250]
        file.pages = extracted.pages
    with transaction.atomic():  # the file and its history record: one commit
        file.save(update_fields=["text", "text_status", "text_problem", "pages"])
    return file.version.document_id, file.text_status
