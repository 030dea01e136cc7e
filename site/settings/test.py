"""Test settings: fast hashing, in-memory mail and cache, real database from DATABASE_URL."""

from .base import *  # noqa: F403
from .base import PAGES_CACHE, RATELIMIT_CACHE, env

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    # No culling at 300 entries (locmem's default): Redis keeps what it is given, and a test
    # counting queries must not see a key dropped because other pages filled the process.
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "ratelimit": RATELIMIT_CACHE,
    "pages": PAGES_CACHE,
}
# Tests render templates with the manifest-free storage so collectstatic is not needed.
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default="/tmp/consortium-test-media")  # noqa: S108
PRIVATE_MEDIA_ROOT = env.path(
    "TEST_PRIVATE_MEDIA_ROOT",
    default="/tmp/consortium-test-private",  # noqa: S108
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
