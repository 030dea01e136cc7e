"""French column headings and model names where Wagtail 7.4 and wagtail-localize derive them
from code names (a gap upstream).

A listing column declared without a label gets its field's name, capitalised —
« Site name », « Root page » on the Sites listing, in English whatever the admin's
language. :func:`translate_derived_labels` gives such columns their model field's
``verbose_name`` instead, which Wagtail's catalogue translates (« Nom du site », « Page
racine »). It only touches a label that is still the name-derived one, so it turns into
a no-op once Wagtail labels the column itself; tests/test_admin_language.py checks the
headings in French.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst


def _derived_label(name: str) -> str:
    return capfirst(name.replace("_", " "))


def translate_derived_labels(index_view_class, model):
    for column in index_view_class.columns:
        if str(column.label) != _derived_label(column.name):
            continue
        try:
            field = model._meta.get_field(column.name)
        except FieldDoesNotExist:
            continue
        column.label = capfirst(field.verbose_name)


def name_models(names) -> None:
    """Give translatable names to models whose upstream ``Meta`` has none (Django then
    derives an English one from the class name: « Locale », « Translation » on the group
    permissions screen, whatever the admin's language)."""
    for model, singular, plural in names:
        if str(model._meta.verbose_name) == model._meta.model_name:
            model._meta.verbose_name = singular
            model._meta.verbose_name_plural = plural


def apply():
    from django.utils.translation import gettext_lazy as _
    from wagtail.models import Locale, Site
    from wagtail.sites.views import IndexView as SiteIndexView
    from wagtail_localize.models import Translation

    translate_derived_labels(SiteIndexView, Site)
    name_models(
        [
            (Locale, _("locale"), _("locales")),
            (Translation, _("translation"), _("translations")),
        ]
    )
