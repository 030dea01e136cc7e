from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsortiumConfig(AppConfig):
    """Site-wide app: settings models, base templates, static files, site-wide commands."""

    name = "consortium"
    label = "consortium"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            cache_purge,
            chrome_cache,
            url_converters,
            wagtail_admin_labels,
            wagtail_localize_compat,
            wagtail_routable_compat,
        )

        # Before any URL pattern is built (the admin's viewsets build theirs in hooks).
        url_converters.register()
        cache_purge.connect()
        chrome_cache.connect()
        wagtail_admin_labels.apply()
        wagtail_localize_compat.apply()
        wagtail_routable_compat.warm()
