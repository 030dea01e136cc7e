"""Production: refuses to start without a real SECRET_KEY and ALLOWED_HOSTS.

Everything is configured from the environment (README, "Configuration"). A missing value
stops the process with one line naming it (SystemExit, not a 30-line traceback), whether
the process is manage.py, gunicorn or a worker.
"""

from consortium.security.headers import media_hosts

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, DATABASES, MEDIA_URL, PRIVATE_MEDIA_ROOT, env

DEBUG = env.bool("DEBUG", default=False)


def require_setting(name: str, value):
    """Stop start-up with a one-line message naming the missing variable."""
    if not value:
        raise SystemExit(
            f"{name} is not set: production settings need the {name} environment variable."
        )
    return value


SECRET_KEY = require_setting("SECRET_KEY", env.str("SECRET_KEY", default=""))
if SECRET_KEY.startswith(("dev-only", "test-only")) or len(SECRET_KEY) < 50:
    raise SystemExit(
        "SECRET_KEY is not a real key: production needs at least 50 random characters."
    )
ALLOWED_HOSTS = require_setting("ALLOWED_HOSTS", env.list("ALLOWED_HOSTS", default=[]))
# The shared cache: sessions, rate limits, the site chrome and rendered pages must be the
# same for every worker and every app server (a per-process cache would serve stale pages
# after a publish; the page cache's copies in a worker's memory live one second only).
require_setting("REDIS_URL", env.str("REDIS_URL", default=""))
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", default=[f"https://{host}" for host in ALLOWED_HOSTS]
)

# Sessions read from the cache (Redis), written through to the database: a Redis restart
# logs nobody out, and every app server sees the same sessions.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Rendered public pages served from Redis until content changes (consortium.caching.page_cache).
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
# Object storage (S3 or any S3-compatible service) when a bucket is named: then every app
# server sees the same files (consortium.storage.objects says who reads what). Images under
# `media/images/` are read by URL (the CDN's domain when AWS_S3_CUSTOM_DOMAIN is set);
# documents are served by the site after Wagtail's privacy check; membership attachments
# go under `private/`, streamed to the committee by the site, and staged in the database
# while the store does not answer (consortium.storage.staging). No ACL header unless
# S3_MEDIA_ACL names one (buckets with ACLs disabled refuse them). Keys come from
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role.
S3_BUCKET = env.str("S3_BUCKET", default="")
if S3_BUCKET:
    from consortium.storage.configuration import object_storages  # botocore: only with S3

    STORAGES.update(
        object_storages(
            S3_BUCKET,
            region=env.str("S3_REGION", default=""),
            endpoint_url=env.str("S3_ENDPOINT_URL", default=""),
            media_acl=env.str("S3_MEDIA_ACL", default=""),
            custom_domain=env.str("AWS_S3_CUSTOM_DOMAIN", default=""),
            private_bucket=env.str("S3_PRIVATE_BUCKET", default=""),
        )
    )
# Documents always through the site, after the access check (never a redirect to a
# permanent URL on the bucket or the CDN).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += media_hosts(
    MEDIA_URL,
    env.str("AWS_S3_CUSTOM_DOMAIN", default="") if S3_BUCKET else "",
    env.str("S3_ENDPOINT_URL", default="") if S3_BUCKET else "",
    S3_BUCKET,
    env.str("S3_REGION", default=""),
)

# Emails and other background work go through a database-backed queue, run by
# `manage.py db_worker` (README, "Background tasks").
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# HTTPS everywhere. The TLS proxy in front of the app sets X-Forwarded-Proto, and gunicorn
# believes it only from FORWARDED_ALLOW_IPS (its `forwarded_allow_ips`): it then sets the
# request's scheme, which Django reads. No SECURE_PROXY_SSL_HEADER here: Django would take
# the header from anyone, a client connecting directly included.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Django's « Not Found: <path> » warnings would write personal links' tokens to the
    # logs; every request already has its line (consortium.security.request_log). Errors still go.
    "loggers": {"django.request": {"level": "ERROR"}},
}
