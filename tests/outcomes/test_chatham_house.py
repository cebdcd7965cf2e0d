"""The Chatham House check (R3, 003 L9650-L9651): it flags a floor statement attributed to a
named state or person, lets through what the 2010 report writes ("one delegate") and the names
that may appear (panellists, chairs, the reporting state), and only warns."""

import pytest

from gfmd.outcomes.domain.chatham_house import check_chatham_house, split_sentences

STATES = ["Morocco", "Mexico", "Maroc", "México", "Switzerland", "Ghana", "Niger", "Nigeria"]


def names(text: str, **options) -> list[str]:
    return [w.name for w in check_chatham_house(text, state_names=STATES, **options)]


def test_it_flags_a_statement_attributed_to_a_named_state():
    # 003 L2324, as it would read in a summary of floor interventions
    text = (
        "Many successful projects have been carried out. Morocco suggested that improved "
        "economic and political conditions at home are likely to incentivise the diaspora."
    )
    (warning,) = check_chatham_house(text, state_names=STATES)
    assert warning.name == "Morocco"
    assert warning.sentence.startswith("Morocco suggested that improved")
    assert warning.code == "chatham_house" and warning.source == "003 L9650-L9651"
    assert "Chatham House Rule" in warning.message


def test_it_does_not_flag_an_anonymous_intervention():
    # 002 L2029-L2030: the 2010 report's own wording
    text = (
        "Another delegate called for stronger binding agreements among RCP members. The work of "
        "RCPs, he said, must go beyond statements and consultative processes."
    )
    assert names(text) == []


def test_it_does_not_flag_a_state_named_for_what_it_did():
    assert names("Switzerland and Ghana co-organized a workshop in Dubai in January 2011.") == []


def test_panellists_chairs_and_the_reporting_state_may_be_named():
    text = "Morocco suggested that conditions matter. Mr Peter Sutherland suggested a committee."
    assert names(text) == ["Morocco", "Mr Peter Sutherland"]
    assert names(text, allowed_names=["Morocco", "Peter Sutherland"]) == []
    assert names("Mr Sutherland said so.", allowed_names=["Peter Sutherland"]) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("According to Mexico, the costs fell by a third.", "Mexico"),
        ("Mr. Smith (Canada) stressed the cost of remittances.", "Mr. Smith"),
        ("H.E. Ms. Maria Bassols noted the progress made.", "Ms. Maria Bassols"),
        ("Le Maroc a souligné l'importance des diasporas.", "Maroc"),
        ("México dijo que los costos bajaron.", "México"),
        ("The delegate of Nigeria objected to the wording.", "Nigeria"),
    ],
)
def test_it_flags_the_forms_an_attribution_takes(text, name):
    assert names(text) == [name]


def test_one_warning_per_sentence_and_sentences_split_after_abbreviations():
    assert split_sentences("Mr. Smith spoke. Dr. J. Doe left! Then e.g. this.\n\nEnd") == [
        "Mr. Smith spoke.",
        "Dr. J. Doe left!",
        "Then e.g. this.",
        "End",
    ]
    assert names("Mexico said yes and Morocco argued no.") == ["Mexico"]
    assert names("") == []


@pytest.mark.django_db
def test_by_default_it_knows_the_directorys_states_in_three_languages():
    assert [w.name for w in check_chatham_house("Le Maroc a déclaré son soutien.")] == ["Maroc"]
    assert [w.name for w in check_chatham_house("Morocco stressed its support.")] == ["Morocco"]
