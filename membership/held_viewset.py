"""« Envois retenus »: the membership forms held by the anti-spam rules (consortium.held),
for the committee to read — and, when a person was caught by mistake, to contact them.
Read-only, like the applications; they are deleted after their retention period."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from consortium.models import HeldSubmission

from .permissions import VIEW_PERMISSION
from .views import FORM_NAME


class CommitteePermissionPolicy(ModelPermissionPolicy):
    """Whoever reads applications reads what was held from their form; nobody edits."""

    def user_has_permission(self, user, action):
        return action in {"view"} and user.has_perm(VIEW_PERMISSION)

    def user_has_permission_for_instance(self, user, action, instance):
        return instance.form == FORM_NAME and self.user_has_permission(user, action)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return HeldSubmission.objects.none()
        return HeldSubmission.objects.filter(form=FORM_NAME)


def organisation(held: HeldSubmission) -> str:
    return str(held.data.get("organisation_name", "—"))[:120]


def email(held: HeldSubmission) -> str:
    return str(held.data.get("contact_email", "—"))[:254]


class HeldApplicationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(form=FORM_NAME)


class HeldApplicationViewSet(ModelViewSet):
    model = HeldSubmission
    icon = "warning"
    menu_label = _("Held submissions")
    menu_order = 251
    add_to_admin_menu = True
    url_prefix = "held-submissions"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["reason"]  # required by ModelViewSet; no one may reach the form
    list_display = [
        TitleColumn("received_at", label=_("received at"), url_name="held_submissions:inspect"),
        Column("reason", label=_("reason"), accessor="get_reason_display"),
        Column("organisation", label=_("organisation"), accessor=organisation),
        Column("email", label=_("email"), accessor=email),
    ]
    list_filter = ["reason"]
    index_view_class = HeldApplicationIndexView
    inspect_view_fields = ["received_at", "reason", "language", "data", "files"]

    @property
    def permission_policy(self):
        return CommitteePermissionPolicy(self.model)
