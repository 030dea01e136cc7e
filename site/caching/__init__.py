"""Caching, and what keeps it correct: the content version every cache keys on, rendered
pages and forms kept until content changes, cache headers, the CDN purge, Redis as a cache
that may fail, and the rate-limit counters' store.
"""
