"""Writing the concept paper on the web and through the API: themes, roundtables, sessions and
their guiding questions, by Support Unit staff of the edition only, with the numbering rules,
and with the history of every change."""

import pytest
from django.urls import reverse

from gfmd.preparation.models import GuidingQuestion, Roundtable, RoundtableSession, Theme
from gfmd.reference.models import GCMGuidingPrinciple, GCMObjective, SDGGoal, SDGTarget
from tests.factories import UserFactory
from tests.helpers import token_for

pytestmark = pytest.mark.django_db
GFMD_2010 = ["gfmd", 4]


def url(name, *args):
    return reverse(f"preparation:{name}", args=[*GFMD_2010, *args])


def session_form(roundtable, number, title, **extra):
    return {"roundtable": roundtable.pk, "number": number, "title_en": title, **extra}


@pytest.fixture
def rt2(edition):
    return Roundtable.objects.get(edition=edition(2010), number="2")


def test_staff_create_a_theme_a_roundtable_and_a_session_through_the_forms(
    client, mexico_staff, edition
):
    client.force_login(mexico_staff)
    assert client.get(url("add_theme")).status_code == 200
    response = client.post(url("add_theme"), {"number": 4, "title_en": "Synthetic theme four"})
    assert response.status_code == 302
    theme = Theme.objects.get(edition=edition(2010), number=4)
    response = client.post(
        url("add_roundtable"), {"theme": theme.pk, "number": "4", "title_en": "Synthetic RT 4"}
    )
    assert response.status_code == 302
    roundtable = Roundtable.objects.get(edition=edition(2010), number="4")
    target = SDGTarget.objects.get(code="10.7")
    response = client.post(
        url("add_session"),
        session_form(
            roundtable,
            "4.1",
            "Synthetic session 4.1",
            expected_outcomes_en="Synthetic outcomes",
            gender="on",
            sdg_targets=[target.pk],
        ),
    )
    assert response.status_code == 302
    session = RoundtableSession.objects.get(edition=edition(2010), number="4.1")
    assert (session.status, session.gender, session.roundtable) == ("draft", True, roundtable)
    assert list(session.sdg_targets.all()) == [target]
    # Reachable from the agenda page, where the draft shows to staff.
    agenda = client.get(reverse("preparation:agenda", args=GFMD_2010)).content.decode()
    assert url("add_session") in agenda and url("edit_session", "4.1") in agenda
    assert "Synthetic session 4.1" in agenda


def test_a_duplicate_session_number_is_refused_with_a_message_and_nothing_is_saved(
    client, mexico_staff, rt2
):
    client.force_login(mexico_staff)
    before = RoundtableSession.objects.count()
    response = client.post(url("add_session"), session_form(rt2, "2.1", "Synthetic again"))
    assert response.status_code == 400
    assert "This edition already has a session 2.1." in response.content.decode()
    assert RoundtableSession.objects.count() == before
    assert not RoundtableSession.objects.filter(title_en="Synthetic again").exists()


def test_a_session_number_must_sit_under_its_roundtable(client, mexico_staff, rt2):
    client.force_login(mexico_staff)
    response = client.post(url("add_session"), session_form(rt2, "3.9", "Synthetic misplaced"))
    assert response.status_code == 400
    assert "cannot belong to roundtable 2 of theme 2" in response.content.decode()
    assert not RoundtableSession.objects.filter(title_en="Synthetic misplaced").exists()


def test_a_roundtable_number_starts_with_its_theme_number(client, mexico_staff, edition):
    client.force_login(mexico_staff)
    theme = Theme.objects.get(edition=edition(2010), number=1)
    response = client.post(
        url("add_roundtable"), {"theme": theme.pk, "number": "2.1", "title_en": "Synthetic"}
    )
    assert response.status_code == 400
    assert "its number starts with the theme&#x27;s" in response.content.decode()
    duplicate = client.post(url("add_theme"), {"number": 1, "title_en": "Synthetic theme"})
    assert "This edition already has a theme 1." in duplicate.content.decode()
    assert Theme.objects.filter(edition=edition(2010)).count() == 3


