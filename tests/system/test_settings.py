"""Settings come from the environment; production refuses to start half-configured."""

import pytest

from tests.processes import run_python

PRINT_SETTINGS = """
import django
django.setup()
from django.conf import settings
default_cache = settings.CACHES["default"]["BACKEND"]
print(settings.DATABASES["default"]["ENGINE"], settings.DEBUG, default_cache)
print(settings.SESSION_ENGINE)
"""


def run_with(settings_module: str, **env_vars):
    return run_python(PRINT_SETTINGS, settings_module, **env_vars)


REAL_KEY = "k" * 50


def only_line(result) -> str:
    """The whole of stderr, which must be a single line."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_production_without_secret_key_fails_with_one_clear_line():
    result = run_with("consortium.settings.production", ALLOWED_HOSTS="leconsortium.coop")
    assert result.returncode != 0
    assert only_line(result) == (
        "SECRET_KEY is not set: production settings need the SECRET_KEY environment variable."
    )


def test_production_without_allowed_hosts_fails_with_one_clear_line():
    result = run_with("consortium.settings.production", SECRET_KEY=REAL_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in only_line(result)


def test_production_without_redis_fails_with_one_clear_line():
    result = run_with(
        "consortium.settings.production", SECRET_KEY=REAL_KEY, ALLOWED_HOSTS="leconsortium.coop"
    )
    assert result.returncode != 0
    assert "REDIS_URL is not set" in only_line(result)


def test_production_refuses_the_development_key():
    result = run_with(
        "consortium.settings.production",
        SECRET_KEY="dev-only-insecure-key-do-not-use-in-production",
        ALLOWED_HOSTS="leconsortium.coop",
    )
    assert "SECRET_KEY is not a real key" in only_line(result)


def test_production_starts_when_configured():
    result = run_with(
        "consortium.settings.production",
        SECRET_KEY=REAL_KEY,
        ALLOWED_HOSTS="leconsortium.coop",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "False",
        "consortium.caching.resilient_redis.ResilientRedisCache",
        "django.contrib.sessions.backends.cached_db",
    ]


def test_development_defaults_to_sqlite_and_debug():
    result = run_with("consortium.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["django.db.backends.sqlite3", "True"]


def test_database_url_selects_postgresql():
    result = run_with("consortium.settings.dev", DATABASE_URL="postgres://u:p@db.example:5432/x")
    assert result.stdout.split()[0] == "django.db.backends.postgresql"


@pytest.mark.parametrize("module", ["dev", "test", "production"])
def test_every_settings_module_is_french_first(module):
    production = {"SECRET_KEY": REAL_KEY, "ALLOWED_HOSTS": "x", "REDIS_URL": "redis://r:6379/0"}
    env = production if module == "production" else {}
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.LANGUAGE_CODE, [c for c, _ in settings.LANGUAGES])"
    )
    result = run_python(code, f"consortium.settings.{module}", **env)
    assert result.stdout.strip() == "fr ['fr', 'en']", result.stderr


S3_STORAGES = """
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
from membership.models import Attachment
public, private = storages["default"], storages["private"]
attachments = Attachment._meta.get_field("file").storage
print(type(public).__name__, public.location, public.default_acl, public.querystring_auth)
print(public.url("images/photo.jpg"))
print(type(private).__name__, private.bucket_name, private.location, private.default_acl)
print(attachments.location, private.url("2026/statuts.pdf"))
print(settings.WAGTAILDOCS_SERVE_METHOD, *settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"])
"""


def s3_settings(**env):
    return run_python(
        S3_STORAGES,
        "consortium.settings.production",
        SECRET_KEY=REAL_KEY,
        ALLOWED_HOSTS="leconsortium.coop",
        REDIS_URL="redis://127.0.0.1:6379/15",
        S3_BUCKET="consortium-media",
        S3_PRIVATE_BUCKET="consortium-private",
        S3_REGION="ca-central-1",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY="example-secret",  # noqa: S106
        **env,
    )


def test_object_storage_when_a_bucket_is_named_with_private_attachments():
    """With S3_BUCKET, media go to object storage (every app server sees the same files);
    membership attachments under a private prefix, readable only through signed URLs; no
    ACL header unless S3_MEDIA_ACL names one; documents served by the site; the images'
    host allowed by the Content-Security-Policy by itself (issue #33)."""
    result = s3_settings()
    assert result.returncode == 0, result.stderr
    public, public_url, private, private_url, served = result.stdout.strip().splitlines()
    assert public == "MediaStorage media None False"
    assert public_url.startswith("https://consortium-media.s3")
    assert public_url.endswith("/media/images/photo.jpg")
    assert private == "PrivateStorage consortium-private private None"
    location, url = private_url.split(" ", 1)
    assert location == "private"
    assert "consortium-private" in url and "/private/2026/statuts.pdf?" in url
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=300" in url
    assert served.split() == [
        "serve_view",
        "'self'",
        "data:",
        "https://consortium-media.s3.amazonaws.com",
        "https://consortium-media.s3.ca-central-1.amazonaws.com",
    ]


@pytest.mark.parametrize(
    ("env", "hosts"),
    [
        (
            {"AWS_S3_CUSTOM_DOMAIN": "medias.leconsortium.coop"},
            ["https://medias.leconsortium.coop"],
        ),
        (
            {"S3_ENDPOINT_URL": "https://objets.example.ca:9000"},
            ["https://objets.example.ca:9000", "https://consortium-media.objets.example.ca:9000"],
        ),
        (
            {
                "MEDIA_URL": "https://cdn.example.net/media/",
                "AWS_S3_CUSTOM_DOMAIN": "cdn.example.net",
            },
            ["https://cdn.example.net"],
        ),
    ],
)
def test_the_content_security_policy_follows_the_media_host(env, hosts):
    result = s3_settings(S3_MEDIA_ACL="public-read", **env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "MediaStorage media public-read False"
    assert lines[2].endswith(" private")  # with ACLs: attachments say private
    assert lines[4].split()[3:] == hosts


def test_files_stay_on_disk_without_a_bucket(tmp_path):
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; "
        "print(type(storages['default']).__name__, type(storages['private']).__name__)"
    )
    result = run_python(
        code,
        "consortium.settings.production",
        SECRET_KEY=REAL_KEY,
        ALLOWED_HOSTS="leconsortium.coop",
        REDIS_URL="redis://127.0.0.1:6379/15",
    )
    assert result.stdout.strip() == "FileSystemStorage FileSystemStorage", result.stderr
