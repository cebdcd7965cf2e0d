"""The conversion of free-text sessions and code lists into links (migration 0003), tested as
the pure functions it is built from: what is linked, and that nothing else is lost."""

import importlib

import pytest

conversion = importlib.import_module(
    "gfmd.marketplace.migrations.0003_convert_free_text_and_codes_to_links"
)
SESSIONS_2007 = {"1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"}


@pytest.mark.parametrize(
    ("text", "linked", "kept"),
    [
        ("1.1", ["1.1"], []),
        ("RT 2.2", ["2.2"], []),
        ("Session 1.2", ["1.2"], []),
        ("rt2.1.", ["2.1"], []),
        ("Sessions 1.1 and 2.2; RT 3.1", ["1.1", "2.2", "3.1"], []),
        ("1.1, 1.1", ["1.1"], []),
        ("Roundtable 1.3: circular migration", ["1.3"], ["Roundtable 1.3: circular migration"]),
        ("side event on remittances", [], ["side event on remittances"]),
        ("RT 2", [], ["RT 2"]),
        ("Session 4.5", [], ["Session 4.5"]),  # not a session of the edition
        ("1.1-1.3", [], ["1.1-1.3"]),  # a range the text does not spell out
        ("10.7.1", [], ["10.7.1"]),
        ("", [], []),
        ("1.2 / séance 2.3 + sesión 2.4 + something", ["1.2", "2.3", "2.4"], ["something"]),
        ("Table ronde 1.4", ["1.4"], []),
    ],
)
def test_split_session_text(text, linked, kept):
    result = conversion.split_session_text(text, SESSIONS_2007)
    assert result.numbers == linked
    assert result.unmatched == kept


def test_codes_that_match_nothing_are_kept_as_written():
    assert conversion.split_codes([11, "5", " 11 ", "x", 99], {5, 11}, conversion.gcm_code) == (
        [11, 5],
        ["x", "99"],
    )
    assert conversion.split_codes(
        ["10.7", "10.A", "99.9"], {"10.7", "10.a"}, conversion.sdg_code
    ) == (
        ["10.7", "10.a"],
        ["99.9"],
    )


def test_free_themes_that_name_an_edition_theme_become_links():
    titles = {1: "Labour mobility", 2: "Diaspora  and remittances"}
    numbers, free = conversion.split_themes(
        ["labour mobility", "Theme 2", "Thème 1", "Theme 7", "border data"], titles
    )
    assert numbers == [1, 2]
    assert free == ["Theme 7", "border data"]


def test_one_request_converted_with_a_note_of_what_matched_nothing():
    result = conversion.convert(
        {
            "related_sessions": "RT 1.1, side event",
            "gcm_objectives": [11, 42],
            "sdg_targets": ["10.7", "99.9"],
            "themes": ["Labour mobility", "skills"],
        },
        session_numbers={"1.1"},
        gcm_numbers={11},
        sdg_codes={"10.7"},
        theme_titles={1: "Labour mobility"},
    )
    assert result.sessions == ["1.1"]
    assert result.gcm_objectives == [11] and result.sdg_targets == ["10.7"]
    assert result.theme_numbers == [1] and result.themes == ["skills"]
    assert result.note == "Sessions: side event\nGCM objectives: 42\nSDG targets: 99.9"


def test_a_request_with_nothing_to_convert_gets_no_note():
    result = conversion.convert(
        {"related_sessions": "", "gcm_objectives": [], "sdg_targets": [], "themes": []},
        session_numbers=set(),
        gcm_numbers=set(),
        sdg_codes=set(),
        theme_titles={},
    )
    assert result.note == "" and result.sessions == [] and result.themes == []
