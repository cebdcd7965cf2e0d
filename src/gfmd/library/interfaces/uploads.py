"""Uploaded files are checked by content, not by name, and by size before they are stored."""

import re
import zipfile

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils.translation import gettext as _

from gfmd.common.errors import DomainError

from ..enums import FileKind

# Bytes that do not occur in text (C0 controls but tab, newlines and form feed; DEL).
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
ALLOWED = "PDF, Word (DOCX), OpenDocument text (ODT), plain text (UTF-8), PNG, JPEG, GIF, WebP"


def max_upload_bytes() -> int:
    return int(getattr(settings, "GFMD_UPLOAD_MAX_BYTES", 50 * 1024 * 1024))


def sniff_kind(uploaded) -> str:
    """The file's kind from its first bytes; DomainError naming the allowed types otherwise."""
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = FileKind.PDF
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = FileKind.PNG
    elif head.startswith(b"\xff\xd8\xff"):
        kind = FileKind.JPEG
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        kind = FileKind.GIF
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = FileKind.WEBP
    elif head.startswith(b"PK\x03\x04"):
        kind = _office_kind(uploaded)
    elif head and not CONTROL_BYTES.search(head) and _is_utf8(uploaded):
        kind = FileKind.TXT
    uploaded.seek(0)
    if kind is None:
        raise DomainError(
            _("This file is not of an accepted type. Accepted: %(types)s.") % {"types": ALLOWED},
            field="file",
            code="file_type",
        )
    return kind


def _office_kind(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return FileKind.DOCX
            if "mimetype" in names and archive.read("mimetype").strip() == (
                b"application/vnd.oasis.opendocument.text"
            ):
                return FileKind.ODT
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def _is_utf8(uploaded) -> bool:
    uploaded.seek(0)
    decoder_ok = True
    tail = b""
    while chunk := uploaded.read(1 << 20):
        data = tail + chunk
        try:
            data.decode("utf-8")
            tail = b""
        except UnicodeDecodeError as error:
            if error.start >= len(data) - 3:  # a character cut at the chunk's end
                tail = data[error.start :]
                try:
                    data[: error.start].decode("utf-8")
                except UnicodeDecodeError:
                    decoder_ok = False
                    break
            else:
                decoder_ok = False
                break
    uploaded.seek(0)
    return decoder_ok and not tail


def check_size(uploaded) -> None:
    limit = max_upload_bytes()
    if uploaded is None or uploaded.size > limit:
        raise DomainError(
            _("The file is larger than %(limit)s MB; upload a smaller file.")
            % {"limit": limit // (1024 * 1024)},
            field="file",
            code="file_size",
        )


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops reading an upload once it passes the limit, before anything is stored, and marks
    the request so the form can say why (instead of a missing file)."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = max_upload_bytes()
        self.received = 0
        if content_length and content_length > self.limit + 1024 * 1024:
            self.request.gfmd_upload_too_large = True

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.gfmd_upload_too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None
