"""The concept paper: demo data from the sources, numbering, continuity and questions."""

from pathlib import Path

import pytest
from django.conf import settings

from gfmd.common.errors import DomainError
from gfmd.preparation.domain.concept import (
    check_new_topics,
    check_session_number,
    create_session,
    near_duplicate_questions,
)
from gfmd.preparation.models import GuidingQuestion, Roundtable, RoundtableSession, Theme

pytestmark = pytest.mark.django_db
SOURCES = Path(settings.PROJECT_DIR.parent / "shared" / "sources")


def test_2018_has_three_themes_six_roundtables_and_58_guiding_questions(edition):
    e2018 = edition(2018)
    assert Theme.objects.filter(edition=e2018).count() == 3
    assert Roundtable.objects.filter(edition=e2018).count() == 6
    counts = [s.guiding_questions.count() for s in RoundtableSession.objects.filter(edition=e2018)]
    assert counts == [15, 9, 8, 10, 9, 7]
    theme1 = Theme.objects.get(edition=e2018, number=1)
    assert sorted(t.code for t in theme1.sdg_targets.all()) == ["16.2", "5.2", "8.7", "8.8"]


def test_2010_has_three_roundtables_seven_sessions_and_the_annex_5_seats(edition):
    sessions = RoundtableSession.objects.filter(edition=edition(2010))
    assert sessions.count() == 7
    assert Roundtable.objects.filter(edition=edition(2010)).count() == 3
    seats = dict.fromkeys(("co_chair", "member", "partner"), 0)
    for session in sessions:
        for member in session.team.all():
            seats[member.seat] += 1
    assert seats == {"co_chair": 16, "member": 69, "partner": 18}  # 002 Annex 5


def test_2007_has_twelve_sessions_with_roles(edition):
    sessions = RoundtableSession.objects.filter(edition=edition(2007))
    assert sessions.count() == 12
    assert sessions.get(number="1.1").roles.get(kind="co_chair").state.iso3 == "GHA"


def _source_lines(document: str, lines: str) -> str:
    path = next(SOURCES.glob(f"{document}_*.txt"))
    text = path.read_text(encoding="utf-8").split("\n")
    first = lines.split(",")[0].strip().lstrip("L").split("-L")
    start, end = int(first[0]), int(first[-1])
    return " ".join(text[start - 1 : end])


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text.lower()).split()


def test_each_guiding_question_is_found_at_its_stated_lines():
    for question in GuidingQuestion.objects.all():
        found = _words(_source_lines(question.source_document, question.source_lines))
        opening = _words(question.text_en)[:6]
        assert " ".join(opening) in " ".join(found), (question.source_lines, question.text_en)


def test_each_2010_session_title_is_found_at_its_stated_lines(edition):
    for session in RoundtableSession.objects.filter(edition=edition(2010)):
        found = " ".join(_words(_source_lines("002", session.source_lines)))
        assert " ".join(_words(session.title_en)[:4]) in found


def test_near_duplicate_questions_flag_only_2018_rt_3_2(edition):
    flagged = {}
    for session in RoundtableSession.objects.filter(edition=edition(2018)):
        pairs = near_duplicate_questions(list(session.guiding_questions.all()))
        if pairs:
            flagged[session.number] = [(a.position, b.position) for a, b in pairs]
    assert flagged == {"3.2": [(1, 2)]}


def test_a_session_number_belongs_to_its_theme(edition):
    roundtable = Roundtable.objects.get(edition=edition(2010), number="1")
    assert check_session_number(roundtable, "1.3") == "1.3"
    with pytest.raises(DomainError, match="cannot belong"):
        check_session_number(roundtable, "2.1")
    with pytest.raises(DomainError, match="not a session number"):
        check_session_number(roundtable, "one")


def test_session_numbers_are_unique_within_an_edition(edition):
    roundtable = Roundtable.objects.get(edition=edition(2010), number="1")
    with pytest.raises(DomainError, match="already has a session 1.1"):
        create_session(roundtable=roundtable, number="1.1", title_en="Again")
    assert RoundtableSession.objects.filter(edition=edition(2010), number="1.1").count() == 1


def test_more_than_two_new_topics_is_a_warning(edition, session_of):
    sessions = list(RoundtableSession.objects.filter(edition=edition(2018)))
    [warning] = check_new_topics(sessions, has_earlier_edition=True)
    assert warning.code == "too_many_new_topics" and "003 L9116" in warning.source
    earlier = session_of(2010, "1.1")
    for session in sessions[:4]:
        session.builds_on.add(earlier)
    sessions = list(RoundtableSession.objects.filter(edition=edition(2018)))
    assert check_new_topics(sessions, has_earlier_edition=True) == []
    assert check_new_topics(sessions, has_earlier_edition=False) == []
