"""Language-aware stemming for the embedded (SQLite FTS5) search; PostgreSQL uses its own
text search configurations. Snowball stemmers for English, French and Spanish."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

STEMMER_LANGUAGES = {"en": "english", "fr": "french", "es": "spanish"}
POSTGRES_CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}
WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Case- and accent-folded; cached, since a corpus repeats few words very often."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8)
def stemmer(language: str):
    return snowballstemmer.stemmer(STEMMER_LANGUAGES.get(language, "english"))


def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=500_000)
def stem(word: str, language: str) -> str:
    """The folded stem of one word; cached, since a corpus repeats few words very often."""
    if language not in STEMMER_LANGUAGES:
        return fold(word)
    return fold(stemmer(language).stemWord(word.casefold()))


def stem_words(text: str, language: str) -> list[str]:
    """Stems of the words of ``text`` in ``language``, accent- and case-folded."""
    return [stem(word, language) for word in words(text)]


# Very common words of the three languages, ignored in queries that have other words (as
# PostgreSQL's configurations do), so "envois de fonds" needs "envois" and "fonds", not "de".
ENGLISH_STOP = "a an and are as at be by for from in is it of on or that the to with"
FRENCH_STOP = "au aux avec ce ces dans de des du en et la le les leur ou par pour qui sur un une"
SPANISH_STOP = "al con del el en es las los por que se sin su un una y"
STOP_WORDS = frozenset(f"{ENGLISH_STOP} {FRENCH_STOP} {SPANISH_STOP}".split())


def query_stems(query: str) -> list[set[str]]:
    """For each query word, its stems in every language the library indexes."""
    result = []
    query_words = words(query)
    meaningful = [w for w in query_words if fold(w) not in STOP_WORDS]
    for word in meaningful or query_words:
        stems = {fold(word)}
        for language in STEMMER_LANGUAGES:
            stems.add(stem(word, language))
        result.append(stems)
    return result
