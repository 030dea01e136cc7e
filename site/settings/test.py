"""Test settings: fast hashing, in-memory mail and cache, real database from DATABASE_URL."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests render templates with the manifest-free storage so collectstatic is not needed.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default="/tmp/consortium-test-media")  # noqa: S108
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
