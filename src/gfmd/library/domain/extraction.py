"""Text of an uploaded file, for search. A file whose text cannot be read (scanned, encrypted,
broken) is kept and flagged "no searchable text"; extraction never raises."""

import io
import logging
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from ..enums import FileKind, TextStatus

logger = logging.getLogger(__name__)
ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
MAX_TEXT_CHARS = 5_000_000  # a 500-page report is well below; bounds memory for odd files


@dataclass(frozen=True)
class Extracted:
    text: str
    status: str
    pages: int | None = None
    problem: str = ""


def extract_text(kind: str, handle) -> Extracted:
    try:
        if kind == FileKind.PDF:
            return _pdf(handle)
        if kind == FileKind.DOCX:
            return _docx(handle)
        if kind == FileKind.ODT:
            return _odt(handle)
        if kind == FileKind.TXT:
            return _finish(handle.read(MAX_TEXT_CHARS * 4).decode("utf-8", errors="replace"))
        return Extracted("", TextStatus.NO_TEXT, problem="image: no text layer")
    except Exception as error:  # any unreadable file is flagged, never a 500
        logger.info("text extraction failed: %s", error)
        return Extracted("", TextStatus.NO_TEXT, problem=f"unreadable: {type(error).__name__}")


def _finish(text: str, pages: int | None = None, problem: str = "") -> Extracted:
    text = text.replace("\x00", " ").strip()[:MAX_TEXT_CHARS]
    if not text:
        return Extracted("", TextStatus.NO_TEXT, pages, problem or "no text layer")
    return Extracted(text, TextStatus.INDEXED, pages)


def _pdf(handle) -> Extracted:
    from pypdf import PdfReader

    reader = PdfReader(handle)
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                return Extracted("", TextStatus.NO_TEXT, problem="encrypted")
        except Exception:
            return Extracted("", TextStatus.NO_TEXT, problem="encrypted")
    parts: list[str] = []
    size = 0
    pages = len(reader.pages)
    for page in reader.pages:  # one page at a time keeps memory flat on long reports
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > MAX_TEXT_CHARS:
            break
    return _finish("\n".join(parts), pages)


def _docx(handle) -> Extracted:
    import docx

    document = docx.Document(handle)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return _finish("\n".join(parts))


def _odt(handle) -> Extracted:
    with zipfile.ZipFile(handle) as archive, archive.open("content.xml") as content:
        parts = []
        for _event, element in ElementTree.iterparse(content):
            if element.tag in (f"{ODF_TEXT}p", f"{ODF_TEXT}h"):
                parts.append("".join(element.itertext()))
                element.clear()
    return _finish("\n".join(parts))


def extract_bytes(kind: str, data: bytes) -> Extracted:
    return extract_text(kind, io.BytesIO(data))
