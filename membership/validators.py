"""Validation and normalisation of what applicants type and attach.

Each function either returns the normalised value or raises ValidationError with a message
for the applicant (in their language, through gettext).
"""

import io
import re

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# PDF features that run or carry something else: scripts, launched programs, embedded
# files, multimedia. Found in plain objects by their names, in compressed ones by pypdf.
_ACTIVE_NAMES = re.compile(rb"/(JavaScript|JS|EmbeddedFiles?|Launch|RichMedia|XFA)(?![A-Za-z0-9])")
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"}
MAX_ATTACHMENTS = 3

# Canada Post: letters D, F, I, O, Q and U never appear; W and Z never come first.
_POSTAL_CODE = re.compile(
    r"^([ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z])([0-9][ABCEGHJ-NPRSTV-Z][0-9])$"
)


def normalise_neq(value: str) -> str:
    """The Québec enterprise number (NEQ): exactly 10 digits once spaces are removed."""
    digits = re.sub(r"\s+", "", value or "")
    if not re.fullmatch(r"[0-9]{10}", digits):
        raise ValidationError(
            _("The NEQ has exactly 10 digits, for example 1234 5678 90."), code="neq"
        )
    return digits


def normalise_postal_code(value: str) -> str:
    """A Canadian postal code, as « A1A 1A1 » (case and spacing of the input ignored)."""
    compact = re.sub(r"[\s-]+", "", value or "").upper()
    match = _POSTAL_CODE.match(compact)
    if not match:
        raise ValidationError(
            _("Enter a Canadian postal code, for example H2X 1Y4."), code="postal_code"
        )
    return f"{match.group(1)} {match.group(2)}"


def validate_pdf(uploaded) -> None:
    """A PDF recognised by its content (its first bytes), whatever its name or the type the
    browser claims, at most 10 MB, and without active content (scripts, embedded files)."""
    if uploaded.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("« %(name)s » is larger than 10 MB."),
            code="too_large",
            params={"name": uploaded.name},
        )
    uploaded.seek(0)
    head = uploaded.read(261)  # what filetype needs to recognise any type it knows
    uploaded.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime != "application/pdf":
        raise ValidationError(
            _("« %(name)s » is not a PDF document: attach PDF files only."),
            code="not_pdf",
            params={"name": uploaded.name},
        )
    if has_active_content(uploaded):
        raise ValidationError(
            _(
                "« %(name)s » contains a script or embedded files, which we do not accept. "
                "Save it again as a plain PDF (for example with « Print → Save as PDF »)."
            ),
            code="active_content",
            params={"name": uploaded.name},
        )


def has_active_content(uploaded) -> bool:
    """Whether a PDF carries JavaScript, an action that launches something, or embedded
    files — none of which a membership document needs, and all of which a reader's PDF
    viewer might run or open."""
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    if _ACTIVE_NAMES.search(data):
        return True
    try:
        return declares_active_content(PdfReader(io.BytesIO(data), strict=False))
    except Exception:  # noqa: BLE001 - a PDF pypdf cannot read: the name scan above decides
        return False


def declares_active_content(reader: PdfReader) -> bool:
    """The same question, asked of the document's structure (names in compressed object
    streams do not show in the bytes): embedded files, script names, active actions on
    opening, on a page or on an annotation."""
    if reader.attachments:
        return True
    root = reader.trailer["/Root"].get_object()
    names = root.get("/Names")
    if names is not None and {"/JavaScript", "/EmbeddedFiles"} & set(names.get_object()):
        return True
    actions = [root.get("/OpenAction"), root.get("/AA")]
    for page in reader.pages:
        actions.append(page.get("/AA"))
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment":
                return True
            actions.append(annotation.get("/A"))
    return any(_is_active_action(action) for action in actions)


def _is_active_action(action) -> bool:
    if action is None:
        return False
    action = action.get_object()
    if not hasattr(action, "get"):
        return False
    if action.get("/S") in _ACTIVE_ACTIONS:
        return True
    # Additional actions (/AA) are a dictionary of actions by trigger.
    return any(
        hasattr(value.get_object(), "get") and value.get_object().get("/S") in _ACTIVE_ACTIONS
        for value in action.values()
    )
