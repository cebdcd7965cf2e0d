"""One search interface over two engines: PostgreSQL full-text search (GIN index) in
production, SQLite FTS5 in the embedded default. Access is part of the query, so results,
snippets, counts and facets only ever contain what the user may read."""

import html
import itertools
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F

from ..models import Document, SearchEntry
from .access import visibility
from .indexing import FTS_TABLE
from .stemming import POSTGRES_CONFIGS, WORD, fold, query_stems, stem, words

SNIPPET_WORDS = 30
SCAN_CHARS = 300_000


@dataclass(frozen=True)
class SearchFilters:
    process: str = ""
    year: int | None = None
    type: str = ""
    language: str = ""
    tag: str = ""  # "SDG 10.7" style codes: an SDG target code (10.7) or a GCM objective (gcm-23)
    author: str = ""  # ISO3 of a state, acronym of an organisation, or person id
    about: str = ""  # "app_label.model:id", e.g. a roundtable session


@dataclass
class Hit:
    document: Document
    entry: SearchEntry
    score: float
    snippet: str = ""


@dataclass
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict] = field(default_factory=dict)


def visible_entries(user):
    return SearchEntry.objects.filter(
        visibility(user, level="access_level", process="process_id_copy", document="document_id")
    )


def filtered(entries, filters: SearchFilters):
    if filters.process:
        entries = entries.filter(document__process__slug=filters.process)
    if filters.year:
        entries = entries.filter(year=filters.year)
    if filters.type:
        entries = entries.filter(type=filters.type)
    if filters.language:
        entries = entries.filter(language=filters.language)
    if filters.tag:
        tag = filters.tag.strip().lower()
        if tag.startswith("gcm-") and tag[4:].isdigit():
            entries = entries.filter(document__gcm_objectives__number=int(tag[4:]))
        else:
            entries = entries.filter(document__sdg_targets__code=tag.removeprefix("sdg-"))
    if filters.author:
        author = filters.author.strip()
        if author.isdigit():
            entries = entries.filter(document__authors__person_id=int(author))
        elif len(author) == 3 and author.isalpha():
            entries = entries.filter(document__authors__state__iso3=author.upper())
        else:
            entries = entries.filter(document__authors__organisation__acronym__iexact=author)
    if filters.about and ":" in filters.about:
        model, _colon, pk = filters.about.partition(":")
        app_label, _dot, model_name = model.partition(".")
        if pk.isdigit():
            entries = entries.filter(
                document__about_type__app_label=app_label,
                document__about_type__model=model_name,
                document__about_id=int(pk),
            )
    return entries


RANK_CANDIDATES = 1000  # PostgreSQL ranks at most this many matching entries (docs/library.md)


def postgres_query(query: str) -> SearchQuery:
    search_query = None
    for config in (*POSTGRES_CONFIGS.values(), "simple"):
        part = SearchQuery(query, search_type="websearch", config=config)
        search_query = part if search_query is None else search_query | part
    return search_query


@contextmanager
def gin_index_planning():
    """Make PostgreSQL find matches through the GIN index.

    The planner does not count the cost of reading each entry's vector out of TOAST storage, so
    for a common word it prefers a sequential scan that decompresses every vector (600 ms at
    20,000 documents) over the bitmap index scan that reads none (45 ms). Sequential scans are
    turned off for the search statements only, and JIT with them (the inflated cost estimate
    would otherwise make PostgreSQL compile the query, which costs more than running it)."""
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off; SET jit = off")
        try:
            yield
        finally:
            cursor.execute("RESET enable_seqscan; RESET jit")


@dataclass
class Matches:
    total: int  # matching documents
    facets: dict[str, dict]
    best: list[tuple]  # (entry id, document id, score), best first


def facet_counts(rows) -> tuple[int, dict[str, dict]]:
    """Matching documents in all, and by type, year and language, from the matching entries
    given as (document id, type, year, language)."""
    documents: dict[int, tuple] = {}
    languages: dict[str, set] = {}
    for document_id, type_, year, language in rows:
        documents.setdefault(document_id, (type_, year))
        languages.setdefault(language, set()).add(document_id)
    facets = {
        "type": dict(Counter(t for t, _y in documents.values()).most_common()),
        "year": dict(sorted(Counter(y for _t, y in documents.values()).items(), reverse=True)),
        "language": dict(Counter({k: len(v) for k, v in languages.items()}).most_common()),
    }
    return len(documents), facets


def postgres_facet_counts(matched) -> tuple[int, dict[str, dict]]:
    """What facet_counts computes, computed by PostgreSQL in one statement (grouping sets), so
    a common word does not send every matching row to Python."""
    inner_sql, params = matched.values(
        "document_id", "type", "year", "language"
    ).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT GROUPING(type), GROUPING(year), GROUPING(language), type, year, language, "
            f"COUNT(DISTINCT document_id) FROM ({inner_sql}) matched "
            "GROUP BY GROUPING SETS ((type), (year), (language), ())",
            params,
        )
        rows = cursor.fetchall()
    total, by = 0, {"type": Counter(), "year": Counter(), "language": Counter()}
    for no_type, no_year, no_language, type_, year, language, count in rows:
        if not no_type:
            by["type"][type_] = count
        elif not no_year:
            by["year"][year] = count
        elif not no_language:
            by["language"][language] = count
        else:
            total = count
    facets = {
        "type": dict(by["type"].most_common()),
        "year": dict(sorted(by["year"].items(), reverse=True)),
        "language": dict(by["language"].most_common()),
    }
    return total, facets


