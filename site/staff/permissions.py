"""Permission policies of the admin's screens.

``ReadOnlyPermissionPolicy``: records that people sent or that the law keeps (cases,
attendees, subscribers, the anonymisation log) are read, never typed in the admin: no
« add », « edit » or « delete » for anyone, whatever the group's model permissions say.
"""

from wagtail.permission_policies import ModelPermissionPolicy

READ_ONLY_ACTIONS = {"add", "change", "delete"}


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Read and export only: no « add », « edit » or « delete » for anyone."""

    def user_has_permission(self, user, action):
        if action in READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)
