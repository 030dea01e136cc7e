"""Member space routes outside the page tree (included by consortium.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    # Where member-only pages send a visitor who is not signed in (WAGTAIL_FRONTEND_LOGIN_URL).
    # The address is kept from before the register had its own app: bookmarks and
    # WAGTAIL_FRONTEND_LOGIN_URL in deployed environments name it.
    path("membership/sign-in/", views.login_redirect, name="member_space_login"),
]
