from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsortiumConfig(AppConfig):
    """Site-wide app: settings models, base templates, static files, site-wide commands."""

    name = "consortium"
    label = "consortium"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from consortium.caching import content_version, purge
        from consortium.messaging.sender import check_postal_address
        from consortium.pages import url_converters
        from consortium.staff import personal_information
        from consortium.upstream import admin_labels, localize_dates, routable_resolvers

        # Before any URL pattern is built (the admin's viewsets build theirs in hooks).
        url_converters.register()
        purge.connect()
        content_version.connect()
        admin_labels.apply()
        localize_dates.apply()
        routable_resolvers.warm()
        checks.register(check_postal_address, checks.Tags.database)
        personal_information.connect()
