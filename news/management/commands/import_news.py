"""`manage.py import_news FILE…`: plain-text articles become draft NewsPages (news.importing)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from news.importing import ArticleImportError, import_article
from news.models import NewsIndexPage


class Command(BaseCommand):
    help = "Import plain-text articles as draft news pages (each file at most once)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--index", type=int, help="id of the news index (default: the French one)"
        )

    def handle(self, *args, files, index=None, **options):
        news_index = self._index(index)
        failures = []
        for path in files:
            try:
                outcome = import_article(path, news_index)
            except ArticleImportError as error:
                failures.append(str(error))
                self.stderr.write(f"  error: {error}")
                continue
            if outcome.already_imported:
                self.stdout.write(f"  already imported: {path.name}")
            else:
                page = outcome.page
                self.stdout.write(
                    f"  draft « {page.title} » ({page.date:%Y-%m-%d}) from {path.name}"
                )
                if not outcome.date_found:
                    self.stdout.write("    no date in the file: today's date is set, check it")
        if failures:
            raise CommandError(f"{len(failures)} file(s) not imported")

    def _index(self, index_id):
        indexes = NewsIndexPage.objects.all()
        if index_id is not None:
            indexes = indexes.filter(pk=index_id)
        else:
            indexes = indexes.filter(locale__language_code="fr")
        news_index = indexes.first()
        if news_index is None:
            raise CommandError("No news index: run `manage.py build_demo` or pass --index.")
        return news_index
