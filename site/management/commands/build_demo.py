"""`manage.py build_demo`: build the whole demo site, idempotently.

Each app contributes its own steps (``<app>.demo``); later content (news, expertise,
membership) adds its step to ``STEPS``. A second run creates nothing and changes nothing.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from consortium import demo as site_demo
from expertise import demo as expertise_demo
from home import demo as home_demo
from membership import demo as membership_demo
from news import demo as news_demo

STEPS = [
    site_demo.ensure_locales,
    home_demo.build,
    expertise_demo.build,
    news_demo.build,
    home_demo.build_institutional,
    membership_demo.build,
    membership_demo.build_directory,
    site_demo.ensure_editorial_groups,
    site_demo.ensure_editorial_workflow,
    membership_demo.ensure_committee_group,
    site_demo.ensure_contact_settings,
    site_demo.ensure_site_texts,
    site_demo.ensure_menus,
]


class Command(BaseCommand):
    help = "Build the demo site (locales, pages, translations, settings); safe to run again."

    def handle(self, *args, **options):
        ctx = site_demo.DemoContext()
        with transaction.atomic():
            for step in STEPS:
                step(ctx)
            has_admin = site_demo.ensure_dev_admin(ctx)
            accounts = site_demo.ensure_demo_accounts(ctx)
        if ctx.missing_translations:
            raise CommandError(
                "Demo strings without an English translation: "
                + "; ".join(ctx.missing_translations)
            )
        for line in ctx.log:
            self.stdout.write(f"  {line}")
        if not ctx.log:
            self.stdout.write("Demo site already complete: nothing changed.")
        if has_admin:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
                    f"user « {site_demo.DEV_ADMIN_USERNAME} », "
                    f"password « {site_demo.DEV_ADMIN_PASSWORD} » (DEBUG only)"
                )
            )
        for username, group in accounts:
            self.stdout.write(
                self.style.SUCCESS(
                    f"  {group}: user « {username} », password « {site_demo.DEV_ADMIN_PASSWORD} »"
                )
            )
