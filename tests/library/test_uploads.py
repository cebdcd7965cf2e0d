import pytest

from gfmd.common.errors import DomainError
from gfmd.library.domain.extraction import extract_bytes
from gfmd.library.interfaces.uploads import sniff_kind

from .files import docx_bytes, odt_bytes, pdf_bytes, upload


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("paper.pdf", pdf_bytes("Remittances"), "pdf"),
        ("paper.docx", docx_bytes("Remittances"), "docx"),
        ("paper.odt", odt_bytes("Remittances"), "odt"),
        ("notes.txt", b"Envois de fonds et diaspora", "txt"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "png"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 20, "jpeg"),
        # the name lies: the content decides
        ("looks-like.exe", pdf_bytes("x"), "pdf"),
    ],
)
def test_files_are_recognised_by_content(name, data, kind):
    assert sniff_kind(upload(name, data)) == kind


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("paper.pdf", b"MZ\x90\x00 this is a Windows program"),
        ("archive.docx", b"PK\x03\x04 not really a zip"),
        ("binary.txt", b"\x00\x01\x02\x03"),
        ("latin1.txt", "Caf\xe9".encode("latin-1")),
        ("empty.pdf", b""),
    ],
)
def test_other_content_is_refused_with_the_allowed_types(name, data):
    with pytest.raises(DomainError) as error:
        sniff_kind(upload(name, data))
    assert "PDF, Word (DOCX)" in error.value.message
    assert error.value.field == "file"


def test_text_is_extracted_from_each_kind():
    assert "Remittances" in extract_bytes("pdf", pdf_bytes("Remittances")).text
    assert "Remittances" in extract_bytes("docx", docx_bytes("Remittances")).text
    assert "Remittances" in extract_bytes("odt", odt_bytes("Remittances")).text


@pytest.mark.parametrize("data", [pdf_bytes(None), pdf_bytes("x")[:200], b"%PDF-1.4\n garbage"])
def test_unreadable_pdfs_are_flagged_not_raised(data):
    extracted = extract_bytes("pdf", data)
    assert extracted.status == "no_text"
    assert extracted.text == ""
