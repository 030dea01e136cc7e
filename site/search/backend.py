"""Search backend: Wagtail's database backend, with per-language stemming on PostgreSQL.

Wagtail's PostgreSQL backend indexes everything with a single text-search configuration
(SEARCH_CONFIG). This site indexes French pages with the `french` configuration and English
pages with `english`, so « coopératives » finds « coopérative » and "cooperatives" finds
"cooperative". The gap is closed here, in one clearly named module:

- indexing: objects are grouped by language and each group is indexed with its own
  configuration (a copy of the backend whose `config` is that language's);
- searching: :func:`backend_for_language` returns a copy configured for the query's language.

On SQLite (development) the stock backend is used (SQLite FTS5 with its own tokenizer).
"""

import copy
from collections import defaultdict

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.backends import get_search_backend

TEXT_SEARCH_CONFIGS = {"fr": "french", "en": "english"}
FALLBACK_CONFIG = "simple"


def config_for_language(language_code: str | None) -> str:
    return TEXT_SEARCH_CONFIGS.get((language_code or "")[:2], FALLBACK_CONFIG)


def _language_of(obj) -> str | None:
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None)


def _postgres_classes():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class MultilingualPostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            groups = defaultdict(list)
            for obj in objs:
                groups[config_for_language(_language_of(obj))].append(obj)
            backend = self.backend
            try:
                for config, group in groups.items():
                    self.backend = backend.with_config(config)
                    super().add_items(model, group)
            finally:
                self.backend = backend

    class MultilingualPostgresSearchBackend(PostgresSearchBackend):
        index_class = MultilingualPostgresIndex

        def with_config(self, config: str):
            clone = copy.copy(self)
            clone.config = config
            return clone

    return MultilingualPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 - Wagtail loads backends by this name
    if connection.vendor == "postgresql":
        return _postgres_classes()(params)
    return DatabaseSearchBackend(params)


def backend_for_language(language_code: str):
    backend = get_search_backend()
    if hasattr(backend, "with_config"):
        return backend.with_config(config_for_language(language_code))
    return backend