@pytest.mark.parametrize("who", ["stranger", "focal_point", "other_staff"])
def test_others_may_not_write_the_concept_paper(client, who, ghana_focal_point, edition, rt2):
    from tests.helpers import support_unit_user

    users = {
        "stranger": lambda: UserFactory(),
        "focal_point": lambda: ghana_focal_point,
        # Staff of another chairmanship of the GFMD that is not in office (Belgium, 2007).
        "other_staff": lambda: support_unit_user("gfmd-2007-belgium", email="be@example.test"),
    }
    client.force_login(users[who]())
    assert client.get(url("add_session")).status_code == 403
    response = client.post(url("add_session"), session_form(rt2, "2.9", "Synthetic intruder"))
    assert response.status_code == 403
    assert client.post(url("add_theme"), {"number": 7, "title_en": "X"}).status_code == 403
    assert not RoundtableSession.objects.filter(title_en="Synthetic intruder").exists()
    assert not Theme.objects.filter(edition=edition(2010), number=7).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(url("edit_session", "1.1"))
    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_editing_a_session_keeps_history_of_fields_tags_and_continuity(
    client, mexico_staff, session_of
):
    client.force_login(mexico_staff)
    session = session_of(2010, "2.1")
    earlier = session_of(2007, "2.1")
    objective = GCMObjective.objects.get(number=20)
    data = session_form(
        session.roundtable,
        "2.1",
        session.title_en,
        expected_outcomes_en="Synthetic outcomes of 2.1",
        gcm_objectives=[objective.pk],
        builds_on=[earlier.pk],
        continuity_note="Synthetic: remittances again",
    )
    response = client.post(url("edit_session", "2.1"), data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.expected_outcomes_en == "Synthetic outcomes of 2.1"
    assert list(session.builds_on.all()) == [earlier]
    assert list(session.gcm_objectives.all()) == [objective]
    page = client.get(url("edit_session", "2.1")).content.decode()
    history = page.split('id="history-title"')[1]
    assert "Synthetic outcomes of 2.1" in history
    assert "builds on: — → 2007 2.1" in history
    assert "GCM 20" in history
    assert mexico_staff.person.full_name in history and mexico_staff.email not in history


def test_a_session_builds_only_on_sessions_of_earlier_editions(client, mexico_staff, session_of):
    client.force_login(mexico_staff)
    session = session_of(2010, "2.1")
    later = session_of(2018, "1.1")
    data = session_form(session.roundtable, "2.1", session.title_en, builds_on=[later.pk])
    response = client.post(url("edit_session", "2.1"), data)
    assert response.status_code == 400  # not offered: sessions of later editions are not choices
    assert not session.builds_on.exists()


def test_guiding_questions_are_added_reordered_and_removed(client, mexico_staff, session_of):
    client.force_login(mexico_staff)
    session = session_of(2010, "2.2")
    address = url("edit_questions", "2.2")
    assert client.get(address).status_code == 200
    goal = SDGGoal.objects.get(number=10)

    def formset(rows):
        data = {
            "form-TOTAL_FORMS": str(len(rows)),
            "form-INITIAL_FORMS": str(sum(1 for r in rows if r.get("id"))),
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
        }
        for n, row in enumerate(rows):
            for key, value in row.items():
                data[f"form-{n}-{key}"] = value
        return data

    response = client.post(
        address,
        formset(
            [
                {"text_en": "Synthetic question A?", "ORDER": "1"},
                {"text_en": "Synthetic question B?", "ORDER": "2", "sdg_goals": [goal.pk]},
                {"text_en": "Synthetic question C?", "ORDER": "3"},
            ]
        ),
    )
    assert response.status_code == 302
    questions = list(session.guiding_questions.order_by("position"))
    assert [q.text_en[-2] for q in questions] == ["A", "B", "C"]
    assert list(questions[1].sdg_goals.all()) == [goal]
    a, b, c = questions
    # C first, A second, B removed.
    response = client.post(
        address,
        formset(
            [
                {"id": a.pk, "text_en": a.text_en, "ORDER": "2"},
                {"id": b.pk, "text_en": b.text_en, "ORDER": "3", "DELETE": "on"},
                {"id": c.pk, "text_en": c.text_en, "ORDER": "1"},
            ]
        ),
    )
    assert response.status_code == 302
    assert [(q.pk, q.position) for q in session.guiding_questions.order_by("position")] == [
        (c.pk, 1),
        (a.pk, 2),
    ]
    history = client.get(address).content.decode().split('id="history-title"')[1]
    assert "deleted — guiding question: Synthetic question B?" in history
    assert "<b>position</b>: 3 → 1" in history


def test_a_question_without_english_text_is_refused_and_nothing_changes(
    client, mexico_staff, session_of
):
    client.force_login(mexico_staff)
    session = session_of(2010, "1.1")
    before = list(session.guiding_questions.values_list("pk", "position", "text_en"))
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-text_fr": "Une question synthétique ?",
        "form-0-ORDER": "1",
    }
    response = client.post(url("edit_questions", "1.1"), data)
    assert response.status_code == 400
    assert "Give the question in English, or tick Delete." in response.content.decode()
    assert list(session.guiding_questions.values_list("pk", "position", "text_en")) == before


