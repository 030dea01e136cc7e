"""Search that speaks French and English the same way on every database.

Wagtail's database backend stems nothing on SQLite (the embedded default) and, on
PostgreSQL, keeps accents (« developpement » misses « développement »). So the words a
search matches are made here, in Python, the same for the index and for the query:

- folded: lower case, accents removed (« Coopératives » → « cooperatives »);
- stemmed with the Snowball stemmer of the page's or the reader's language
  (« juridiques », « juridique » → « jurid »; "cooperatives" → "cooper").

Every page indexes its title's terms and its text's terms (``BasePage``); the search
(home.search) looks for the query's terms, adds those of the synonyms staff keep in
« Synonymes de recherche », and lists the pages whose title matches first.
"""

import re
import threading
import unicodedata

import snowballstemmer

STEMMERS = {"fr": "french", "en": "english"}
WORD = re.compile(r"\w+")
_local = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


def fold(text: str) -> str:
    """Lower case, without accents: « Économie sociale » → « economie sociale »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _stemmer(language: str):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    name = STEMMERS.get((language or "")[:2])
    if name is None:
        return None
    if name not in stemmers:
        stemmers[name] = snowballstemmer.stemmer(name)
    return stemmers[name]


def terms(text: str, language: str) -> list[str]:
    """The folded, stemmed words of ``text`` in ``language``, in order."""
    words = WORD.findall(fold(text or ""))
    stemmer = _stemmer(language)
    return stemmer.stemWords(words) if stemmer else words


def terms_text(text: str, language: str) -> str:
    return " ".join(terms(text, language))
