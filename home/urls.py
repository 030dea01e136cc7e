"""The site search (`/fr/recherche/`, `/en/search/`: a translated URL), included by
consortium.urls inside the language prefixes."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path(_("search/"), views.search, name="search"),
]
