"""PDF documents people attach to a form (membership, service requests): checked by their
content, kept in private storage under unguessable names, served to staff only.

``validate_pdf`` raises ValidationError with a message for the visitor (in their
language); :class:`PdfFilesField` is up to ``MAX_ATTACHMENTS`` of them in one form field;
:class:`PrivateAttachment` is the abstract model of a stored file (each app has its table,
with a link to what the file belongs to), and ``serve`` answers a staff download.
"""

import io
import re
import uuid

import filetype
from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# PDF features that run or carry something else: scripts, launched programs, embedded
# files, multimedia. Found in plain objects by their names, in compressed ones by pypdf.
_ACTIVE_NAMES = re.compile(rb"/(JavaScript|JS|EmbeddedFiles?|Launch|RichMedia|XFA)(?![A-Za-z0-9])")
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"}
MAX_ATTACHMENTS = 3


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
    root = reader.root_object
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


class MultiplePdfInput(forms.FileInput):
    allow_multiple_selected = True


class PdfFilesField(forms.FileField):
    """Up to three PDF files (Django's documented pattern for a multiple file field)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultiplePdfInput(attrs={"accept": "application/pdf,.pdf", "multiple": True})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        files = [super(PdfFilesField, self).clean(item, initial) for item in files if item]
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("Attach at most %(count)s files."), params={"count": MAX_ATTACHMENTS}
            )
        errors = []
        for uploaded in files:
            try:
                validate_pdf(uploaded)
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        return files


def _private_storage():
    return storages["private"]


def private_path(instance, filename: str) -> str:
    """An unguessable name in the owner's folder (the visitor's file name is kept in the
    database only)."""
    return f"{instance.folder()}/{uuid.uuid4().hex}.pdf"


class PrivateAttachment(models.Model):
    """A PDF attached to a case, in private storage (never under MEDIA_URL). Subclasses add
    the link to their case (``owner_field`` names it) and the folder their files go in."""

    owner_field = ""
    download_url_name = ""  # the app's view that serves it to staff (``serve``)

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(storage=_private_storage, upload_to=private_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        abstract = True
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name

    @property
    def owner(self):
        return getattr(self, self.owner_field)

    def folder(self) -> str:
        raise NotImplementedError

    def download_url(self) -> str:
        return reverse(self.download_url_name, args=[self.token])

    def download_name(self) -> str:
        """« ADH-2026-0007-2.pdf »: the case's reference and the attachment's rank, never
        the name the visitor's computer gave it (which could be anything)."""
        siblings = type(self)._default_manager.filter(
            **{self.owner_field: self.owner}, pk__lt=self.pk
        )
        return f"{self.owner.reference}-{siblings.count() + 1}.pdf"


def store(model: type[PrivateAttachment], owner, files) -> None:
    """Save uploaded PDFs (already validated) for ``owner``, under unguessable names."""
    for uploaded in files:
        attachment = model(
            **{model.owner_field: owner}, original_name=uploaded.name[:255], size=uploaded.size
        )
        attachment.file.save("document.pdf", uploaded, save=False)
        attachment.save()


def serve(request, model: type[PrivateAttachment], token, permission: str):
    """An attachment as a download, for holders of ``permission`` only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url="wagtailadmin_login")
    if not request.user.has_perm(permission):
        raise PermissionDenied
    item = get_object_or_404(model._default_manager.select_related(model.owner_field), token=token)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        handle, as_attachment=True, filename=item.download_name(), content_type="application/pdf"
    )
