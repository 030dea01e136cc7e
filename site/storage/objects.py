"""Object storage (S3 or any S3-compatible service) for the site's files, when
``S3_BUCKET`` is set (settings.production).

- :class:`MediaStorage` (``default``): Wagtail's images and documents, under ``media/``.
  Images (``media/images/``, the renditions pages show) are read from the bucket or the
  CDN by URL, through the bucket's policy (docs/deployment.md) or, on a bucket that still
  uses ACLs, a ``public-read`` ACL (``S3_MEDIA_ACL``). Documents are never readable there:
  they get no public ACL (``private`` where ACLs are used), the policy does not cover
  ``media/documents/``, and the site serves them itself after Wagtail's privacy check
  (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``): a document in a collection restricted to
  members has no permanent public URL.
- :class:`PrivateStorage` (``private``): the attachments people send with a form, under
  ``private/``; never readable anonymously, streamed to staff by the site
  (consortium.intake.uploads.serve). When the store does not answer, what is sent is staged
  in the database and moved later (consortium.storage.staging), so nothing is lost.

No ACL header is sent unless ``S3_MEDIA_ACL`` is set: buckets created with today's defaults
(« bucket owner enforced », ACLs disabled) refuse every request that carries one.
"""

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from storages.backends.s3 import S3Storage

from . import staging
from .errors import STORE_ERRORS

DOCUMENTS = "documents/"


class MediaStorage(S3Storage):
    """Images readable by URL; documents private (served by the site)."""

    def get_object_parameters(self, name: str) -> dict[str, Any]:
        params = super().get_object_parameters(name)
        relative = name.removeprefix(f"{self.location}/") if self.location else name
        if self.default_acl and relative.startswith(DOCUMENTS):
            params["ACL"] = "private"
        return params


class PrivateStorage(S3Storage):
    """Attachments: private, and staged in the database while the store does not answer."""

    alias = "private"

    def _save(self, name: str, content: Any) -> str:
        try:
            return super()._save(name, content)
        except STORE_ERRORS:
            content.seek(0)
            staging.stage(self.alias, name, content.read())
            return name

    def upload_staged(self, name: str, data: bytes) -> None:
        """Writes a staged file to the store (raises while it still does not answer)."""
        super()._save(name, ContentFile(data))

    def _open(self, name: str, mode: str = "rb") -> Any:
        data = staging.staged_content(self.alias, name)
        if data is not None:
            return ContentFile(data, name=name)
        return super()._open(name, mode)

    def exists(self, name: str) -> bool:
        if staging.is_staged(self.alias, name):
            return True
        try:
            return super().exists(name)
        except STORE_ERRORS:
            return False  # names are random (consortium.intake.uploads.private_path)

    def delete(self, name: str) -> None:
        staging.unstage(self.alias, name)
        super().delete(name)


def stores_down() -> list[str]:
    """The storages on object storage that do not answer now (for /healthz); a bucket both
    storages share is asked once."""
    answers: dict[tuple, bool] = {}
    down = []
    for alias in ("default", "private"):
        storage = storages[alias]
        if not isinstance(storage, S3Storage):
            continue
        bucket = (storage.endpoint_url, storage.bucket_name)
        if bucket not in answers:
            try:
                storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
                answers[bucket] = True
            except STORE_ERRORS:
                answers[bucket] = False
        if not answers[bucket]:
            down.append(alias)
    return down
