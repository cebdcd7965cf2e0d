"""One search interface over two engines: PostgreSQL full-text search (GIN index) in
production, SQLite FTS5 in the embedded default. Access is part of the query, so results,
snippets, counts and facets only ever contain what the user may read."""

import html
import itertools
import re
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.postgres.search import SearchQuery, SearchVectorExact
from django.db import connection
from django.db.models import F, Q

from gfmd.common.parsing import whole_number

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
        visibility(
            user,
            level="access_level",
            process="process_id_copy",
            document="document_id",
            edition="edition_id_copy",
        )
    )


def filtered(entries, filters: SearchFilters):
    """Search entries that pass the filters (the entry carries its year, type and language)."""
    if filters.year:
        entries = entries.filter(year=filters.year)
    if filters.type:
        entries = entries.filter(type=filters.type)
    if filters.language:
        entries = entries.filter(language=filters.language)
    return entries.filter(document_conditions(filters, "document__"))


def filtered_documents(documents, filters: SearchFilters, readable_versions):
    """Documents that pass the filters, for the library's listing without a query: the same
    filters as a search, the language being that of a file of a version the reader may read."""
    if filters.year:
        documents = documents.filter(year=filters.year)
    if filters.type:
        documents = documents.filter(type=filters.type)
    if filters.language:
        in_language = readable_versions.filter(files__language=filters.language)
        documents = documents.filter(id__in=in_language.values("document_id"))
    conditions = document_conditions(filters)
    if conditions:  # through a subquery: several matching tags or authors list a document once
        documents = documents.filter(id__in=Document.objects.filter(conditions).values("id"))
    return documents


def document_conditions(filters: SearchFilters, path: str = "") -> Q:
    """The filters that read the document itself (process, tag, author, what it is about), on
    the document reached through ``path``."""
    conditions = Q()
    if filters.process:
        conditions &= Q(**{f"{path}process__slug": filters.process})
    if filters.tag:
        tag = filters.tag.strip().lower()
        objective = whole_number(tag[4:]) if tag.startswith("gcm-") else None
        if objective is not None:
            conditions &= Q(**{f"{path}gcm_objectives__number": objective})
        else:
            conditions &= Q(**{f"{path}sdg_targets__code": tag.removeprefix("sdg-")})
    if filters.author:
        author = filters.author.strip()
        if whole_number(author) is not None:
            conditions &= Q(**{f"{path}authors__person_id": whole_number(author)})
        elif len(author) == 3 and author.isalpha():
            conditions &= Q(**{f"{path}authors__state__iso3": author.upper()})
        else:
            conditions &= Q(**{f"{path}authors__organisation__acronym__iexact": author})
    if filters.about and ":" in filters.about:
        model, _colon, pk = filters.about.partition(":")
        app_label, _dot, model_name = model.partition(".")
        conditions &= Q(
            **{
                f"{path}about_type__app_label": app_label,
                f"{path}about_type__model": model_name,
                # A malformed id matches nothing rather than being ignored.
                f"{path}about_id": whole_number(pk) if whole_number(pk) is not None else 0,
            }
        )
    return conditions


# PostgreSQL ranks every match by its title, then the best RANK_CANDIDATES by title and text
# (docs/library.md, "Search").
RANK_CANDIDATES = 200


def postgres_query(query: str) -> SearchQuery:
    """The query parsed as web search in each language's configuration and in ``simple``."""
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


