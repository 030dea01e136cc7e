"""URL configuration.

Outside the language prefixes: `/` (redirect), `/healthz`, `/robots.txt`, `/sitemap.xml`,
the admin and documents. Every public page lives under `/fr/` or `/en/` (i18n_patterns):
the search (`/fr/recherche/`, `/en/search/`, a translated URL), the newsletter form's
POST and one-click unsubscribe, and Wagtail's page tree.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from consortium import views
from consortium.pages import routing
from consortium.pages.sitemaps import sitemap_view
from consortium.staff.admin_login import ThrottledLoginView, ThrottledPasswordResetView
from consortium.upstream.page_creation import CreatePageView

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    # Before Wagtail's own: the same login, throttled (consortium.staff.admin_login).
    path("admin/login/", ThrottledLoginView.as_view(), name="wagtailadmin_login"),
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    # Before Wagtail's own: « add a page » without autosave (consortium.upstream.page_creation),
    # with the checks Wagtail puts on every admin view.
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        never_cache(require_admin_access(CreatePageView.as_view())),
        name="consortium_add_page",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Each app's own routes outside the page tree.
    path("", include("news.urls")),
    path("", include("membership.urls")),
    path("", include("members.urls")),
    path("", include("services.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("home.urls")),  # the search
    path("", include("newsletter.urls")),  # the subscription form's POST, one-click unsubscribe
    # Before Wagtail's own: the same view, with fewer queries to find the page
    # (consortium.pages.routing).
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# A database outage is answered 503 with Retry-After, in the visitor's language.
handler500 = "consortium.views.server_error"
