import pytest
from django.core.files.base import ContentFile

from gfmd.governance.models import Edition
from gfmd.library.domain.documents import Upload, add_version, create_document


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def tagged_document(db, django_capture_on_commit_callbacks):
    """tagged_document("Title", level="public", sdg_targets=[...], gcm_objectives=[...]): a 2010
    library document with a final version, tagged."""

    def make(title, *, level="public", sdg_targets=(), gcm_objectives=()):
        edition = Edition.objects.get(process__slug="gfmd", number=4)
        with django_capture_on_commit_callbacks(execute=True):
            document = create_document(
                process=edition.process,
                edition=edition,
                year=2010,
                type="background-paper",
                title_en=title,
                access_level=level,
            )
            add_version(
                document,
                status="final",
                uploads=[Upload("en", ContentFile(b"Synthetic text.", name="paper.txt"))],
            )
        document.sdg_targets.set(sdg_targets)
        document.gcm_objectives.set(gcm_objectives)
        return document

    return make
