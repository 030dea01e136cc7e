"""Membership routes outside the page tree (included by consortium.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    # Attachments: private files, served only to the committee (never MEDIA_URL).
    path("membership/attachments/<uuid:token>/", views.attachment, name="membership_attachment"),
]
