from django.db import models
from django.utils.translation import gettext_lazy as _


class StagedFile(models.Model):
    """A file a person sent while object storage did not answer, kept here until the
    worker moves it to the store (consortium.storage.staging)."""

    storage = models.CharField(_("storage"), max_length=40)
    name = models.CharField(_("name"), max_length=300)
    content = models.BinaryField(_("content"))
    created_at = models.DateTimeField(_("staged at"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("file waiting for object storage")
        verbose_name_plural = _("files waiting for object storage")
        constraints = [
            models.UniqueConstraint(fields=["storage", "name"], name="one_staged_file_per_name")
        ]

    def __str__(self):
        return self.name
