"""Where rate-limit counters live: the database, not Redis.

Counters decide whether a person may send a form or try a password again, so they must
neither vanish when Redis stops or restarts (every limit would open) nor be evicted when
the page cache fills Redis's memory (an attacker could flush their own counter by asking
for many pages). The database is shared by every app server and keeps them; django-ratelimit
reads them through Django's cache API (``RATELIMIT_USE_CACHE = "ratelimit"``).

Django's ``DatabaseCache`` increments by reading then writing, so two requests at the same
moment could count once. ``DatabaseCounterCache.incr`` locks the row (``SELECT … FOR
UPDATE``, where the database has it; SQLite writes one transaction at a time anyway).
Expired counters are removed by the culling Django's backend already does.

The table is created by the migration ``consortium.0005_ratelimit_table``
(``createcachetable``).
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils.timezone import now

TABLE = "consortium_ratelimit"


class DatabaseCounterCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, value_column, key_column = quote(self._table), quote("value"), quote("cache_key")
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        current = connection.ops.adapt_datetimefield_value(now().replace(microsecond=0))
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {value_column} FROM {table} "  # noqa: S608 - quoted names only
                f"WHERE {key_column} = %s AND {quote('expires')} >= %s{lock}",
                [key, current],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta  # noqa: S301
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode()
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s",  # noqa: S608
                [encoded, key],
            )
        return value


def limit_reached(request, group: str, rate: str) -> bool:
    """Count this POST for the client's address (``consortium.security.client_address``) in
    ``group`` and say whether it is over ``rate`` (« 5/h »). django-ratelimit, on the
    counters above."""
    from django_ratelimit.core import is_ratelimited

    return is_ratelimited(request, group=group, key="ip", rate=rate, method="POST", increment=True)
