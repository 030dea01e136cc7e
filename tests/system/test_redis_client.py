"""One Redis client per connection pool (consortium.caching.resilient_redis), on a redis-server of
the test's own: reused by every operation, and still the one in use after Redis was killed
and started again (the pool reconnects; nothing needs a restart)."""

from consortium.caching.resilient_redis import ResilientRedisCache
from tests.processes import RedisServer


def test_one_client_serves_every_operation_across_a_redis_restart(tmp_path):
    redis = RedisServer(tmp_path)
    redis.start()
    cache = ResilientRedisCache(redis.url, {"OPTIONS": {"retry_seconds": 0}})
    try:
        cache.set("greeting", "bonjour")
        client = cache._cache.get_client(write=False)
        assert cache._cache.get_client(write=True) is client
        assert cache.get("greeting") == "bonjour"

        redis.kill()
        assert cache.get("greeting", "absent") == "absent"  # a miss, not an error
        assert cache.set("greeting", "perdu") is None

        redis.start()
        assert cache.get("greeting") is None  # a new server: nothing kept
        cache.set("greeting", "de retour")
        assert cache.get("greeting") == "de retour"
        assert cache._cache.get_client() is client
    finally:
        redis.kill()
