"""The browsable SDG and GCM reference: the lists in the reader's language (English where the
UN text exists only in English, said so on the page), and on each entry what the platform
tagged with it: published sessions, themes and guiding questions, readable library documents."""

import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gfmd.preparation.domain.concept import create_session
from gfmd.preparation.models import Roundtable, RoundtableSession
from gfmd.reference.models import GCMObjective, SDGTarget

pytestmark = pytest.mark.django_db


def page(client, name, *args, language="en") -> str:
    from django.utils import translation

    with translation.override(language):
        url = reverse(f"reference:{name}", args=args)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def section(html: str, css_class: str) -> str:
    return html.split(f'class="{css_class}"')[1].split("</ul>")[0]


def test_the_index_lists_the_four_lists_and_the_header_links_to_it(client):
    html = page(client, "index")
    assert html.count('id="sdg-') == 17
    assert html.count('id="gcm-') == 23
    assert html.count('id="principle-') == 10
    assert reverse("reference:sdg_target", args=["8.7"]) not in html  # targets: on goal pages
    home = client.get("/en/").content.decode()
    assert reverse("reference:index") in home


def test_a_target_lists_the_2018_theme_tagged_with_it(client):
    html = page(client, "sdg_target", "8.7")
    themes = section(html, "tagged-themes")
    assert "2018" in themes and "From vulnerability to resilience" in themes
    assert "None." in section(html, "tagged-sessions")


def test_a_goal_lists_its_targets_and_the_question_citing_it(client):
    html = page(client, "sdg_goal", 11)
    assert html.count('id="target-11.') == 10
    questions = section(html, "tagged-questions")
    assert "session 1.1, question 14" in questions  # 2018 RT 1.1 Q14 cites SDG 11


def test_a_guiding_principle_lists_the_question_citing_it(client):
    html = page(client, "gcm_guiding_principle", 10)
    assert "session 2.2, question 10" in section(html, "tagged-questions")
    assert "Whole-of-society approach" in html


def session_of(year: int, number: str) -> RoundtableSession:
    return RoundtableSession.objects.get(
        edition__process__slug="gfmd", edition__year=year, number=number
    )


def test_an_objective_lists_published_sessions_and_readable_documents_only(client, tagged_document):
    objective = GCMObjective.objects.get(number=23)
    session_of(2010, "1.1").gcm_objectives.add(objective)
    draft = session_of(2019, "3.2")
    draft.gcm_objectives.add(objective)
    tagged_document("Synthetic public paper on cooperation", gcm_objectives=[objective])
    tagged_document(
        "Synthetic staff note on cooperation", level="support_unit", gcm_objectives=[objective]
    )
    html = page(client, "gcm_objective", 23)
    sessions = section(html, "tagged-sessions")
    assert "Partnerships for more regular and protected migration" in sessions
    assert draft.title_en not in sessions  # a draft is not public
    documents = section(html, "tagged-documents")
    assert "Synthetic public paper on cooperation" in documents
    assert "Synthetic staff note" not in documents


def test_pages_in_french_and_spanish_say_when_the_un_text_is_english_only(client):
    french = unicodedata.normalize("NFC", page(client, "sdg_target", "8.7", language="fr"))
    assert "Prendre des mesures immédiates et efficaces" in french
    assert "not available in your language" not in french
    objective_fr = page(client, "gcm_objective", 23, language="fr")
    assert "Strengthen international cooperation" in objective_fr  # the English title, said so
    assert 'class="note"' in objective_fr
    principle_es = page(client, "gcm_guiding_principle", 10, language="es")
    assert 'class="note"' in principle_es
    principle_fr = unicodedata.normalize(
        "NFC", page(client, "gcm_guiding_principle", 10, language="fr")
    )
    assert "Approche mobilisant l’ensemble de la société" in principle_fr
    assert 'class="note"' not in principle_fr


def test_unknown_entries_are_not_found(client):
    assert client.get(reverse("reference:sdg_target", args=["99.9"])).status_code == 404
    assert client.get(reverse("reference:gcm_objective", args=[24])).status_code == 404


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("index", []),
        ("sdg_goal", [8]),
        ("sdg_target", ["8.7"]),
        ("gcm_objective", [7]),
        ("gcm_guiding_principle", [6]),
    ],
)
def test_reference_pages_run_a_fixed_number_of_queries(
    client, name, args, edition, tagged_document
):
    url = reverse(f"reference:{name}", args=args)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    # More tagged sessions, questions and documents must not mean more queries.
    target, objective = SDGTarget.objects.get(code="8.7"), GCMObjective.objects.get(number=7)
    roundtable = Roundtable.objects.get(edition=edition(2010), number="2")
    for number in ("2.5", "2.6", "2.7"):
        session = create_session(
            roundtable=roundtable,
            number=number,
            title_en=f"Synthetic session {number}",
            sdg_targets=[target],
            gcm_objectives=[objective],
        )
        RoundtableSession.objects.filter(pk=session.pk).update(status="published")
        tagged_document(
            f"Synthetic paper {number}", sdg_targets=[target], gcm_objectives=[objective]
        )
    with CaptureQueriesContext(connection) as after:
        html = client.get(url).content.decode()
    assert len(after) == len(before)
    if name in ("sdg_target", "gcm_objective"):
        assert "Synthetic session 2.7" in html and "Synthetic paper 2.7" in html
