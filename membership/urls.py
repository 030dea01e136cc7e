"""Membership routes outside the page tree (included by consortium.urls)."""

from django.urls import path

from . import member_space, views

urlpatterns = [
    # Attachments: private files, served only to the committee (never MEDIA_URL).
    path("membership/attachments/<uuid:token>/", views.attachment, name="membership_attachment"),
    # Where member-only pages send a visitor who is not signed in (WAGTAIL_FRONTEND_LOGIN_URL).
    path("membership/sign-in/", member_space.login_redirect, name="member_space_login"),
]
