"""`manage.py build_demo`: build the whole demo site, idempotently.

It runs `setup_site` first (locales, groups, workflow, site address), then every app's
demo steps (``@demo_step`` in each app's ``demo`` module: consortium.bootstrap.demo). A second run
creates nothing and changes nothing.

Pages published here are put in the search index by Wagtail's signals through a task; in
production the task worker (`run_worker`) runs those, and it may not be running yet. So the
command builds the index itself at the end (`update_index`, about a second): search answers
at once, on every backend.
"""

import io

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from consortium.bootstrap import demo as site_demo
from consortium.bootstrap.site_setup import run_setup
from consortium.staff.two_factor import ENABLE_PERMISSION


class Command(BaseCommand):
    help = "Build the demo site (locales, pages, translations, settings); safe to run again."

    def handle(self, *args, **options):
        ctx = site_demo.DemoContext()
        with transaction.atomic():
            report = run_setup()
            for step in site_demo.demo_steps():
                step(ctx)
            has_admin = site_demo.ensure_dev_admin(ctx)
            accounts = site_demo.ensure_demo_accounts(ctx)
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        if ctx.missing_translations:
            raise CommandError(
                "Demo strings without an English translation: "
                + "; ".join(ctx.missing_translations)
            )
        for line in report.changes + ctx.log:
            self.stdout.write(f"  {line}")
        for line in report.warnings:
            self.stderr.write(f"  {line}")
        if not (ctx.log or report.changes):
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
        for line in ctx.notes:
            self.stdout.write(self.style.SUCCESS(f"  {line}"))
        if has_admin and settings.WAGTAIL_2FA_REQUIRED:
            names = " and ".join(f"« {name} »" for name in second_factor_accounts(accounts))
            self.stdout.write(
                f"  {names} sign in with a second factor. Without an authenticator app, the"
                " code to type is printed by: .venv/bin/python manage.py demo_code <user>"
                " (DEBUG only). Or scan the QR code at the first sign-in with an app"
                " (FreeOTP, Aegis, Google Authenticator…)."
            )


def second_factor_accounts(accounts) -> list[str]:
    """The administrator and the demo accounts whose group requires a second factor."""
    app, codename = ENABLE_PERMISSION
    required = set(
        Group.objects.filter(
            permissions__content_type__app_label=app, permissions__codename=codename
        ).values_list("name", flat=True)
    )
    return [site_demo.DEV_ADMIN_USERNAME, *(user for user, group in accounts if group in required)]