def matching(entries, query: str, wanted: int) -> Matches:
    """How many documents match, the facets, and the ``wanted`` best entries."""
    if connection.vendor == "postgresql":
        search_query = postgres_query(query)
        matched = entries.filter(vector=search_query)
        with gin_index_planning():
            total, facets = postgres_facet_counts(matched)
            # Ranking reads each entry's whole vector: rank a bounded set of candidates, so a
            # very common word costs the same as a rare one. Without ORDER BY, PostgreSQL
            # computes the rank only for the rows the LIMIT lets through.
            candidates = list(
                matched.annotate(score=SearchRank(F("vector"), search_query)).values_list(
                    "id", "document_id", "score"
                )[:RANK_CANDIDATES]
            )
        best = sorted(candidates, key=lambda row: (-row[2], row[0]))[:wanted]
        return Matches(total, facets, best)
    expression = fts_expression(query)
    if not expression:
        return Matches(0, {}, [])
    inner_sql, params = entries.values(
        "id", "document_id", "type", "year", "language"
    ).query.sql_with_params()
    joined = (
        f"FROM {FTS_TABLE} JOIN ({inner_sql}) e ON e.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH %s"
    )
    # One pass: FTS5 scores every match anyway, so the ranked rows also give counts and facets.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id, e.document_id, -bm25({FTS_TABLE}, 5.0, 1.0) AS score, e.type, e.year, "
            f"e.language {joined} ORDER BY score DESC",
            (*params, expression),
        )
        rows = cursor.fetchall()
    total, facets = facet_counts((row[1], row[3], row[4], row[5]) for row in rows)
    return Matches(total, facets, [(row[0], row[1], row[2]) for row in rows[:wanted]])


def fts_expression(query: str) -> str:
    """Each query word matches any of its stems (EN/FR/ES); all words must match."""
    groups = []
    for stems in query_stems(query):
        alternatives = " OR ".join(f'"{stem}"' for stem in sorted(stems) if stem)
        if alternatives:
            groups.append(f"({alternatives})")
    return " AND ".join(groups)


def search(
    user, query: str, filters: SearchFilters | None = None, page: int = 1, per_page: int = 20
):
    filters = filters or SearchFilters()
    entries = filtered(visible_entries(user), filters)
    query = (query or "").strip()[:200]
    if not query or not words(query):
        return SearchResults(query, 0, [])
    start = max(page - 1, 0) * per_page
    # Several entries (languages, a draft) can match per document: ask for enough to fill a page.
    matches = matching(entries, query, wanted=(start + per_page) * 4 + 20)
    ranked: list[tuple] = []
    seen: set[int] = set()
    for row in matches.best:
        if row[1] not in seen:
            seen.add(row[1])
            ranked.append(row)
    window = ranked[start : start + per_page]
    loaded = SearchEntry.objects.select_related("document__process", "document__edition").in_bulk(
        [row[0] for row in window]
    )
    stems = query_stems(query)
    hits = []
    for row in window:
        entry = loaded[row[0]]
        hits.append(Hit(entry.document, entry, row[2], snippet(entry.body, entry.language, stems)))
    return SearchResults(query, matches.total, hits, matches.facets)


def snippet(text: str, language: str, stems: list[set[str]]) -> str:
    """A short passage around the first match, HTML-escaped, matches wrapped in <mark>.

    Reads the text lazily and stops at the first match, so the cost is that of the words before
    it, not of the whole file."""
    wanted = set().union(*stems) if stems else set()
    sample = text[:SCAN_CHARS]

    def matches(word: str) -> bool:
        return fold(word) in wanted or stem(word, language) in wanted

    before: deque = deque(maxlen=SNIPPET_WORDS // 3)
    tokens = WORD.finditer(sample)
    chosen = []
    for match in tokens:
        if matches(match.group(0)):
            chosen = [*before, match]
            break
        before.append(match)
    if not chosen:
        opening = list(itertools.islice(WORD.finditer(sample), SNIPPET_WORDS + 1))
        suffix = " …" if len(opening) > SNIPPET_WORDS else ""
        return html.escape(" ".join(m.group(0) for m in opening[:SNIPPET_WORDS])) + suffix
    chosen += itertools.islice(tokens, SNIPPET_WORDS - len(chosen))
    start, end = chosen[0].start(), chosen[-1].end()
    out, cursor = [], start
    for match in chosen:
        if matches(match.group(0)):
            out.append(html.escape(sample[cursor : match.start()]))
            out.append(f"<mark>{html.escape(match.group(0))}</mark>")
            cursor = match.end()
    out.append(html.escape(sample[cursor:end]))
    prefix = "… " if start > 0 and sample[:start].strip() else ""
    suffix = " …" if sample[end:].strip() else ""
    return prefix + " ".join("".join(out).split()) + suffix
