"""Ranking, facets and snippets of the one search interface, on both engines."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gfmd.library import tasks
from gfmd.library.domain import search as search_module
from gfmd.library.domain.documents import Upload, add_version
from gfmd.library.domain.indexing import reindex_document
from gfmd.library.domain.indexing import reindex_document as reindex
from gfmd.library.domain.search import SearchFilters, search, snippet
from gfmd.library.domain.stemming import query_stems
from gfmd.library.models import Document, SearchEntry
from tests.helpers import focal_point_user, support_unit_user

from .files import pdf_bytes, upload


def test_a_title_match_ranks_first_even_when_more_documents_match_than_are_ranked(
    make_document, monkeypatch
):
    monkeypatch.setattr(search_module, "RANK_CANDIDATES", 2)
    body_only = [make_document(slug=f"body-{n}") for n in range(4)]
    titled = make_document(slug="titled")
    Document.objects.filter(pk=titled.pk).update(title_en="Xylophones and migration")
    reindex_document(titled.pk)
    results = search(AnonymousUser(), "xylophones")
    assert results.total == 5
    assert results.hits[0].document == titled
    assert {hit.document for hit in results.hits} == {titled, *body_only}
    # Deeper pages continue the first ones: every match once, beyond the ranked candidates too.
    pages = [search(AnonymousUser(), "xylophones", page=n, per_page=2).hits for n in (1, 2, 3)]
    paged = [hit.document for hits in pages for hit in hits]
    assert paged[0] == titled and len(paged) == 5 and set(paged) == {titled, *body_only}


def test_every_facet_counts_documents_not_files(make_document):
    make_document(
        texts={"en": "Xylophones in English", "fr": "Les xylophones en français"}, slug="both"
    )
    make_document(texts={"fr": "Encore des xylophones"}, slug="french-only")
    results = search(AnonymousUser(), "xylophones")
    assert results.total == 2
    assert results.facets["language"] == {"fr": 2, "en": 1}
    assert results.facets["type"] == {"background-paper": 2}
    assert results.facets["year"] == {2010: 2}
    french = search(AnonymousUser(), "xylophones", SearchFilters(language="fr"))
    assert french.total == 2


def test_snippet_finds_an_accented_form_far_into_the_text():
    text = " ".join(["filler"] * 5000) + " Le Développement durable des migrants " + "fin " * 50
    passage = snippet(text, "fr", query_stems("developpement"))
    assert "<mark>Développement</mark>" in passage
    assert passage.startswith("… filler") and passage.endswith(" …")


def test_snippet_without_a_match_shows_the_opening_words():
    passage = snippet("Opening words of a long paper " * 20, "en", query_stems("xylophones"))
    assert passage.startswith("Opening words of a long paper") and passage.endswith(" …")


def test_a_title_match_ranks_first_for_a_common_word(make_document):
    # Every document mentions the word (SQLite's bm25 then gives it the least weight), most of
    # them in the text, one to three times; the one whose title says it is the most relevant,
    # though it is the newest and its text never says it.
    filler = " ".join(["instruments"] * 30)
    for n in range(25):
        mentions = " ".join(["xylophones", filler] * (n % 3 + 1))
        make_document(texts={"en": f"{filler} {mentions}"}, slug=f"body-{n}")
    titled = make_document(texts={"en": f"{filler} {filler} marimbas"}, slug="titled")
    Document.objects.filter(pk=titled.pk).update(title_en="Xylophones")
    reindex_document(titled.pk)
    results = search(AnonymousUser(), "xylophones")
    assert results.total == 26 and results.facets["language"] == {"en": 26}
    assert results.hits[0].document == titled


def test_counts_and_facets_count_the_documents_the_user_may_read_once_each(
    make_document, django_capture_on_commit_callbacks, state
):
    public = make_document(texts={"en": "Xylophones", "fr": "Les xylophones", "es": "Xilófonos"})
    make_document("support_unit", texts={"fr": "Des xylophones"}, slug="hidden")
    teamwork = make_document(
        texts={"en": "Xylophones in the final"}, slug="team", team_states=[state("GHA")]
    )
    with django_capture_on_commit_callbacks(execute=True):  # a newer draft, read by the team
        add_version(
            teamwork,
            status="draft",
            uploads=[Upload("en", upload("en.pdf", pdf_bytes("Xylophones in the draft")))],
        )
    anonymous = search(AnonymousUser(), "xylophones")
    assert anonymous.total == 2
    assert anonymous.facets["language"] == {"en": 2, "fr": 1}  # Spanish: "xilófonos"
    assert anonymous.facets["type"] == {"background-paper": 2}
    team = search(focal_point_user(state("GHA")), "xylophones")
    # The team reads the final and the draft of one document: it counts once, and shows once.
    assert SearchEntry.objects.filter(document=teamwork).count() == 2
    assert team.total == 2 and team.facets["language"] == {"en": 2, "fr": 1}
    assert sorted(hit.document.pk for hit in team.hits) == sorted([public.pk, teamwork.pk])
    staff = search(support_unit_user("gfmd-2010-mexico"), "xylophones")
    assert staff.total == 3 and staff.facets["language"] == {"fr": 2, "en": 2}
    assert staff.facets["year"] == {2010: 3}


def test_an_upload_extracts_and_indexes_each_file_once(
    make_document, django_capture_on_commit_callbacks, monkeypatch
):
    document = make_document(texts={"en": "Xylophones"})
    calls = []
    monkeypatch.setattr(tasks, "reindex_document", lambda pk: calls.append(pk) or reindex(pk))
    with django_capture_on_commit_callbacks(execute=True):
        add_version(
            document,
            status="final",
            uploads=[
                Upload("en", upload("en.pdf", pdf_bytes("Marimbas in English"))),
                Upload("fr", upload("fr.pdf", pdf_bytes("Des marimbas en francais"))),
            ],
        )
    assert calls == [document.pk, document.pk]  # once after each file's text is read
    french = search(AnonymousUser(), "marimbas", SearchFilters(language="fr"))
    assert french.total == 1 and "francais" in french.hits[0].snippet
    assert not search(AnonymousUser(), "xylophones").total  # the new final replaces the old


def test_one_statement_counts_facets_and_best_rows_on_each_engine(make_document):
    make_document()
    with CaptureQueriesContext(connection) as queries:
        assert search(AnonymousUser(), "xylophones", SearchFilters(year=2010)).total == 1
    marker = {"sqlite": " MATCH ", "postgresql": "GROUPING SETS"}[connection.vendor]
    statements = [q["sql"] for q in queries.captured_queries if marker in q["sql"]]
    assert len(statements) == 1
    if connection.vendor == "sqlite":
        # The covering index is how SQLite avoids reading each entry's long row.
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {statements[0]}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
        assert f"COVERING INDEX {search_module.SEARCH_KEYS_INDEX}" in plan
