"""The interface is in English, French and Spanish: every catalogue entry is translated."""

import subprocess
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext

LOCALE = Path(__file__).resolve().parents[2] / "src" / "gfmd" / "locale"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 500
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("language", ["fr", "es"])
def test_catalogue_is_valid_for_gnu_gettext(language):
    # polib reads files that GNU gettext refuses (makemessages then fails): check with msgfmt,
    # which `make test` installs (scripts/install-system-deps.sh).
    catalogue = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(catalogue)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Présidence en exercice"), ("es", "Presidencia en ejercicio")],
)
def test_compiled_catalogues_are_used(language, expected):
    with translation.override(language):
        assert gettext("Chair-in-Office") == expected
