"""Redis as a cache, never a single point of failure.

``ResilientRedisCache`` is Django's ``RedisCache`` with one rule added: when Redis does
not answer (stopped, restarting, failing over, out of memory), every cache operation
behaves as a miss instead of raising — a read returns the default, a write stores
nothing — so the site goes on serving, uncached, from the database. Sessions
(``cached_db``) fall back to the database, rendered pages are rendered, and nothing a
visitor sends depends on Redis (rate-limit counters live in the database:
``consortium.caching.ratelimit_store``).

After a failure the process stops asking Redis for ``CACHE_RETRY_SECONDS`` (1 s by
default), so an outage costs one refused connection per process and per period, not one per
operation; short socket timeouts (``CACHE_SOCKET_TIMEOUT``) bound the cost of a Redis that
hangs instead of refusing. The first operation after that period tries again: the site
recovers by itself, without a restart.

A write that was lost during an outage (a page published, a menu edited: their versions
could not be moved on) would leave stale copies in Redis when it comes back. So a process
that lost a write empties the cache once, at its first successful operation after the
outage: what follows is rendered afresh from the database.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

MISSING = object()


class _Health:
    """What one process knows of one Redis location."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.lost_writes = False


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, with one ``redis.Redis`` per connection pool instead of a new
    one for every operation (Django builds one per call: a read took 0.18 ms with a new
    client, 0.10 ms with the reused one, docs/performance.md).
    A ``redis.Redis`` is safe to share between threads: each command takes a connection from
    the pool, which redis-py also resets in a forked process."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class ResilientRedisCache(RedisCache):
    _health: dict[str, _Health] = {}
    _health_lock = threading.Lock()

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_seconds = float(options.pop("retry_seconds", 1.0))
        timeout = float(options.pop("socket_timeout", 0.5))
        options.setdefault("socket_timeout", timeout)
        options.setdefault("socket_connect_timeout", timeout)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self.location = server if isinstance(server, str) else ",".join(server)
        with self._health_lock:
            self.health = self._health.setdefault(self.location, _Health())

    # -- the rule --------------------------------------------------------------------
    def _call(self, operation, *args, write: bool, fallback):
        health = self.health
        if health.down_until > time.monotonic():
            if write:
                health.lost_writes = True
            return fallback
        try:
            result = operation(*args)
        except RedisError as error:
            with health.lock:
                first = health.down_until == 0.0
                health.down_until = time.monotonic() + self.retry_seconds
                if write:
                    health.lost_writes = True
            if first:
                logger.warning("Redis unavailable (%s): serving without the cache", error)
            return fallback
        if health.down_until:
            self._recovered()
        return result

    def _recovered(self):
        health = self.health
        with health.lock:
            if not health.down_until:
                return
            health.down_until = 0.0
            lost, health.lost_writes = health.lost_writes, False
        logger.warning("Redis is back%s", ": cache emptied (writes were lost)" if lost else "")
        if lost:
            try:
                super().clear()
            except Exception:  # noqa: BLE001 - down again: the next failure is recorded
                with health.lock:
                    health.lost_writes = True

    def is_available(self) -> bool:
        """Whether Redis answers now (for /healthz), whatever the retry period says."""
        try:
            # RedisCache's client (a cached property Django's stubs do not declare).
            return bool(self._cache.get_client(write=True).ping())  # type: ignore[attr-defined]
        except RedisError:
            return False

    # -- every operation of Django's RedisCache, guarded ---------------------------------
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, key, value, timeout, version, write=True, fallback=False)

    def get(self, key, default=None, version=None):
        return self._call(super().get, key, default, version, write=False, fallback=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, key, value, timeout, version, write=True, fallback=None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, key, timeout, version, write=True, fallback=False)

    def delete(self, key, version=None):
        return self._call(super().delete, key, version, write=True, fallback=False)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, keys, version, write=False, fallback={})

    def has_key(self, key, version=None):
        return self._call(super().has_key, key, version, write=False, fallback=False)

    def incr(self, key, delta=1, version=None):
        result = self._call(super().incr, key, delta, version, write=True, fallback=MISSING)
        if result is MISSING:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, data, timeout, version, write=True, fallback=list(data))

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, keys, version, write=True, fallback=None)

    def clear(self):
        return self._call(super().clear, write=True, fallback=False)
