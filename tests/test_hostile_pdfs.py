"""Hostile PDFs cost little and get nowhere (SPEC §13; consortium.intake.pdf_check): a
corpus the tests build themselves — scripts wherever PDF allows them, names written with
``#`` escapes, a script inside a compressed object stream, a form that submits, tens of
thousands of empty pages, a page count that lies — each refused with the form's message,
each judged at a cost bounded by a normal document's check (objects read)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from pypdf import PdfReader

from consortium.intake.pdf_check import Verdict, judge
from consortium.intake.uploads import validate_pdf
from tests.fixtures.files import pdf_written
from tests.fixtures.hostile_pdfs import HOSTILE, pages

MESSAGES = {
    Verdict.ACTIVE: "contient un script ou des fichiers intégrés",
    Verdict.TOO_MANY_PAGES: "compte plus de 500 pages",
    Verdict.TOO_COSTLY: "n’a pas pu être vérifié",
}


def upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("document.pdf", content, content_type="application/pdf")


def refused_with(content: bytes, verdict: Verdict) -> None:
    assert judge(content) is verdict
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        validate_pdf(upload(content))
    assert MESSAGES[verdict] in error.value.messages[0]
    assert "« document.pdf »" in error.value.messages[0]


# -- the corpus -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_active_content_is_refused_wherever_it_hides(name):
    refused_with(HOSTILE[name](), Verdict.ACTIVE)


def test_the_hidden_script_is_not_in_the_file_bytes():
    """The object-stream case really hides it: only reading the structure finds it."""
    content = HOSTILE["a script inside a compressed object stream"]()
    assert b"JavaScript" not in content and b"/JS" not in content


def test_many_pages_are_refused_before_the_document_is_walked():
    refused_with(pages(100_000), Verdict.TOO_MANY_PAGES)
    refused_with(pages(501), Verdict.TOO_MANY_PAGES)
    assert judge(pages(500)) is Verdict.SAFE


def test_a_page_count_that_lies_is_caught_by_the_walk():
    """The tree says one page and holds 2,000, their type written with an escape
    (``/P#61ge``) so that the scan of the bytes does not see them: the walk counts the
    pages it meets."""
    content = pages(2_000, declared=1, page_type=b"/P#61ge")
    assert b"/Type/Page/" not in content
    assert judge(content) is Verdict.TOO_MANY_PAGES


def test_a_file_that_does_not_end_as_a_pdf_is_not_read():
    refused_with(b"%PDF-1.4\n" + b"0" * 1_000_000, Verdict.TOO_COSTLY)


def test_a_document_that_takes_too_long_is_refused():
    """A budget of no time at all: the walk stops at its first look at the clock."""
    assert judge(pages(300), seconds=0) is Verdict.TOO_COSTLY
    assert judge(pages(300)) is Verdict.SAFE


def test_genuine_documents_pass():
    for content in (
        pdf_written(lambda writer: None),
        pages(20),
        pages(500),
        pdf_written(lambda writer: writer.add_metadata({"/Title": "Statuts"})),
    ):
        assert judge(content) is Verdict.SAFE
        validate_pdf(upload(content))


# -- cost, counted in objects read ------------------------------------------------------------
#
# The work of a check is pypdf reading objects; the byte scans before it run at C speed over
# at most 10 MB. Counted, not timed (times belong in ``make bench``: bench/hostile_pdfs.py
# measures the same corpus as ratios of time).


@pytest.fixture
def objects_read(monkeypatch):
    """How many objects pypdf reads while the block runs: a count kept around pypdf's own
    ``PdfReader.get_object``, which still does the reading."""
    count = [0]
    read = PdfReader.get_object

    def counted(self, indirect_reference):
        count[0] += 1
        return read(self, indirect_reference)

    monkeypatch.setattr(PdfReader, "get_object", counted)

    def cost(content: bytes) -> int:
        count[0] = 0
        judge(content)
        return count[0]

    return cost


def test_no_hostile_document_costs_more_than_the_largest_genuine_one(objects_read):
    """Against the check of the largest document accepted (500 pages): no hostile one makes
    pypdf read more objects. Most cost what a one-page document does; the 100,000 pages
    (10 MB) are refused before pypdf opens them; a count that lies costs the walk of the page
    budget and no more."""
    largest = objects_read(pages(500))
    assert largest >= 500  # the walk really reads every page
    corpus = {name: build() for name, build in HOSTILE.items()}
    corpus["2,000 pages said to be one"] = pages(2_000, declared=1, page_type=b"/P#61ge")
    costs = {name: objects_read(content) for name, content in corpus.items()}
    assert max(costs.values()) <= largest + 5, costs
    assert costs["2,000 pages said to be one"] < 2_000 / 3
    assert objects_read(pages(100_000)) == 0
