"""Which permissions reach personal information (Loi 25), derived from the models: every
group that holds one signs in with a second factor (consortium.staff.two_factor).

A model holds personal information when it says so (``personal_information = True``: a
member's record, whose page shows its contacts; a privacy incident) or, unless it says
otherwise (``personal_information = False``: the organisation's own addresses, published
texts), when it has a field that reaches a person: an email address or a phone number.
Every permission on such a model — to read, export, change, add or delete it, or a
custom one — is a personal-information permission; nothing is listed by group.

The rule holds as permissions change, not only at ``setup_site``: a group given such a
permission, in the admin or in code, gets « enable_2fa » at once (``connect``).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.db.models.signals import m2m_changed
from phonenumber_field.modelfields import PhoneNumberField

from consortium.staff.two_factor import ENABLE_PERMISSION

PERSON_FIELDS = (models.EmailField, PhoneNumberField)


def holds_personal_information(model) -> bool:
    declared = getattr(model, "personal_information", None)
    if declared is not None:
        return bool(declared)
    return any(isinstance(field, PERSON_FIELDS) for field in model._meta.concrete_fields)


def personal_models() -> list:
    return [model for model in apps.get_models() if holds_personal_information(model)]


def personal_permissions():
    """Every permission on a model that holds personal information (a queryset)."""
    query = models.Q(pk__in=[])
    for model in personal_models():
        query |= models.Q(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
        )
    return Permission.objects.filter(query)


def second_factor_permission() -> Permission:
    from consortium.staff.roles import permission_named

    return permission_named(*ENABLE_PERMISSION)


def groups_missing_the_second_factor():
    """Groups that hold a personal-information permission but not « enable_2fa »."""
    return (
        Group.objects.filter(permissions__in=personal_permissions())
        .exclude(permissions=second_factor_permission())
        .distinct()
    )


def require_second_factor_where_needed() -> list[str]:
    """Gives « enable_2fa » to every group that needs it; returns their names."""
    needed = list(groups_missing_the_second_factor())
    second_factor = second_factor_permission()
    for group in needed:
        group.permissions.add(second_factor)
    return [group.name for group in needed]


def _permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A group given permissions (``group.permissions.add``, the admin's group form) or a
    permission given to groups (``permission.group_set.add``)."""
    if action != "post_add" or not pk_set:
        return
    if reverse:  # instance is a Permission, pk_set are groups
        if not personal_permissions().filter(pk=instance.pk).exists():
            return
        groups = list(Group.objects.filter(pk__in=pk_set))
    else:  # instance is a Group, pk_set are permissions
        if not personal_permissions().filter(pk__in=pk_set).exists():
            return
        groups = [instance]
    second_factor = second_factor_permission()
    for group in groups:
        if not group.permissions.filter(pk=second_factor.pk).exists():
            group.permissions.add(second_factor)


def connect() -> None:
    m2m_changed.connect(
        _permissions_changed, sender=Group.permissions.through, dispatch_uid="personal_2fa"
    )
