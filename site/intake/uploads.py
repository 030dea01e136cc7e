"""PDF documents people attach to a form (membership, service requests): checked by their
content, kept in private storage under unguessable names, served to staff only.

``validate_pdf`` raises ValidationError with a message for the visitor (in their
language); :class:`PdfFilesField` is up to ``MAX_ATTACHMENTS`` of them in one form field;
:class:`PrivateAttachment` is the abstract model of a stored file (each app has its table,
with a link to what the file belongs to), and ``serve`` answers a staff download.
"""

import uuid

import filetype
from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consortium.intake import pdf_check

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 3


def validate_pdf(uploaded) -> None:
    """A PDF recognised by its content (its first bytes), whatever its name or the type the
    browser claims, at most 10 MB, without active content (scripts, embedded files), and
    judged within the budget of pages and time of ``consortium.intake.pdf_check``."""
    if uploaded.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("“%(name)s” is larger than 10 MB."),
            code="too_large",
            params={"name": uploaded.name},
        )
    uploaded.seek(0)
    head = uploaded.read(261)  # what filetype needs to recognise any type it knows
    uploaded.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime != "application/pdf":
        raise ValidationError(
            _("“%(name)s” is not a PDF document: attach PDF files only."),
            code="not_pdf",
            params={"name": uploaded.name},
        )
    data = uploaded.read()
    uploaded.seek(0)
    verdict = pdf_check.judge(data)
    if verdict is pdf_check.Verdict.ACTIVE:
        raise ValidationError(
            _(
                "“%(name)s” contains a script or embedded files, which we do not accept. "
                "Save it again as a plain PDF (for example with “Print → Save as PDF”)."
            ),
            code="active_content",
            params={"name": uploaded.name},
        )
    if verdict is pdf_check.Verdict.TOO_MANY_PAGES:
        raise ValidationError(
            _(
                "“%(name)s” has more than %(pages)s pages. Attach the pages we need, or "
                "write to us to send a longer document."
            ),
            code="too_many_pages",
            params={"name": uploaded.name, "pages": settings.PDF_MAX_PAGES},
        )
    if verdict is pdf_check.Verdict.TOO_COSTLY:
        raise ValidationError(
            _(
                "“%(name)s” could not be checked: it is built in an unusual way. Save it "
                "again as a plain PDF (for example with “Print → Save as PDF”)."
            ),
            code="too_costly",
            params={"name": uploaded.name},
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
