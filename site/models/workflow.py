"""« Révision éditoriale »: the moderation task of the editorial workflow (SPEC §6).

Members of the chosen groups (Communications) approve or request changes, like Wagtail's
group approval task, with one more rule: nobody approves their own last edit. Whoever
saved the revision under review may still request changes or edit again; someone else
must approve. The rule holds in the editor's menu (the action is not offered) and on the
server (the action is refused), superusers included.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


def last_editor_id(obj) -> int | None:
    """The user who saved the latest revision of a page or snippet (None if unknown)."""
    revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
    return revision.user_id if revision is not None else None


class EditorialReviewTask(AbstractGroupApprovalTask):
    def is_own_last_edit(self, obj, user) -> bool:
        return user.is_authenticated and last_editor_id(obj) == user.pk

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if self.is_own_last_edit(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and self.is_own_last_edit(
            task_state.revision.content_object, user
        ):
            raise PermissionDenied(_("Someone else must approve your own last edit."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve or request changes; nobody approves "
            "their own last edit."
        )

    class Meta:
        verbose_name = _("editorial review task")
        verbose_name_plural = _("editorial review tasks")
