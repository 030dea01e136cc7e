"""Gunicorn's configuration for production (docs/deployment.md), every value from the
environment:

    gunicorn -c site/gunicorn.conf.py consortium.wsgi

Worker model: threads (``gthread``). A co-op on a slow rural link sends a 9 MB PDF in 40 s
or more; a sync worker would be killed by its timeout half-way (the visitor gets an error
and the application is lost), and every slow client would hold a whole process. A gthread
worker keeps answering its heartbeat while a thread reads a slow upload, waits for a
connection's first bytes without holding a thread, and has ``GUNICORN_THREADS`` (8) threads
per process, so a few clients that dribble their headers hold a few threads, not the site.
Views are ordinary synchronous Django; each thread has its own database connection
(``WEB_CONCURRENCY`` × ``GUNICORN_THREADS`` connections at most).

``GUNICORN_TIMEOUT`` is the time a worker may go without its heartbeat (a stuck process),
not a limit on a request. Workers are not recycled by default (``GUNICORN_MAX_REQUESTS``
0): a new worker imports Django and Wagtail again, about 1.3 s of CPU, and with recycling
every 1,000 requests a cached page's throughput under load was half what it is without
(docs/performance.md). The site keeps no per-request state that grows; if a worker's memory
ever did, set ``GUNICORN_MAX_REQUESTS`` high (say 50,000) — the jitter keeps workers from
restarting together. The access log is off (the application logs its
requests itself: consortium.security.request_log); errors go to standard error.

The default bind is loopback: the load balancer or reverse proxy on the same host reaches
it; to listen on another interface, say so with ``GUNICORN_BIND``. Each instance has its
own control socket (``gunicornc``), named after its bind address, so two instances on one
host never replace each other's.
"""

import multiprocessing
import os
import re
import tempfile


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = _int("WEB_CONCURRENCY", max(2, multiprocessing.cpu_count() * 2))
threads = _int("GUNICORN_THREADS", 8)
max_requests = _int("GUNICORN_MAX_REQUESTS", 0)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Header limits: a request line or header longer than this is refused (gunicorn's 400).
limit_request_line = _int("GUNICORN_LIMIT_REQUEST_LINE", 8190)
limit_request_fields = _int("GUNICORN_LIMIT_REQUEST_FIELDS", 100)
# The load balancer or TLS proxy in front sets X-Forwarded-Proto (and X-Forwarded-For,
# read by consortium.security.client_address); both are trusted from these addresses only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# One control socket per instance (gunicornc), named after the bind address.
_instance = re.sub(r"[^A-Za-z0-9]+", "-", bind.split(",")[0]).strip("-")
control_socket = os.environ.get(
    "GUNICORN_CONTROL_SOCKET",
    os.path.join(
        os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir(), f"gunicorn-{_instance}.ctl"
    ),
)
# Heartbeat files in memory, not on a possibly slow disk.
SHARED_MEMORY = "/dev/shm"  # noqa: S108 - gunicorn's documented choice for heartbeats
worker_tmp_dir = SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
