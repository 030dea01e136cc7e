"""`manage.py import_old_addresses FILE.csv`: permanent redirects from the old WordPress
site's addresses (`/?p=1234`, dated paths) to this site's pages (README « Old addresses »).

The file has a header row and two columns, old address and new address. Safe to run
again: the same old address updates its redirect. `--dry-run` reports and saves nothing.
"""

import csv

from django.core.management.base import BaseCommand, CommandError

from consortium.pages.legacy_redirects import import_old_addresses


class Command(BaseCommand):
    help = "Import redirects from the old site's addresses (CSV: old,new)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file with a header row: old address, new address")
        parser.add_argument("--dry-run", action="store_true", help="Report only; save nothing.")

    def handle(self, *args, file, dry_run, **options):
        try:
            with open(file, newline="", encoding="utf-8") as handle:
                rows = [row[:2] for row in csv.reader(handle) if len(row) >= 2][1:]
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        report = import_old_addresses(rows, dry_run=dry_run)
        for old in report["invalid"]:
            self.stdout.write(f"skipped (not an address of this site): {old}")
        for old in report["to link"]:
            self.stdout.write(f"to a link (no live page at that address): {old}")
        verb = "would be saved" if dry_run else "saved"
        self.stdout.write(
            f"{len(report['to page'])} redirect(s) to pages and {len(report['to link'])} to "
            f"links {verb}; {len(report['invalid'])} row(s) skipped."
        )
