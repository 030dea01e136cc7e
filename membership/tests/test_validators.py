"""Every validation rule of the application, with valid and invalid examples."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from consortium.intake.quebec import normalise_neq, normalise_postal_code
from consortium.intake.uploads import MAX_ATTACHMENT_BYTES, validate_pdf
from membership.tests.conftest import MINIMAL_PDF, PNG_BYTES


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1234567890", "1234567890"),
        ("1234 5678 90", "1234567890"),
        (" 12 34 56 78 90 ", "1234567890"),
    ],
)
def test_neq_keeps_ten_digits(typed, stored):
    assert normalise_neq(typed) == stored


@pytest.mark.parametrize(
    "typed", ["", "123456789", "12345678901", "12345-67890", "ABCDEFGHIJ", "１２３４５６７８９０"]
)
def test_neq_refuses_anything_but_ten_digits(typed):
    with translation.override("fr"), pytest.raises(ValidationError, match="exactement 10 chiffres"):
        normalise_neq(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("H2X 1Y4", "H2X 1Y4"),
        ("h2x1y4", "H2X 1Y4"),
        ("g7h-1r9", "G7H 1R9"),
        (" K1A 0B1 ", "K1A 0B1"),
        ("T2Z 1W1", "T2Z 1W1"),
    ],
)
def test_postal_code_is_normalised(typed, stored):
    assert normalise_postal_code(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "H2X",
        "H2X 1Y",
        "12X 1Y4",
        "D2X 1Y4",  # D, F, I, O, Q, U are never used
        "H2F 1Y4",
        "H2X 1I4",
        "O2X 1Y4",
        "H2Q 1Y4",
        "H2X 1U4",
        "W2X 1Y4",  # W and Z are never first
        "Z2X 1Y4",
        "H2X 1Y4 5",
        "90210",
    ],
)
def test_postal_code_refuses_what_canada_post_never_issues(typed):
    with translation.override("en"), pytest.raises(ValidationError, match="Canadian postal code"):
        normalise_postal_code(typed)


def upload(content: bytes, name="document.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_pdf_is_recognised_by_its_content_whatever_its_name():
    validate_pdf(upload(MINIMAL_PDF))
    validate_pdf(upload(MINIMAL_PDF, name="statuts.bin", content_type="application/octet-stream"))


@pytest.mark.parametrize(
    "content",
    [PNG_BYTES, b"Bonjour, je suis un texte.", b"", b"PK\x03\x04" + b"\x00" * 40, b"%PD"],
)
def test_a_renamed_non_pdf_is_refused_with_its_name(content):
    renamed = upload(content, name="statuts.pdf")
    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            validate_pdf(renamed)
        # (Messages are lazy: read in the visitor's language, as the form does.)
        assert "« statuts.pdf » n’est pas un document PDF" in error.value.messages[0]


def test_a_file_over_ten_megabytes_is_refused():
    big = upload(MINIMAL_PDF + b"0" * (MAX_ATTACHMENT_BYTES - len(MINIMAL_PDF) + 1))
    with translation.override("fr"), pytest.raises(ValidationError, match="dépasse 10 Mo"):
        validate_pdf(big)
    # Exactly 10 MB, the padding in a comment line (a PDF ends with its end-of-file marker).
    header, rest = MINIMAL_PDF[:9], MINIMAL_PDF[9:]
    padding = b"%" + b"0" * (MAX_ATTACHMENT_BYTES - len(MINIMAL_PDF) - 2) + b"\n"
    exactly = upload(header + padding + rest)
    assert exactly.size == MAX_ATTACHMENT_BYTES
    validate_pdf(exactly)
