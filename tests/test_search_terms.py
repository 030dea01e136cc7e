"""Search terms: folded and stemmed alike for the index and the query (consortium.search.terms)."""

import pytest

from consortium.search.terms import fold, terms


def test_fold_removes_case_and_accents():
    assert fold("Économie SOCIALE, coopératives") == "economie sociale, cooperatives"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["juridique", "juridiques", "Juridiques"]),
        ("fr", ["coopérative", "coopératives", "cooperatives", "COOPÉRATIVE"]),
        ("fr", ["développement", "developpement", "développements"]),
        ("en", ["cooperative", "cooperatives", "Cooperatives"]),
        ("en", ["accounting", "accounts"]),
    ],
)
def test_the_forms_of_a_word_have_one_term(language, words):
    assert len({term for word in words for term in terms(word, language)}) == 1, words


def test_a_language_without_a_stemmer_keeps_the_folded_words():
    assert terms("Coopératives unies", "de") == ["cooperatives", "unies"]
