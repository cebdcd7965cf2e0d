"""Ranking, facets and snippets of the one search interface, on both engines."""

from django.contrib.auth.models import AnonymousUser

from gfmd.library.domain import search as search_module
from gfmd.library.domain.indexing import reindex_document
from gfmd.library.domain.search import SearchFilters, search, snippet
from gfmd.library.domain.stemming import query_stems
from gfmd.library.models import Document


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
