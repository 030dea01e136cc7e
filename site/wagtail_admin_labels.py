"""French column headings where Wagtail 7.4 builds them from field names (a gap upstream).

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


def apply():
    from wagtail.models import Site
    from wagtail.sites.views import IndexView as SiteIndexView

    translate_derived_labels(SiteIndexView, Site)
