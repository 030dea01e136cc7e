"""The newsletter's routes outside the page tree, under the language prefix (included in
consortium.urls' i18n_patterns): the form's POST and the one-click unsubscribe."""

from django.urls import path

from . import views

urlpatterns = [
    path("newsletter-subscription/", views.subscribe, name="newsletter_subscribe"),
    path("newsletter-unsubscribe/<str:token>/", views.one_click, name="newsletter_one_click"),
]
