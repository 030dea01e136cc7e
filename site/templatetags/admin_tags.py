"""Template filters for the admin screens the project overrides."""

import re

from django import template
from django.contrib.auth.models import Permission
from django.utils.translation import gettext, gettext_lazy

register = template.Library()

# Django stores « Can add <model> » in English when it creates a permission; these say it in
# the admin's language, with the model's translated name.
DEFAULT_PERMISSION_NAMES = {
    "add": gettext_lazy("Can add %(object)s"),
    "change": gettext_lazy("Can change %(object)s"),
    "delete": gettext_lazy("Can delete %(object)s"),
    "view": gettext_lazy("Can view %(object)s"),
}


@register.filter
def permission_name(permission: Permission) -> str:
    action = permission.codename.split("_", 1)[0]
    model = permission.content_type.model_class()
    if (
        model is not None
        and action in DEFAULT_PERMISSION_NAMES
        and permission.codename == f"{action}_{model._meta.model_name}"
    ):
        return DEFAULT_PERMISSION_NAMES[action] % {"object": model._meta.verbose_name}
    return gettext(permission.name)


DEFAULT_PERMISSION = re.compile(r"Can (add|change|delete|view) .+")


@register.filter
def permission_label(label: str) -> str:
    """A permission's checkbox label as the group screens' forms give it (« Noyau de
    Wagtail | page | Can add page »: app, model, stored name) in the admin's language."""
    *_app, model_name, name = ["", *str(label).split(" | ")][-3:]
    default = DEFAULT_PERMISSION.fullmatch(name)
    if default and model_name:
        return DEFAULT_PERMISSION_NAMES[default[1]] % {"object": model_name}
    return gettext(name)