def postgres_matching(entries, query: str, wanted: int) -> Matches:
    """Counts, facets and the best entries from PostgreSQL in one statement over one index scan.

    The matching entries are read once (a materialised CTE that notes whether the title
    matches); the facets are counted by grouping sets, so a common word does not send every
    match to Python. The full rank reads each entry's whole vector out of TOAST storage, so it
    is computed only for the first RANK_CANDIDATES matches, title matches first: a common word
    then costs what a rare one does. The order is fixed — those candidates by rank, then the
    other matches, title matches first — so that deeper pages continue the first ones."""
    search_query = postgres_query(query)
    inner_sql, params = (
        entries.filter(vector=search_query)
        .annotate(in_title=SearchVectorExact(F("title_vector"), search_query))
        .values("id", "document_id", "type", "year", "language", "in_title")
        .query.sql_with_params()
    )
    configs = (*POSTGRES_CONFIGS.values(), "simple")
    tsquery = " || ".join("websearch_to_tsquery(%s::regconfig, %s)" for _config in configs)
    with gin_index_planning(), connection.cursor() as cursor:
        cursor.execute(
            f"WITH matched AS MATERIALIZED ({inner_sql}) "
            "SELECT GROUPING(type), GROUPING(year), GROUPING(language), type, year, language, "
            "COUNT(DISTINCT document_id), NULL, NULL, NULL FROM matched "
            "GROUP BY GROUPING SETS ((type), (year), (language), ()) "
            # The candidates in their fixed order (title matches first, then by id) are the
            # first rows of a top-N sort; Python restores that order from (tier, id).
            "UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, "
            "CASE WHEN in_title THEN 0 ELSE 1 END, entry.id, "
            f"entry.document_id, ts_rank(entry.vector, {tsquery}) "
            "FROM (SELECT id, in_title FROM matched "
            f"ORDER BY in_title DESC, id LIMIT {max(wanted, RANK_CANDIDATES)}) "
            "candidates JOIN library_searchentry entry ON entry.id = candidates.id",
            (*params, *[value for config in configs for value in (config, query)]),
        )
        rows = cursor.fetchall()
    total, by, candidates = 0, {"type": Counter(), "year": Counter(), "language": Counter()}, []
    for no_type, no_year, no_language, type_, year, language, count, *ranked in rows:
        if no_type is None:
            candidates.append((count, *ranked))
        elif not no_type:
            by["type"][type_] = count
        elif not no_year:
            by["year"][year] = count
        elif not no_language:
            by["language"][language] = count
        else:
            total = count
    facets = sorted_facets(by)
    candidates.sort()
    ranked = sorted(candidates[:RANK_CANDIDATES], key=lambda row: (-row[3], row[0]))
    best = [(entry, document, score or 0.0) for _, entry, document, score in ranked]
    best += [(entry, document, 0.0) for _, entry, document, _ in candidates[RANK_CANDIDATES:]]
    return Matches(total, facets, best[:wanted])


def matching(entries, query: str, wanted: int) -> Matches:
    """How many documents match, the facets, and the ``wanted`` best entries."""
    if connection.vendor == "postgresql":
        return postgres_matching(entries, query, wanted)
    return sqlite_matching(entries, query, wanted)


# The covering index of library.SearchEntry (models/search.py) that SQLite must read instead of
# the entries' rows; without statistics its planner would look every match up by rowid.
SEARCH_KEYS_INDEX = "library_search_keys"


def sqlite_matching(entries, query: str, wanted: int) -> Matches:
    """Counts, facets and the best entries from SQLite in one statement.

    The matches, with their bm25 score, are read once into a materialised CTE; SQLite counts the
    documents per type, year and language from it and returns only the ``wanted`` best rows, so
    a common word no longer sends tens of thousands of rows to Python. The access and filter
    columns of each match come from a covering index (SEARCH_KEYS_INDEX): the entries' own rows
    keep them behind the long body. Ties in score are broken by entry id, so that deeper pages
    continue the first ones."""
    expression = fts_expression(query)
    if not expression:
        return Matches(0, {}, [])
    inner_sql, params = entries.values(
        "id", "document_id", "type", "year", "language"
    ).query.sql_with_params()
    table = f'FROM "{SearchEntry._meta.db_table}"'
    if inner_sql.count(table) == 1:
        inner_sql = inner_sql.replace(table, f"{table} INDEXED BY {SEARCH_KEYS_INDEX}")
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH matched AS MATERIALIZED (SELECT e.id, e.document_id, e.type, e.year, "
            f"e.language, -bm25({FTS_TABLE}, 5.0, 1.0) AS score FROM {FTS_TABLE} "
            f"JOIN ({inner_sql}) e ON e.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s) "
            "SELECT 'type', type, COUNT(DISTINCT document_id), NULL FROM matched GROUP BY type "
            "UNION ALL SELECT 'year', year, COUNT(DISTINCT document_id), NULL FROM matched "
            "GROUP BY year "
            "UNION ALL SELECT 'language', language, COUNT(DISTINCT document_id), NULL "
            "FROM matched GROUP BY language "
            "UNION ALL SELECT 'total', NULL, COUNT(DISTINCT document_id), NULL FROM matched "
            "UNION ALL SELECT * FROM (SELECT 'best', id, document_id, score FROM matched "
            "ORDER BY score DESC, id LIMIT %s)",
            (*params, expression, wanted),
        )
        rows = cursor.fetchall()
    total, by, best = 0, {"type": Counter(), "year": Counter(), "language": Counter()}, []
    for kind, *row in rows:
        if kind == "best":
            best.append(tuple(row))  # entry id, document id, score
        elif kind == "total":
            total = row[1]
        else:
            value, count, _score = row
            by[kind][value] = count
    return Matches(total, sorted_facets(by), best)


