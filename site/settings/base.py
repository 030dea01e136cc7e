"""Settings shared by every environment. Values that vary come from environment variables."""

import hashlib
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.utils.translation import gettext_lazy as _

# site/settings/base.py -> project root
BASE_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = BASE_DIR / "site"

env = environ.Env()
# A local .env file is a convenience for developers; real deployments set the environment.
if (BASE_DIR / ".env").is_file():
    env.read_env(str(BASE_DIR / ".env"))

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "consortium",
    "home",
    "news",
    "expertise",
    "members",
    "membership",
    "services",
    "reports",
    "events",
    "assembly",
    "newsletter",
    "privacy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "csp",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "crispy_forms",
    "crispy_bootstrap5",
    "phonenumber_field",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
]

MIDDLEWARE = [
    "consortium.security.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "consortium.security.headers.AdminContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "consortium.security.headers.CrossOriginResourcePolicyMiddleware",
    # Static files first: they never wait on the page cache.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Rendered public pages from the shared cache (off unless PAGE_CACHE; on in production).
    "consortium.caching.page_cache.PageCacheMiddleware",
    "consortium.caching.headers.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "consortium.staff.admin_language.AdminLanguageMiddleware",  # French admin by default
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff with the « enable_2fa » permission (superusers, the committee) sign in with a
    # second factor (consortium.staff.two_factor).
    "consortium.upstream.wagtail_2fa.SecondFactorMiddleware",
    # Request bodies over MAX_REQUEST_BODY_BYTES refused before anything reads them (the
    # CSRF check reads the form in process_view, after every middleware's __call__).
    "consortium.security.request_size.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it sees a 404 before LocaleMiddleware turns it into a redirect to
    # /fr/… (responses go through the list in reverse).
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a lockout raised by the authentication backend into a 429
    # (consortium.staff.admin_login).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "consortium.urls"
WSGI_APPLICATION = "consortium.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
    # Plain-text emails: the same templates folders, no HTML escaping (consortium.messaging.mail).
    {
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Database: DATABASE_URL, e.g. postgres://user:pass@host:5432/name; SQLite file by default.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (production), process memory otherwise. Redis is a
# cache, never a single point of failure: when it does not answer, the site serves
# uncached (consortium.caching.resilient_redis).
REDIS_URL = env.str("REDIS_URL", default="")
# Keys carry the database they describe: two sites sharing a Redis (staging beside
# production, test servers side by side) never read each other's pages or versions.
_DATABASE = DATABASES["default"]
CACHE_KEY_PREFIX = env.str(
    "CACHE_KEY_PREFIX",
    default="consortium-"
    + hashlib.sha256(
        f"{_DATABASE.get('HOST', '')}:{_DATABASE.get('PORT', '')}/{_DATABASE['NAME']}".encode()
    ).hexdigest()[:12],
)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "consortium.caching.resilient_redis.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                "retry_seconds": env.float("CACHE_RETRY_SECONDS", default=1.0),
                "socket_timeout": env.float("CACHE_SOCKET_TIMEOUT", default=0.5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rate-limit counters in the database: they survive a Redis outage and cannot be evicted
# by the page cache (consortium.caching.ratelimit_store).
RATELIMIT_CACHE = {
    "BACKEND": "consortium.caching.ratelimit_store.DatabaseCounterCache",
    "LOCATION": "consortium_ratelimit",
    "OPTIONS": {"MAX_ENTRIES": 100_000},
}
CACHES["ratelimit"] = RATELIMIT_CACHE
# Each worker's own copies of the pages it served, for a second (consortium.caching.page_cache).
PAGES_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "consortium_pages",
    "OPTIONS": {"MAX_ENTRIES": env.int("PAGE_CACHE_LOCAL_ENTRIES", default=200)},
}
CACHES["pages"] = PAGES_CACHE
RATELIMIT_USE_CACHE = "ratelimit"
# The client behind the load balancer (consortium.security.client_address); FORWARDED_ALLOW_IPS is
# also what gunicorn trusts for X-Forwarded-Proto.
FORWARDED_ALLOW_IPS = env.str("FORWARDED_ALLOW_IPS", default="127.0.0.1,::1")
RATELIMIT_IP_META_KEY = "consortium.security.client_address.client_address"
# Our counter store increments atomically (django-ratelimit only knows the built-in ones).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the default and source language, English a full translation.
LANGUAGE_CODE = "fr"
# Names in the reader's language (« Anglais » in the French admin: Wagtail's locale labels and
# wagtail-localize's « Publier » button use them); the public switcher shows each language's
# own name (consortium.i18n.languages), as does the account's choice of admin language.
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Toronto"  # Québec's time zone (America/Montreal is a deprecated alias).

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]

# Static files are served by the site itself (WhiteNoise); nothing comes from a CDN.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
# Where uploads are read from: the site (`/media/`, served by the web server in front) or
# another host (object storage's or the CDN's domain; add it to CSP_IMG_HOSTS).
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Membership attachments: a private location, never under MEDIA_ROOT/MEDIA_URL; files are
# served only by membership.views.attachment, which checks the committee's permission.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}

# Background tasks (emails): run at once in development; production runs a database-backed
# queue and a worker (`manage.py db_worker`, README "Background tasks").
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Membership applications: at most this many per IP address and hour (cache-backed; the
# committee's address is a site setting, Paramètres → Coordonnées).
MEMBERSHIP_RATE_LIMIT = env.str("MEMBERSHIP_RATE_LIMIT", default="5/h")
# How long the applicant's link to add information works after the committee asks.
MEMBERSHIP_INFO_REQUEST_DAYS = env.int("MEMBERSHIP_INFO_REQUEST_DAYS", default=14)
# Refused and withdrawn applications are anonymised after this many months (Loi 25;
# `manage.py anonymise_applications`, run daily by cron, README).
MEMBERSHIP_RETENTION_MONTHS = env.int("MEMBERSHIP_RETENTION_MONTHS", default=24)
# Service requests (services): at most this many per IP address and hour; completed and
# dropped requests are anonymised after this many months (`manage.py anonymise_applications`).
SERVICE_REQUEST_RATE_LIMIT = env.str("SERVICE_REQUEST_RATE_LIMIT", default="5/h")
SERVICE_REQUEST_RETENTION_MONTHS = env.int("SERVICE_REQUEST_RETENTION_MONTHS", default=24)
# Events: at most this many registrations per IP address and hour (each sends an email);
# attendees' names and emails are anonymised this many days after the event
# (`manage.py anonymise_event_registrations`, daily).
EVENT_REGISTRATION_RATE_LIMIT = env.str("EVENT_REGISTRATION_RATE_LIMIT", default="10/h")
EVENT_REGISTRATION_RETENTION_DAYS = env.int("EVENT_REGISTRATION_RETENTION_DAYS", default=90)
# The newsletter (newsletter): a confirmation link works this many days; at most this many
# emails to one address a day and this many requests per IP address and hour. The optional
# sending tool, Cyberimpact, is on when its API token is set (README « Newsletter »).
NEWSLETTER_CONFIRMATION_DAYS = env.int("NEWSLETTER_CONFIRMATION_DAYS", default=7)
NEWSLETTER_EMAILS_PER_DAY = env.int("NEWSLETTER_EMAILS_PER_DAY", default=3)
NEWSLETTER_RATE_LIMIT = env.str("NEWSLETTER_RATE_LIMIT", default="10/h")
# Requests never confirmed are deleted this many days after their link expired.
NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = env.int("NEWSLETTER_UNCONFIRMED_RETENTION_DAYS", default=30)
CYBERIMPACT_API_TOKEN = env.str("CYBERIMPACT_API_TOKEN", default="")
CYBERIMPACT_API_URL = env.str("CYBERIMPACT_API_URL", default="https://api.cyberimpact.com")
CYBERIMPACT_GROUPS = {
    "fr": env.str("CYBERIMPACT_GROUP_FR", default=""),
    "en": env.str("CYBERIMPACT_GROUP_EN", default=""),
}
# Confidentiality incidents (privacy) are kept at least this many years (Loi 25: five).
INCIDENT_RETENTION_YEARS = 5
# The member space (members.views): sign-in links (django-sesame) work once, for
# 15 minutes; a session ends after 30 idle minutes; at most this many links per IP and hour.
# Contacts of resigned or excluded members are anonymised after MEMBER_RETENTION_MONTHS.
SESAME_MAX_AGE = 15 * 60
SESAME_ONE_TIME = True
MEMBER_SPACE_IDLE_SECONDS = env.int("MEMBER_SPACE_IDLE_SECONDS", default=30 * 60)
MEMBER_SIGN_IN_RATE_LIMIT = env.str("MEMBER_SIGN_IN_RATE_LIMIT", default="10/h")
MEMBER_RETENTION_MONTHS = env.int("MEMBER_RETENTION_MONTHS", default=24)
# Member-only pages and documents send visitors who are not signed in to the member space.
WAGTAIL_FRONTEND_LOGIN_URL = "/membership/sign-in/"
# Pages other apps add to the member space (members.extensions).
MEMBER_SPACE_EXTENSIONS = ["assembly.member_space"]

# Email: EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587; console by default.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# No email inside a request: messages are queued and the worker sends them through the
# backend of EMAIL_URL (consortium.messaging.mail).
EMAIL_DELIVERY_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_BACKEND = "consortium.messaging.mail.QueuedEmailBackend"
# A mail server that hangs must not hold a request or a worker: give up after this many
# seconds (the email stays pending and is retried).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Le Consortium <noreply@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

WAGTAIL_SITE_NAME = "Consortium de coopération des entreprises collectives"
# No call from staff browsers to releases.wagtail.org (privacy; the CSP refuses it anyway):
# upgrades follow the pinned constraints, not a banner.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# French pages are stemmed in French, English pages in English (consortium/search_backends.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "consortium.search.backend"}}
# Page addresses in ASCII (« Développement » → « developpement »): typed, read aloud and
# shared without percent-encoding.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

PHONENUMBER_DEFAULT_REGION = "CA"
CSRF_FAILURE_VIEW = "consortium.views.csrf_failure"

# Security headers (consortium.security.headers explains each choice).
from consortium.security.headers import (  # noqa: E402
    content_security_policy,
    permissions_policy,
)

# Staff avatars are not fetched from Gravatar (a third party would learn who uses the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
CONTENT_SECURITY_POLICY = content_security_policy(
    img_hosts=env.list("CSP_IMG_HOSTS", default=[]),
    frame_hosts=env.list(
        "CSP_FRAME_HOSTS",
        default=[
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
    ),
)
PERMISSIONS_POLICY = permissions_policy()
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Public pages in shared caches (consortium.caching.headers) and their purge on publish
# (consortium.caching.purge): an HTTP PURGE to a cache at FRONTEND_CACHE_PURGE_URL (Varnish,
# a CDN's purge endpoint), or Cloudflare with CLOUDFLARE_BEARER_TOKEN and CLOUDFLARE_ZONE_ID.
# Rendered public pages kept in the cache until content changes (consortium.caching.page_cache).
PAGE_CACHE = env.bool("PAGE_CACHE", default=False)
PAGE_CACHE_LOCAL_SECONDS = env.float("PAGE_CACHE_LOCAL_SECONDS", default=1.0)
PUBLIC_CACHE_MAX_AGE = env.int("PUBLIC_CACHE_MAX_AGE", default=60)
PUBLIC_CACHE_S_MAXAGE = env.int("PUBLIC_CACHE_S_MAXAGE", default=600)
PUBLIC_CACHE_STALE_WHILE_REVALIDATE = env.int("PUBLIC_CACHE_STALE_WHILE_REVALIDATE", default=86400)
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
    }
if env.str("CLOUDFLARE_BEARER_TOKEN", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
    }

# The admin's login (consortium.staff.admin_login, django-axes): failed attempts for one user
# name from one client address before a pause of so many minutes.
# « Was this article useful? » answers per client address.
NEWS_VOTE_RATE_LIMIT = env.str("NEWS_VOTE_RATE_LIMIT", default="30/h")
PASSWORD_RESET_RATE_LIMIT = env.str("PASSWORD_RESET_RATE_LIMIT", default="5/h")
AXES_FAILURE_LIMIT = env.int("ADMIN_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ADMIN_LOGIN_COOLOFF_MINUTES", default=5))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_CLIENT_IP_CALLABLE = "consortium.security.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failures only: no record of every staff sign-in
AXES_ENABLE_ADMIN = False  # Django's admin is not installed
AXES_VERBOSE = False  # no banner on every manage.py command
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "consortium.staff.admin_login.lockout_response"

# Second factor (wagtail-2fa on django-otp): a TOTP app, and recovery codes (static tokens).
# Required for every account with the « enable_2fa » permission: superusers, and the groups
# setup_site gives it to (those that read membership applications); an administrator may
# give it to any group (Paramètres → Groupes).
WAGTAIL_2FA_REQUIRED = env.bool("WAGTAIL_2FA_REQUIRED", default=True)
WAGTAIL_2FA_OTP_TOTP_NAME = "Consortium (administration)"
OTP_TOTP_ISSUER = WAGTAIL_2FA_OTP_TOTP_NAME
# Passkeys and security keys (django-otp-webauthn) beside the app, as a second factor only
# (never instead of the password); the relying party is the site's own host
# (consortium.upstream.otp_webauthn).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = WAGTAIL_2FA_OTP_TOTP_NAME
OTP_WEBAUTHN_HELPER_CLASS = "consortium.upstream.otp_webauthn.PasskeyHelper"
# The site's main address (its checks ask for them); the helper follows each request's
# host, already checked against ALLOWED_HOSTS. A passkey needs a domain name: on `make
# run`, open http://localhost:8000, not 127.0.0.1.
_BASE = urlsplit(WAGTAILADMIN_BASE_URL)
OTP_WEBAUTHN_RP_ID = "localhost" if _BASE.hostname in (None, "127.0.0.1", "::1") else _BASE.hostname
OTP_WEBAUTHN_ALLOWED_ORIGINS = [
    f"{_BASE.scheme}://{OTP_WEBAUTHN_RP_ID}" + (f":{_BASE.port}" if _BASE.port else "")
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sesame.backends.ModelBackend",  # the member space's sign-in links
]
# Image uploads: bitmap formats only. SVG files can carry scripts, so they are not accepted.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Request bodies larger than this are refused before they are read
# (consortium.security.request_size): three 10 MB attachments and the form fit.
MAX_REQUEST_BODY_BYTES = env.int("MAX_REQUEST_BODY_BYTES", default=40 * 1024 * 1024)
# Submissions held by the anti-spam rules are deleted after this many days (consortium.intake.held).
HELD_SUBMISSION_RETENTION_DAYS = env.int("HELD_SUBMISSION_RETENTION_DAYS", default=30)
# A PDF attached to a form is judged within a budget (consortium.intake.pdf_check): more
# pages than this are refused before the document is walked, and a check that has not
# cleared it after this many seconds refuses it (a genuine document takes milliseconds).
PDF_MAX_PAGES = env.int("PDF_MAX_PAGES", default=500)
PDF_CHECK_SECONDS = env.float("PDF_CHECK_SECONDS", default=2.0)
# What the anti-spam rules keep of what they hold (consortium.intake.held): so many
# submissions per sender and form a day, each field cut at so many characters; beyond,
# the submissions and characters are counted, not stored.
HELD_PER_SENDER_PER_DAY = env.int("HELD_PER_SENDER_PER_DAY", default=5)
HELD_FIELD_MAX_CHARS = env.int("HELD_FIELD_MAX_CHARS", default=5000)
# A task RUNNING for longer than this is taken to be a dead worker's and goes back to the
# queue; every worker looks every TASK_RECLAIM_SECONDS (consortium.messaging.task_lease).
TASK_LEASE_SECONDS = env.float("TASK_LEASE_SECONDS", default=90)
TASK_RECLAIM_SECONDS = env.float("TASK_RECLAIM_SECONDS", default=15)
