"""The recommendations of 2007 and 2010 as the sources state them, linked to the sessions that
preparation loads, with provenance; one follow-up report, the one a source states."""

import re
from collections import Counter
from pathlib import Path

import pytest

from gfmd.outcomes.models import FollowUp, Recommendation
from gfmd.sources.loaders.outcomes import load_outcomes

pytestmark = pytest.mark.django_db

SOURCES = Path(__file__).resolve().parents[3] / "shared" / "sources"
FILES = {"003": "003_dacc9fc2062a1cc2.txt", "002": "002_b86e28c3b98769a4.txt"}


def source_lines(document: str, lines: str) -> str:
    """The cited lines of a source document (e.g. "L2576-L2578, L2582-L2584")."""
    text = (SOURCES / FILES[document]).read_text(encoding="utf-8").split("\n")
    chunks = []
    for start, end in re.findall(r"L(\d+)(?:-L(\d+))?", lines):
        chunks += text[int(start) - 1 : int(end or start)]
    return "\n".join(chunks)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def quoted_in(text: str, source: str) -> bool:
    """Every word of ``text``, in order, among the words of ``source`` (a word split at a line
    end is rejoined; footnotes and side headings between the quoted words are allowed)."""
    wanted = words(text)
    found = words(re.sub(r"-\n\s*", "", source))
    i = 0
    for word in found:
        if i < len(wanted) and word == wanted[i]:
            i += 1
        elif i + 1 < len(wanted) and word == wanted[i] + wanted[i + 1]:
            i += 2  # "pre-departure" split across a line in the source
    return i == len(wanted)


def test_the_check_of_quotes_would_see_a_changed_word():
    source = "Establish a matrix of good practices for countries of ori-\ngin and destination"
    assert quoted_in("Establish a matrix of good practices for countries of origin", source)
    assert not quoted_in("Establish a matrix of best practices for countries of origin", source)


def test_counts_per_edition_and_session():
    by_edition = Counter(Recommendation.objects.values_list("edition__year", flat=True))
    assert by_edition == {2007: 54, 2010: 45}
    sessions_2010 = Counter(
        Recommendation.objects.filter(edition__year=2010).values_list("session__number", flat=True)
    )
    # 002: 3 RTs, 7 sessions, 45 numbered recommendations
    assert sessions_2010 == {"1.1": 8, "1.2": 10, "2.1": 8, "2.2": 6, "3.1": 5, "3.2": 3, "3.3": 5}
    issues = Counter(
        Recommendation.objects.filter(edition__year=2007).values_list(
            "horizontal_issue_en", flat=True
        )
    )
    assert issues["Root causes of migration"] == 3
    assert issues["Human rights"] == 6
    assert issues["Gender"] == 4


def test_every_recommendation_quotes_its_source_lines_faithfully():
    unfaithful = [
        f"{r.edition.year} {r.reference} ({r.source_lines})"
        for r in Recommendation.objects.select_related("edition", "session", "roundtable")
        if not r.source_document
        or not quoted_in(r.text_en, source_lines(r.source_document, r.source_lines))
    ]
    assert unfaithful == []


@pytest.mark.parametrize(
    ("year", "session", "number", "start"),
    [
        (2007, "1.3", 1, "Undertake a feasibility study of financial intermediation services"),
        (2007, "2.1", 5, "Support research on remittance senders’ behaviour."),
        (2010, "1.1", 4, "Brain drain is one of the problems that must be tackled"),
        (2010, "2.2", 5, "Establish an ad hoc Working Group on Gender within the GFMD"),
        (2010, "3.3", 2, "Each RCP and IRF should freely decide whether its deliberations"),
    ],
)
def test_a_few_texts(recommendation_of, year, session, number, start):
    assert recommendation_of(year, session, number).text_en.startswith(start)


def test_owners_targets_and_sessions_from_the_source(recommendation_of):
    study = recommendation_of(2007, "1.3", 1)
    assert [s.iso3 for s in study.lead_states.all()] == ["BGD"]
    assert study.reporting_edition.year == 2008
    assert study.session.source_document == "003"  # the session preparation loaded
    workshop = recommendation_of(2007, "1.4", 1)
    assert [o.acronym for o in workshop.actor_organisations.all()] == ["EC"]
    assert recommendation_of(2007, "1.3", 3).horizon == "long"
    assert recommendation_of(2010, "3.1", 1).addressees_en.startswith("Interested governments")
    general = Recommendation.objects.get(edition__year=2007, roundtable__number="2", session=None)
    assert general.text_en.startswith("A general recommendation that came out of each session")
    assert all(r.non_binding for r in Recommendation.objects.all())


def test_inferences_say_so(recommendation_of):
    dubai = recommendation_of(2010, "2.1", 1)
    assert [s.iso3 for s in dubai.lead_states.all()] == ["ARE"]
    assert dubai.source_note.startswith("Inferred.")


def test_the_only_follow_up_is_the_one_the_source_states(recommendation_of):
    (report,) = FollowUp.objects.all()
    assert report.recommendation == recommendation_of(2010, "2.1", 1)
    assert (report.status, report.progress, report.reported_on_precision) == (
        "in_progress",
        None,
        "month",
    )
    assert (report.source_document, report.source_lines) == ("002", "L1286-L1287, L1453")
    assert quoted_in(report.text_en, source_lines("002", "L1286-L1287"))


def test_loading_again_changes_nothing():
    before = (Recommendation.objects.count(), FollowUp.objects.count())
    counts = load_outcomes(log=lambda message: None)
    assert counts == {"recommendations": 99, "follow-up reports": 1}
    assert (Recommendation.objects.count(), FollowUp.objects.count()) == before