def sorted_facets(by: dict[str, Counter]) -> dict[str, dict]:
    """Types and languages by count, years newest first."""
    return {
        "type": dict(by["type"].most_common()),
        "year": dict(sorted(by["year"].items(), reverse=True)),
        "language": dict(by["language"].most_common()),
    }


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
    loaded = (
        SearchEntry.objects.select_related("document__process", "document__edition")
        .defer("vector", "title_vector")  # PostgreSQL would send whole vectors as text
        .in_bulk([row[0] for row in window])
    )
    stems = query_stems(query)
    hits = []
    for row in window:
        entry = loaded[row[0]]
        hits.append(Hit(entry.document, entry, row[2], snippet(entry.body, entry.language, stems)))
    return SearchResults(query, matches.total, hits, matches.facets)


def snippet(text: str, language: str, stems: list[set[str]]) -> str:
    """A short passage around the first match, HTML-escaped, matches wrapped in <mark>."""
    wanted = frozenset().union(*stems) if stems else frozenset()
    sample = text[:SCAN_CHARS]
    candidates = candidate_words(wanted)

    def matches(word: str) -> bool:
        # Only a word that begins like a wanted stem is stemmed (see candidate_words).
        return bool(candidates and candidates.match(word)) and (
            fold(word) in wanted or stem(word, language) in wanted
        )

    first = first_match(sample, candidates, matches)
    if first is None:
        opening = list(itertools.islice(WORD.finditer(sample), SNIPPET_WORDS + 1))
        suffix = " …" if len(opening) > SNIPPET_WORDS else ""
        return html.escape(" ".join(m.group(0) for m in opening[:SNIPPET_WORDS])) + suffix
    lookback = max(first.start() - 40 * SNIPPET_WORDS, 0)
    before = list(WORD.finditer(sample, lookback, first.start()))[1 if lookback else 0 :]
    chosen = before[-(SNIPPET_WORDS // 3) :] + [first]
    chosen += itertools.islice(WORD.finditer(sample, first.end()), SNIPPET_WORDS - len(chosen))
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


def first_match(sample: str, candidates: re.Pattern | None, matches) -> re.Match | None:
    """The first word of ``sample`` that ``matches``, among the ``candidates``."""
    if candidates is None:
        return None
    for candidate in candidates.finditer(sample):
        if matches(candidate.group(0)):
            return candidate
    return None


@lru_cache(maxsize=64)
def candidate_words(wanted: frozenset[str]) -> re.Pattern | None:
    """The words that may stem to one of ``wanted``.

    Stemming every word of a long file costs tens of milliseconds, so a regular expression finds
    the words that begin like a wanted stem (each letter also matching its accented forms) and
    only those are stemmed and checked."""
    beginnings = sorted({s[:-1] if len(s) > 3 else s for s in wanted if s}, key=len, reverse=True)
    if not beginnings:
        return None
    variants = accented_forms()
    alternatives = [
        "".join(variants.get(c, re.escape(c)) for c in beginning) for beginning in beginnings
    ]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\w*", re.IGNORECASE)


@lru_cache(maxsize=1)
def accented_forms() -> dict[str, str]:
    """Each Latin letter → a regular-expression class of the letter and its accented forms."""
    forms: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        decomposed = unicodedata.normalize("NFD", chr(code))
        if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
            forms.setdefault(decomposed[0].lower(), {decomposed[0].lower()}).add(chr(code))
    return {letter: "[" + "".join(sorted(chars)) + "]" for letter, chars in forms.items()}
