import datetime

import pytest

from gfmd.governance.models import Edition
from gfmd.library.domain.documents import Upload, add_version, create_document, set_team

from .files import pdf_bytes, upload


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_document(db, django_capture_on_commit_callbacks):
    """A 2010 document at a given level with a final version in the given languages."""

    def make(
        level="public", texts=None, status="final", slug="", team_states=(), type="background-paper"
    ):
        edition = Edition.objects.get(process__slug="gfmd", number=4)
        with django_capture_on_commit_callbacks(execute=True):
            return _make(edition, level, texts, status, slug, team_states, type)

    def _make(edition, level, texts, status, slug, team_states, type):
        document = create_document(
            process=edition.process,
            edition=edition,
            year=2010,
            type=type,
            slug=slug,
            title_en=f"Synthetic {level} paper",
            access_level=level,
            date=datetime.date(2010, 9, 1),
        )
        if team_states:
            set_team(document, states=team_states)
        texts = texts or {"en": f"Synthetic text about xylophones for {level} readers"}
        add_version(
            document,
            status=status,
            uploads=[
                Upload(lang, upload(f"{lang}.pdf", pdf_bytes(text))) for lang, text in texts.items()
            ],
        )
        return document

    return make
