"""`manage.py setup_site`: roles, workflow, locales and site address
(consortium.bootstrap.site_setup).

Run after `migrate` on every release; safe on a live database, a second run changes
nothing. Exits with status 0 and prints what it changed, and what an administrator should
look at (kept because somebody uses it) on standard error.

It also moves the cache's version on (``consortium.caching.content_version.invalidate``): pages and
chrome cached by the previous release — its templates, or a database restored or loaded
under it — are never served by the new one. That changes no row, so a second run still
reports nothing changed.
"""

from django.core.management.base import BaseCommand

from consortium.bootstrap.site_setup import run_setup
from consortium.caching import content_version


class Command(BaseCommand):
    help = "Create the locales, staff groups, editorial workflow and site address; idempotent."

    def handle(self, *args, **options):
        report = run_setup()
        content_version.invalidate()
        for line in report.changes:
            self.stdout.write(f"  {line}")
        for line in report.warnings:
            self.stderr.write(self.style.WARNING(f"  {line}"))
        if not report.changes:
            self.stdout.write("Site already set up: nothing changed.")
