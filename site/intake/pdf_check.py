"""Judging an uploaded PDF within a fixed budget (SPEC §13: hostile files cost little).

A PDF is a graph of objects that a viewer may act on; a hostile one hides scripts where a
quick look does not go, or makes the look itself expensive. ``judge`` answers within a
budget set by the settings, and refuses what it cannot clear in it:

- **pages**: the page objects written plainly in the file are counted first (a scan of the
  bytes, at C speed), then the document's own count (``/Root /Pages /Count``), both before
  anything is walked; more than ``PDF_MAX_PAGES`` is refused at once. The walk counts the
  page objects it meets too (those inside compressed object streams), so a count that
  lies is caught as well.
- **work**: every object reachable from the trailer is visited once, at most
  ``MAX_OBJECTS`` of them, within ``PDF_CHECK_SECONDS``; a document that cannot be cleared
  in that budget is refused (a genuine one takes milliseconds). A file declaring more
  objects than that is refused before pypdf reads it.
- **active content**, wherever PDF allows it — the document's, a page's, an annotation's,
  a form field's or an outline item's action, the JavaScript name tree, embedded files,
  file attachments, rich media, XFA forms: an action that runs a script, launches a
  program, submits a form, imports data or opens an embedded document; any ``/JS`` entry.
  pypdf decodes names written with ``#`` escapes (``/J#61vaScript``) and reads objects
  inside compressed object streams, so the walk sees them as a viewer would. A fast scan
  of the raw bytes comes first (and decides alone when pypdf cannot read the file), with
  escaped names decoded too.

A file that does not end with the end-of-file marker every PDF has is refused before
pypdf reads it (pypdf would rebuild it from a scan of the whole file). What remains is
pypdf's own reading of the cross-reference table, linear in the file's size (at most
10 MB: ``uploads.MAX_ATTACHMENT_BYTES``).
"""

import enum
import io
import re
import time

from django.conf import settings
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# Whatever runs, launches, submits, imports or carries another file.
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/RichMediaExecute",
    "/GoToE",
}
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/XFA", "/RichMediaContent"}
ACTIVE_TYPES = {"/EmbeddedFile", "/RichMedia", "/FileAttachment"}
ACTIVE_NAMES = ACTIVE_ACTIONS | ACTIVE_KEYS | ACTIVE_TYPES
MAX_OBJECTS = 200_000
# Scans of the raw bytes (a regular expression's alternation runs at C speed), of the same
# names (and every /RichMedia… one). A name ends at white space or a delimiter (PDF
# 32000-1, 7.3.5); ``#xx`` escapes are decoded.
_END = rb"(?=[\s/<>\[\]()%{}]|$)"
_PLAIN_ACTIVE = re.compile(
    rb"/(?:"
    + b"|".join(re.escape(name[1:].encode()) for name in sorted(ACTIVE_NAMES, key=len)[::-1])
    + rb"|RichMedia\w*)"
    + _END
)
_ESCAPED_NAME = re.compile(rb"/[^\s/<>\[\]()%{}#]*#[0-9A-Fa-f]{2}[^\s/<>\[\]()%{}]*")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PLAIN_PAGE = re.compile(rb"/Type\s*/Page" + _END)
# Bounded repeats and a start only where a number starts: linear on any input (10 MB of
# digits included; ``\d+\s+\d+`` would backtrack quadratically there).
_OBJECT = re.compile(
    rb"(?<![0-9])[0-9]{1,10}[ \t\r\n\f\x00]{1,8}[0-9]{1,5}[ \t\r\n\f\x00]{1,8}obj(?![A-Za-z])"
)
CHECK_EVERY = 256  # objects between two looks at the clock
TAIL = 2048  # where a PDF's end-of-file marker must be


class Verdict(enum.Enum):
    SAFE = "safe"
    ACTIVE = "active"  # active content somewhere
    TOO_MANY_PAGES = "too_many_pages"
    TOO_COSTLY = "too_costly"  # not cleared within the budget of objects and time


class _Refused(Exception):
    def __init__(self, verdict: Verdict):
        self.verdict = verdict


def raw_names_are_active(data: bytes) -> bool:
    """Whether the bytes name active content, escaped (``/J#61vaScript``) or not."""
    if _PLAIN_ACTIVE.search(data):
        return True
    for match in _ESCAPED_NAME.finditer(data):
        name = _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group())
        if _PLAIN_ACTIVE.fullmatch(name):
            return True
    return False


def _count_at_most(pattern: re.Pattern, data: bytes, limit: int) -> int:
    """How many times ``pattern`` occurs in ``data``, counting no further than ``limit + 1``."""
    count = 0
    for _match in pattern.finditer(data):
        count += 1
        if count > limit:
            break
    return count


def judge(data: bytes, *, max_pages: int | None = None, seconds: float | None = None) -> Verdict:
    """The verdict on ``data``, a PDF document, within the budget (the settings'
    ``PDF_MAX_PAGES`` and ``PDF_CHECK_SECONDS`` unless given)."""
    max_pages = settings.PDF_MAX_PAGES if max_pages is None else max_pages
    seconds = settings.PDF_CHECK_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + seconds
    if b"%%EOF" not in data[-TAIL:]:
        # Not ended as every PDF is: pypdf would rebuild it from a scan of the whole file.
        return Verdict.TOO_COSTLY
    if _count_at_most(_PLAIN_PAGE, data, max_pages) > max_pages:
        return Verdict.TOO_MANY_PAGES
    if _count_at_most(_OBJECT, data, MAX_OBJECTS) > MAX_OBJECTS:
        return Verdict.TOO_COSTLY
    if raw_names_are_active(data):
        return Verdict.ACTIVE
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        root = reader.root_object
    except Exception:  # noqa: BLE001 - a PDF pypdf cannot read: the raw scan above decided
        return Verdict.SAFE
    try:
        tree = _resolved(root.get("/Pages"))
        declared = _resolved(tree.get("/Count")) if isinstance(tree, DictionaryObject) else None
        if isinstance(declared, int) and declared > max_pages:
            return Verdict.TOO_MANY_PAGES
        _walk(reader, deadline=deadline, max_pages=max_pages)
    except _Refused as refused:
        return refused.verdict
    except Exception:  # noqa: BLE001 - broken beyond the raw scan: that scan decided
        return Verdict.SAFE
    return Verdict.SAFE


def _resolved(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _is_active(obj: DictionaryObject) -> bool:
    if ACTIVE_KEYS & set(obj.keys()):
        return True
    for key in ("/S", "/Type", "/Subtype"):
        value = _resolved(obj.get(key))
        if value in ACTIVE_ACTIONS or value in ACTIVE_TYPES:
            return True
    return False


def _walk(reader: PdfReader, *, deadline: float, max_pages: int) -> None:
    """Visit every object reachable from the trailer once; raise ``_Refused``."""
    stack: list = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    visited = pages = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            raise _Refused(Verdict.TOO_COSTLY)
        if visited % CHECK_EVERY == 0 and time.monotonic() > deadline:
            raise _Refused(Verdict.TOO_COSTLY)
        if isinstance(item, DictionaryObject):  # streams too (their dictionary)
            if _is_active(item):
                raise _Refused(Verdict.ACTIVE)
            if _resolved(item.get("/Type")) == "/Page":
                pages += 1
                if pages > max_pages:
                    raise _Refused(Verdict.TOO_MANY_PAGES)
            stack.extend(value for name, value in item.items() if name != "/Parent")
        elif isinstance(item, ArrayObject):
            stack.extend(item)
