"""« Envois retenus »: what a public form's anti-spam rules held (consortium.intake.held), for the
people who handle that form to read — and, when a person was caught by mistake, to
contact them. Read-only, like the cases; deleted after their retention period.

Each form that holds submissions registers its own :class:`HeldSubmissionViewSet`, named
after the form and the permission that reads its cases (membership: the committee's;
service requests: « Services aux membres »)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from consortium.models import HeldSubmission


class HeldPermissionPolicy(ModelPermissionPolicy):
    """Whoever reads a form's cases reads what was held from that form; nobody edits."""

    def __init__(self, model, *, form_name: str, permission: str):
        super().__init__(model)
        self.form_name = form_name
        self.permission = permission

    def user_has_permission(self, user, action):
        return action in {"view"} and user.has_perm(self.permission)

    def user_has_permission_for_instance(self, user, action, instance):
        return instance.form == self.form_name and self.user_has_permission(user, action)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return HeldSubmission.objects.none()
        return HeldSubmission.objects.filter(form=self.form_name)


def organisation(held: HeldSubmission) -> str:
    # The forms name it « organisation_name » (cases) or « organisation » (events).
    return str(held.data.get("organisation_name") or held.data.get("organisation") or "—")[:120]


def email(held: HeldSubmission) -> str:
    return str(held.data.get("contact_email") or held.data.get("email") or "—")[:254]


class HeldIndexView(IndexView):
    form_name = ""

    def get_base_queryset(self):
        return super().get_base_queryset().filter(form=self.form_name)


class HeldSubmissionViewSet(ModelViewSet):
    model = HeldSubmission
    icon = "warning"
    menu_label = _("Held submissions")
    menu_order = 251
    add_to_admin_menu = True
    url_prefix = "held-submissions"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["reason"]  # required by ModelViewSet; no one may reach the form
    form_name = ""  # the form whose held submissions this lists
    permission = ""  # who reads them: who reads that form's cases

    @property
    def list_display(self):
        return [
            TitleColumn(
                "received_at", label=_("received at"), url_name=self.get_url_name("inspect")
            ),
            Column("reason", label=_("reason"), accessor="get_reason_display"),
            Column("organisation", label=_("organisation"), accessor=organisation),
            Column("email", label=_("email"), accessor=email),
            Column("repeats", label=_("repeats")),
            Column("omitted_chars", label=_("characters not kept")),
        ]

    list_filter = ["reason"]
    index_view_class = HeldIndexView
    inspect_view_fields = [
        "received_at",
        "reason",
        "language",
        "data",
        "files",
        "repeats",
        "omitted_chars",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(form_name=self.form_name, **kwargs)

    @property
    def permission_policy(self):
        return HeldPermissionPolicy(
            self.model, form_name=self.form_name, permission=self.permission
        )
