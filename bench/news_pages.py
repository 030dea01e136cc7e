"""Median server time of the news pages with 5 and with 1,000 articles.

Run with `make bench-news` (SQLite by default; with DATABASE_URL set to PostgreSQL it
measures there). Like the tests, it works in a throwaway test database (`test_<name>`),
created at the start and dropped at the end: it never touches the real one.
Requests go through Django's full stack in-process (middleware, URL routing, Wagtail,
templates), so the figures are server time without network or a WSGI server.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORKDIR = tempfile.mkdtemp(prefix="consortium-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORKDIR}/bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "consortium.settings.test"
os.environ["TEST_MEDIA_ROOT"] = f"{WORKDIR}/media"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

REPEAT = 30


def build(count_after: list[int]):
    """Yield after building the site with each number of articles in ``count_after``."""
    import datetime
    import io

    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, Site

    from home.factories import HomePageFactory
    from news.demo import draw_illustration
    from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory

    Locale.objects.get_or_create(language_code="en")
    french = Locale.objects.get(language_code="fr")
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="accueil", locale=french)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    index = NewsIndexPageFactory(parent=home)
    categories = [NewsCategoryFactory(locale=french) for _ in range(4)]
    image = get_image_model()(title="bench")
    image.file = ImageFile(io.BytesIO(draw_illustration(0)), name="bench.png")
    image.save()
    made = 0
    for target in count_after:
        while made < target:
            NewsPageFactory(
                parent=index,
                date=datetime.date(2015, 1, 1) + datetime.timedelta(days=made),
                category=categories[made % 4],
                featured_image=image,
                featured_image_alt="Cercles",
                summary=f"Une coopérative numéro {made}.",
            )
            made += 1
        yield index


def measure(client: Client, url: str) -> tuple[float, int]:
    client.get(url)  # warm caches and renditions
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    if os.environ.get("BENCH_SHOW_SLOW_QUERIES"):
        for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]:
            print(f"    {float(query['time']) * 1000:.1f} ms  {query['sql'][:160]}")
    return statistics.median(timings) * 1000, len(queries)


def main():
    client = Client()
    print(f"database: {connection.vendor}; {REPEAT} requests per page, median server time")
    print(f"{'page':<28}{'articles':>9}{'median ms':>11}{'queries':>9}")
    for index in build([5, 1000]):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, as autovacuum keeps in production
        count = index.get_children().count()
        first = index.get_children().live().order_by("-path").first()
        pages = {
            "listing": "/fr/actualites/",
            "listing, filtered, page 2": "/fr/actualites/?category=categorie-1&page=2",
            "article": first.url,
            "RSS feed": "/fr/actualites/rss/",
            "search « coopératives »": "/fr/recherche/?q=coop%C3%A9ratives",
        }
        for name, url in pages.items():
            if count < 30 and "page 2" in name:
                url = "/fr/actualites/?category=categorie-1"
            median, queries = measure(client, url)
            print(f"{name:<28}{count:>9}{median:>11.1f}{queries:>9}")


if __name__ == "__main__":
    original_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        main()
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)