def test_the_api_writes_with_the_same_rules(client, mexico_staff, edition):
    api = "/api/v1/editions/gfmd/4/"
    headers = {"HTTP_AUTHORIZATION": f"Token {token_for(mexico_staff)}"}
    response = client.post(
        api + "roundtables/2/sessions",
        {"number": "2.1", "title_en": "Synthetic API twin"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400
    assert response.json()["errors"]["number"] == ["This edition already has a session 2.1."]
    response = client.post(
        api + "roundtables/2/sessions",
        {"number": "2.5", "title_en": "Synthetic API session", "sdg_targets": ["10.7"]},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201 and response.json()["sdg_targets"] == ["10.7"]
    response = client.put(
        api + "sessions/2.5/guiding-questions",
        [{"text_en": "Synthetic first?"}, {"text_en": "Synthetic second?", "sdg_goals": [10]}],
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200
    assert [q["position"] for q in response.json()] == [1, 2]
    response = client.patch(
        api + "sessions/2.5",
        {"builds_on": ["2007 2.1"], "gcm_objectives": [20]},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200 and response.json()["builds_on"] == ["2007 2.1"]
    response = client.post(
        api + "themes", {"number": 2, "title_en": "X"}, content_type="application/json", **headers
    )
    assert response.status_code == 400 and "number" in response.json()["errors"]
    stranger = {"HTTP_AUTHORIZATION": f"Token {token_for(UserFactory())}"}
    response = client.post(
        api + "roundtables/2/sessions",
        {"number": "2.6", "title_en": "Synthetic stranger"},
        content_type="application/json",
        **stranger,
    )
    assert response.status_code == 403
    assert not RoundtableSession.objects.filter(edition=edition(2010), number="2.6").exists()
    assert GuidingQuestion.objects.filter(session__number="2.5", session__edition=edition(2010))


def test_the_questions_page_of_a_long_session_runs_a_bounded_number_of_queries(
    client, ecuador_staff, django_assert_max_num_queries
):
    client.force_login(ecuador_staff)  # in office: keeps the archives of 2018 (003 L820-L822)
    assert GCMGuidingPrinciple.objects.exists()
    with django_assert_max_num_queries(30):  # 15 questions; their tags are read once
        response = client.get(reverse("preparation:edit_questions", args=["gfmd", 11, "1.1"]))
    assert response.status_code == 200
    assert response.content.decode().count('class="guiding-question"') == 15 + 2


@pytest.mark.parametrize("odd", ["²", "99999999999999999999"])
def test_an_odd_theme_in_the_new_roundtable_address_is_ignored(client, mexico_staff, odd):
    client.force_login(mexico_staff)
    response = client.get("/en/editions/gfmd/4/roundtables/new/", {"theme": odd})
    assert response.status_code == 200
