"""Service request routes outside the page tree (included by consortium.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    # Attachments: private files, served only to the services team (never MEDIA_URL).
    path("services/attachments/<uuid:token>/", views.attachment, name="services_attachment"),
]
