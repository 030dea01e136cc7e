"""The embedded default (SQLite, `make run`): after `migrate` and `build_demo`, search
answers at once — the index is built as the demo is, no `update_index` needed. (The same on
the run's own database: tests/test_search.py.)"""

import json

from tests.processes import RedisServer, production_env, run_manage

COUNT = """
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from home.search import search_pages
from django.utils import translation
translation.activate("fr")
print(json.dumps({
    "live": Page.objects.live().exclude(depth=1).count(),
    "indexed": IndexEntry.objects.count(),
    "gouvernance": len(search_pages("gouvernance", "fr")),
}))
"""


def test_the_demo_on_sqlite_is_searchable_after_build_demo(tmp_path):
    # A Redis of its own: this other database's site chrome must never reach the cache that
    # the run's production servers share.
    redis = RedisServer(tmp_path)
    redis.start()
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", REDIS_URL=redis.url)
    try:
        for command in (("migrate", "--noinput", "-v0"), ("build_demo",)):
            result = run_manage(env, *command, timeout=600)
            assert result.returncode == 0, result.stderr[-3000:]
        result = run_manage(env, "shell", "-v0", "-c", "import json\n" + COUNT)
    finally:
        redis.kill()
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["live"] > 50
    assert figures["indexed"] >= figures["live"]
    assert figures["gouvernance"] > 0
